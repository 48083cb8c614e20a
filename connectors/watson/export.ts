/**
 * Writing the canonical dataset as a watsonx Assistant skill. A dataset imported from Watson gets its skill
 * back around the training data: dialog nodes, actions, counterexamples, webhooks and settings as read, and
 * the file byte for byte when nothing changed. Whatever Watson cannot hold is one warning per kind.
 */
import {
  type ConnectorContext,
  type Dataset,
  type Entity,
  type ExportOptions,
  type OutputFile,
  type Utterance,
  intentNames,
  utterancesByIntent,
} from '../../src/connector-kit.js';
import {entityManaged, exampleManaged, intentManaged, valueManaged} from './managed.js';
import {entityNameMap, intentNameMap, watsonLanguage} from './names.js';
import {fill, type Managed, writeLayout} from './shape.js';
import {isSystemEntityName, watsonSystemEntity} from './system-entities.js';
import {
  type JsonObject,
  WATSON_ACTIONS_SCHEMA,
  WATSON_METADATA_KEY,
  WATSON_SCHEMA,
  type WatsonDatasetMetadata,
  type WatsonEntityMetadata,
  type WatsonMention,
  type WatsonShapeMetadata,
  type WatsonValue,
} from './types.js';

/** Watson's string limits (v1 API CreateValue): values and synonyms 64 characters, patterns 512, 5 per value. */
const MAX_VALUE = 64;
const MAX_PATTERN = 512;
const PATTERNS_PER_VALUE = 5;
const CONTROL = /[\r\n\t]/;

function meta<T>(owner: {metadata?: Record<string, unknown>}): T | undefined {
  return owner.metadata?.[WATSON_METADATA_KEY] as T | undefined;
}

/** The Watson entity a dataset entity's annotations are mentions of, and its values by lower-cased synonym. */
interface Target {
  custom: string;
  canonical?: Map<string, string>;
}

interface State {
  context: ConnectorContext;
  targets: Map<string, Target>;
}

export function exportWatson(
  dataset: Dataset,
  context: ConnectorContext,
  options: ExportOptions,
): OutputFile {
  const kept = meta<WatsonDatasetMetadata>(dataset);
  const state: State = {context, targets: new Map()};
  const entities = entitiesJson(dataset, state);
  const intents = intentsJson(dataset, state);
  const language = watsonLanguage(dataset.language, context);
  const name = cleanText(options.name ?? dataset.name, 64, 'the skill name', context);
  const description = cleanText(dataset.description, 128, 'the skill description', context);

  let document: JsonObject;
  let schema = WATSON_SCHEMA;
  if (kept?.skill && kept.workspace) {
    const inner = fill(kept.workspace, [
      ['intents', intents],
      ['entities', entities, []],
      ...('language' in kept.workspace ? ([['language', language]] as Managed[]) : []),
    ]);
    document = fill(kept.skill, [
      ['name', name],
      ['description', description],
      ['language', language, 'en'],
      ['workspace', inner],
    ]);
    schema = WATSON_ACTIONS_SCHEMA;
  } else {
    const managed: Managed[] = [
      ['name', name],
      ['intents', intents],
      ['entities', entities, []],
      // A skill read without a language was English: it is not given one.
      ['language', language, 'en'],
    ];
    document = kept?.workspace
      ? fill(kept.workspace, [...managed, ['description', description]])
      : fill(undefined, [
          ...managed,
          ['metadata', {api_version: {major_version: 'v2', minor_version: '2018-11-08'}}],
          ['description', description],
          ['dialog_nodes', []],
          ['counterexamples', []],
          ['learning_opt_out', false],
        ]);
  }
  const layout = kept?.fileLayout;
  const content =
    layout?.text !== undefined && sameJson(layout.text, document)
      ? layout.text
      : writeLayout(document, layout);
  const base = (name ?? 'skill').replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'skill';
  return {path: `${base}.json`, content, schema, json: document};
}

function sameJson(text: string, value: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value);
  } catch {
    return false;
  }
}

/** Names and descriptions (64 and 128 characters): no line breaks or tabs, cut to length, said once. */
function cleanText(
  text: string | undefined,
  max: number,
  what: string,
  context: ConnectorContext,
): string | undefined {
  if (text === undefined) return undefined;
  const cleaned = text.replace(/[\r\n\t]+/g, ' ').slice(0, max);
  if (cleaned !== text)
    context.warn({
      code: 'WATSON_TEXT_CUT',
      message: `${what} is written without line breaks or tabs and cut to ${max} characters, as watson requires`,
    });
  return cleaned;
}

