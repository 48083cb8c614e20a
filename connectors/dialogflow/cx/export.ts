import {
  type ConnectorContext,
  type ExportOptions,
  type OutputFile,
  intentNames,
  datasetInLanguage,
  datasetLanguages,
  languageForms,
  utteranceLanguage,
  type Dataset,
  type Entity,
  type EntitySpan,
  type Utterance,
} from '../../../src/connector-kit.js';
import {cxJsonText} from './cx-json.js';
import {uniqueFolders} from './layout.js';
import {cxMeta} from './metadata.js';
import {parseCxJson} from './read-json.js';
import {annotatedValues, flatSpans, stableUuid, withSelf} from '../shared/spans.js';
import {cxSystemType} from './system-entities.js';
import type {
  CxAgent,
  CxAgentMetadata,
  CxEntity,
  CxEntityMetadata,
  CxEntityType,
  CxIntent,
  CxIntentMetadata,
  CxParameter,
  CxPart,
  CxTrainingPhrase,
  CxUtteranceMetadata,
} from './types.js';

/** Names the CX console accepts for entity types and parameter ids. */
const CX_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

function json(path: string, schema: string | undefined, value: unknown): OutputFile {
  return {path, ...(schema ? {schema} : {}), json: value, content: cxJsonText(value)};
}

/** Scoped by the dataset: the entity of a span, and the warnings an export gives once. */
interface ExportState {
  language: string;
  entities: Map<string, Entity>;
  context: ConnectorContext;
}

/**
 * One language of the agent: the dataset as it sees it (its utterances, list values with its forms as
 * synonyms), and whether it is the default language.
 */
interface AgentLanguage {
  primary: boolean;
  dataset: Dataset;
  state: ExportState;
}

/**
 * The agent's languages, the default first: a dataset in several languages is one agent whose other
 * languages are supportedLanguageCodes, each with its own trainingPhrases/ and entities/ file.
 */
function agentLanguages(dataset: Dataset, context: ConnectorContext): AgentLanguage[] {
  const held = datasetLanguages(dataset);
  for (const u of dataset.utterances) {
    const own = utteranceLanguage(u, dataset);
    if (!held.includes(own)) held.push(own);
  }
  const views = held.length === 1 ? [dataset] : held.map((l) => datasetInLanguage(dataset, l));
  return views.map((view, i) => ({
    primary: i === 0,
    dataset: view,
    state: {language: view.language, context, entities: new Map(view.entities.map((e) => [e.name, e]))},
  }));
}

/**
 * Writes a Dialogflow CX agent package: agent.json, intents/<name>/ and entityTypes/<name>/ as the console's
 * JSON package export does. A dataset imported from CX gets its agent back untouched (agent.json, flows, pages,
 * webhooks, playbooks, generators...), and its intents and entity types in the files and order they came from.
 */
export function exportCxAgent(
  dataset: Dataset,
  context: ConnectorContext,
  options: ExportOptions,
): OutputFile[] {
  const language = dataset.language;
  const languages = agentLanguages(dataset, context);
  const state: ExportState = {language, context, entities: new Map(dataset.entities.map((e) => [e.name, e]))};
  const agentMeta = cxMeta<CxAgentMetadata>(dataset);
  const files: OutputFile[] = [
    agentFile(
      agentMeta,
      languages.map((l) => l.state.language),
      dataset.description ?? options.name ?? dataset.name,
    ),
  ];
  files.push(...keptFiles(agentMeta, context));
  if (!agentMeta) files.push(startFlow(intentNames(dataset)));

  const usedTypes = new Set<string>();
  files.push(...intentFiles(dataset, languages, usedTypes));
  const entityNames = [
    ...dataset.entities.filter((e) => e.kind !== 'prebuilt').map((e) => e.name),
    ...[...usedTypes].filter((n) => !state.entities.has(n)),
  ];
  const badNames = entityNames.filter((n) => !CX_NAME.test(n));
  if (badNames.length > 0) {
    context.warn({
      code: 'DIALOGFLOW_CX_ENTITY_NAME',
      message: `dialogflow-cx entity type names use letters, digits, "_" and "-" only; the console will refuse ${badNames
        .slice(0, 5)
        .map((n) => `"${n}"`)
        .join(', ')}${badNames.length > 5 ? ` and ${badNames.length - 5} more` : ''}`,
      suggestion: 'Rename these entities in the dataset before restoring the agent.',
    });
  }
  const folders = folderNames(entityNames.map((n) => [n, state.entities.get(n)]));
  for (const name of entityNames) {
    const entity = state.entities.get(name) ?? {name, kind: 'ml' as const};
    files.push(...entityTypeFiles(entity, `entityTypes/${folders.get(name)!}`, languages));
  }
  return files;
}

