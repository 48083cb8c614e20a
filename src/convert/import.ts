import type {Connector, ConnectorFormat, ImportSource} from '../connector.js';
import {ExitCode, SynthnluError, type Diagnostic} from '../errors.js';
import {checkDataset} from '../model/check-dataset.js';
import type {Dataset} from '../model/dataset.js';
import {mergeLanguages} from '../model/languages.js';
import {languageSiblings} from './language-files.js';
import {registry as defaultRegistry, type ConnectorRegistry} from '../registry.js';
import {validateAgainstSchema} from '../schema/validate.js';
import {createConnectorContext} from './context.js';
import {openImportSource} from './source.js';

export interface ImportedDataset {
  dataset: Dataset;
  warnings: Diagnostic[];
  format: string;
  connector: string;
}

/** "dialogflow (Dialogflow ES agent ...), luis (...)": what --from accepts, for messages. */
function readableFormats(registry: ConnectorRegistry): string {
  return registry
    .connectors()
    .flatMap((c) => c.formats.map((f) => `${f.id} (${f.description})`))
    .join(', ');
}

/** Asks every format how likely it is to hold the source; the best score over 0.5 wins. */
export async function detectFormat(
  source: ImportSource,
  registry: ConnectorRegistry = defaultRegistry,
): Promise<{connector: Connector; format: ConnectorFormat}> {
  let best: {connector: Connector; format: ConnectorFormat; score: number} | undefined;
  for (const connector of registry.connectors()) {
    for (const format of connector.formats) {
      const score = await format.detect(source).catch(() => 0);
      if (score > (best?.score ?? 0.5)) best = {connector, format, score};
    }
  }
  if (!best) {
    throw new SynthnluError('UNKNOWN_INPUT_FORMAT', 'cannot tell which platform format this is', {
      location: {file: source.path},
      suggestion: `synthnlu reads a synthnlu dataset (.json, .jsonl), a spec (.yaml, .json, .chatito), or a platform's files: ${readableFormats(registry)}. If it is one of these, name it with --from; other data (e.g. the SNIPS benchmark's JSON) must be converted to a dataset first.`,
    });
  }
  return best;
}

/** Reads a platform file, folder or zip into the canonical model, validated against dataset.schema.json. */
export async function importFromPath(
  path: string,
  options: {from?: string; registry?: ConnectorRegistry; siblings?: boolean} = {},
): Promise<ImportedDataset> {
  const registry = options.registry ?? defaultRegistry;
  const source = await openImportSource(path);
  const {connector, format} = options.from
    ? registry.format(options.from)
    : await detectFormat(source, registry);
  const context = createConnectorContext({schemas: registry.schemas});
  let {dataset} = await format.importDataset(source, context);
  // A format with one language per file: the other languages' files beside it (nlu.es.yml beside nlu.yml).
  const siblings = options.siblings === false || format.multiLanguage ? [] : await languageSiblings(path);
  if (siblings.length > 0) {
    const parts = [{language: dataset.language, dataset}];
    for (const sibling of siblings) {
      if (parts.some((p) => p.language === sibling.language)) continue;
      const part = await importFromPath(sibling.path, {...options, from: format.id, siblings: false});
      parts.push({language: sibling.language, dataset: part.dataset});
      context.warn({
        severity: 'info',
        code: 'IMPORT_LANGUAGE_FILE',
        message: `read ${sibling.path} as the ${sibling.language} part of ${path}`,
      });
    }
    dataset = mergeLanguages(parts);
  }
  const problems = validateAgainstSchema('dataset.schema.json', dataset, {
    codePrefix: 'IMPORT',
    maxDiagnostics: 20,
  });
  if (problems.length > 0) {
    throw new SynthnluError(
      'IMPORT_INVALID_DATASET',
      `the ${format.id} importer produced an invalid dataset: ${problems[0]!.path ?? ''} ${problems[0]!.message}`,
      {
        diagnostics: problems,
        location: {file: path},
        exitCode: ExitCode.failedCheck,
        suggestion: 'This is a synthnlu bug; please report it with the file.',
      },
    );
  }
  return {
    dataset,
    warnings: [...context.warnings, ...checkDataset(dataset, {file: path})],
    format: format.id,
    connector: connector.id,
  };
}
