/**
 * Dialogflow CX v3 API objects <-> the agent package files the file connector reads and writes. Going through
 * the package keeps one mapping of parts, parameters, system entities and roles for files and for the API:
 * pull turns the API's intents and entity types into package files and imports them; push exports the
 * dataset as a package and sends its intents and entity types.
 *
 * The API differs from the files in three ways: a parameter's entityType is a resource name
 * (".../entityTypes/<id>", system ones "projects/-/locations/-/agents/-/entityTypes/sys.date") where files
 * say "@name"; phrases carry no languageCode (the request does) and no auto flag; enums may be numbers.
 */
import {
  type ImportSource,
  createConnectorContext,
  emptyDataset,
  type Dataset,
} from '../../../../src/connector-kit.js';
import {cxJsonText} from '../cx-json.js';
import {exportCxAgent} from '../export.js';
import {importCxAgent} from '../import.js';
import {uniqueFolders} from '../layout.js';
import type {
  CxEntity,
  CxEntityType,
  CxExcludedPhrase,
  CxIntent,
  CxParameter,
  CxTrainingPhrase,
} from '../types.js';

export interface ApiPart {
  text?: string | null;
  parameterId?: string | null;
}
export interface ApiTrainingPhrase {
  id?: string | null;
  parts?: ApiPart[] | null;
  repeatCount?: number | null;
}
export interface ApiParameter {
  id?: string | null;
  entityType?: string | null;
  isList?: boolean | null;
  redact?: boolean | null;
}
export interface ApiIntent {
  name?: string | null;
  displayName?: string | null;
  trainingPhrases?: ApiTrainingPhrase[] | null;
  parameters?: ApiParameter[] | null;
  priority?: number | null;
  isFallback?: boolean | null;
  description?: string | null;
  [key: string]: unknown;
}
export interface ApiEntityType {
  name?: string | null;
  displayName?: string | null;
  kind?: string | number | null;
  autoExpansionMode?: string | number | null;
  entities?: Array<{value?: string | null; synonyms?: string[] | null}> | null;
  excludedPhrases?: Array<{value?: string | null}> | null;
  enableFuzzyExtraction?: boolean | null;
  redact?: boolean | null;
  [key: string]: unknown;
}

/** The resource name system entity types have in every agent. */
export const SYSTEM_ENTITY_PREFIX = 'projects/-/locations/-/agents/-/entityTypes/';

const KINDS = ['KIND_UNSPECIFIED', 'KIND_MAP', 'KIND_LIST', 'KIND_REGEXP'];
const EXPANSION = ['AUTO_EXPANSION_MODE_UNSPECIFIED', 'AUTO_EXPANSION_MODE_DEFAULT'];

function enumName(value: string | number | null | undefined, names: string[]): string {
  return typeof value === 'number' ? (names[value] ?? names[0]!) : (value ?? names[0]!);
}

function lastSegment(name: string | null | undefined): string | undefined {
  return name ? name.slice(name.lastIndexOf('/') + 1) : undefined;
}

/** An ImportSource over package files held in memory. */
function packageSource(files: Map<string, string>, path: string): ImportSource {
  return {
    path,
    kind: 'folder',
    list: () => [...files.keys()],
    readText: async (file) => files.get(file) ?? '',
    readBytes: async (file) => new TextEncoder().encode(files.get(file) ?? ''),
  };
}