/**
 * The agent's other files, as imported. Their paths come from the dataset, which may come from anyone: only
 * plain relative paths inside the package are written back, never one that climbs out of the output folder.
 */
function keptFiles(meta: CxAgentMetadata | undefined, context: ConnectorContext): OutputFile[] {
  const out: OutputFile[] = [];
  for (const [path, text] of Object.entries(meta?.files ?? {})) {
    const segments = path.split('/');
    const safe =
      typeof text === 'string' &&
      !path.includes('\\') &&
      segments.every((s) => s !== '' && s !== '.' && s !== '..' && !/^[A-Za-z]:/.test(s)) &&
      // The training data is written from the model, never from kept files.
      !/^(agent\.json|intents\/|entityTypes\/)/.test(path);
    if (safe) out.push({path, content: text});
    else
      context.warn({
        code: 'DIALOGFLOW_CX_UNSAFE_PATH',
        message: `metadata.dialogflowCx.files holds "${path.slice(0, 80)}", which is not a file inside an agent package; it is not written`,
      });
  }
  return out;
}

function agentFile(
  meta: CxAgentMetadata | undefined,
  languages: readonly string[],
  displayName: string | undefined,
): OutputFile {
  const [language, ...others] = languages as [string, ...string[]];
  if (meta?.agent !== undefined) {
    const agent = parseCxJson(meta.agent, 'agent.json') as CxAgent;
    const supported = supportedCodes(agent.supportedLanguageCodes, language, others);
    // The agent's own bytes unless the dataset's languages changed (then its languages follow).
    const sameDefault = agent.defaultLanguageCode === language || agent.defaultLanguageCode === undefined;
    if (sameDefault && supported === agent.supportedLanguageCodes) {
      return {
        path: 'agent.json',
        schema: 'dialogflow-cx-agent.schema.json',
        json: agent,
        content: meta.agent,
      };
    }
    // Keys keep their places; supportedLanguageCodes follows defaultLanguageCode, as the API orders them.
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries({...agent, defaultLanguageCode: language})) {
      if (key === 'supportedLanguageCodes') continue;
      out[key] = value;
      if (key === 'defaultLanguageCode' && supported?.length) out['supportedLanguageCodes'] = supported;
    }
    return json('agent.json', 'dialogflow-cx-agent.schema.json', out);
  }
  const agent: CxAgent = {
    ...(displayName ? {displayName} : {}),
    defaultLanguageCode: language,
    ...(others.length > 0 ? {supportedLanguageCodes: others} : {}),
    timeZone: 'Etc/UTC',
    startFlow: 'Default Start Flow',
    enableStackdriverLogging: true,
  };
  return json('agent.json', 'dialogflow-cx-agent.schema.json', agent);
}

/**
 * supportedLanguageCodes: the stored list (the same array when nothing changes) with the dataset's other
 * languages added, never the default language.
 */
