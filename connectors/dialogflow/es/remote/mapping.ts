/**
 * Canonical dataset <-> Dialogflow ES v2 API objects (Intent.trainingPhrases[].parts, EntityType.entities).
 * These differ from the agent-zip JSON: an annotated part names its entity type as "@type" and its parameter
 * as the alias; system entities are "@sys.*".
 */
import {
  type Dataset,
  type Entity,
  type EntitySpan,
  type Utterance,
  DATASET_FORMAT,
} from '../../../../src/connector-kit.js';

export interface DfPart {
  text: string;
  entityType?: string | null;
  alias?: string | null;
  userDefined?: boolean | null;
}
export interface DfTrainingPhrase {
  name?: string | null;
  type?: string | number | null;
  parts?: DfPart[] | null;
}
export interface DfParameter {
  name?: string | null;
  displayName?: string | null;
  value?: string | null;
  entityTypeDisplayName?: string | null;
  [key: string]: unknown;
}
export interface DfIntent {
  name?: string | null;
  displayName?: string | null;
  trainingPhrases?: DfTrainingPhrase[] | null;
  parameters?: DfParameter[] | null;
  [key: string]: unknown;
}
export interface DfEntityType {
  name?: string | null;
  displayName?: string | null;
  kind?: string | number | null;
  entities?: {value?: string | null; synonyms?: string[] | null}[] | null;
  enableFuzzyExtraction?: boolean | null;
  [key: string]: unknown;
}

/** Canonical prebuilt types -> Dialogflow system entities. */
const CANONICAL_TO_SYS: Record<string, string> = {
  number: 'number',
  ordinal: 'ordinal',
  date: 'date',
  time: 'time',
  datetime: 'date-time',
  duration: 'duration',
  email: 'email',
  url: 'url',
  phone: 'phone-number',
  money: 'unit-currency',
  percentage: 'percentage',
  temperature: 'temperature',
  age: 'age',
  dimension: 'unit-length',
  person: 'person',
  location: 'location',
  geography: 'geo-city',
  any: 'any',
};
const SYS_TO_CANONICAL: Record<string, string> = Object.fromEntries(
  Object.entries(CANONICAL_TO_SYS).map(([canonical, sys]) => [sys, canonical]),
);

/** The "@type" a span of this entity is annotated with. ml entities have no Dialogflow twin: @sys.any. */
export function entityTypeRef(entity: Entity | undefined, name: string): string {
  if (!entity || entity.kind === 'list' || entity.kind === 'regex') return `@${name}`;
  if (entity.kind === 'prebuilt') return `@sys.${CANONICAL_TO_SYS[entity.prebuilt ?? 'any'] ?? 'any'}`;
  return '@sys.any';
}

/** Splits an utterance into parts at its top-level spans (overlapping spans are not expressible: kept first). */
export function utteranceToPhrase(utterance: Utterance, entities: Map<string, Entity>): DfTrainingPhrase {
  const spans = [...(utterance.entities ?? [])].sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: DfPart[] = [];
  let cursor = 0;
  for (const span of spans) {
    if (span.start < cursor || span.end <= span.start) continue;
    if (span.start > cursor) parts.push({text: utterance.text.slice(cursor, span.start)});
    parts.push({
      text: utterance.text.slice(span.start, span.end),
      entityType: entityTypeRef(entities.get(span.entity), span.entity),
      alias: aliasOf(span, entities.get(span.entity)),
      userDefined: true,
    });
    cursor = span.end;
  }
  if (cursor < utterance.text.length || parts.length === 0) parts.push({text: utterance.text.slice(cursor)});
  return {type: 'EXAMPLE', parts};
}

/** The parameter name: the role when there is one, else the entity name. */
function aliasOf(span: EntitySpan, entity: Entity | undefined): string {
  if (span.role) return span.role;
  return entity?.name ?? span.entity;
}

