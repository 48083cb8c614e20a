import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {expect} from 'vitest';
import type {ConnectorFormat, OutputFile} from '../../src/connector.js';
import {createConnectorContext} from '../../src/convert/context.js';
import {exportToPath} from '../../src/convert/export.js';
import {importFromPath} from '../../src/convert/import.js';
import {checkDataset} from '../../src/model/check-dataset.js';
import {emptyDataset, type Dataset} from '../../src/model/dataset.js';
import {validateAgainstSchema} from '../../src/schema/validate.js';
import {memorySource} from './memory-source.js';

/**
 * A small bank dataset in English and Spanish for multi-language exports: a list entity with Spanish forms,
 * a regex entity and a free-form one, spans in both languages, an intent with no Spanish examples, and
 * English utterances both tagged and untagged (absent: the primary language).
 */
export function bilingualDataset(): Dataset {
  const span = (text: string, word: string, entity: string, value?: string) => {
    const start = text.indexOf(word);
    return {entity, start, end: start + word.length, ...(value ? {value} : {})};
  };
  const u = (
    text: string,
    intent: string,
    language: string | undefined,
    ...spans: Array<[string, string]>
  ) => ({
    text,
    intent,
    ...(language ? {language} : {}),
    ...(spans.length ? {entities: spans.map(([word, entity]) => span(text, word, entity))} : {}),
  });
  return {
    ...emptyDataset('en', 'bank'),
    languages: ['en', 'es'],
    intents: [{name: 'check_balance'}, {name: 'transfer'}, {name: 'thanks'}],
    entities: [
      {
        name: 'account',
        kind: 'list',
        values: [
          {
            value: 'checking',
            synonyms: ['checking account'],
            synonymsByLanguage: {es: ['cuenta corriente', 'cuenta nómina']},
          },
          {value: 'savings', synonyms: ['savings account'], synonymsByLanguage: {es: ['cuenta de ahorros']}},
        ],
      },
      {name: 'amount', kind: 'regex', patterns: ['[1-9][0-9]{1,3}']},
      {name: 'payee', kind: 'ml'},
    ],
    utterances: [
      u("what's my balance", 'check_balance', undefined),
      u('how much is in my checking account', 'check_balance', 'en', ['checking account', 'account']),
      u('cuál es mi saldo', 'check_balance', 'es'),
      u('cuánto hay en mi cuenta de ahorros', 'check_balance', 'es', ['cuenta de ahorros', 'account']),
      u('send 50 dollars to Anna', 'transfer', 'en', ['50', 'amount'], ['Anna', 'payee']),
      u('envía 20 euros a Lucía', 'transfer', 'es', ['20', 'amount'], ['Lucía', 'payee']),
      u(
        'transfiere 300 euros a mi cuenta corriente',
        'transfer',
        'es',
        ['300', 'amount'],
        ['cuenta corriente', 'account'],
      ),
      u('thanks a lot', 'thanks', undefined),
    ],
  };
}

/** Per language, the sorted "intent: text [entity start-end]..." lines of a dataset's utterances. */
export function linesByLanguage(dataset: Dataset): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const u of dataset.utterances) {
    const spans = (u.entities ?? []).map((s) => ` [${s.entity} ${s.start}-${s.end}]`).join('');
    (out[u.language ?? dataset.language] ??= []).push(`${u.intent}: ${u.text}${spans}`);
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

export async function exportWith(
  format: ConnectorFormat,
  dataset: Dataset,
  context = createConnectorContext(),
) {
  return (await format.exportDataset(dataset, context, {})).files;
}

export async function importWith(
  format: ConnectorFormat,
  files: Record<string, string | Uint8Array> | OutputFile[],
  context = createConnectorContext(),
): Promise<Dataset> {
  const map = Array.isArray(files) ? Object.fromEntries(files.map((f) => [f.path, f.content])) : files;
  return (await format.importDataset(memorySource(map, {kind: 'folder', path: 'agent'}), context)).dataset;
}

/** The parsed JSON of one output file, by path. */
export function fileJson(files: readonly OutputFile[], path: string): unknown {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path} among ${files.map((f) => f.path).join(', ')}`);
  return JSON.parse(typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content));
}

/**
 * Exports the bilingual dataset with the CLI's export path to a fresh folder: the names of the files written
 * there, the export's warning codes, and the dataset read back from `agent.zip`.
 */
export async function exportThroughCore(formatId: string): Promise<{
  written: string[];
  codes: string[];
  back: Dataset;
}> {
  const dir = mkdtempSync(join(tmpdir(), `synthnlu-${formatId}-languages-`));
  try {
    const out = join(dir, 'agent.zip');
    const summary = await exportToPath(bilingualDataset(), formatId, out);
    const back = (await importFromPath(out, {from: formatId})).dataset;
    return {
      written: readdirSync(dir)
        .filter((n) => !n.startsWith('.'))
        .sort(),
      codes: summary.warnings.map((w) => w.code),
      back,
    };
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

/** Each value of a list entity with its other languages' forms. */
export function formsOf(dataset: Dataset, entity: string) {
  return dataset.entities.find((e) => e.name === entity)?.values?.map((v) => [v.value, v.synonymsByLanguage]);
}

/**
 * Exports the bilingual dataset with a format, reads it back and checks what every multi-language format
 * keeps: a valid dataset in en and es, every utterance tagged with its language, the same utterances and spans
 * per language (4 each), the Spanish forms of list values; then exports it again and expects the same files
 * (compared parsed: intents come back in the order read, entity files' keys in the order the importer keeps).
 */
export async function expectBilingualRoundTrip(
  format: ConnectorFormat,
): Promise<{back: Dataset; codes: string[]}> {
  const original = bilingualDataset();
  const files = await exportWith(format, original);
  const context = createConnectorContext();
  const back = await importWith(format, files, context);
  expect(validateAgainstSchema('dataset.schema.json', back)).toEqual([]);
  expect(checkDataset(back).filter((d) => d.severity === 'error')).toEqual([]);
  expect(back.language).toBe('en');
  expect(back.languages).toEqual(['en', 'es']);
  expect(back.utterances.every((u) => u.language === 'en' || u.language === 'es')).toBe(true);
  expect(linesByLanguage(back)).toEqual(linesByLanguage(original));
  expect(Object.values(linesByLanguage(back)).map((lines) => lines.length)).toEqual([4, 4]);
  expect(formsOf(back, 'account')).toEqual(formsOf(original, 'account'));
  const again = await exportWith(format, back);
  const byPath = (list: OutputFile[]) =>
    Object.fromEntries(list.map((f) => [f.path, fileJson(list, f.path)]));
  expect(byPath(again)).toEqual(byPath(files));
  return {back, codes: context.warnings.map((w) => w.code)};
}
