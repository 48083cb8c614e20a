/** Reading a watsonx Assistant dialog skill (workspace JSON) or actions skill export into the canonical model. */
import {
  type ConnectorContext,
  type Dataset,
  type Entity,
  type EntitySpan,
  type ImportSource,
  type Intent,
  SynthnluError,
  type Utterance,
} from '../../src/connector-kit.js';
import {emptiedExample, entityManaged, exampleManaged, intentManaged, valueManaged} from './managed.js';
import {detectLayout, shapeToKeep} from './shape.js';
import {canonicalPrebuilt, isSystemEntityName} from './system-entities.js';
import {
  type JsonObject,
  WATSON_ACTIONS_SCHEMA,
  WATSON_METADATA_KEY,
  WATSON_SCHEMA,
  type WatsonActionsSkill,
  type WatsonDatasetMetadata,
  type WatsonEntity,
  type WatsonEntityMetadata,
  type WatsonExample,
  type WatsonIntent,
  type WatsonWorkspace,
} from './types.js';

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The one JSON file of the source: the file itself, or the only .json in a folder or zip. */
export function watsonFile(source: ImportSource): string {
  const files =
    source.kind === 'file' ? source.list() : source.list().filter((f) => f.toLowerCase().endsWith('.json'));
  if (files.length !== 1) {
    throw new SynthnluError(
      'IMPORT_NO_FILE',
      `${source.path} holds ${files.length} .json files; a watsonx Assistant skill export is one JSON file`,
      {location: {file: source.path}, suggestion: 'Point at the skill JSON file itself.'},
    );
  }
  return files[0]!;
}

function invalid(
  context: ConnectorContext,
  schema: string,
  value: unknown,
  file: string,
  pathPrefix: string,
): void {
  const problems = context.validate(schema, value, file).filter((d) => d.severity === 'error');
  const [first] = problems;
  if (!first) return;
  const path = `${pathPrefix}${first.path ?? ''}`;
  throw new SynthnluError(
    'WATSON_INVALID',
    `${file} is not a valid watsonx Assistant skill: ${first.message}`,
    {
      location: {file, ...(path ? {path} : {})},
      diagnostics: problems,
      suggestion: `Check the file against schemas/${WATSON_SCHEMA}.`,
    },
  );
}

function withMeta<T extends {metadata?: Record<string, unknown>}>(owner: T, meta: object | undefined): T {
  if (meta && Object.values(meta).some((v) => v !== undefined))
    owner.metadata = {...owner.metadata, [WATSON_METADATA_KEY]: meta};
  return owner;
}

export async function importWatson(source: ImportSource, context: ConnectorContext): Promise<Dataset> {
  const file = watsonFile(source);
  const text = await source.readText(file);
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    throw new SynthnluError('WATSON_BAD_JSON', `${file} is not valid JSON: ${(error as Error).message}`, {
      location: {file},
      cause: error,
    });
  }
  let workspace: WatsonWorkspace;
  let skill: JsonObject | undefined;
  if (isRecord(json) && isRecord(json['workspace'])) {
    invalid(context, WATSON_ACTIONS_SCHEMA, json, file, '');
    const wrapper = json as WatsonActionsSkill;
    workspace = wrapper.workspace;
    skill = {...wrapper, workspace: {}};
  } else {
    invalid(context, WATSON_SCHEMA, json, file, '');
    workspace = json as WatsonWorkspace;
  }
  // An actions skill's name, description and language are on the wrapper; a dialog skill's on the workspace.
  const about: JsonObject = skill ?? (workspace as JsonObject);
  const name = about['name'];
  const description = about['description'];
  const language = typeof about['language'] === 'string' ? about['language'] : 'en';
  const dataset: Dataset = {
    format: 'synthnlu-dataset/1',
    ...(typeof name === 'string' && name ? {name} : {}),
    ...(typeof description === 'string' && description ? {description} : {}),
    language,
    intents: [],
    entities: [],
    utterances: [],
  };
  const at = skill ? 'workspace.' : '';
  readEntities(workspace.entities ?? [], dataset);
  readIntents(workspace.intents, dataset, file, at);

  const kept: JsonObject = {...workspace, intents: [], ...('entities' in workspace ? {entities: []} : {})};
  const meta: WatsonDatasetMetadata = {
    workspace: kept,
    ...(skill ? {skill} : {}),
    fileLayout: detectLayout(text, json),
  };
  withMeta(dataset, meta);
  const counter = workspace.counterexamples?.length ?? 0;
  if (counter > 0)
    context.warn({
      severity: 'info',
      code: 'WATSON_COUNTEREXAMPLES_KEPT',
      message: `${file} has ${counter} counterexample${counter === 1 ? '' : 's'} (inputs that match no intent): kept in metadata.watson and written back by a watson export; other formats have no place for them`,
    });
  return dataset;
}

