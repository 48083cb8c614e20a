/** LUIS app JSON (any schema version 3.x-7.0.0) -> canonical Dataset. Pure: the caller has validated the JSON. */
import {
  SynthnluError,
  type Dataset,
  type Entity,
  type EntitySpan,
  type Utterance,
  DATASET_FORMAT,
} from '../../../src/connector-kit.js';
import {isLuisPrebuiltName, luisPrebuiltToCanonical} from '../prebuilt-names.js';
import type {LuisApp, LuisEntity, LuisEntityLabel, LuisFeature} from './types.js';

/** Top-level keys interpreted below; anything else is kept verbatim in metadata.luis.extra. */
const KNOWN_KEYS = new Set([
  'luis_schema_version',
  'versionId',
  'name',
  'desc',
  'culture',
  'tokenizerVersion',
  'settings',
  'intents',
  'entities',
  'hierarchicals',
  'composites',
  'closedLists',
  'prebuiltEntities',
  'patternAnyEntities',
  'regex_entities',
  'regex_features',
  'model_features',
  'phraselists',
  'patterns',
  'utterances',
]);

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

function toSpan(label: LuisEntityLabel, text: string, path: string, file: string): EntitySpan {
  const {startPos, endPos} = label;
  if (startPos < 0 || endPos < startPos || endPos >= text.length) {
    throw new SynthnluError(
      'LUIS_BAD_OFFSET',
      `entity "${label.entity}" has startPos ${startPos} / endPos ${endPos} outside the utterance (${text.length} characters; endPos is inclusive)`,
      {
        location: {file, path},
        suggestion: 'Fix the label offsets: endPos is the index of the last character.',
      },
    );
  }
  const children = (label.children ?? []).map((child, i) =>
    toSpan(child, text, `${path}.children[${i}]`, file),
  );
  return {
    entity: label.entity,
    start: startPos,
    // LUIS endPos is inclusive; the canonical end is exclusive.
    end: endPos + 1,
    ...(label.role ? {role: label.role} : {}),
    ...(children.length > 0 ? {children} : {}),
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

export function luisAppToDataset(app: LuisApp, file: string): Dataset {
  const labelled = new Set<string>();
  const mark = (labels: LuisEntityLabel[]): void => {
    for (const l of labels) {
      labelled.add(l.entity);
      mark(l.children ?? []);
    }
  };
  for (const u of app.utterances) mark(u.entities ?? []);

  const closedLists = new Map((app.closedLists ?? []).map((c) => [c.name, c]));
  const regexes = new Map((app.regex_entities ?? []).map((r) => [r.name, r]));
  const prebuilts = new Map((app.prebuiltEntities ?? []).map((p) => [p.name, p]));

  // Companion models absorbed into a typed ML entity: only when nothing else labels or uses them.
  const featureUses = new Map<string, number>();
  const countFeatures = (features: LuisFeature[] | undefined): void => {
    for (const f of features ?? []) {
      const name = f.modelName ?? f.featureName;
      if (name) featureUses.set(name, (featureUses.get(name) ?? 0) + 1);
    }
  };
  const walkChildren = (children: LuisEntity['children']): void => {
    for (const c of children ?? []) {
      countFeatures(c.features);
      walkChildren(c.children);
    }
  };
  for (const e of app.entities ?? []) {
    countFeatures(e.features);
    walkChildren(e.children);
  }
  for (const i of app.intents) countFeatures(i.features);
  const absorbed = new Set<string>();

  const entities: Entity[] = [];
  for (const e of app.entities ?? []) {
    const typed = typedFeature(e);
    const list = typed ? closedLists.get(typed) : undefined;
    const regex = typed ? regexes.get(typed) : undefined;
    const prebuilt = typed && (prebuilts.has(typed) || isLuisPrebuiltName(typed)) ? typed : undefined;
    const companion = list?.name ?? regex?.name ?? prebuilt;
    if (companion && !labelled.has(companion) && featureUses.get(companion) === 1) {
      const extra =
        (list?.roles?.length ?? 0) +
        (regex?.roles?.length ?? 0) +
        (prebuilts.get(companion)?.roles?.length ?? 0);
      if (extra === 0) absorbed.add(companion);
    }
    const luisMeta = {luis: {typedBy: typed}};
    if (list) {
      entities.push({
        name: e.name,
        kind: 'list',
        values: list.subLists.map((s) => ({value: s.canonicalForm, synonyms: [...s.list]})),
        ...rolesOf(e.roles),
        metadata: luisMeta,
      });
    } else if (regex) {
      entities.push({
        name: e.name,
        kind: 'regex',
        patterns: [regex.regexPattern],
        ...rolesOf(e.roles),
        metadata: luisMeta,
      });
    } else if (prebuilt) {
      entities.push({
        name: e.name,
        kind: 'prebuilt',
        prebuilt: luisPrebuiltToCanonical(prebuilt),
        ...rolesOf(e.roles),
        metadata: luisMeta,
      });
    } else {
      const children = (e.children ?? []).map((c) => c.name);
      entities.push({
        name: e.name,
        kind: 'ml',
        ...rolesOf(e.roles),
        ...(children.length > 0 ? {children} : {}),
        // The full definition (nested children, features) has no canonical home; keep it for LUIS -> LUIS.
        ...((e.children?.length ?? 0) > 0 || (e.features?.length ?? 0) > 0
          ? {metadata: {luis: {definition: e}}}
          : {}),
      });
    }
  }
  declareChildEntities(app.entities ?? [], entities);
  for (const c of app.closedLists ?? []) {
    if (absorbed.has(c.name)) continue;
    entities.push({
      name: c.name,
      kind: 'list',
      values: c.subLists.map((s) => ({value: s.canonicalForm, synonyms: [...s.list]})),
      ...rolesOf(c.roles),
    });
  }
  for (const r of app.regex_entities ?? []) {
    if (absorbed.has(r.name)) continue;
    entities.push({name: r.name, kind: 'regex', patterns: [r.regexPattern], ...rolesOf(r.roles)});
  }
  for (const p of app.prebuiltEntities ?? []) {
    if (absorbed.has(p.name)) continue;
    entities.push({
      name: p.name,
      kind: 'prebuilt',
      prebuilt: luisPrebuiltToCanonical(p.name),
      ...rolesOf(p.roles),
      metadata: {luis: {prebuiltName: p.name}},
    });
  }
  for (const c of app.composites ?? []) {
    entities.push({
      name: c.name,
      kind: 'ml',
      children: c.children.map((child) => (typeof child === 'string' ? child : child.name)),
      ...rolesOf(c.roles),
      metadata: {luis: {composite: true}},
    });
  }
  for (const p of app.patternAnyEntities ?? []) {
    entities.push({
      name: p.name,
      kind: 'ml',
      ...rolesOf(p.roles),
      metadata: {luis: {patternAny: true, explicitList: p.explicitList ?? []}},
    });
  }

  const utterances: Utterance[] = app.utterances.map((u, i) => {
    const spans = (u.entities ?? []).map((l, j) =>
      toSpan(l, u.text, `utterances[${i}].entities[${j}]`, file),
    );
    return {
      text: u.text,
      intent: u.intent,
      ...(spans.length > 0 ? {entities: spans} : {}),
      source: 'imported',
    };
  });

  const phraseSource = app.phraselists ?? app.model_features ?? [];
  const extra = Object.fromEntries(Object.entries(app).filter(([key]) => !KNOWN_KEYS.has(key)));
  const dataset: Dataset = {
    format: DATASET_FORMAT,
    ...(app.name ? {name: app.name} : {}),
    ...(app.desc ? {description: app.desc} : {}),
    language: app.culture && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(app.culture) ? app.culture : 'en-us',
    // Every LUIS app has the None intent, even when a hand-written file leaves it out.
    intents: [...app.intents, ...(app.intents.some((i) => i.name === 'None') ? [] : [{name: 'None'}])].map(
      (i) => ({
        name: i.name,
        ...((i.features?.length ?? 0) > 0 ? {metadata: {luis: {features: i.features}}} : {}),
      }),
    ),
    entities,
    utterances,
    ...((app.patterns?.length ?? 0) > 0
      ? {patterns: app.patterns!.map((p) => ({intent: p.intent, pattern: p.pattern}))}
      : {}),
    ...(phraseSource.length > 0
      ? {
          phraseLists: phraseSource.map((p) => ({
            name: p.name,
            phrases: p.words.split(',').filter((w) => w.length > 0),
            interchangeable: p.mode,
            metadata: {
              luis: {
                ...(p.activated === undefined ? {} : {activated: p.activated}),
                ...(p.enabledForAllModels === undefined ? {} : {enabledForAllModels: p.enabledForAllModels}),
              },
            },
          })),
        }
      : {}),
    metadata: {
      luis: {
        luis_schema_version: app.luis_schema_version,
        ...(app.versionId === undefined ? {} : {versionId: app.versionId}),
        ...(app.tokenizerVersion === undefined ? {} : {tokenizerVersion: app.tokenizerVersion}),
        ...(app.settings === undefined ? {} : {settings: app.settings}),
        ...((app.regex_features?.length ?? 0) > 0 ? {regex_features: app.regex_features} : {}),
        ...((app.hierarchicals?.length ?? 0) > 0 ? {hierarchicals: app.hierarchicals} : {}),
        ...(Object.keys(extra).length > 0 ? {extra} : {}),
      },
    },
  };
  return dataset;
}