function supportedCodes(
  stored: string[] | undefined,
  language: string,
  others: readonly string[],
): string[] | undefined {
  const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
  const kept = (stored ?? []).filter((l) => !same(l, language));
  const supported = [...kept, ...others.filter((l) => !kept.some((k) => same(k, l)))];
  return stored && JSON.stringify(supported) === JSON.stringify(stored)
    ? stored
    : supported.length > 0
      ? supported
      : undefined;
}

/**
 * A start flow that routes every intent (without a target), so a converted agent matches its intents the way an
 * ES agent does; CX only matches intents that a route of the current flow or page names.
 */
function startFlow(intents: readonly string[]): OutputFile {
  return json('flows/Default Start Flow/Default Start Flow.json', undefined, {
    name: '00000000-0000-0000-0000-000000000000',
    displayName: 'Default Start Flow',
    transitionRoutes: intents.map((intent) => ({intent, name: stableUuid('route', intent)})),
    eventHandlers: [
      {event: 'sys.no-match-default', name: stableUuid('event', 'sys.no-match-default')},
      {event: 'sys.no-input-default', name: stableUuid('event', 'sys.no-input-default')},
    ],
    nluSettings: {modelType: 'MODEL_TYPE_STANDARD', classificationThreshold: 0.3},
  });
}

/** Stored folder names first (they are the agent's own), then a fresh percent-encoded one for each new name. */
function folderNames(
  owners: Array<[string, {metadata?: Record<string, unknown>} | undefined]>,
): Map<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const [name, owner] of owners) {
    const folder = owner ? cxMeta<{folder?: string}>(owner)?.folder : undefined;
    if (folder && !taken.has(folder.toLowerCase())) {
      taken.add(folder.toLowerCase());
      out.set(name, folder);
    }
  }
  const fresh = uniqueFolders(
    owners.map(([name]) => name).filter((name) => !out.has(name)),
    taken,
  );
  for (const [name, folder] of fresh) out.set(name, folder);
  return out;
}

function intentFiles(
  dataset: Dataset,
  languages: readonly AgentLanguage[],
  usedTypes: Set<string>,
): OutputFile[] {
  const names = intentNames(dataset);
  const declared = new Map(dataset.intents.map((i) => [i.name, i]));
  const byLanguage = languages.map((lang) => {
    const byIntent = new Map<string, Utterance[]>(names.map((n) => [n, []]));
    for (const u of lang.dataset.utterances) byIntent.get(u.intent)!.push(u);
    return byIntent;
  });
  const written = new Set(languages.map((l) => l.state.language.toLowerCase()));
  const folders = folderNames(names.map((n) => [n, declared.get(n)]));
  const files: OutputFile[] = [];
  for (const name of names) {
    const intent = declared.get(name) ?? {name};
    const meta = cxMeta<CxIntentMetadata>(intent);
    const stored = meta?.intent;
    const parameters = [...(stored?.parameters ?? [])];
    const known = new Set(parameters.map((p) => p.id));
    const added = new Map<string, CxParameter>();
    const onParameter = (id: string, entityType: string): void => {
      if (!entityType.startsWith('@sys.')) usedTypes.add(entityType.slice(1));
      if (known.has(id)) return;
      known.add(id);
      const parameter: CxParameter = {id, entityType};
      added.set(id, parameter);
      parameters.push(parameter);
    };
    const phraseFiles = languages.map((lang, i) =>
      trainingPhrases(byLanguage[i]!.get(name)!, lang.state, onParameter, added),
    );
    const folder = `intents/${folders.get(name)!}`;
    // Languages only stored verbatim (read by an older synthnlu) are written back as they were.
    const otherLanguages = Object.entries(meta?.otherLanguages ?? {}).filter(
      ([lang]) => !written.has(lang.toLowerCase()),
    );
    const intentJson: CxIntent = stored
      ? {...stored, displayName: name}
      : {name: stableUuid('intent', name), displayName: name, priority: 500000};
    if (parameters.length > 0) intentJson.parameters = parameters;
    if (intent.description !== undefined) intentJson.description = intent.description;
    else delete intentJson.description;
    if (intentJson.numTrainingPhrases !== undefined)
      intentJson.numTrainingPhrases =
        phraseFiles.reduce((n, list) => n + list.length, 0) +
        otherLanguages.reduce((n, [, list]) => n + list.length, 0);
    files.push(
      json(`${folder}/${folders.get(name)!}.json`, 'dialogflow-cx-intent.schema.json', ordered(intentJson)),
    );
    for (const [i, phrases] of phraseFiles.entries()) {
      if (phrases.length === 0) continue;
      files.push(
        json(
          `${folder}/trainingPhrases/${languages[i]!.state.language}.json`,
          'dialogflow-cx-training-phrases.schema.json',
          {
            trainingPhrases: phrases,
          },
        ),
      );
    }
    for (const [lang, list] of otherLanguages)
      files.push(
        json(`${folder}/trainingPhrases/${lang}.json`, 'dialogflow-cx-training-phrases.schema.json', {
          trainingPhrases: list,
        }),
      );
  }
  return files;
}

