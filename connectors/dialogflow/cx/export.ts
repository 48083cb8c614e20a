import {intentNames} from '../../../src/connector-kit.js';
import type {
  ConnectorContext,
  Dataset,
  Entity,
  EntitySpan,
  ExportOptions,
  OutputFile,
  Utterance,
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
  const state: ExportState = {language, context, entities: new Map(dataset.entities.map((e) => [e.name, e]))};
  const agentMeta = cxMeta<CxAgentMetadata>(dataset);
  const files: OutputFile[] = [
    agentFile(agentMeta, language, dataset.description ?? options.name ?? dataset.name),
  ];
  files.push(...keptFiles(agentMeta, context));
  if (!agentMeta) files.push(startFlow(intentNames(dataset)));

  const usedTypes = new Set<string>();
  files.push(...intentFiles(dataset, state, usedTypes));
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
    files.push(...entityTypeFiles(entity, `entityTypes/${folders.get(name)!}`, dataset, language));
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
  language: string,
  displayName: string | undefined,
): OutputFile {
  if (meta?.agent !== undefined) {
    const agent = parseCxJson(meta.agent, 'agent.json') as CxAgent;
    // The agent's own bytes unless the dataset's language changed (then its default language follows).
    if (agent.defaultLanguageCode === language || agent.defaultLanguageCode === undefined) {
      return {
        path: 'agent.json',
        schema: 'dialogflow-cx-agent.schema.json',
        json: agent,
        content: meta.agent,
      };
    }
    return json('agent.json', 'dialogflow-cx-agent.schema.json', {...agent, defaultLanguageCode: language});
  }
  const agent: CxAgent = {
    ...(displayName ? {displayName} : {}),
    defaultLanguageCode: language,
    timeZone: 'Etc/UTC',
    startFlow: 'Default Start Flow',
    enableStackdriverLogging: true,
  };
  return json('agent.json', 'dialogflow-cx-agent.schema.json', agent);
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

function intentFiles(dataset: Dataset, state: ExportState, usedTypes: Set<string>): OutputFile[] {
  const names = intentNames(dataset);
  const declared = new Map(dataset.intents.map((i) => [i.name, i]));
  const byIntent = new Map<string, Utterance[]>(names.map((n) => [n, []]));
  for (const u of dataset.utterances) byIntent.get(u.intent)!.push(u);
  const folders = folderNames(names.map((n) => [n, declared.get(n)]));
  const files: OutputFile[] = [];
  for (const name of names) {
    const intent = declared.get(name) ?? {name};
    const meta = cxMeta<CxIntentMetadata>(intent);
    const stored = meta?.intent;
    const parameters = [...(stored?.parameters ?? [])];
    const known = new Set(parameters.map((p) => p.id));
    const added = new Map<string, CxParameter>();
    const phrases: CxTrainingPhrase[] = [];
    for (const u of byIntent.get(name)!) {
      const perParameter = new Map<string, number>();
      const parts = partsOf(u, state, (id, entityType) => {
        perParameter.set(id, (perParameter.get(id) ?? 0) + 1);
        if (!entityType.startsWith('@sys.')) usedTypes.add(entityType.slice(1));
        if (!known.has(id)) {
          known.add(id);
          const parameter: CxParameter = {id, entityType};
          added.set(id, parameter);
          parameters.push(parameter);
        }
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
    const folder = `intents/${folders.get(name)!}`;
    const otherLanguages = Object.entries(meta?.otherLanguages ?? {});
    const intentJson: CxIntent = stored
      ? {...stored, displayName: name}
      : {name: stableUuid('intent', name), displayName: name, priority: 500000};
    if (parameters.length > 0) intentJson.parameters = parameters;
    if (intent.description !== undefined) intentJson.description = intent.description;
    else delete intentJson.description;
    if (intentJson.numTrainingPhrases !== undefined)
      intentJson.numTrainingPhrases =
        phrases.length + otherLanguages.reduce((n, [, list]) => n + list.length, 0);
    files.push(
      json(`${folder}/${folders.get(name)!}.json`, 'dialogflow-cx-intent.schema.json', ordered(intentJson)),
    );
    if (phrases.length > 0)
      files.push(
        json(
          `${folder}/trainingPhrases/${state.language}.json`,
          'dialogflow-cx-training-phrases.schema.json',
          {
            trainingPhrases: phrases,
          },
        ),
      );
    for (const [lang, list] of otherLanguages)
      files.push(
        json(`${folder}/trainingPhrases/${lang}.json`, 'dialogflow-cx-training-phrases.schema.json', {
          trainingPhrases: list,
        }),
      );
  }
  return files;
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
  const byValue = annotatedValues(entity.name, dataset.utterances, meta?.entities);
  return {
    kind: 'KIND_MAP',
    entries: [...byValue].map(([value, synonyms]) => entry(value, synonyms)),
    autoExpand: true,
  };
}

function entityTypeFiles(entity: Entity, folder: string, dataset: Dataset, language: string): OutputFile[] {
  const meta = cxMeta<CxEntityMetadata>(entity);
  const {kind, entries, autoExpand} = entriesOf(entity, meta, dataset, language);
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
  if (entries.length > 0)
    files.push(
      json(`${folder}/entities/${language}.json`, 'dialogflow-cx-entities.schema.json', {entities: entries}),
    );
  for (const [lang, list] of Object.entries(meta?.otherLanguages ?? {}))
    files.push(
      json(`${folder}/entities/${lang}.json`, 'dialogflow-cx-entities.schema.json', {entities: list}),
    );
  for (const [lang, list] of Object.entries(meta?.excludedPhrases ?? {}))
    files.push(
      json(`${folder}/excludedPhrases/${lang}.json`, 'dialogflow-cx-excluded-phrases.schema.json', {
        excludedPhrases: list,
      }),
    );
  return files;
}
