import {listValuesOf} from './export.js';
import {
  defaultLanguageFirst,
  emptyDataset,
  otherLanguagesOf,
  SynthnluError,
} from '../../../src/connector-kit.js';
import type {ConnectorContext, Dataset, Entity, EntitySpan} from '../../../src/connector-kit.js';
import type {ImportSource, Intent, Utterance} from '../../../src/connector-kit.js';
import {findAgentLayout, stemOf, type AgentLayout} from './layout.js';
import {readAgentJson} from './read-json.js';
import {linkEntityLanguageForms} from '../shared/languages.js';
import {canonicalPrebuilt, isSystemType} from './system-entities.js';
import type {
  DialogflowEntityMetadata,
  DialogflowEntityType,
  DialogflowEntry,
  DialogflowIntent,
  DialogflowIntentMetadata,
  DialogflowUserSays,
  DialogflowUtteranceMetadata,
} from './types.js';

const IGNORE = 'sys.ignore';

/** Reads a Dialogflow ES agent (export zip or folder) into the canonical model. */
export async function importDialogflowAgent(
  source: ImportSource,
  context: ConnectorContext,
): Promise<Dataset> {
  const layout = findAgentLayout(source);
  if (!layout || (layout.intentFiles.length === 0 && layout.entityFiles.length === 0)) {
    throw new SynthnluError(
      'DIALOGFLOW_NO_AGENT',
      'no Dialogflow agent here (no intents/ or entities/ folder)',
      {
        location: {file: source.path},
        suggestion:
          'Give the export zip from the Dialogflow console (Settings > Export and Import), or its unzipped folder.',
      },
    );
  }
  const dataset = await readAgent(source, layout, context);
  // Entity types first: annotations need to know which names are custom types and what their entries map to.
  const custom = new Map<string, Entity>();
  for (const entity of await readEntityTypes(source, layout, dataset.language, context)) {
    if (dataset.languages)
      linkEntityLanguageForms(
        entity,
        (entity.metadata?.dialogflow as DialogflowEntityMetadata | undefined)?.otherLanguages,
        dataset.languages.slice(1),
        context,
        source.path,
        {
          code: 'DIALOGFLOW_LANGUAGE_ENTRIES_KEPT',
          noun: 'entity',
          formatId: 'dialogflow',
        },
      );
    custom.set(entity.name, entity);
    dataset.entities.push(entity);
  }
  const templates = await readIntents(
    source,
    layout,
    context,
    dataset,
    new AnnotationResolver(dataset, custom),
  );
  if (templates > 0) {
    context.warn({
      code: 'DIALOGFLOW_TEMPLATES_KEPT',
      message: `${templates} template-mode training phrase${templates === 1 ? '' : 's'} ("@type:name" syntax) kept for Dialogflow but not imported as examples`,
      file: source.path,
    });
  }
  return dataset;
}

/** agent.json (kept whole in metadata) and package.json: the dataset's language and name. */
async function readAgent(
  source: ImportSource,
  layout: AgentLayout,
  context: ConnectorContext,
): Promise<Dataset> {
  const agent = layout.agentFile
    ? await readAgentJson<Record<string, unknown>>(
        source,
        layout.agentFile,
        'dialogflow-agent.schema.json',
        context,
      )
    : undefined;
  if (layout.packageFile)
    await readAgentJson(source, layout.packageFile, 'dialogflow-package.schema.json', context);
  const language =
    (typeof agent?.language === 'string' && agent.language) || mostCommonLanguage(layout.userSays) || 'en';
  const name = source.path
    .replace(/[/\\]+$/, '')
    .replace(/^.*[/\\]/, '')
    .replace(/\.zip$/i, '');
  const dataset = emptyDataset(language, name || undefined);
  if (agent) dataset.metadata = {dialogflow: {agent}};
  // A multi-language agent: a usersays and an entries file per language.
  const found = [...layout.userSays.values(), ...layout.entries.values()].flatMap((files) => [
    ...files.keys(),
  ]);
  const others = otherLanguagesOf(found, language, agent?.supportedLanguages);
  if (others.length > 0) dataset.languages = [language, ...others];
  return dataset;
}

/** Each entity type with its entries in the agent's language (other languages kept in metadata). */
async function readEntityTypes(
  source: ImportSource,
  layout: AgentLayout,
  language: string,
  context: ConnectorContext,
): Promise<Entity[]> {
  const entities: Entity[] = [];
  for (const file of layout.entityFiles) {
    const type = await readAgentJson<DialogflowEntityType>(
      source,
      file,
      'dialogflow-entity.schema.json',
      context,
    );
    const entries: DialogflowEntry[] = [];
    const otherLanguages: Record<string, DialogflowEntry[]> = {};
    for (const [lang, entriesFile] of layout.entries.get(stemOf(file)) ?? []) {
      const list = await readAgentJson<DialogflowEntry[]>(
        source,
        entriesFile,
        'dialogflow-entries.schema.json',
        context,
      );
      if (sameLanguage(lang, language)) entries.push(...list);
      else otherLanguages[lang] = list;
    }
    const entity = entityFrom(type, entries);
    if (Object.keys(otherLanguages).length > 0) dialogflowMeta(entity).otherLanguages = otherLanguages;
    entities.push(entity);
  }
  return entities;
}