/** One language's training phrases of an intent; parameters they fill are reported (and added) as found. */
function trainingPhrases(
  utterances: readonly Utterance[],
  state: ExportState,
  onParameter: (id: string, entityType: string) => void,
  added: ReadonlyMap<string, CxParameter>,
): CxTrainingPhrase[] {
  const phrases: CxTrainingPhrase[] = [];
  for (const u of utterances) {
    const perParameter = new Map<string, number>();
    const parts = partsOf(u, state, (id, entityType) => {
      perParameter.set(id, (perParameter.get(id) ?? 0) + 1);
      onParameter(id, entityType);
    });
    // Parameters the agent already had keep their settings; a new one is a list when a phrase fills it twice.
    for (const [id, count] of perParameter) {
      const parameter = added.get(id);
      if (parameter && count > 1) parameter.isList = true;
    }
    const uMeta = cxMeta<CxUtteranceMetadata>(u);
    phrases.push({
      ...(uMeta?.id ? {id: uMeta.id} : {}),
      // The schema wants at least one part; an utterance's text is never empty, so it has one.
      parts: parts as CxTrainingPhrase['parts'],
      repeatCount: uMeta?.repeatCount ?? 1,
      languageCode: state.language,
    });
  }
  return phrases;
}

/** The console's key order for an intent file (keys it does not know keep their place after these). */
function ordered(intent: CxIntent): CxIntent {
  const {name, displayName, parameters, priority, isFallback, labels, description, ...rest} = intent;
  return {name, displayName, parameters, priority, isFallback, labels, description, ...rest};
}

/** Spans CX can carry: in range and not overlapping (parts are a flat sequence); the rest are warned about. */
function usableSpans(u: Utterance, state: ExportState): EntitySpan[] {
  return flatSpans(u.text, u.entities ?? [], state.context, {
    code: 'DIALOGFLOW_CX_OVERLAPPING_SPANS',
    message: 'dialogflow-cx annotations cannot overlap or be empty; such annotations are left out',
  });
}

/** The parameter a span is written as: its role, else its entity's name; typed @<entity> or @sys.*. */
function parameterOf(span: EntitySpan, state: ExportState): {id: string; entityType: string} {
  const entity = state.entities.get(span.entity);
  if (entity?.kind === 'prebuilt') {
    const sys = cxMeta<CxEntityMetadata>(entity)?.sys ?? `@${cxSystemType(entity.prebuilt ?? 'any')}`;
    return {id: span.role ?? entity.name, entityType: sys.startsWith('@') ? sys : `@${sys}`};
  }
  return {id: span.role ?? span.entity, entityType: `@${span.entity}`};
}