/** Parameters the annotated parts need, one per alias (Dialogflow links a part to a parameter by its alias). */
export function parametersFor(phrases: DfTrainingPhrase[], existing: DfParameter[] = []): DfParameter[] {
  const result = [...existing];
  const known = new Set(existing.map((p) => p.displayName));
  for (const phrase of phrases)
    for (const part of phrase.parts ?? []) {
      if (!part.entityType || !part.alias || known.has(part.alias)) continue;
      known.add(part.alias);
      result.push({displayName: part.alias, entityTypeDisplayName: part.entityType, value: `$${part.alias}`});
    }
  return result;
}

export function datasetEntityToEntityType(entity: Entity): DfEntityType {
  if (entity.kind === 'regex')
    return {
      displayName: entity.name,
      kind: 'KIND_REGEXP',
      entities: (entity.patterns ?? []).map((p) => ({value: p, synonyms: [p]})),
    };
  return {
    displayName: entity.name,
    kind: 'KIND_MAP',
    enableFuzzyExtraction: entity.fuzzy ?? false,
    // Dialogflow wants the reference value among its own synonyms.
    entities: (entity.values ?? []).map((v) => ({
      value: v.value,
      synonyms: [...new Set([v.value, ...(v.synonyms ?? [])])],
    })),
  };
}

function enumName(value: string | number | null | undefined, names: string[]): string {
  return typeof value === 'number' ? (names[value] ?? '') : (value ?? '');
}

export function entityTypeToDatasetEntity(entityType: DfEntityType): Entity {
  const kind = enumName(entityType.kind, ['KIND_UNSPECIFIED', 'KIND_MAP', 'KIND_LIST', 'KIND_REGEXP']);
  const name = entityType.displayName ?? '';
  if (kind === 'KIND_REGEXP')
    return {name, kind: 'regex', patterns: (entityType.entities ?? []).map((e) => e.value ?? '')};
  const values = (entityType.entities ?? []).map((e) => {
    const value = e.value ?? '';
    const synonyms = kind === 'KIND_MAP' ? (e.synonyms ?? []).filter((s) => s !== value) : [];
    return synonyms.length ? {value, synonyms} : {value};
  });
  return {name, kind: 'list', values, ...(entityType.enableFuzzyExtraction ? {fuzzy: true} : {})};
}

/** Reads Dialogflow intents and entity types into a canonical dataset. */
export function dialogflowToDataset(
  intents: DfIntent[],
  entityTypes: DfEntityType[],
  language = 'en',
  name?: string,
): Dataset {
  const entities = new Map<string, Entity>(
    entityTypes.map((t) => [t.displayName ?? '', entityTypeToDatasetEntity(t)]),
  );
  const utterances: Utterance[] = [];
  for (const intent of intents) {
    const intentName = intent.displayName ?? '';
    for (const phrase of intent.trainingPhrases ?? []) {
      let text = '';
      const spans: EntitySpan[] = [];
      for (const part of phrase.parts ?? []) {
        const start = text.length;
        text += part.text;
        if (!part.entityType) continue;
        const ref = part.entityType.replace(/^@/, '');
        const alias = part.alias || ref;
        if (ref.startsWith('sys.')) {
          // A system entity is known in the dataset by its parameter name.
          if (!entities.has(alias))
            entities.set(alias, {
              name: alias,
              kind: 'prebuilt',
              prebuilt: SYS_TO_CANONICAL[ref.slice(4)] ?? 'any',
            });
          spans.push({entity: alias, start, end: text.length});
        } else {
          let entity = entities.get(ref);
          if (!entity) entities.set(ref, (entity = {name: ref, kind: 'list', values: []}));
          if (alias !== ref) {
            // A parameter named other than its type is a role; the dataset declares roles on the entity.
            if (!entity.roles?.includes(alias)) entity.roles = [...(entity.roles ?? []), alias];
            spans.push({entity: ref, start, end: text.length, role: alias});
          } else spans.push({entity: ref, start, end: text.length});
        }
      }
      utterances.push({
        text,
        intent: intentName,
        ...(spans.length ? {entities: spans} : {}),
        source: 'imported',
      });
    }
  }
  return {
    format: DATASET_FORMAT,
    ...(name ? {name} : {}),
    language,
    intents: intents.map((i) => ({name: i.displayName ?? ''})),
    entities: [...entities.values()],
    utterances,
  };
}
