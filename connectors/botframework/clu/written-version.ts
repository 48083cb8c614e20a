/**
 * What a projectFileVersion 2023-04-01 file may hold. Files imported from newer (preview) versions carry fields
 * that version does not define, and CLU's import of a 2023-04-01 file rejects or ignores them: each is dropped
 * or mapped here with a warning, so the file we write is the file CLU reads
 * (https://learn.microsoft.com/rest/api/language/conversational-analysis-authoring/import?view=rest-language-2023-04-01).
 */
import type {ConnectorContext} from '../../../src/connector-kit.js';
import type {CluEntity, CluProject} from './types.js';

/** ConversationExportedEntity.compositionSetting in 2023-04-01. */
const COMPOSITION_SETTINGS = new Set([
  'returnLongestOverlap',
  'requireExactOverlap',
  'separateComponents',
  'combineComponents',
]);
const ENTITY_KEYS = new Set([
  'category',
  'compositionSetting',
  'list',
  'prebuilts',
  'regex',
  'requiredComponents',
]);
const METADATA_KEYS = new Set([
  'projectKind',
  'projectName',
  'language',
  'multilingual',
  'description',
  'settings',
]);
const SETTINGS_KEYS = new Set(['confidenceThreshold']);
const PROJECT_KEYS = new Set(['projectFileVersion', 'stringIndexType', 'metadata', 'assets']);
const ASSETS_KEYS = new Set(['projectKind', 'intents', 'entities', 'utterances']);

/** CLU project names: letters, digits, "_", "." and "-", at most 50 characters. */
const PROJECT_NAME = /^[A-Za-z0-9_.-]{1,50}$/;

export function cluProjectName(name: string, context: ConnectorContext): string {
  if (PROJECT_NAME.test(name)) return name;
  const fixed =
    name
      .replace(/[^A-Za-z0-9_.-]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 50) || 'synthnlu';
  context.warn({
    code: 'CLU_PROJECT_NAME_CHANGED',
    message: `CLU project names use letters, digits, "_", "." and "-" (at most 50 characters): "${name}" is written as "${fixed}"`,
    suggestion: 'Choose the name yourself with --name, or rename the dataset.',
  });
  return fixed;
}

function pick<T extends Record<string, unknown>>(
  value: T,
  keys: Set<string>,
  dropped: Set<string>,
  where: string,
): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (keys.has(key)) out[key] = v;
    else dropped.add(`${where}${key}`);
  }
  return out as T;
}

function writtenEntity(entity: CluEntity, dropped: Set<string>, context: ConnectorContext): CluEntity {
  const out = pick(entity, ENTITY_KEYS, dropped, 'assets.entities[].');
  if (out.compositionSetting !== undefined && !COMPOSITION_SETTINGS.has(out.compositionSetting)) {
    context.warn({
      code: 'CLU_SETTING_CHANGED',
      message: `CLU 2023-04-01 has no compositionSetting "${out.compositionSetting}": entity "${entity.category}" is written with "combineComponents"`,
    });
    out.compositionSetting = 'combineComponents';
  }
  return out;
}

/** The project restricted to 2023-04-01's fields; one warning lists everything left out. */
export function restrictToWrittenVersion(project: CluProject, context: ConnectorContext): CluProject {
  const dropped = new Set<string>();
  const out = pick(project, PROJECT_KEYS, dropped, '');
  const metadata = pick(project.metadata, METADATA_KEYS, dropped, 'metadata.');
  if (metadata.settings)
    metadata.settings = pick(metadata.settings, SETTINGS_KEYS, dropped, 'metadata.settings.');
  const assets = pick(project.assets, ASSETS_KEYS, dropped, 'assets.');
  assets.intents = assets.intents.map((i) => pick(i, new Set(['category']), dropped, 'assets.intents[].'));
  assets.entities = assets.entities.map((e) => writtenEntity(e, dropped, context));
  if (dropped.size > 0) {
    context.warn({
      code: 'CLU_FIELDS_DROPPED',
      message: `CLU projectFileVersion 2023-04-01 does not define ${[...dropped].join(', ')}: left out of the exported project`,
    });
  }
  return {...out, metadata, assets};
}