/** Cuts the text into parts at annotations (and where the imported phrase was cut), restoring auto flags. */
function partsOf(
  u: Utterance,
  state: ExportState,
  onParameter: (id: string, entityType: string) => void,
): CxPart[] {
  const spans = usableSpans(u, state);
  const meta = cxMeta<CxUtteranceMetadata>(u);
  const auto = new Set((meta?.auto ?? []).map(([s, e]) => `${s}:${e}`));
  const inSpan = (offset: number): boolean => spans.some((s) => s.start < offset && offset < s.end);
  const cuts = new Set<number>([0, u.text.length]);
  for (const span of spans) cuts.add(span.start).add(span.end);
  for (const at of meta?.breaks ?? []) if (at > 0 && at < u.text.length && !inSpan(at)) cuts.add(at);
  const sorted = [...cuts].sort((a, b) => a - b);
  const parts: CxPart[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [start, end] = [sorted[i]!, sorted[i + 1]!];
    if (end === start) continue;
    const part: CxPart = {text: u.text.slice(start, end)};
    const span = spans.find((s) => s.start === start && s.end === end);
    if (span) {
      const {id, entityType} = parameterOf(span, state);
      part.parameterId = id;
      onParameter(id, entityType);
    }
    if (auto.has(`${start}:${end}`)) part.auto = true;
    parts.push(part);
  }
  return parts;
}

/** The entries an entity is written with; an unchanged entry keeps its synonyms in the order read. */
function entriesOf(
  entity: Entity,
  meta: CxEntityMetadata | undefined,
  dataset: Dataset,
  language: string,
): {
  kind: CxEntityType['kind'];
  entries: CxEntity[];
  autoExpand: boolean;
} {
  const stored = new Map((meta?.entities ?? []).map((e) => [e.value, e]));
  const entry = (value: string, synonyms: string[]): CxEntity => {
    const before = stored.get(value);
    const same =
      before?.synonyms !== undefined &&
      before.synonyms.length === synonyms.length &&
      synonyms.every((s) => before.synonyms!.includes(s));
    return {value, synonyms: same ? before.synonyms! : synonyms, languageCode: language};
  };
  if (entity.kind === 'regex') {
    return {
      kind: 'KIND_REGEXP',
      entries: (entity.patterns ?? []).map((p) => entry(p, [p])),
      autoExpand: false,
    };
  }
  if (entity.kind === 'list') {
    return {
      kind: 'KIND_MAP',
      entries: (entity.values ?? []).map((v) => entry(v.value, withSelf(v.value, v.synonyms))),
      autoExpand: false,
    };
  }
  if (meta?.entityType?.kind === 'KIND_LIST')
    return {kind: 'KIND_LIST', entries: meta.entities ?? [], autoExpand: false};
  // Free-form: the values seen in annotations, with automatic expansion so the agent matches values beyond them.
  return {
    kind: 'KIND_MAP',
    entries: freeFormEntries(entity.name, meta?.entities ?? [], dataset, language, entry),
    autoExpand: true,
  };
}

/** A free-form entity's entries: those the agent had, and every value its annotations hold. */
function freeFormEntries(
  name: string,
  had: readonly CxEntity[],
  dataset: Dataset,
  languageCode: string,
  entry: (value: string, synonyms: string[]) => CxEntity = (value, synonyms) => ({
    value,
    synonyms,
    languageCode,
  }),
): CxEntity[] {
  return [...annotatedValues(name, dataset.utterances, had)].map(([value, synonyms]) =>
    entry(value, synonyms),
  );
}

