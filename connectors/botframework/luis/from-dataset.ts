/** Canonical Dataset -> LUIS app JSON, schema 7.0.0. */
import {
  type ConnectorContext,
  type ExportOptions,
  type Dataset,
  type Entity,
  type EntitySpan,
  intentNames,
} from '../../../src/connector-kit.js';
import {platformCulture} from '../culture.js';
import {LUIS_ENTITY_LIMITS, overLimit} from '../limits.js';
import {warnMergedPrebuilts} from '../prebuilt-names.js';
import {warnDroppedSpanValues} from '../span-values.js';
import {withUndeclaredEntities} from '../undeclared.js';
import {isRecord, LUIS_ENTITY_WRITERS, luisMeta} from './entity-writers.js';
import type {LuisApp, LuisEntityLabel, LuisPhraseList} from './types.js';
import {LUIS_WRITTEN_VERSION} from './types.js';

function toLabel(span: EntitySpan): LuisEntityLabel {
  return {
    entity: span.entity,
    startPos: span.start,
    // The canonical end is exclusive; LUIS endPos is the index of the last character.
    endPos: span.end - 1,
    ...(span.role ? {role: span.role} : {}),
    ...(span.children?.length ? {children: span.children.map(toLabel)} : {}),
  };
}

/** Utterances of the requested split (all when none is requested). */
export function selectSplit(dataset: Dataset, options: ExportOptions): Dataset['utterances'] {
  return options.split
    ? dataset.utterances.filter((u) => (u.split ?? 'train') === options.split)
    : dataset.utterances;
}

/** Every role each entity is labelled with, in first-use order. */
function rolesInLabels(utterances: Dataset['utterances']): Map<string, string[]> {
  const used = new Map<string, string[]>();
  const visit = (spans: EntitySpan[] | undefined): void => {
    for (const s of spans ?? []) {
      if (s.role) {
        const list = used.get(s.entity) ?? [];
        if (!list.includes(s.role)) list.push(s.role);
        used.set(s.entity, list);
      }
      visit(s.children);
    }
  };
  for (const u of utterances) visit(u.entities);
  return used;
}

/** A child of an ML entity (see luis/to-dataset) is written inside its parent's definition, not on its own. */
function isChildOfExportedParent(entity: Entity, dataset: Dataset): boolean {
  const parent = luisMeta(entity)['childOf'];
  return (
    typeof parent === 'string' &&
    dataset.entities.some((e) => e.name === parent && e.kind === 'ml' && childNames(e).includes(entity.name))
  );
}

function childNames(entity: Entity): string[] {
  const definition = luisMeta(entity)['definition'];
  const nested: string[] = [];
  const visit = (children: unknown): void => {
    if (!Array.isArray(children)) return;
    for (const c of children as Array<{name?: unknown; children?: unknown}>) {
      if (typeof c.name === 'string') nested.push(c.name);
      visit(c.children);
    }
  };
  if (isRecord(definition)) visit(definition['children']);
  return [...(entity.children ?? []), ...nested];
}

/** Entities labelled without a role somewhere in the utterances (they need an ML entity to carry the labels). */
function labelledEntities(utterances: Dataset['utterances']): Set<string> {
  const labelled = new Set<string>();
  const mark = (spans: EntitySpan[]): void => {
    for (const s of spans) {
      if (!s.role) labelled.add(s.entity);
      mark(s.children ?? []);
    }
  };
  for (const u of utterances) mark(u.entities ?? []);
  return labelled;
}

/** The app's own fields, with what an imported app kept in metadata. */
function emptyApp(dataset: Dataset, options: ExportOptions): LuisApp {
  const app: LuisApp = {
    luis_schema_version: LUIS_WRITTEN_VERSION,
    intents: [],
    entities: [],
    hierarchicals: [],
    composites: [],
    closedLists: [],
    prebuiltEntities: [],
    utterances: [],
    versionId: '0.1',
    name: options.name ?? dataset.name ?? 'synthnlu',
    desc: dataset.description ?? '',
    culture: platformCulture(dataset.language),
    tokenizerVersion: '1.0.0',
    patternAnyEntities: [],
    regex_entities: [],
    phraselists: [],
    regex_features: [],
    patterns: [],
    settings: [],
  };
  const appMeta = luisMeta(dataset);
  if (typeof appMeta['versionId'] === 'string') app.versionId = appMeta['versionId'];
  if (typeof appMeta['tokenizerVersion'] === 'string') app.tokenizerVersion = appMeta['tokenizerVersion'];
  if (Array.isArray(appMeta['settings'])) app.settings = appMeta['settings'];
  if (Array.isArray(appMeta['regex_features'])) app.regex_features = appMeta['regex_features'];
  if (Array.isArray(appMeta['hierarchicals'])) app.hierarchicals = appMeta['hierarchicals'];
  return app;
}

