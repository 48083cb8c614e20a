/**
 * LUIS app models -> dataset entities, one reader per LUIS model kind (ML entities, their children, closed
 * lists, regex, prebuilt, composites, pattern.any), in the order the dataset lists them.
 */
import type {Entity} from '../../../src/connector-kit.js';
import {isLuisPrebuiltName, luisPrebuiltToCanonical} from '../prebuilt-names.js';
import type {
  LuisApp,
  LuisClosedList,
  LuisEntity,
  LuisEntityLabel,
  LuisFeature,
  LuisRegexEntity,
} from './types.js';

function rolesOf(roles: string[] | undefined): Pick<Entity, 'roles'> {
  return roles && roles.length > 0 ? {roles: [...roles]} : {};
}

/** An ML entity whose only feature is one required list/regex/prebuilt model: a "typed" entity (see from-dataset). */
function typedFeature(entity: LuisEntity): string | undefined {
  const features = entity.features ?? [];
  if ((entity.children?.length ?? 0) > 0 || features.length !== 1) return undefined;
  const [feature] = features as [LuisFeature];
  return feature.isRequired && feature.modelName ? feature.modelName : undefined;
}

/** The models an app defines by name, to resolve what a typed entity is typed by. */
interface AppModels {
  closedLists: Map<string, LuisClosedList>;
  regexes: Map<string, LuisRegexEntity>;
  prebuilts: Map<string, {name: string; roles?: string[]}>;
}

function appModels(app: LuisApp): AppModels {
  return {
    closedLists: new Map((app.closedLists ?? []).map((c) => [c.name, c])),
    regexes: new Map((app.regex_entities ?? []).map((r) => [r.name, r])),
    prebuilts: new Map((app.prebuiltEntities ?? []).map((p) => [p.name, p])),
  };
}

/** What a typed ML entity is typed by: a list, a regex or a prebuilt of the app (or a LUIS prebuilt name). */
function companionOf(e: LuisEntity, models: AppModels) {
  const typed = typedFeature(e);
  const list = typed ? models.closedLists.get(typed) : undefined;
  const regex = typed ? models.regexes.get(typed) : undefined;
  const prebuilt = typed && (models.prebuilts.has(typed) || isLuisPrebuiltName(typed)) ? typed : undefined;
  return {typed, list, regex, prebuilt, name: list?.name ?? regex?.name ?? prebuilt};
}

function labelledNames(app: LuisApp): Set<string> {
  const labelled = new Set<string>();
  const mark = (labels: LuisEntityLabel[]): void => {
    for (const l of labels) {
      labelled.add(l.entity);
      mark(l.children ?? []);
    }
  };
  for (const u of app.utterances) mark(u.entities ?? []);
  return labelled;
}

/** How many times each model is used as a feature (by entities, their children and intents). */
function featureUses(app: LuisApp): Map<string, number> {
  const uses = new Map<string, number>();
  const count = (features: LuisFeature[] | undefined): void => {
    for (const f of features ?? []) {
      const name = f.modelName ?? f.featureName;
      if (name) uses.set(name, (uses.get(name) ?? 0) + 1);
    }
  };
  const walkChildren = (children: LuisEntity['children']): void => {
    for (const c of children ?? []) {
      count(c.features);
      walkChildren(c.children);
    }
  };
  for (const e of app.entities ?? []) {
    count(e.features);
    walkChildren(e.children);
  }
  for (const i of app.intents) count(i.features);
  return uses;
}

/** Companion models absorbed into a typed ML entity: only when nothing else labels or uses them, and no roles. */
function absorbedCompanions(app: LuisApp, models: AppModels): Set<string> {
  const labelled = labelledNames(app);
  const uses = featureUses(app);
  const absorbed = new Set<string>();
  for (const e of app.entities ?? []) {
    const {list, regex, name} = companionOf(e, models);
    if (!name || labelled.has(name) || uses.get(name) !== 1) continue;
    const roles =
      (list?.roles?.length ?? 0) +
      (regex?.roles?.length ?? 0) +
      (models.prebuilts.get(name)?.roles?.length ?? 0);
    if (roles === 0) absorbed.add(name);
  }
  return absorbed;
}

const listValues = (list: LuisClosedList) =>
  list.subLists.map((s) => ({value: s.canonicalForm, synonyms: [...s.list]}));