/**
 * The canonical entity (and role) of an annotated part (`@type` with the parameter name as its alias): a custom
 * type is its entity, a system type (`@sys.*`) becomes a prebuilt entity named by the parameter. Entities
 * the annotations need and the export lacks are added to the dataset.
 */
class AnnotationResolver {
  private readonly prebuilt = new Map<string, Entity>();
  /** Each ml entity's synonym -> value, so span values are the entity's reference values. */
  readonly valueMaps = new Map<string, Map<string, string>>();

  constructor(
    private readonly dataset: Dataset,
    private readonly custom: Map<string, Entity>,
  ) {
    for (const entity of custom.values()) {
      const entries = entity.kind === 'ml' ? dialogflowMeta(entity).entries : undefined;
      if (entries) this.valueMaps.set(entity.name, synonymMap(entries));
    }
  }

  /** The same for another language of the agent, from that language's entries. */
  valueMapsIn(language: string): Map<string, Map<string, string>> {
    const maps = new Map<string, Map<string, string>>();
    for (const entity of this.custom.values()) {
      const meta = entity.kind === 'ml' ? dialogflowMeta(entity) : undefined;
      const entries = meta?.entries ? meta.otherLanguages?.[language] : undefined;
      if (entries) maps.set(entity.name, synonymMap(entries));
    }
    return maps;
  }

  readonly resolve = (meta: string, alias: string | undefined): {entity: string; role?: string} => {
    const type = meta.slice(1);
    return isSystemType(type) ? this.systemType(type, alias) : this.customType(type, alias);
  };

  private customType(type: string, alias: string | undefined): {entity: string; role?: string} {
    if (!this.custom.has(type)) {
      // Annotated with a type the export does not define (deleted later, or a partial export): keep it free-form.
      const entity: Entity = {name: type, kind: 'ml'};
      this.custom.set(type, entity);
      this.dataset.entities.push(entity);
    }
    return alias && alias !== type ? {entity: type, role: alias} : {entity: type};
  }

  private systemType(type: string, alias: string | undefined): {entity: string; role?: string} {
    const short = type.slice(4);
    const wanted = alias ?? short;
    const fits = (n: string): boolean =>
      !this.custom.has(n) && (!this.prebuilt.has(n) || dialogflowMeta(this.prebuilt.get(n)!).sys === type);
    // Parameter names become entity names (date-start, date-end); a clash with another type keeps the alias as a role.
    const nameFor = fits(wanted) ? wanted : fits(short) ? short : `sys-${short}`;
    if (!this.prebuilt.has(nameFor)) {
      const entity: Entity = {name: nameFor, kind: 'prebuilt', prebuilt: canonicalPrebuilt(type)};
      dialogflowMeta(entity).sys = type;
      this.prebuilt.set(nameFor, entity);
      this.dataset.entities.push(entity);
    }
    return nameFor === wanted || alias === undefined ? {entity: nameFor} : {entity: nameFor, role: alias};
  }
}

/** Intents with their training phrases in the agent's language; returns how many template phrases were kept. */
async function readIntents(
  source: ImportSource,
  layout: AgentLayout,
  context: ConnectorContext,
  dataset: Dataset,
  annotations: AnnotationResolver,
): Promise<number> {
  let templates = 0;
  for (const file of layout.intentFiles) {
    const intentFile = await readAgentJson<DialogflowIntent>(
      source,
      file,
      'dialogflow-intent.schema.json',
      context,
    );
    const {name: intentName, ...rest} = intentFile;
    const intent: Intent = {name: intentName};
    const responses = textResponses(intentFile, dataset.language);
    if (responses.length > 0) intent.responses = responses;
    const meta: DialogflowIntentMetadata = {intent: rest};
    for (const [lang, saysFile] of defaultLanguageFirst(
      layout.userSays.get(stemOf(file)),
      dataset.language,
    )) {
      const phrases = await readAgentJson<DialogflowUserSays[]>(
        source,
        saysFile,
        'dialogflow-usersays.schema.json',
        context,
      );
      const primary = sameLanguage(lang, dataset.language);
      const valueMaps = primary ? annotations.valueMaps : annotations.valueMapsIn(lang);
      for (const phrase of phrases) {
        if (phrase.isTemplate) {
          if (primary) (meta.templates ??= []).push(phrase);
          else ((meta.templatesByLanguage ??= {})[lang] ??= []).push(phrase);
          templates += 1;
          continue;
        }
        // A multi-language agent: every utterance says its language, the default one's too.
        const language = dataset.languages ? (primary ? dataset.language : lang) : undefined;
        const utterance = utteranceFrom(phrase, intentName, language, annotations.resolve, valueMaps);
        if (utterance) dataset.utterances.push(utterance);
      }
    }
    intent.metadata = {dialogflow: meta};
    dataset.intents.push(intent);
  }
  return templates;
}

