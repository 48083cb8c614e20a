import {basename} from 'node:path';
import type {ExportOptions} from '../connector.js';
import {ExitCode, SynthnluError, type Diagnostic} from '../errors.js';
import {intentNames, type Dataset} from '../model/dataset.js';
import {datasetInLanguage, datasetLanguages} from '../model/languages.js';
import {countOf} from '../report/count.js';
import {
  formatLimits,
  formatSupports,
  registry as defaultRegistry,
  type ConnectorRegistry,
} from '../registry.js';
import {createConnectorContext} from './context.js';
import {checkPlatformLimits, foreignMetadataWarnings, unsupportedFeatureWarnings} from './limits.js';
import {writeExportOutput} from './write-output.js';

export interface ExportSummary {
  format: string;
  connector: string;
  files: string[];
  /** The intents in the files written (with any the platform needs added, without any left out). */
  intents: number;
  /** Intents the files hold that the dataset does not (Dialogflow's default intents, LUIS's None). */
  addedIntents: string[];
  /** Intents of the dataset the files do not hold (Rasa: an intent without examples). */
  omittedIntents: string[];
  utterances: number;
  warnings: Diagnostic[];
}

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/** "12 intents, 3 entities, 140 utterances" of a dataset written, naming the intents it holds no utterance of. */
export function datasetCountLine(dataset: Dataset): string {
  const used = new Set(dataset.utterances.map((u) => u.intent));
  const empty = intentNames(dataset).filter((n) => !used.has(n));
  return `${countOf(intentNames(dataset).length, 'intent')}${empty.length > 0 ? ` (${empty.length} without utterances: ${quoted(empty)})` : ''}, ${countOf(dataset.entities.length, 'entity', 'entities')}, ${countOf(dataset.utterances.length, 'utterance')}`;
}

/** The summary lines of an export: one count, from what was written, and the intents added or left out. */
export function exportSummaryLines(summary: ExportSummary, verb: string): string[] {
  const lines = [
    `${verb}: ${countOf(summary.intents, 'intent')}, ${countOf(summary.utterances, 'utterance')} -> ${summary.files.join(', ')}`,
  ];
  if (summary.addedIntents.length > 0)
    lines.push(
      `  added ${countOf(summary.addedIntents.length, 'intent')} ${summary.format} needs, without training phrases: ${quoted(summary.addedIntents)}`,
    );
  if (summary.omittedIntents.length > 0)
    lines.push(
      `  left out ${countOf(summary.omittedIntents.length, 'intent')} without examples: ${quoted(summary.omittedIntents)}`,
    );
  return lines;
}

/**
 * Exports a dataset to a platform format: limits first (nothing is written if the platform would reject the
 * data), then the connector translates, then every file is schema-checked and written atomically.
 */
export async function exportToPath(
  dataset: Dataset,
  formatId: string,
  out: string,
  options: ExportOptions & {
    force?: boolean;
    inputs?: readonly string[];
    registry?: ConnectorRegistry;
    testAsTrain?: boolean;
  } = {},
): Promise<ExportSummary> {
  const registry = options.registry ?? defaultRegistry;
  const {connector, format} = registry.format(formatId);
  const languages = datasetLanguages(dataset);
  if (languages.length > 1 && !format.multiLanguage)
    return exportPerLanguage(dataset, formatId, out, options);
  const {dataset: selected, note} = selectSplit(
    dataset,
    formatSupports(connector, format).split,
    format.id,
    options,
  );
  // A platform that limits each language on its own (Lex locales) is checked one language at a time.
  const limitFindings =
    format.limitsPerLanguage && languages.length > 1
      ? languages.flatMap((language) =>
          checkPlatformLimits(
            datasetInLanguage(selected, language),
            formatLimits(connector, format),
            `${format.id} (${language})`,
          ),
        )
      : checkPlatformLimits(selected, formatLimits(connector, format), format.id);
  const limitErrors = limitFindings.filter((d) => d.severity === 'error');
  if (limitErrors.length > 0) {
    throw new SynthnluError(
      limitErrors[0]!.code,
      `${limitErrors[0]!.message}${limitErrors.length > 1 ? ` (and ${limitErrors.length - 1} more)` : ''}`,
      {
        diagnostics: limitFindings,
        exitCode: ExitCode.failedCheck,
        ...(limitErrors[0]!.suggestion ? {suggestion: limitErrors[0]!.suggestion} : {}),
      },
    );
  }
  const context = createConnectorContext({schemas: registry.schemas});
  const exportOptions: ExportOptions = {};
  if (options.name) exportOptions.name = options.name;
  if (options.split) exportOptions.split = options.split;
  if (options.domain) exportOptions.domain = true;
  exportOptions.outName = basename(out);
  const {files, intents: writtenIntents} = await format.exportDataset(selected, context, exportOptions);
  const written = await writeExportOutput(files, out, format.layout, {
    schemas: registry.schemas,
    force: options.force ?? false,
    inputs: options.inputs ?? [],
  });
  return {
    format: format.id,
    connector: connector.id,
    files: written,
    ...intentCounts(intentNames(selected), writtenIntents),
    utterances: selected.utterances.length,
    warnings: [
      ...(note ? [note] : []),
      ...limitFindings,
      ...unsupportedFeatureWarnings(selected, formatSupports(connector, format), format.id),
      ...foreignMetadataWarnings(selected, format.metadataNamespaces ?? [format.id, connector.id], format.id),
      ...context.warnings,
    ],
  };
}