/** An ML entity: typed by a companion, it takes the companion's kind; otherwise an ml entity. */
function mlEntity(e: LuisEntity, models: AppModels): Entity {
  const {typed, list, regex, prebuilt} = companionOf(e, models);
  const typedMeta = {metadata: {luis: {typedBy: typed}}};
  if (list) return {name: e.name, kind: 'list', values: listValues(list), ...rolesOf(e.roles), ...typedMeta};
  if (regex)
    return {name: e.name, kind: 'regex', patterns: [regex.regexPattern], ...rolesOf(e.roles), ...typedMeta};
  if (prebuilt)
    return {
      name: e.name,
      kind: 'prebuilt',
      prebuilt: luisPrebuiltToCanonical(prebuilt),
      ...rolesOf(e.roles),
      ...typedMeta,
    };
  const children = (e.children ?? []).map((c) => c.name);
  return {
    name: e.name,
    kind: 'ml',
    ...rolesOf(e.roles),
    ...(children.length > 0 ? {children} : {}),
    // The full definition (nested children, features) has no canonical home; keep it for LUIS -> LUIS.
    ...((e.children?.length ?? 0) > 0 || (e.features?.length ?? 0) > 0
      ? {metadata: {luis: {definition: e}}}
      : {}),
  };
}

/**
 * LUIS 6.x/7.0.0 children of an ML entity (P1 > CC1, CC2) label spans of their own. The canonical model wants
 * every labelled name declared, so each child becomes an ml entity that remembers its parent: other formats
 * (CLU, Dialogflow, Rasa) then see a declared entity, and the LUIS writer leaves it inside its parent.
 */
function declareChildEntities(parents: LuisEntity[], into: Entity[]): void {
  const visit = (parent: string, children: LuisEntity['children']): void => {
    for (const child of children ?? []) {
      if (!into.some((e) => e.name === child.name)) {
        into.push({name: child.name, kind: 'ml', metadata: {luis: {childOf: parent}}});
      }
      visit(child.name, child.children);
    }
  };
  for (const parent of parents) visit(parent.name, parent.children);
}

interface ReadContext {
  models: AppModels;
  /** Companions absorbed into their typed entity: not entities of their own. */
  absorbed: Set<string>;
}

/** One reader per LUIS model kind, in the order the dataset lists them; each appends to `entities`. */
const ENTITY_READERS: Array<(app: LuisApp, entities: Entity[], context: ReadContext) => void> = [
  (app, entities, {models}) => entities.push(...(app.entities ?? []).map((e) => mlEntity(e, models))),
  (app, entities) => declareChildEntities(app.entities ?? [], entities),
  (app, entities, {absorbed}) => {
    for (const c of app.closedLists ?? [])
      if (!absorbed.has(c.name))
        entities.push({name: c.name, kind: 'list', values: listValues(c), ...rolesOf(c.roles)});
  },
  (app, entities, {absorbed}) => {
    for (const r of app.regex_entities ?? [])
      if (!absorbed.has(r.name))
        entities.push({name: r.name, kind: 'regex', patterns: [r.regexPattern], ...rolesOf(r.roles)});
  },
  (app, entities, {absorbed}) => {
    for (const p of app.prebuiltEntities ?? [])
      if (!absorbed.has(p.name))
        entities.push({
          name: p.name,
          kind: 'prebuilt',
          prebuilt: luisPrebuiltToCanonical(p.name),
          ...rolesOf(p.roles),
          metadata: {luis: {prebuiltName: p.name}},
        });
  },
  (app, entities) => {
    for (const c of app.composites ?? [])
      entities.push({
        name: c.name,
        kind: 'ml',
        children: c.children.map((child) => (typeof child === 'string' ? child : child.name)),
        ...rolesOf(c.roles),
        metadata: {luis: {composite: true}},
      });
  },
  (app, entities) => {
    for (const p of app.patternAnyEntities ?? [])
      entities.push({
        name: p.name,
        kind: 'ml',
        ...rolesOf(p.roles),
        metadata: {luis: {patternAny: true, explicitList: p.explicitList ?? []}},
      });
  },
];

export function luisEntitiesToDataset(app: LuisApp): Entity[] {
  const models = appModels(app);
  const context = {models, absorbed: absorbedCompanions(app, models)};
  const entities: Entity[] = [];
  for (const read of ENTITY_READERS) read(app, entities, context);
  return entities;
}
