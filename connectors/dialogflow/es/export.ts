import {
  datasetInLanguage,
  datasetLanguages,
  intentNames,
  languageForms,
  utteranceLanguage,
} from '../../../src/connector-kit.js';
import type {ConnectorContext, Dataset, Entity, EntitySpan} from '../../../src/connector-kit.js';
import type {ExportOptions, Intent, OutputFile} from '../../../src/connector-kit.js';
import {dialogflowReadyDataset} from './export-names.js';
import {uniqueFileStems} from './file-names.js';
import {annotatedValues, flatSpans, stableUuid as stableId, withSelf} from '../shared/spans.js';
import {dialogflowSystemType} from './system-entities.js';
import type {
  DialogflowAgent,
  DialogflowEntityMetadata,
  DialogflowEntityType,
  DialogflowEntry,
  DialogflowIntent,
  DialogflowIntentMetadata,
  DialogflowMessage,
  DialogflowPackage,
  DialogflowParameter,
  DialogflowPart,
  DialogflowResponse,
  DialogflowUserSays,
  DialogflowUtteranceMetadata,
} from './types.js';

function json(path: string, schema: string, value: unknown): OutputFile {
  // Dialogflow writes 2-space indented JSON; keeping its style makes exports diff cleanly against console exports.
  return {path, schema, json: value, content: JSON.stringify(value, null, 2)};
}

function metaOf<T>(owner: {metadata?: Record<string, unknown>}): T | undefined {
  return owner.metadata?.dialogflow as T | undefined;
}

const DEFAULT_AGENT = (language: string, description: string): DialogflowAgent => ({
  description,
  language,
  shortDescription: '',
  examples: '',
  linkToDocs: '',
  disableInteractionLogs: false,
  disableStackdriverLogs: true,
  defaultTimezone: 'Etc/UTC',
  isPrivate: true,
  mlMinConfidence: 0.3,
  supportedLanguages: [],
  enableOnePlatformResponses: true,
  onePlatformApiVersion: 'v2',
  analyzeQueryTextSentiment: false,
  enabledKnowledgeBaseNames: [],
  knowledgeServiceConfidenceAdjustment: 0,
  dialogBuilderMode: false,
  baseActionPackagesUrl: '',
});

interface ExportState {
  dataset: Dataset;
  context: ConnectorContext;
  language: string;
  entities: Map<string, Entity>;
}

/**
 * One language of the agent: its code as written in file names and agent.json, the dataset as that language
 * sees it (its utterances, list values with its forms as synonyms), and whether it is the default language.
 */
interface AgentLanguage {
  written: string;
  primary: boolean;
  state: ExportState;
  byIntent: Map<string, Dataset['utterances']>;
}

/**
 * The agent's languages, the default first. A one-language dataset is written as it is; a dataset in several
 * languages is one agent whose other languages are `supportedLanguages`, each with its own usersays and
 * entries files.
 */
function agentLanguages(dataset: Dataset, language: string, context: ConnectorContext): AgentLanguage[] {
  const held = datasetLanguages(dataset);
  for (const u of dataset.utterances) {
    const own = utteranceLanguage(u, dataset);
    if (!held.includes(own)) held.push(own);
  }
  const views = held.length === 1 ? [dataset] : held.map((l) => datasetInLanguage(dataset, l));
  return views.map((view, i) => {
    const byIntent = new Map<string, Dataset['utterances']>();
    for (const u of view.utterances) byIntent.set(u.intent, [...(byIntent.get(u.intent) ?? []), u]);
    const written = i === 0 ? language : dialogflowLocale(held[i]!, context);
    return {
      written,
      primary: i === 0,
      byIntent,
      state: {
        dataset: view,
        context,
        language: written,
        entities: new Map(view.entities.map((e) => [e.name, e])),
      },
    };
  });
}

/**
 * agent.json: the stored one (its default language following the dataset's), or a new one. Several languages:
 * the others are its supportedLanguages (the stored list kept, in its order, when it already names them).
 */