function luisIntents(dataset: Dataset, utterances: Dataset['utterances']): LuisApp['intents'] {
  const intents = intentNames({...dataset, utterances});
  // LUIS requires the None intent in every app.
  if (!intents.includes('None')) intents.push('None');
  const declared = new Map(dataset.intents.map((i) => [i.name, i]));
  return intents.map((name) => {
    const features = luisMeta(declared.get(name))['features'];
    return {name, ...(Array.isArray(features) ? {features} : {})};
  });
}

/** Each entity (declared, or only named by labels) written by the writer of its kind. */
function writeEntities(
  app: LuisApp,
  dataset: Dataset,
  utterances: Dataset['utterances'],
  context: ConnectorContext,
): void {
  const labelled = labelledEntities(utterances);
  const target = {app, context, taken: new Set(dataset.entities.map((e) => e.name))};
  const rolesUsed = rolesInLabels(utterances);
  for (const declared of withUndeclaredEntities(dataset, utterances)) {
    if (isChildOfExportedParent(declared, dataset)) continue;
    // LUIS (and bf-lu) turn a role that the entity does not declare into a new entity of that name.
    const roles = [...new Set([...(declared.roles ?? []), ...(rolesUsed.get(declared.name) ?? [])])];
    const entity = roles.length > 0 ? {...declared, roles} : declared;
    const meta = luisMeta(entity);
    const typedBy = typeof meta['typedBy'] === 'string' ? meta['typedBy'] : undefined;
    const isLabelled = labelled.has(entity.name);
    LUIS_ENTITY_WRITERS[entity.kind](target, {
      entity,
      roles,
      meta,
      typedBy,
      wrap: isLabelled || typedBy !== undefined,
      labelled: isLabelled,
    });
  }
}

function luisPhraseLists(dataset: Dataset): LuisPhraseList[] {
  return (dataset.phraseLists ?? []).map((p): LuisPhraseList => {
    const meta = luisMeta(p);
    return {
      name: p.name,
      // LUIS separates phrases with commas, so a phrase cannot contain one.
      words: p.phrases.map((w) => w.replace(/,/g, ' ')).join(','),
      mode: p.interchangeable ?? true,
      activated: typeof meta['activated'] === 'boolean' ? meta['activated'] : true,
      enabledForAllModels:
        typeof meta['enabledForAllModels'] === 'boolean' ? meta['enabledForAllModels'] : true,
    };
  });
}

/** Labelled list, regex and prebuilt entities: see entity-writers.ts. */
export function datasetToLuisApp(
  dataset: Dataset,
  context: ConnectorContext,
  options: ExportOptions,
): LuisApp {
  const utterances = selectSplit(dataset, options);
  // Tags and the split are warned about by the core (connector limits); here only what LUIS alone loses.
  warnDroppedSpanValues(dataset, utterances, context, 'LUIS');
  warnMergedPrebuilts(dataset.entities, context, 'LUIS');
  const app = emptyApp(dataset, options);
  app.intents = luisIntents(dataset, utterances);
  writeEntities(app, dataset, utterances, context);
  app.patterns = (dataset.patterns ?? []).map((p) => ({pattern: p.pattern, intent: p.intent}));
  app.phraselists = luisPhraseLists(dataset);
  app.utterances = utterances.map((u) => ({
    text: u.text,
    intent: u.intent,
    entities: (u.entities ?? []).map(toLabel),
  }));
  checkEntityLimits(app);
  const extra = luisMeta(dataset)['extra'];
  if (isRecord(extra)) for (const [key, value] of Object.entries(extra)) if (!(key in app)) app[key] = value;
  return app;
}

/** LUIS limits per entity kind (see limits.ts): checked on the app as written, so companions count too. */
function checkEntityLimits(app: LuisApp): void {
  const counts: Array<[string, number, number]> = [
    ['machine-learned entities', app.entities?.length ?? 0, LUIS_ENTITY_LIMITS.ml],
    ['list entities', app.closedLists?.length ?? 0, LUIS_ENTITY_LIMITS.list],
    ['regular expression entities', app.regex_entities?.length ?? 0, LUIS_ENTITY_LIMITS.regex],
    ['patterns', app.patterns?.length ?? 0, LUIS_ENTITY_LIMITS.patterns],
  ];
  for (const [what, count, max] of counts) if (count > max) throw overLimit('LUIS', what, count, max);
  const all = [
    ...(app.entities ?? []),
    ...(app.closedLists ?? []),
    ...(app.regex_entities ?? []),
    ...(app.prebuiltEntities ?? []),
    ...(app.composites ?? []),
    ...(app.patternAnyEntities ?? []),
  ];
  for (const entity of all) {
    const roles = entity.roles?.length ?? 0;
    if (roles > LUIS_ENTITY_LIMITS.rolesPerEntity)
      throw overLimit('LUIS', `roles on entity "${entity.name}"`, roles, LUIS_ENTITY_LIMITS.rolesPerEntity);
  }
}