/** `nlu.yml` -> `nlu.es.yml`, `agent.zip` -> `agent.es.zip`, `agent` -> `agent.es`: one language's output. */
export function languageOutputName(out: string, language: string): string {
  const name = basename(out);
  const dot = name.lastIndexOf('.');
  const at = dot > 0 ? out.length - (name.length - dot) : out.length;
  return `${out.slice(0, at)}.${language}${out.slice(at)}`;
}

/**
 * A format that holds one language per file: each language exported on its own, the primary to `out`, the
 * others beside it (languageOutputName); the summary adds them up and says which file holds which language.
 */
async function exportPerLanguage(
  dataset: Dataset,
  formatId: string,
  out: string,
  options: Parameters<typeof exportToPath>[3] = {},
): Promise<ExportSummary> {
  const languages = datasetLanguages(dataset);
  const summaries: ExportSummary[] = [];
  for (const [i, language] of languages.entries())
    summaries.push(
      await exportToPath(
        datasetInLanguage(dataset, language),
        formatId,
        i === 0 ? out : languageOutputName(out, language),
        options,
      ),
    );
  const first = summaries[0]!;
  return {
    ...first,
    files: summaries.flatMap((s) => s.files),
    utterances: summaries.reduce((n, s) => n + s.utterances, 0),
    warnings: [
      {
        severity: 'info',
        code: 'EXPORT_ONE_FILE_PER_LANGUAGE',
        message: `${first.format} holds one language per file: ${languages.map((l, i) => `${l} -> ${basename(summaries[i]!.files[0] ?? '')}`).join(', ')}`,
        suggestion: `Import ${basename(first.files[0] ?? out)} to read every language back (the files named <name>.<language> beside it are read too).`,
      },
      ...summaries.flatMap((s) => s.warnings),
    ],
  };
}

/** The count of intents written and how they differ from the dataset's (declared or used). */
function intentCounts(
  source: readonly string[],
  written: readonly string[] | undefined,
): Pick<ExportSummary, 'intents' | 'addedIntents' | 'omittedIntents'> {
  if (!written) return {intents: source.length, addedIntents: [], omittedIntents: []};
  const had = new Set(source);
  const has = new Set(written);
  return {
    intents: has.size,
    addedIntents: [...has].filter((n) => !had.has(n)),
    omittedIntents: source.filter((n) => !has.has(n)),
  };
}

/**
 * Which utterances an export carries. --split picks one split. Otherwise a format that can mark test
 * utterances (CLU) carries both; a format that cannot leaves the test split out, so it stays unseen for
 * evaluation, and says so once; --test-as-train exports it as training data instead.
 */
function selectSplit(
  dataset: Dataset,
  carriesSplit: boolean,
  format: string,
  options: {split?: 'train' | 'test'; testAsTrain?: boolean},
): {dataset: Dataset; note?: Diagnostic} {
  const only = (split: 'train' | 'test') => ({
    ...dataset,
    utterances: dataset.utterances.filter((u) => (u.split ?? 'train') === split),
  });
  if (options.split) return {dataset: only(options.split)};
  const tests = dataset.utterances.filter((u) => u.split === 'test').length;
  if (!tests || carriesSplit) return {dataset};
  const plural = tests === 1 ? 'utterance' : 'utterances';
  if (options.testAsTrain)
    return {
      dataset: {...dataset, utterances: dataset.utterances.map(({split: _split, ...u}) => u)},
      note: {
        severity: 'info',
        code: 'EXPORT_TEST_AS_TRAIN',
        message: `${format} cannot mark test utterances: the ${tests} test ${plural} are exported as training data (--test-as-train)`,
      },
    };
  return {
    dataset: only('train'),
    note: {
      severity: 'warning',
      code: 'EXPORT_TEST_SPLIT_LEFT_OUT',
      message: `${format} cannot mark test utterances: the ${tests} test ${plural} are left out of the exported files, so they stay unseen for evaluation`,
      suggestion:
        'Pass --test-as-train to export them as training data, or --split test to export only them.',
    },
  };
}
