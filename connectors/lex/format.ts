import {type ConnectorFormat, SynthnluError} from '../../src/connector-kit.js';
import {exportLexBot} from './export.js';
import {importLexBot} from './import.js';
import {findLexLayout} from './layout.js';
import {
  LEX_MAX_REGEX_LENGTH,
  LEX_MAX_SLOT_TYPE_VALUES,
  LEX_MAX_SLOTS_PER_INTENT,
  LEX_MAX_VALUE_LENGTH,
} from './limits.js';

export const LEX_SCHEMAS = [
  'lex-manifest.schema.json',
  'lex-bot.schema.json',
  'lex-bot-locale.schema.json',
  'lex-intent.schema.json',
  'lex-slot.schema.json',
  'lex-slot-type.schema.json',
];

const QUOTAS = 'https://docs.aws.amazon.com/lexv2/latest/dg/quotas.html';

/** Amazon Lex V2 bot: the Lex JSON export (zip or folder). */
export const lexBotFormat: ConnectorFormat = {
  id: 'lex',
  description: 'Amazon Lex V2 bot (Lex JSON export: zip or folder)',
  layout: 'archive',
  // One bot, one locale per language (BotLocales/en_US, BotLocales/es_US...); Lex's quotas hold per locale.
  multiLanguage: true,
  limitsPerLanguage: true,
  extensions: ['.zip'],
  schemas: LEX_SCHEMAS,
  exportExamples: ['out/data.jsonl --to lex --out lex-bot.zip'],
  async detect(source) {
    const layout = findLexLayout(source);
    return layout && layout.locales.size > 0 ? 0.95 : 0;
  },
  async exportDataset(dataset, context, options) {
    const files = exportLexBot(dataset, context, options);
    checkSlotTypeLimits(files);
    return {files};
  },
  async importDataset(source, context) {
    return {dataset: await importLexBot(source, context)};
  },
};

/** The quotas the generic limits do not cover, checked on what is about to be written. */
function checkSlotTypeLimits(files: ReadonlyArray<{path: string; json?: unknown}>): void {
  for (const file of files) {
    const json = file.json as Record<string, unknown> | undefined;
    if (!json) continue;
    if (file.path.endsWith('/SlotType.json')) {
      const values = (json.slotTypeValues ?? []) as Array<{
        sampleValue: {value: string};
        synonyms?: Array<{value: string}> | null;
      }>;
      const count = values.reduce((n, v) => n + 1 + (v.synonyms?.length ?? 0), 0);
      if (count > LEX_MAX_SLOT_TYPE_VALUES)
        throw limit(
          `slot type "${String(json.name)}" has ${count} values and synonyms; Lex allows ${LEX_MAX_SLOT_TYPE_VALUES} per slot type (${QUOTAS})`,
          file.path,
        );
      for (const v of values)
        for (const form of [v.sampleValue.value, ...(v.synonyms ?? []).map((s) => s.value)])
          if (form.length > LEX_MAX_VALUE_LENGTH)
            throw limit(
              `slot type "${String(json.name)}" has a value of ${form.length} characters; Lex allows ${LEX_MAX_VALUE_LENGTH} (${QUOTAS})`,
              file.path,
            );
      const pattern = (json.valueSelectionSetting as {regexFilter?: {pattern: string} | null} | null)
        ?.regexFilter?.pattern;
      if (pattern && pattern.length > LEX_MAX_REGEX_LENGTH)
        throw limit(
          `slot type "${String(json.name)}" has a regular expression of ${pattern.length} characters; Lex allows ${LEX_MAX_REGEX_LENGTH} (https://docs.aws.amazon.com/lexv2/latest/APIReference/API_SlotValueRegexFilter.html)`,
          file.path,
        );
    }
    if (file.path.endsWith('/Intent.json')) {
      const priorities = (json.slotPriorities ?? []) as unknown[];
      if (priorities.length > LEX_MAX_SLOTS_PER_INTENT)
        throw limit(
          `intent "${String(json.name)}" has ${priorities.length} slots; Lex allows ${LEX_MAX_SLOTS_PER_INTENT} per intent (${QUOTAS})`,
          file.path,
        );
    }
  }
}

function limit(message: string, file: string): SynthnluError {
  return new SynthnluError('LIMIT_LEX', message, {
    exitCode: 1,
    location: {file},
    suggestion: 'Split the entity or shorten its values before exporting to lex.',
  });
}