function agentJson(
  dataset: Dataset,
  languages: readonly AgentLanguage[],
  extra: ReadonlySet<string>,
  options: ExportOptions,
): DialogflowAgent {
  const language = languages[0]!.written;
  const storedAgent = (dataset.metadata?.dialogflow as {agent?: DialogflowAgent} | undefined)?.agent;
  const agent = storedAgent
    ? {...storedAgent, ...('language' in storedAgent ? {language} : {})}
    : DEFAULT_AGENT(language, dataset.description ?? options.name ?? dataset.name ?? '');
  const others = [...languages.slice(1).map((l) => l.written), ...extra];
  if (others.length === 0 && !(storedAgent?.supportedLanguages ?? []).some((l) => sameCode(l, language)))
    return agent;
  const stored = (storedAgent?.supportedLanguages ?? []).filter((l) => !sameCode(l, language));
  const supported = [...stored, ...others.filter((l) => !stored.some((s) => sameCode(s, l)))];
  if (storedAgent && JSON.stringify(supported) === JSON.stringify(storedAgent.supportedLanguages))
    return agent;
  return {...agent, supportedLanguages: supported};
}

function sameCode(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Writes a Dialogflow ES agent: agent.json, package.json, intents/ and entities/ as the console's export does. */
export function exportDialogflowAgent(
  original: Dataset,
  context: ConnectorContext,
  options: ExportOptions,
): OutputFile[] {
  const dataset = withDefaultIntents(dialogflowReadyDataset(original, context), context);
  const languages = agentLanguages(dataset, dialogflowLanguage(dataset.language, context), context);
  const language = languages[0]!.written;
  const written = new Set(languages.map((l) => l.written.toLowerCase()));
  const entities = new Map(dataset.entities.map((e) => [e.name, e]));
  // Languages only stored verbatim (read by an older synthnlu) stay languages of the agent.
  const kept = new Set<string>();
  const keptLanguages = (byLanguage: Record<string, unknown> | undefined): Array<[string, unknown]> => {
    const out = Object.entries(byLanguage ?? {}).filter(([lang]) => !written.has(lang.toLowerCase()));
    for (const [lang] of out) kept.add(lang);
    return out;
  };
  const body: OutputFile[] = [];

  const names = intentNames(dataset);
  const stems = uniqueFileStems(names);
  const declared = new Map(dataset.intents.map((i) => [i.name, i]));

  const usedEntities = new Set<string>();
  for (const name of names) {
    const intent = declared.get(name) ?? {name};
    const intentMeta = metaOf<DialogflowIntentMetadata>(intent);
    const parameters = new Map<string, DialogflowParameter>();
    const stem = stems.get(name)!;
    const usersays: OutputFile[] = [];
    for (const lang of languages) {
      const phrases = trainingPhrases(name, lang, parameters, usedEntities);
      phrases.push(
        ...((lang.primary ? intentMeta?.templates : intentMeta?.templatesByLanguage?.[lang.written]) ?? []),
      );
      if (phrases.length > 0)
        usersays.push(
          json(`intents/${stem}_usersays_${lang.written}.json`, 'dialogflow-usersays.schema.json', phrases),
        );
    }
    body.push(
      json(
        `intents/${stem}.json`,
        'dialogflow-intent.schema.json',
        intentJson(intent, intentMeta, [...parameters.values()], language),
      ),
      ...usersays,
    );
    for (const [lang, other] of keptLanguages(intentMeta?.otherLanguages)) {
      body.push(json(`intents/${stem}_usersays_${lang}.json`, 'dialogflow-usersays.schema.json', other));
    }
  }

  // Custom entity types: declared ones (except system entities) plus any only referenced by annotations.
  const entityNames = [
    ...dataset.entities.filter((e) => e.kind !== 'prebuilt').map((e) => e.name),
    ...[...usedEntities].filter((n) => !entities.has(n)),
  ];
  const entityStems = uniqueFileStems(entityNames);
  for (const entityName of entityNames) {
    const stem = entityStems.get(entityName)!;
    const meta = metaOf<DialogflowEntityMetadata>(entities.get(entityName) ?? {});
    for (const lang of languages) {
      const entity = lang.state.entities.get(entityName) ?? {name: entityName, kind: 'ml' as const};
      const {type, entries} = lang.primary
        ? entityJson(entity, lang.state.dataset)
        : {
            type: undefined,
            entries: entityJsonIn(
              entity,
              lang.state.dataset,
              meta?.otherLanguages?.[lang.written],
              entities.get(entityName),
            ),
          };
      if (type) {
        if (!type.isRegexp && !type.isEnum) warnEntryConflicts(entity.name, entries, context);
        body.push(json(`entities/${stem}.json`, 'dialogflow-entity.schema.json', type));
      } else if (entity.kind !== 'regex' && !meta?.compositeEntries) {
        warnEntryConflicts(entity.name, entries, context);
      }
      if (lang.primary || entries.length > 0)
        body.push(
          json(`entities/${stem}_entries_${lang.written}.json`, 'dialogflow-entries.schema.json', entries),
        );
    }
    for (const [lang, other] of keptLanguages(meta?.otherLanguages)) {
      body.push(json(`entities/${stem}_entries_${lang}.json`, 'dialogflow-entries.schema.json', other));
    }
  }
  return [
    json('agent.json', 'dialogflow-agent.schema.json', agentJson(dataset, languages, kept, options)),
    json('package.json', 'dialogflow-package.schema.json', {version: '1.0.0'} satisfies DialogflowPackage),
    ...body,
  ];
}

/** One language's training phrases of an intent; the parameters and entity types they use are added. */
function trainingPhrases(
  name: string,
  lang: AgentLanguage,
  parameters: Map<string, DialogflowParameter>,
  usedEntities: Set<string>,
): DialogflowUserSays[] {
  const phrases: DialogflowUserSays[] = [];
  for (const [index, u] of (lang.byIntent.get(name) ?? []).entries()) {
    const meta = metaOf<DialogflowUtteranceMetadata>(u);
    const spans = usableSpans(u.text, u.entities ?? [], lang.state);
    const parts = splitIntoParts(u.text, spans, meta, lang.state);
    const perAlias = new Map<string, number>();
    for (const part of parts) {
      if (!part.alias || !part.meta) continue;
      perAlias.set(part.alias, (perAlias.get(part.alias) ?? 0) + 1);
      if (part.meta.startsWith('@') && !part.meta.startsWith('@sys.')) usedEntities.add(part.meta.slice(1));
      const existing = parameters.get(part.alias);
      if (!existing) parameters.set(part.alias, parameter(name, part.alias, part.meta, false));
    }
    for (const [alias, count] of perAlias) if (count > 1) parameters.get(alias)!.isList = true;
    phrases.push({
      id:
        meta?.id ??
        (lang.primary
          ? stableId(name, String(index), u.text)
          : stableId(name, lang.written, String(index), u.text)),
      // The schema wants at least one part; an utterance's text is never empty, so it has one.
      data: parts as DialogflowUserSays['data'],
      isTemplate: false,
      count: meta?.count ?? 0,
      updated: meta?.updated ?? 0,
    });
  }
  return phrases;
}

/** Spans Dialogflow can carry: in range, not overlapping (parts are a flat sequence); the rest are warned about. */
function usableSpans(text: string, spans: readonly EntitySpan[], state: ExportState): EntitySpan[] {
  return flatSpans(text, spans, state.context, {
    code: 'DIALOGFLOW_OVERLAPPING_SPANS',
    message: 'dialogflow annotations cannot overlap or be empty; such annotations are left out',
  });
}

function aliasAndMeta(span: EntitySpan, state: ExportState): {alias: string; meta: string} {
  const entity = state.entities.get(span.entity);
  if (entity?.kind === 'prebuilt') {
    // dialogflowReadyDataset turned prebuilt types Dialogflow lacks into custom entities.
    const sys =
      metaOf<DialogflowEntityMetadata>(entity)?.sys ??
      dialogflowSystemType(entity.prebuilt ?? 'any') ??
      'sys.any';
    if (span.role && span.role !== entity.name) {
      state.context.warn({
        code: 'DIALOGFLOW_SYSTEM_ENTITY_ROLE',
        message:
          'dialogflow names system-entity parameters by role: a role on a system entity becomes its parameter name',
      });
    }
    return {alias: span.role ?? entity.name, meta: `@${sys}`};
  }
  return {alias: span.role ?? span.entity, meta: `@${span.entity}`};
}

/** The value Dialogflow will resolve the span to, when the entity's entries decide it. */
function derivedValue(span: EntitySpan, surface: string, state: ExportState): string | undefined {
  const entity = state.entities.get(span.entity);
  if (entity?.kind !== 'list') return undefined;
  const key = surface.toLowerCase();
  for (const v of entity.values ?? []) {
    if (v.value.toLowerCase() === key || (v.synonyms ?? []).some((s) => s.toLowerCase() === key))
      return v.value;
  }
  return undefined;
}

function splitIntoParts(
  text: string,
  spans: readonly EntitySpan[],
  meta: DialogflowUtteranceMetadata | undefined,
  state: ExportState,
): DialogflowPart[] {
  const userDefined = new Set((meta?.userDefined ?? []).map(([s, e]) => `${s}:${e}`));
  const marked = (start: number, end: number, annotated: boolean): boolean =>
    meta ? userDefined.has(`${start}:${end}`) : annotated;
  // @sys.ignore parts come back where they were, unless an annotation now covers them.
  const ignored = (meta?.ignored ?? [])
    .filter(([s, e]) => e <= text.length && !spans.some((sp) => sp.start < e && s < sp.end))
    .map(([start, end]) => ({start, end, ignore: true as const}));
  const marks = [...spans.map((span) => ({start: span.start, end: span.end, span})), ...ignored].sort(
    (a, b) => a.start - b.start,
  );
  const parts: DialogflowPart[] = [];
  let at = 0;
  const plain = (end: number): void => {
    if (end > at) parts.push({text: text.slice(at, end), userDefined: marked(at, end, false)});
  };
  for (const mark of marks) {
    plain(mark.start);
    const surface = text.slice(mark.start, mark.end);
    if ('ignore' in mark) {
      parts.push({text: surface, meta: '@sys.ignore', userDefined: marked(mark.start, mark.end, false)});
    } else {
      const span = mark.span;
      if (span.value !== undefined && span.value !== surface) {
        const entity = state.entities.get(span.entity);
        const derived = derivedValue(span, surface, state);
        if (entity?.kind !== 'ml' && derived !== span.value) {
          state.context.warn({
            code: 'DIALOGFLOW_SPAN_VALUE_DROPPED',
            message:
              'dialogflow resolves an annotation to a value through the entity entries; annotation values that are not an entry synonym are not in the exported files',
          });
        }
      }
      parts.push({
        text: surface,
        ...aliasAndMeta(span, state),
        userDefined: marked(mark.start, mark.end, true),
      });
    }
    at = mark.end;
  }
  plain(text.length);
  return parts;
}

function parameter(intent: string, alias: string, dataType: string, isList: boolean): DialogflowParameter {
  return {
    id: stableId(intent, 'parameter', alias),
    required: false,
    dataType,
    name: alias,
    value: `$${alias}`,
    promptMessages: [],
    noMatchPromptMessages: [],
    noInputPromptMessages: [],
    outputDialogContexts: [],
    isList,
  };
}

function storedTexts(stored: DialogflowIntent | undefined, language: string): string[] {
  const out: string[] = [];
  for (const r of stored?.responses ?? [])
    for (const m of r.messages ?? []) {
      if (String(m.type ?? '0') !== '0' || (m.lang && m.lang.toLowerCase() !== language.toLowerCase()))
        continue;
      for (const t of typeof m.speech === 'string' ? [m.speech] : (m.speech ?? [])) if (t) out.push(t);
    }
  return out;
}

function intentJson(
  intent: Intent,
  meta: DialogflowIntentMetadata | undefined,
  parameters: DialogflowParameter[],
  language: string,
): DialogflowIntent {
  const stored = meta?.intent ? ({name: intent.name, ...meta.intent} as DialogflowIntent) : undefined;
  const responses = intent.responses ?? [];
  const textMessage: DialogflowMessage = {type: 0, lang: language, condition: '', speech: responses};
  if (stored) {
    const out: DialogflowIntent = structuredClone(stored);
    out.name = intent.name;
    const first: DialogflowResponse = (out.responses ??= [{}])[0] ?? (out.responses[0] = {});
    // Parameters the author configured (prompts, required) stay; annotations that need a new one add it.
    const have = new Set((first.parameters ?? []).map((p) => p.name));
    const added = parameters.filter((p) => !have.has(p.name));
    if (added.length > 0) first.parameters = [...(first.parameters ?? []), ...added];
    const before = storedTexts(stored, language);
    if (before.join('\u0000') !== responses.join('\u0000')) {
      const others = (first.messages ?? []).filter(
        (m) => String(m.type ?? '0') !== '0' || (m.lang && m.lang.toLowerCase() !== language.toLowerCase()),
      );
      first.messages = [textMessage, ...others];
    }
    return out;
  }
  // The console's own Default Welcome / Fallback intents: a WELCOME event, or the fallback flag.
  const added = meta?.addedDefault;
  return {
    id: stableId('intent', intent.name),
    name: intent.name,
    auto: true,
    contexts: [],
    responses: [
      {
        resetContexts: false,
        action: added === 'welcome' ? 'input.welcome' : added === 'fallback' ? 'input.unknown' : '',
        affectedContexts: [],
        parameters,
        messages: [textMessage],
        defaultResponsePlatforms: {},
        speech: [],
      },
    ],
    priority: 500000,
    webhookUsed: false,
    webhookForSlotFilling: false,
    fallbackIntent: added === 'fallback',
    events: added === 'welcome' ? [{name: 'WELCOME'}] : [],
    conditionalResponses: [],
    condition: '',
    conditionalFollowupEvents: [],
  };
}

/** A custom entity type and its entries in the default language. Free-form entities list the values seen in annotations. */
function entityJson(
  entity: Entity,
  dataset: Dataset,
): {
  type: DialogflowEntityType;
  entries: DialogflowEntry[];
} {
  const meta = metaOf<DialogflowEntityMetadata>(entity);
  // An entity read from Dialogflow keeps its own file (ids, flags); only what the kind needs is changed.
  const base: DialogflowEntityType = meta?.entity
    ? {...meta.entity, name: entity.name}
    : {
        id: stableId('entity', entity.name),
        name: entity.name,
        isOverridable: true,
        isEnum: false,
        isRegexp: false,
        automatedExpansion: false,
        allowFuzzyExtraction: false,
      };
  const unset = (key: 'isEnum' | 'isRegexp' | 'automatedExpansion'): void => {
    if (base[key]) base[key] = false;
  };
  let entries: DialogflowEntry[];
  if (entity.kind === 'regex') {
    base.isRegexp = true;
    unset('isEnum');
    entries = patternEntries(entity);
  } else if (entity.kind === 'list') {
    unset('isRegexp');
    unset('isEnum');
    unset('automatedExpansion');
    if (entity.fuzzy !== undefined) base.allowFuzzyExtraction = entity.fuzzy;
    // Entries read from Dialogflow go back exactly as they were (a value need not be one of its synonyms, and
    // synonyms keep their spaces) as long as the dataset still means the same.
    const stored = meta?.listEntries;
    entries =
      stored && sameValues(stored, entity.values ?? [])
        ? stored
        : (entity.values ?? []).map((v) => ({value: v.value, synonyms: withSelf(v.value, v.synonyms)}));
  } else if (meta?.compositeEntries) {
    base.isEnum = true;
    entries = meta.compositeEntries;
  } else {
    // Free-form: automated expansion lets the agent match values beyond the ones listed.
    unset('isRegexp');
    unset('isEnum');
    base.automatedExpansion = true;
    entries = freeFormEntries(entity.name, meta?.entries ?? [], dataset);
  }
  return {type: base, entries};
}

function patternEntries(entity: Entity): DialogflowEntry[] {
  return (entity.patterns ?? []).map((p) => ({value: p, synonyms: [p]}));
}

/** A free-form entity's entries: those the agent had, and every value its annotations hold. */
function freeFormEntries(name: string, had: readonly DialogflowEntry[], dataset: Dataset): DialogflowEntry[] {
  return [...annotatedValues(name, dataset.utterances, had)].map(([value, synonyms]) => ({value, synonyms}));
}

/**
 * An entity's entries in another language of the agent (`entity` as that language sees it: a list value's
 * synonyms are its forms in that language). Each language has its own entries file: a list value keeps the
 * default language's reference value (the parameter value fulfillment sees) with this language's forms, and
 * the entries the agent had are written back as they were while the dataset still means the same.
 */
function entityJsonIn(
  entity: Entity,
  dataset: Dataset,
  stored: DialogflowEntry[] | undefined,
  primary: Entity | undefined,
): DialogflowEntry[] {
  const meta = metaOf<DialogflowEntityMetadata>(entity);
  if (entity.kind === 'regex') return stored ?? patternEntries(entity);
  if (entity.kind === 'list') {
    const values = entity.values ?? [];
    const computed = values.map((v) => ({
      value: v.value,
      synonyms: v.synonyms?.length ? [...v.synonyms] : [v.value],
    }));
    if (!stored) return computed;
    const primaryStored = metaOf<DialogflowEntityMetadata>(primary ?? entity)?.listEntries;
    const unchanged =
      (!primaryStored ||
        sameValues(
          primaryStored,
          (primary?.values ?? []).map(({synonymsByLanguage: _forms, ...v}) => v),
        )) &&
      values.every(
        (v) => JSON.stringify(v.synonyms ?? []) === JSON.stringify(languageForms(stored, v.value)),
      );
    if (unchanged) return stored;
    // Entries under a value the default language lacks stay: the model cannot hold them, the agent can.
    const known = new Set(values.map((v) => v.value));
    return [...computed, ...stored.filter((e) => !known.has(e.value))];
  }
  if (meta?.compositeEntries) return stored ?? meta.compositeEntries;
  return freeFormEntries(entity.name, stored ?? [], dataset);
}

/**
 * Dialogflow matches entries case-insensitively and resolves a match to its entry's value: a form listed under
 * two values (or two values differing only by case, "Paris" / "paris") resolves to one of them only.
 */
function warnEntryConflicts(entity: string, entries: DialogflowEntry[], context: ConnectorContext): void {
  const valuesOf = new Map<string, Set<string>>();
  for (const entry of entries) {
    for (const form of [entry.value, ...(entry.synonyms ?? [])]) {
      const key = form.toLowerCase();
      const set = valuesOf.get(key) ?? new Set<string>();
      set.add(entry.value);
      valuesOf.set(key, set);
    }
  }
  const conflicts = [...valuesOf].filter(([, values]) => values.size > 1);
  if (conflicts.length === 0) return;
  context.warn({
    code: 'DIALOGFLOW_ENTRY_CONFLICT',
    message: `dialogflow matches entity entries case-insensitively: in "${entity}", ${conflicts
      .slice(0, 3)
      .map(([form, values]) => `"${form}" matches ${[...values].map((v) => `"${v}"`).join(' and ')}`)
      .join(
        '; ',
      )}${conflicts.length > 3 ? ` (and ${conflicts.length - 3} more)` : ''}: Dialogflow resolves each to one value only`,
    suggestion: 'Merge values that differ only by case, or give each form to one value.',
  });
}

/** Whether stored Dialogflow entries still say what the dataset's list values say. */
function sameValues(entries: DialogflowEntry[], values: NonNullable<Entity['values']>): boolean {
  return JSON.stringify(listValuesOf(entries)) === JSON.stringify(values);
}

/** The canonical list values of Dialogflow entries (the importer's reading; see import.ts). */
export function listValuesOf(entries: DialogflowEntry[]): NonNullable<Entity['values']> {
  return entries.map((entry) => {
    const synonyms = [...new Set((entry.synonyms ?? []).filter((s) => s !== entry.value && s.length > 0))];
    return synonyms.length > 0 ? {value: entry.value, synonyms} : {value: entry.value};
  });
}

/** Dialogflow's language codes with a region of their own; every other default language is a root language. */
const REGIONAL_LANGUAGES = new Set(['zh-cn', 'zh-hk', 'zh-tw', 'pt-br']);

/**
 * An ES agent's default language is a root language (en, de, fr...) or one of the few regional codes above;
 * locales such as en-us are only ever added beside a root language. File names follow the language written.
 */
function dialogflowLanguage(language: string, context: ConnectorContext): string {
  const lower = language.toLowerCase().replace(/_/g, '-');
  const root = lower.split('-')[0]!;
  const written = REGIONAL_LANGUAGES.has(lower) ? lower : root === 'zh' ? 'zh-cn' : root;
  if (written !== language) {
    context.warn({
      code: 'DIALOGFLOW_LANGUAGE',
      message: `a Dialogflow agent's default language is a root language: "${language}" is written as "${written}"`,
    });
  }
  return written;
}

/**
 * Another language of the agent: Dialogflow's codes are lower case with "-" (es, pt-br, en-gb); a tag written
 * otherwise (pt-BR, en_GB) is written as Dialogflow spells it, with a warning.
 */
function dialogflowLocale(language: string, context: ConnectorContext): string {
  const written = language.toLowerCase().replace(/_/g, '-');
  if (written !== language) {
    context.warn({
      code: 'DIALOGFLOW_LANGUAGE_CODE',
      message: `Dialogflow writes language codes in lower case: "${language}" is written as "${written}"`,
    });
  }
  return written;
}

const DEFAULT_WELCOME = 'Default Welcome Intent';
const DEFAULT_FALLBACK = 'Default Fallback Intent';

/**
 * Restoring a zip replaces the whole agent: without its Default Welcome and Default Fallback intents the
 * restore deletes them. Imported agents keep theirs; other datasets get the console's two defaults.
 */
function withDefaultIntents(dataset: Dataset, context: ConnectorContext): Dataset {
  const has = (check: (i: Intent) => boolean): boolean => dataset.intents.some(check);
  const stored = (i: Intent): Partial<DialogflowIntent> | undefined =>
    metaOf<DialogflowIntentMetadata>(i)?.intent;
  const isFallback = (i: Intent): boolean =>
    stored(i)?.fallbackIntent === true || i.name === DEFAULT_FALLBACK;
  const isWelcome = (i: Intent): boolean =>
    i.name === DEFAULT_WELCOME || (stored(i)?.events ?? []).some((e) => e.name === 'WELCOME');
  const added: Intent[] = [];
  if (!has(isWelcome)) added.push({name: DEFAULT_WELCOME, metadata: {dialogflow: {addedDefault: 'welcome'}}});
  if (!has(isFallback))
    added.push({name: DEFAULT_FALLBACK, metadata: {dialogflow: {addedDefault: 'fallback'}}});
  if (added.length === 0) return dataset;
  context.warn({
    severity: 'info',
    code: 'DIALOGFLOW_DEFAULT_INTENTS_ADDED',
    message: `added ${added.map((i) => `"${i.name}"`).join(' and ')} without training phrases, so restoring the zip does not delete the agent's own`,
  });
  return {...dataset, intents: [...dataset.intents, ...added]};
}
