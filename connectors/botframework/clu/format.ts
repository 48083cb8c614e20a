/** The Azure CLU conversation project format (--to/--from clu). */
import {type ConnectorContext, type ConnectorFormat, SynthnluError} from '../../../src/connector-kit.js';
import {cluLimits} from '../limits.js';
import {jsonFile, peekJson, pickFile, readJson, requireValid, safeBaseName} from '../json-file.js';
import {datasetToCluProject} from './from-dataset.js';
import {cluProjectToDataset} from './to-dataset.js';
import {CLU_SCHEMA_FILE, type CluProject} from './types.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The early preview (2021-11-01-preview era) stored examples under assets.examples with entityName labels and
 * no intent list we can rely on; current CLU cannot import it either, so we refuse it by name.
 */
function rejectUnreadableLayout(json: Record<string, unknown>, file: string): void {
  const assets = json['assets'];
  if (isRecord(assets) && Array.isArray(assets['examples']) && !Array.isArray(assets['utterances'])) {
    const version = json['api-version'] ?? json['projectFileVersion'] ?? 'unknown version';
    throw new SynthnluError(
      'CLU_UNSUPPORTED_LAYOUT',
      `${file} uses the early CLU preview layout (api-version ${String(version)}: assets.examples with entityName labels), which synthnlu cannot read`,
      {
        location: {file, path: 'assets.examples'},
        suggestion:
          'Import it into Language Studio and export it again (projectFileVersion 2022-05-01 or later).',
      },
    );
  }
  const kind = isRecord(json['metadata']) ? json['metadata']['projectKind'] : undefined;
  if (typeof kind === 'string' && !['conversation', 'orchestration'].includes(kind.toLowerCase())) {
    throw new SynthnluError(
      'CLU_UNSUPPORTED_LAYOUT',
      `${file} is a ${kind} project, not a Conversation project`,
      {
        location: {file, path: 'metadata.projectKind'},
        suggestion: 'Only conversational language understanding projects hold intents and utterances.',
      },
    );
  }
}

/**
 * An orchestration workflow project routes utterances to other projects: its intents and utterances are
 * ordinary training data (no entities). Its targets have no canonical home; they stay in intent metadata.
 */
function readOrchestrationAsConversation(
  json: Record<string, unknown>,
  file: string,
  context: ConnectorContext,
): void {
  const metadata = json['metadata'];
  const assets = json['assets'];
  if (!isRecord(metadata) || !isRecord(assets)) return;
  if (String(metadata['projectKind']).toLowerCase() !== 'orchestration') return;
  metadata['projectKind'] = 'Conversation';
  assets['projectKind'] = 'Conversation';
  assets['entities'] ??= [];
  const targeted = Array.isArray(assets['intents'])
    ? assets['intents'].filter((i) => isRecord(i) && i['orchestration'] !== undefined).length
    : 0;
  context.warn({
    code: 'CLU_ORCHESTRATION_READ',
    message: `${file} is an orchestration workflow project: its intents and utterances are read as a conversation project${targeted > 0 ? `; the targets of ${targeted} intents (the projects they route to) are kept in intent metadata but no other format can carry them, and a CLU export writes a conversation project` : ''}`,
  });
}

export const cluFormat: ConnectorFormat = {
  id: 'clu',
  description: 'Azure CLU conversation project JSON (projectFileVersion 2022-05-01 and later)',
  layout: 'file',
  // A multilingual project: one file holds every language (metadata.multilingual, a language per utterance and
  // per list synonyms entry).
  multiLanguage: true,
  // CLU carries the train/test split but no roles, nested labels, patterns or phrase lists.
  supports: {split: true, roles: false, nestedEntities: false, patterns: false, phraseLists: false},
  limits: cluLimits,
  extensions: ['.json'],
  schemas: [CLU_SCHEMA_FILE],
  async detect(source) {
    const json = await peekJson(source);
    if (!json || !isRecord(json['assets'])) return 0;
    return 'projectFileVersion' in json || 'api-version' in json || 'stringIndexType' in json ? 0.95 : 0.5;
  },
  async exportDataset(dataset, context, options) {
    const project = datasetToCluProject(dataset, context, options);
    return {
      files: [
        jsonFile(
          `${safeBaseName(project.metadata.projectName, 'clu-project')}.json`,
          project,
          CLU_SCHEMA_FILE,
        ),
      ],
      intents: project.assets.intents.map((i) => i.category),
    };
  },
  async importDataset(source, context) {
    const file = pickFile(source, '.json', 'CLU project JSON');
    const json = await readJson(source, file, 'CLU');
    if (isRecord(json)) {
      rejectUnreadableLayout(json, file);
      readOrchestrationAsConversation(json, file, context);
    }
    requireValid(context, CLU_SCHEMA_FILE, json, file, 'CLU', 'CLU conversation project');
    return {dataset: cluProjectToDataset(json as CluProject, file)};
  },
};