/** Reads the agent's intents and entity types (in one language) into a canonical dataset. */
export async function apiToDataset(
  intents: readonly ApiIntent[],
  entityTypes: readonly ApiEntityType[],
  language: string,
  agentName: string,
): Promise<Dataset> {
  if (intents.length === 0 && entityTypes.length === 0) return emptyDataset(language, agentName);
  const files = new Map<string, string>();
  files.set('agent.json', cxJsonText({defaultLanguageCode: language}));
  const typeNames = new Map<string, string>();
  const typeFolders = uniqueFolders(entityTypes.map((t) => t.displayName ?? ''));
  for (const type of entityTypes) {
    const displayName = type.displayName ?? '';
    if (type.name) typeNames.set(type.name, displayName);
    const folder = `entityTypes/${typeFolders.get(displayName)!}`;
    const stem = folder.slice('entityTypes/'.length);
    const file: CxEntityType = {
      name: lastSegment(type.name),
      displayName,
      kind: enumName(type.kind, KINDS) as CxEntityType['kind'],
    };
    const expansion = enumName(type.autoExpansionMode, EXPANSION);
    if (expansion !== EXPANSION[0]) file.autoExpansionMode = expansion as CxEntityType['autoExpansionMode'];
    if (type.enableFuzzyExtraction) file.enableFuzzyExtraction = true;
    if (type.redact) file.redact = true;
    files.set(`${folder}/${stem}.json`, JSON.stringify(file));
    const entities: CxEntity[] = (type.entities ?? []).map((e) => ({
      value: e.value ?? '',
      synonyms: [...(e.synonyms ?? [])],
      languageCode: language,
    }));
    if (entities.length > 0) files.set(`${folder}/entities/${language}.json`, JSON.stringify({entities}));
    const excludedPhrases: CxExcludedPhrase[] = (type.excludedPhrases ?? []).map((e) => ({
      value: e.value ?? '',
      languageCode: language,
    }));
    if (excludedPhrases.length > 0)
      files.set(`${folder}/excludedPhrases/${language}.json`, JSON.stringify({excludedPhrases}));
  }
  const entityTypeRef = (resource: string | null | undefined): string => {
    if (!resource) return '@sys.any';
    if (resource.startsWith(SYSTEM_ENTITY_PREFIX) || /\/entityTypes\/sys\./.test(resource))
      return `@${lastSegment(resource)}`;
    return `@${typeNames.get(resource) ?? lastSegment(resource)}`;
  };
  const intentFolders = uniqueFolders(intents.map((i) => i.displayName ?? ''));
  for (const intent of intents) {
    const displayName = intent.displayName ?? '';
    const stem = intentFolders.get(displayName)!;
    const file: CxIntent = {name: lastSegment(intent.name), displayName};
    const parameters: CxParameter[] = (intent.parameters ?? []).map((p) => ({
      id: p.id ?? '',
      entityType: entityTypeRef(p.entityType),
      ...(p.isList ? {isList: true} : {}),
      ...(p.redact ? {redact: true} : {}),
    }));
    if (parameters.length > 0) file.parameters = parameters;
    if (intent.priority) file.priority = intent.priority;
    if (intent.isFallback) file.isFallback = true;
    if (intent.description) file.description = intent.description;
    files.set(`intents/${stem}/${stem}.json`, JSON.stringify(file));
    const trainingPhrases: CxTrainingPhrase[] = (intent.trainingPhrases ?? []).map((phrase) => ({
      ...(phrase.id ? {id: phrase.id} : {}),
      // A phrase is its parts: the API never returns one without (and the file schema wants at least one).
      parts: (phrase.parts ?? []).map((part) => ({
        text: part.text ?? '',
        ...(part.parameterId ? {parameterId: part.parameterId} : {}),
      })) as CxTrainingPhrase['parts'],
      repeatCount: phrase.repeatCount ?? 1,
      languageCode: language,
    }));
    if (trainingPhrases.length > 0)
      files.set(`intents/${stem}/trainingPhrases/${language}.json`, JSON.stringify({trainingPhrases}));
  }
  const dataset = await importCxAgent(packageSource(files, agentName), createConnectorContext());
  // The agent's settings live on the platform, not in a pulled dataset.
  delete dataset.metadata;
  dataset.name = agentName;
  return dataset;
}

/** A dataset as the intents and entity types the API takes (entity types still refer to others by "@name"). */
export interface DesiredAgent {
  intents: Map<string, DesiredIntent>;
  entityTypes: Map<string, DesiredEntityType>;
}
export interface DesiredIntent {
  intent: CxIntent;
  phrases: CxTrainingPhrase[];
}
export interface DesiredEntityType {
  entityType: CxEntityType;
  entities: CxEntity[];
}

/** Exports the dataset as a package (the file connector's mapping) and collects what the API needs from it. */
export function datasetToAgent(dataset: Dataset): DesiredAgent {
  const files = exportCxAgent(dataset, createConnectorContext(), {});
  const json = new Map(files.filter((f) => f.json !== undefined).map((f) => [f.path, f.json]));
  const agent: DesiredAgent = {intents: new Map(), entityTypes: new Map()};
  for (const [path, value] of json) {
    const intent = /^intents\/([^/]+)\/\1\.json$/.exec(path);
    if (intent) {
      const phrases = json.get(`intents/${intent[1]}/trainingPhrases/${dataset.language}.json`) as
        {trainingPhrases: CxTrainingPhrase[]} | undefined;
      const file = value as CxIntent;
      agent.intents.set(file.displayName, {intent: file, phrases: phrases?.trainingPhrases ?? []});
    }
    const type = /^entityTypes\/([^/]+)\/\1\.json$/.exec(path);
    if (type) {
      const entities = json.get(`entityTypes/${type[1]}/entities/${dataset.language}.json`) as
        {entities: CxEntity[]} | undefined;
      const file = value as CxEntityType;
      agent.entityTypes.set(file.displayName, {entityType: file, entities: entities?.entities ?? []});
    }
  }
  return agent;
}

/** The API's training phrases (no languageCode, no auto flags: the request carries the language). */
export function apiPhrases(phrases: readonly CxTrainingPhrase[]): ApiTrainingPhrase[] {
  return phrases.map((phrase) => ({
    parts: phrase.parts.map((part) => ({
      text: part.text,
      ...(part.parameterId ? {parameterId: part.parameterId} : {}),
    })),
    repeatCount: phrase.repeatCount ?? 1,
  }));
}

/** "@name" → the entity type's resource name; "@sys.x" → the shared system name; unknown names → @sys.any. */
export function apiEntityTypeName(ref: string, resources: ReadonlyMap<string, string>): string {
  const name = ref.replace(/^@/, '');
  if (name.startsWith('sys.')) return SYSTEM_ENTITY_PREFIX + name;
  return resources.get(name) ?? `${SYSTEM_ENTITY_PREFIX}sys.any`;
}