function readIntents(intents: WatsonIntent[], dataset: Dataset, file: string, at: string): void {
  const declared = new Set(dataset.entities.map((e) => e.name));
  intents.forEach((intent, i) => {
    const canonical: Intent = {name: intent.intent};
    if (typeof intent.description === 'string' && intent.description)
      canonical.description = intent.description;
    const examples = intent.examples ?? [];
    const managed = intentManaged(intent.intent, examples, canonical.description);
    const shape = shapeToKeep(intent, managed, {...intent, ...('examples' in intent ? {examples: []} : {})});
    dataset.intents.push(withMeta(canonical, shape ? {fieldsAsRead: shape} : undefined));
    examples.forEach((example, j) => {
      dataset.utterances.push(
        readExample(example, intent.intent, `${at}intents[${i}].examples[${j}]`, file, dataset, declared),
      );
    });
  });
}

function readExample(
  example: WatsonExample,
  intent: string,
  path: string,
  file: string,
  dataset: Dataset,
  declared: Set<string>,
): Utterance {
  const u: Utterance = {text: example.text, intent, source: 'imported'};
  const spans: EntitySpan[] = [];
  (example.mentions ?? []).forEach((mention, k) => {
    const [start, end] = mention.location;
    if (end <= start || end > example.text.length) {
      throw new SynthnluError(
        'WATSON_BAD_MENTION',
        `${file}: the mention of @${mention.entity} at [${start}, ${end}] is outside the example "${example.text.slice(0, 60)}" (${example.text.length} characters)`,
        {
          location: {file, path: `${path}.mentions[${k}].location`},
          suggestion:
            'A mention location is [start, end) in UTF-16 code units of the example text; fix or remove it.',
        },
      );
    }
    spans.push({entity: mention.entity, start, end});
    if (!declared.has(mention.entity)) {
      declared.add(mention.entity);
      dataset.entities.push({name: mention.entity, kind: 'ml'});
    }
  });
  if (spans.length > 0) u.entities = spans;
  const shape = shapeToKeep(example, exampleManaged(example.text, example.mentions), emptiedExample(example));
  return withMeta(u, shape ? {fieldsAsRead: shape} : undefined);
}

function readEntities(entities: WatsonEntity[], dataset: Dataset): void {
  for (const e of entities) {
    const values = e.values ?? [];
    const base: Entity = {name: e.entity, kind: 'list'};
    if (typeof e.description === 'string' && e.description) base.description = e.description;
    const meta: WatsonEntityMetadata = {};
    if (isSystemEntityName(e.entity)) {
      // Watson ignores a system entity's values: it is its name, kept whole when it carries more.
      if (JSON.stringify(e) !== JSON.stringify({entity: e.entity, values: []})) meta.fieldsAsRead = {...e};
      dataset.entities.push(
        withMeta<Entity>({name: e.entity, kind: 'prebuilt', prebuilt: canonicalPrebuilt(e.entity)}, meta),
      );
      continue;
    }
    const shape = shapeToKeep(e, entityManaged(e.entity, values, base.description, e.fuzzy_match), {
      ...e,
      ...('values' in e ? {values: []} : {}),
    });
    if (shape) meta.fieldsAsRead = shape;
    if (e.fuzzy_match !== undefined) base.fuzzy = e.fuzzy_match;
    const synonyms = values.filter((v) => v.type !== 'patterns');
    const patterns = values.filter((v) => v.type === 'patterns');
    const shapes: Array<{value: string; fields: JsonObject}> = [];
    for (const v of values) {
      const vShape = shapeToKeep(v, valueManaged(v), {
        ...v,
        ...('synonyms' in v ? {synonyms: []} : {}),
        ...('patterns' in v ? {patterns: []} : {}),
      });
      if (vShape) shapes.push({value: v.value, fields: vShape});
    }
    if (shapes.length > 0) meta.valueFieldsAsRead = shapes;
    if (patterns.length > 0)
      meta.patternValues = patterns.map((v) => ({value: v.value, patterns: [...(v.patterns ?? [])]}));
    let entity: Entity;
    if (values.length === 0) entity = {...base, kind: 'ml'};
    else if (synonyms.length === 0)
      entity = {...base, kind: 'regex', patterns: patterns.flatMap((v) => v.patterns ?? [])};
    else
      entity = {
        ...base,
        values: synonyms.map((v) => ({value: v.value, ...(v.synonyms ? {synonyms: [...v.synonyms]} : {})})),
      };
    dataset.entities.push(withMeta(entity, meta));
  }
}