function dropped(context: ConnectorContext, code: string, message: string): void {
  context.warn({code, message});
}

/** Every entity the dataset declares or its annotations name, as Watson entities. */
function entitiesJson(dataset: Dataset, state: State): JsonObject[] {
  const all = new Map<string, Entity>(dataset.entities.map((e) => [e.name, e]));
  for (const u of dataset.utterances)
    for (const s of u.entities ?? []) if (!all.has(s.entity)) all.set(s.entity, {name: s.entity, kind: 'ml'});
  const systems = new Map<string, string>();
  const noSystem: string[] = [];
  for (const entity of all.values()) {
    if (entity.kind !== 'prebuilt') continue;
    const sys = isSystemEntityName(entity.name) ? entity.name : watsonSystemEntity(entity.prebuilt);
    if (sys) systems.set(entity.name, sys);
    else noSystem.push(`${entity.name} (${entity.prebuilt ?? 'any'})`);
  }
  if (noSystem.length > 0)
    state.context.warn({
      code: 'WATSON_NO_SYSTEM_ENTITY',
      message: `watson has no system entity for ${noSystem.slice(0, 8).join(', ')}; written as contextual entities (learned from their annotations)`,
    });
  // Watson cannot annotate a system entity: annotations of one go to a contextual entity of the same name.
  const annotated = new Set(dataset.utterances.flatMap((u) => (u.entities ?? []).map((s) => s.entity)));
  const mirrored = [...systems.keys()].filter((n) => annotated.has(n));
  if (mirrored.length > 0)
    state.context.warn({
      severity: 'info',
      code: 'WATSON_SYSTEM_ENTITY_ANNOTATED',
      message: `watson cannot annotate system entities in examples; the annotations of ${mirrored.slice(0, 8).join(', ')} are written as mentions of contextual entities of the same names, beside the system entities`,
    });
  const customNames = [...all.keys()].filter((n) => !systems.has(n) || annotated.has(n));
  const renamed = entityNameMap(customNames, state.context);
  const out: JsonObject[] = [];
  const written = new Set<string>();
  for (const entity of all.values()) {
    const m = meta<WatsonEntityMetadata>(entity);
    const sys = systems.get(entity.name);
    if (sys) {
      if (!written.has(sys))
        out.push(m?.fieldsAsRead ? fill(m.fieldsAsRead, [['entity', sys]]) : {entity: sys, values: []});
      written.add(sys);
      if (!annotated.has(entity.name)) continue;
    }
    const name = renamed.get(entity.name) ?? entity.name;
    const values = entityValues(entity, name, m, state);
    if (entity.kind === 'list') {
      const canonical = new Map<string, string>();
      for (const v of values)
        if (v['type'] !== 'patterns') {
          canonical.set(String(v['value']).toLowerCase(), String(v['value']));
          for (const s of (v['synonyms'] as string[] | undefined) ?? [])
            canonical.set(s.toLowerCase(), String(v['value']));
        }
      state.targets.set(entity.name, {custom: name, canonical});
    } else state.targets.set(entity.name, {custom: name});
    out.push(
      fill(
        sys ? undefined : m?.fieldsAsRead,
        entityManaged(
          name,
          values,
          cleanText(entity.description, 128, 'an entity description', state.context),
          entity.fuzzy,
        ),
      ),
    );
  }
  return out;
}

/** A list, regex or free-form entity's values: synonym values, pattern values (a mixed entity has both), none. */
function entityValues(
  entity: Entity,
  name: string,
  m: WatsonEntityMetadata | undefined,
  state: State,
): JsonObject[] {
  const shapes = Object.fromEntries((m?.valueFieldsAsRead ?? []).map((v) => [v.value, v.fields]));
  const pattern = (g: {value: string; patterns: string[]}) =>
    fill(
      shapes[g.value],
      valueManaged({value: g.value, type: 'patterns', patterns: g.patterns as WatsonValue['patterns']}),
    );
  // A mixed entity's pattern values come after its synonym values (the canonical list holds those).
  if (entity.kind === 'list')
    return [...listValues(entity, name, shapes, state), ...(m?.patternValues ?? []).map(pattern)];
  if (entity.kind === 'regex') return patternGroups(entity, name, m, state).map(pattern);
  return [];
}

