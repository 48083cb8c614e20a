/**
 * The canonical dataset model. Types come from schemas/dataset.schema.json (src/generated), so the schema is
 * the single source of truth; this module adds constructors and small helpers around them.
 */
import type {Dataset, Entity, EntitySpan, Intent, Utterance} from '../generated/dataset.js';

export type {
  Dataset,
  Entity,
  EntitySpan,
  Intent,
  ListValue,
  Metadata,
  Pattern,
  PhraseList,
  Utterance,
} from '../generated/dataset.js';

export const DATASET_FORMAT = 'synthnlu-dataset/1' as const;

export {VARIATION_TAGS, type VariationTag} from './variation.js';

export function emptyDataset(language = 'en', name?: string): Dataset {
  return {
    format: DATASET_FORMAT,
    ...(name ? {name} : {}),
    language,
    intents: [],
    entities: [],
    utterances: [],
  };
}

/** Intents in the order they are declared, plus any only referenced by utterances (JSONL files need no header). */
export function intentNames(dataset: Dataset): string[] {
  const names = new Set(dataset.intents.map((i) => i.name));
  for (const u of dataset.utterances) names.add(u.intent);
  return [...names];
}

export function utterancesByIntent(dataset: Dataset): Map<string, Utterance[]> {
  const groups = new Map<string, Utterance[]>(dataset.intents.map((i) => [i.name, []]));
  for (const u of dataset.utterances) {
    let list = groups.get(u.intent);
    if (!list) groups.set(u.intent, (list = []));
    list.push(u);
  }
  return groups;
}

export function findIntent(dataset: Dataset, name: string): Intent | undefined {
  return dataset.intents.find((i) => i.name === name);
}

export function findEntity(dataset: Dataset, name: string): Entity | undefined {
  return dataset.entities.find((e) => e.name === name);
}

/** The text a span covers. */
export function spanText(
  utterance: Pick<Utterance, 'text'>,
  span: Pick<EntitySpan, 'start' | 'end'>,
): string {
  return utterance.text.slice(span.start, span.end);
}

/** The canonical value of a span: its explicit value, or its text. */
export function spanValue(utterance: Pick<Utterance, 'text'>, span: EntitySpan): string {
  return span.value ?? spanText(utterance, span);
}

/** Key for duplicate detection: case, whitespace and punctuation do not make two utterances different. */
export function normalizeUtteranceText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
