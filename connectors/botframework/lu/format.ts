/** The Bot Framework .lu format (--to/--from lu). */
import {type ConnectorFormat, type ImportSource, SynthnluError} from '../../../src/connector-kit.js';
import {luisLimits} from '../limits.js';
import {datasetToLuisApp} from '../luis/from-dataset.js';
import {luisAppToDataset} from '../luis/to-dataset.js';
import {pickFile, safeBaseName} from '../json-file.js';
import {parseLu} from './parse.js';
import {luisAppToLu} from './write.js';

export const luFormat: ConnectorFormat = {
  id: 'lu',
  exportExamples: ['out/data.jsonl --to lu --out out/bot.lu --split train'],
  description: 'Bot Framework .lu file',
  layout: 'file',
  supports: {roles: true, nestedEntities: true, patterns: true, phraseLists: true, split: false},
  limits: luisLimits,
  // .lu is written through the LUIS app model, so it carries what LUIS keeps in metadata.luis.
  metadataNamespaces: ['lu', 'luis', 'botframework'],
  extensions: ['.lu'],
  schemas: [],
  async detect(source) {
    const files = source.list();
    if (files.length === 1 && files[0]!.toLowerCase().endsWith('.lu')) return 0.95;
    return files.some((f) => f.toLowerCase().endsWith('.lu')) ? 0.5 : 0;
  },
  async exportDataset(dataset, context, options) {
    const app = datasetToLuisApp(dataset, context, options);
    const text = luisAppToLu(app, context);
    // .lu has no JSON Schema: the check is that our own reader gets the same app back.
    const back = parseLu(text, 'export.lu');
    if (back.utterances.length !== app.utterances.length) {
      throw new SynthnluError(
        'LU_EXPORT_UNREADABLE',
        `the exported .lu reads back ${back.utterances.length} of ${app.utterances.length} utterances`,
        {
          exitCode: 1,
          suggestion: 'Please report this with the dataset: an utterance did not survive .lu escaping.',
        },
      );
    }
    return {
      files: [{path: `${safeBaseName(app.name, 'model')}.lu`, content: text}],
      intents: app.intents.map((i) => i.name),
    };
  },
  async importDataset(source, _context) {
    const files = luFiles(source);
    // A Bot Framework project keeps one .lu per dialog: a folder or zip of them is read as one app, in path
    // order, as bf-lu's --in folder does. They are parsed as one text; errors are mapped back to file and line.
    const texts = await Promise.all(files.map((f) => source.readText(f)));
    const starts: number[] = [];
    let line = 0;
    for (const text of texts) {
      starts.push(line);
      line += text.split(/\r?\n/).length;
    }
    const label = files.length === 1 ? files[0]! : source.path;
    let app;
    try {
      app = parseLu(texts.join('\n'), label, new Set(files.map((f) => f.split('/').pop()!)));
    } catch (error) {
      throw files.length > 1 ? relocate(error, files, starts) : error;
    }
    if (app.intents.length === 0) {
      throw new SynthnluError('LU_NO_INTENTS', `${label} defines no intents (no "# Intent" heading)`, {
        location: {file: label},
        suggestion: 'Add "# IntentName" followed by "- example utterance" lines.',
      });
    }
    return {dataset: luisAppToDataset(app, label)};
  },
};

function luFiles(source: ImportSource): string[] {
  if (source.kind === 'file') return [pickFile(source, '.lu', '.lu')];
  const files = source
    .list()
    .filter((f) => f.toLowerCase().endsWith('.lu'))
    .sort();
  return files.length > 0 ? files : [pickFile(source, '.lu', '.lu')];
}

/** Maps a line of the joined text back to the file it came from. */
function relocate(error: unknown, files: string[], starts: number[]): unknown {
  if (!(error instanceof SynthnluError) || error.location.line === undefined) return error;
  const zeroBased = error.location.line - 1;
  let index = 0;
  while (index + 1 < starts.length && starts[index + 1]! <= zeroBased) index += 1;
  const message = error.diagnostics[0]?.message ?? error.message;
  return new SynthnluError(error.code, message, {
    location: {file: files[index]!, line: zeroBased - starts[index]! + 1},
    ...(error.suggestion ? {suggestion: error.suggestion} : {}),
  });
}