function listValues(
  entity: Entity,
  name: string,
  shapes: Record<string, JsonObject>,
  state: State,
): JsonObject[] {
  const out: JsonObject[] = [];
  const seen = new Set<string>();
  let changed = false;
  for (const v of entity.values ?? []) {
    if (v.value.length > MAX_VALUE || CONTROL.test(v.value) || !v.value.trim() || seen.has(v.value)) {
      changed = true;
      continue;
    }
    seen.add(v.value);
    const synonyms = [...new Set(v.synonyms ?? [])].filter(
      (s) => s.length <= MAX_VALUE && !CONTROL.test(s) && s.trim(),
    );
    if (synonyms.length !== (v.synonyms ?? []).length) changed = true;
    out.push(fill(shapes[v.value], valueManaged({value: v.value, type: 'synonyms', synonyms})));
  }
  if (changed)
    dropped(
      state.context,
      'WATSON_LIST_CHANGED',
      `watson entity values and synonyms are at most ${MAX_VALUE} characters, without line breaks or tabs, and unique; the others are left out of @${name}`,
    );
  return out;
}

function patternGroups(
  entity: Entity,
  name: string,
  m: WatsonEntityMetadata | undefined,
  state: State,
): Array<{value: string; patterns: string[]}> {
  const all = entity.patterns ?? [];
  const patterns = all.filter((p) => p.length > 0 && p.length <= MAX_PATTERN);
  if (patterns.length !== all.length)
    dropped(
      state.context,
      'WATSON_PATTERN_DROPPED',
      `watson patterns are at most ${MAX_PATTERN} characters; longer ones are left out of @${name}`,
    );
  const stored = m?.patternValues;
  if (stored && JSON.stringify(stored.flatMap((v) => v.patterns)) === JSON.stringify(patterns)) return stored;
  return Array.from({length: Math.ceil(patterns.length / PATTERNS_PER_VALUE)}, (_, i) => ({
    value: i === 0 ? name : `${name.slice(0, MAX_VALUE - 4)}_${i + 1}`,
    patterns: patterns.slice(i * PATTERNS_PER_VALUE, (i + 1) * PATTERNS_PER_VALUE),
  }));
}

function intentsJson(dataset: Dataset, state: State): JsonObject[] {
  const names = intentNames(dataset);
  const renamed = intentNameMap(names, state.context);
  const declared = new Map(dataset.intents.map((i) => [i.name, i]));
  const groups = utterancesByIntent(dataset);
  return names.map((n) => {
    const intent = declared.get(n);
    const examples = examplesJson(groups.get(n) ?? [], state);
    const shape = intent ? meta<WatsonShapeMetadata>(intent)?.fieldsAsRead : undefined;
    const description = cleanText(intent?.description, 128, 'an intent description', state.context);
    return fill(shape, intentManaged(renamed.get(n) ?? n, examples, description));
  });
}

function examplesJson(utterances: readonly Utterance[], state: State): JsonObject[] {
  const seen = new Set<string>();
  const out: JsonObject[] = [];
  for (const u of utterances) {
    const text = u.text.replace(/[\r\n\t]/g, ' ');
    if (text !== u.text)
      state.context.warn({
        code: 'WATSON_TEXT_CHANGED',
        message: 'watson examples cannot hold line breaks or tabs; they are written as spaces',
      });
    if (!text.trim() || seen.has(text)) {
      state.context.warn({
        code: 'WATSON_EXAMPLES_DROPPED',
        message: 'watson refuses empty examples and the same example twice in one intent; those are left out',
      });
      continue;
    }
    seen.add(text);
    out.push(fill(meta<WatsonShapeMetadata>(u)?.fieldsAsRead, exampleManaged(text, mentionsOf(u, state))));
  }
  return out;
}

/** Annotations as contextual entity mentions: flat, in range, on custom entities; each loss said once. */
function mentionsOf(u: Utterance, state: State): WatsonMention[] {
  const sorted = [...(u.entities ?? [])].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: WatsonMention[] = [];
  let last = 0;
  for (const span of sorted) {
    if (span.start < last || span.end <= span.start || span.end > u.text.length) {
      state.context.warn({
        code: 'WATSON_OVERLAPPING_SPANS',
        message: 'watson mentions cannot overlap or be empty; such annotations are left out',
      });
      continue;
    }
    const target = state.targets.get(span.entity)!;
    if (span.value !== undefined) {
      const surface = u.text.slice(span.start, span.end);
      if ((target.canonical?.get(surface.toLowerCase()) ?? surface) !== span.value)
        state.context.warn({
          code: 'WATSON_SPAN_VALUE_DROPPED',
          message: `watson mentions name an entity, not a value; annotated values that are not a synonym of their text are lost (@${target.custom})`,
        });
    }
    out.push({entity: target.custom, location: [span.start, span.end]});
    last = span.end;
  }
  return out;
}