function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function mostCommonLanguage(userSays: Map<string, Map<string, string>>): string | undefined {
  const counts = new Map<string, number>();
  for (const byLang of userSays.values())
    for (const lang of byLang.keys()) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function dialogflowMeta(entity: Entity): DialogflowEntityMetadata {
  entity.metadata ??= {};
  return ((entity.metadata as {dialogflow?: DialogflowEntityMetadata}).dialogflow ??= {});
}

/** isRegexp → regex; isEnum (composite) and automated expansion → free-form; otherwise a closed list. */
function entityFrom(type: DialogflowEntityType, entries: DialogflowEntry[]): Entity {
  const {name, ...rest} = type;
  if (type.isRegexp) {
    const entity: Entity = {name, kind: 'regex', patterns: entries.map((e) => e.value)};
    dialogflowMeta(entity).entity = rest;
    return entity;
  }
  if (type.isEnum || type.automatedExpansion) {
    const entity: Entity = {name, kind: 'ml'};
    const meta = dialogflowMeta(entity);
    meta.entity = rest;
    if (type.isEnum) meta.compositeEntries = entries;
    else meta.entries = entries;
    return entity;
  }
  const entity: Entity = {name, kind: 'list', values: listValuesOf(entries)};
  if (type.allowFuzzyExtraction !== undefined) entity.fuzzy = type.allowFuzzyExtraction;
  dialogflowMeta(entity).entity = rest;
  // The entries exactly as written (a value that is not its own synonym, spaces), for a Dialogflow round trip.
  dialogflowMeta(entity).listEntries = entries;
  return entity;
}

/** Lower-cased synonym → value, for free-form entities whose entries say what a surface form means. */
function synonymMap(entries: DialogflowEntry[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of entries) {
    for (const form of [entry.value, ...(entry.synonyms ?? [])]) {
      const key = form.toLowerCase();
      if (!map.has(key)) map.set(key, entry.value);
    }
  }
  return map;
}

function textResponses(intent: DialogflowIntent, language: string): string[] {
  const out: string[] = [];
  for (const response of intent.responses ?? []) {
    for (const message of response.messages ?? []) {
      if (String(message.type ?? '0') !== '0') continue;
      if (message.lang && !sameLanguage(message.lang, language)) continue;
      const speech = typeof message.speech === 'string' ? [message.speech] : (message.speech ?? []);
      for (const text of speech) if (typeof text === 'string' && text.length > 0) out.push(text);
    }
  }
  return out;
}

/** Joins the text parts; annotated parts become spans at their UTF-16 offsets in the joined text. */
function utteranceFrom(
  phrase: DialogflowUserSays,
  intent: string,
  language: string | undefined,
  resolve: (meta: string, alias: string | undefined) => {entity: string; role?: string},
  valueMaps: Map<string, Map<string, string>>,
): Utterance | undefined {
  let text = '';
  const spans: EntitySpan[] = [];
  const meta: DialogflowUtteranceMetadata = {};
  for (const part of phrase.data) {
    const start = text.length;
    text += part.text;
    const end = text.length;
    if (part.userDefined && end > start) (meta.userDefined ??= []).push([start, end]);
    if (!part.meta || end === start) continue;
    if (part.meta === `@${IGNORE}`) {
      (meta.ignored ??= []).push([start, end]);
      continue;
    }
    const {entity, role} = resolve(part.meta, part.alias);
    const span: EntitySpan = {entity, start, end};
    const value = valueMaps.get(entity)?.get(part.text.toLowerCase());
    if (value !== undefined && value !== part.text) span.value = value;
    if (role) span.role = role;
    spans.push(span);
  }
  if (text.length === 0) return undefined;
  if (phrase.id !== undefined) meta.id = phrase.id;
  if (phrase.count !== undefined) meta.count = phrase.count;
  if (phrase.updated !== undefined) meta.updated = phrase.updated;
  const utterance: Utterance = {text, intent, ...(language ? {language} : {}), source: 'imported'};
  if (spans.length > 0) utterance.entities = spans;
  if (Object.keys(meta).length > 0) utterance.metadata = {dialogflow: meta};
  return utterance;
}