function entityTypeFiles(entity: Entity, folder: string, languages: readonly AgentLanguage[]): OutputFile[] {
  const meta = cxMeta<CxEntityMetadata>(entity);
  const [primary, ...others] = languages as [AgentLanguage, ...AgentLanguage[]];
  const language = primary.state.language;
  const own = primary.state.entities.get(entity.name) ?? entity;
  const {kind, entries, autoExpand} = entriesOf(own, meta, primary.dataset, language);
  const type: CxEntityType = meta?.entityType
    ? {...meta.entityType, displayName: entity.name, kind}
    : {name: stableUuid('entityType', entity.name), displayName: entity.name, kind};
  if (autoExpand && !type.autoExpansionMode) type.autoExpansionMode = 'AUTO_EXPANSION_MODE_DEFAULT';
  if (!autoExpand && type.autoExpansionMode && !meta?.entityType?.autoExpansionMode)
    delete type.autoExpansionMode;
  if (
    entity.kind === 'list' &&
    entity.fuzzy !== undefined &&
    (entity.fuzzy || type.enableFuzzyExtraction !== undefined)
  )
    type.enableFuzzyExtraction = entity.fuzzy;
  const stem = folder.slice(folder.lastIndexOf('/') + 1);
  const files = [json(`${folder}/${stem}.json`, 'dialogflow-cx-entity-type.schema.json', type)];
  const entitiesFile = (lang: string, list: CxEntity[]): OutputFile =>
    json(`${folder}/entities/${lang}.json`, 'dialogflow-cx-entities.schema.json', {entities: list});
  if (entries.length > 0) files.push(entitiesFile(language, entries));
  const written = new Set([language.toLowerCase()]);
  for (const lang of others) {
    const code = lang.state.language;
    written.add(code.toLowerCase());
    const view = lang.state.entities.get(entity.name) ?? entity;
    const list = entriesIn(view, meta, lang, entity);
    if (list.length > 0) files.push(entitiesFile(code, list));
  }
  // Languages only stored verbatim (read by an older synthnlu) are written back as they were.
  for (const [lang, list] of Object.entries(meta?.otherLanguages ?? {}))
    if (!written.has(lang.toLowerCase())) files.push(entitiesFile(lang, list));
  for (const [lang, list] of Object.entries(meta?.excludedPhrases ?? {}))
    files.push(
      json(`${folder}/excludedPhrases/${lang}.json`, 'dialogflow-cx-excluded-phrases.schema.json', {
        excludedPhrases: list,
      }),
    );
  return files;
}

/**
 * An entity's entries in another language of the agent (`entity` as that language sees it: a list value's
 * synonyms are its forms there). A list value keeps the default language's reference value (the parameter
 * value the agent returns) with this language's forms; the entries the agent had are written back as they
 * were while the dataset still means the same.
 */
function entriesIn(
  entity: Entity,
  meta: CxEntityMetadata | undefined,
  lang: AgentLanguage,
  primary: Entity,
): CxEntity[] {
  const languageCode = lang.state.language;
  const stored = meta?.otherLanguages?.[languageCode];
  if (entity.kind === 'regex')
    return stored ?? (entity.patterns ?? []).map((p) => ({value: p, synonyms: [p], languageCode}));
  if (entity.kind === 'list') {
    const values = entity.values ?? [];
    const computed = values.map((v) => ({
      value: v.value,
      synonyms: v.synonyms?.length ? [...v.synonyms] : [v.value],
      languageCode,
    }));
    if (!stored) return computed;
    const had = meta?.entities?.map((e) => e.value);
    const unchanged =
      (!had || JSON.stringify(had) === JSON.stringify((primary.values ?? []).map((v) => v.value))) &&
      values.every(
        (v) => JSON.stringify(v.synonyms ?? []) === JSON.stringify(languageForms(stored, v.value)),
      );
    if (unchanged) return stored;
    // Entries under a value the default language lacks stay: the model cannot hold them, the agent can.
    const known = new Set(values.map((v) => v.value));
    return [...computed, ...stored.filter((e) => !known.has(e.value))];
  }
  if (meta?.entityType?.kind === 'KIND_LIST')
    return stored ?? (meta.entities ?? []).map((e) => ({...e, languageCode}));
  return freeFormEntries(entity.name, stored ?? [], lang.dataset, languageCode);
}
