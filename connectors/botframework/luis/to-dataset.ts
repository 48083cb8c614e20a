/** LUIS app JSON (any schema version 3.x-7.0.0) -> canonical Dataset. Pure: the caller has validated the JSON. */
import {
  SynthnluError,
  type Dataset,
  type EntitySpan,
  type Utterance,
  DATASET_FORMAT,
} from '../../../src/connector-kit.js';
import {luisEntitiesToDataset} from './entity-readers.js';
import type {LuisApp, LuisEntityLabel} from './types.js';

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

type LuisPhraseSource = NonNullable<LuisApp['phraselists']>[number];

function toPhraseList(p: LuisPhraseSource): NonNullable<Dataset['phraseLists']>[number] {
  return {
    name: p.name,
    phrases: p.words.split(',').filter((w) => w.length > 0),
    interchangeable: p.mode,
    metadata: {
      luis: {
        ...(p.activated === undefined ? {} : {activated: p.activated}),
        ...(p.enabledForAllModels === undefined ? {} : {enabledForAllModels: p.enabledForAllModels}),
      },
    },
  };
}

/** What the dataset has no field for, kept for LUIS -> LUIS (unknown top-level keys verbatim in `extra`). */
function appMetadata(app: LuisApp): Record<string, unknown> {
  const extra = Object.fromEntries(Object.entries(app).filter(([key]) => !KNOWN_KEYS.has(key)));
  return {
    luis_schema_version: app.luis_schema_version,
    ...(app.versionId === undefined ? {} : {versionId: app.versionId}),
    ...(app.tokenizerVersion === undefined ? {} : {tokenizerVersion: app.tokenizerVersion}),
    ...(app.settings === undefined ? {} : {settings: app.settings}),
    ...((app.regex_features?.length ?? 0) > 0 ? {regex_features: app.regex_features} : {}),
    ...((app.hierarchicals?.length ?? 0) > 0 ? {hierarchicals: app.hierarchicals} : {}),
    ...(Object.keys(extra).length > 0 ? {extra} : {}),
  };
}

export function luisAppToDataset(app: LuisApp, file: string): Dataset {
  const entities = luisEntitiesToDataset(app);
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
    ...(phraseSource.length > 0 ? {phraseLists: phraseSource.map(toPhraseList)} : {}),
    metadata: {luis: appMetadata(app)},
  };
  return dataset;
}
