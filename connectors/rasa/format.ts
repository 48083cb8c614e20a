import {
  type ConnectorFormat,
  type ImportSource,
  SynthnluError,
  intentNames,
} from '../../src/connector-kit.js';
import {domainFile, exportRasa, type RasaExportOptions} from './export.js';
import {exportRasaJson} from './export-json.js';
import {
  looksLikeRasaJson,
  looksLikeRasaMarkdown,
  looksLikeRasaYaml,
  readRasaJson,
  readRasaMarkdown,
  readRasaYaml,
} from './read.js';
import {trainingDataToDataset} from './to-dataset.js';
import {emptyTrainingData} from './training-data.js';

type Kind = 'yaml' | 'json' | 'markdown';

function kindOf(file: string, text: string): Kind | undefined {
  if (/\.ya?ml$/i.test(file) || !/\.(json|md|markdown)$/i.test(file)) {
    if (looksLikeRasaYaml(text)) return 'yaml';
  }
  if (/\.json$/i.test(file) || !/\.(ya?ml|md|markdown)$/i.test(file)) {
    if (looksLikeRasaJson(text)) return 'json';
  }
  if (/\.(md|markdown)$/i.test(file) || !/\.(ya?ml|json)$/i.test(file)) {
    if (looksLikeRasaMarkdown(text)) return 'markdown';
  }
  return undefined;
}

/** The Rasa training data files in a source: the file itself, or every .yml/.json/.md in a folder that holds NLU data. */
async function rasaFiles(source: ImportSource): Promise<Array<{file: string; text: string; kind: Kind}>> {
  const out: Array<{file: string; text: string; kind: Kind}> = [];
  for (const file of source.list()) {
    if (source.kind !== 'file' && !/\.(ya?ml|json|md)$/i.test(file)) continue;
    const text = await source.readText(file);
    const kind = kindOf(file, text);
    if (kind) out.push({file, text, kind});
  }
  return out;
}

/** Rasa NLU training data: writes YAML 3.1; reads YAML 2.x/3.x, legacy JSON (rasa_nlu_data) and legacy Markdown. */
export const rasaNluFormat: ConnectorFormat = {
  id: 'rasa',
  exportExamples: ['out/data.jsonl --to rasa --out out/nlu.yml'],
  companionFile: 'domain.yml',
  description: 'Rasa NLU training data (YAML; also reads legacy JSON and Markdown)',
  layout: 'file',
  extensions: ['.yml', '.yaml', '.json', '.md'],
  schemas: ['rasa-nlu.schema.json', 'rasa-domain.schema.json', 'rasa-legacy-json.schema.json'],
  async detect(source) {
    const files = source.list();
    if (source.kind === 'file' && files.length === 1) {
      const text = await source.readText(files[0]!);
      const kind = kindOf(files[0]!, text);
      return kind === undefined ? 0 : kind === 'markdown' ? 0.85 : 0.95;
    }
    const found = await rasaFiles(source);
    return found.length > 0 ? 0.7 : 0;
  },
  async exportDataset(dataset, context, options) {
    const out = options.outName ?? '';
    if (/\.json$/i.test(out)) {
      const files = [exportRasaJson(dataset, context, out)];
      if (options.domain) files.push(domainFile(dataset, intentNames(dataset)));
      return {files};
    }
    if (/\.(md|markdown)$/i.test(out)) {
      throw new SynthnluError(
        'RASA_MARKDOWN_OUTPUT',
        `Rasa 3 no longer reads Markdown training data: ${out}`,
        {
          location: {file: out},
          suggestion: 'Write nlu.yml (YAML, the current format) or a .json file (Rasa JSON).',
        },
      );
    }
    const files = exportRasa(dataset, context, options as RasaExportOptions);
    const nlu = (files[0]!.json as {nlu?: Array<{intent?: string}>}).nlu ?? [];
    return {files, intents: nlu.flatMap((item) => (item.intent === undefined ? [] : [item.intent]))};
  },
  async importDataset(source, context) {
    const found = await rasaFiles(source);
    if (found.length === 0) {
      throw new SynthnluError('RASA_NO_TRAINING_DATA', 'no Rasa NLU training data here', {
        location: {file: source.path},
        suggestion:
          'Give a Rasa nlu.yml (with an "nlu:" key), a rasa_nlu_data JSON file or a "## intent:" Markdown file.',
      });
    }
    const data = emptyTrainingData();
    for (const {file, text, kind} of found) {
      const where = source.kind === 'file' ? source.path : `${source.path}/${file}`;
      if (kind === 'yaml') readRasaYaml(text, where, context, data);
      else if (kind === 'json') readRasaJson(text, where, context, data);
      else readRasaMarkdown(text, where, context, data);
    }
    const name = source.path
      .replace(/[/\\]+$/, '')
      .replace(/^.*[/\\]/, '')
      .replace(/\.(ya?ml|json|md)$/i, '');
    return {dataset: trainingDataToDataset(data, name || undefined, context, source.path)};
  },
};
