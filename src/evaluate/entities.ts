/**
 * Entity / parameter / slot accuracy, where the test set is annotated (a test set in an importable format
 * carries entity spans; a text,intent CSV does not). Per utterance, an extracted entity is right when the
 * test set annotates the same entity with the same text or canonical value (case and outer spaces aside):
 * value matching, since Dialogflow parameters and Lex slots come back without offsets. Only the entities the
 * test set annotates are scored; anything else the platform extracts is not judged.
 */
import type {Recognition} from '../remote/types.js';
import {recognitionKey} from './cache.js';
import type {TestSet} from './test-set.js';

export interface EntityMetrics {
  entity: string;
  precision: number;
  recall: number;
  f1: number;
  /** Annotated mentions in the scored test utterances. */
  support: number;
  /** Mentions the platform extracted. */
  predicted: number;
  correct: number;
}

const norm = (text: string) => text.trim().toLowerCase();
const round = (x: number) => Math.round(x * 10000) / 10000;

/** Per-entity precision / recall / F1 over the scored utterances; undefined when the test set has no spans. */
export function scoreEntities(
  testSet: TestSet,
  answers: ReadonlyMap<string, Recognition>,
  agentIntents: ReadonlySet<string>,
): EntityMetrics[] | undefined {
  if (!testSet.annotated) return undefined;
  const counts = new Map<string, {support: number; predicted: number; correct: number}>();
  const count = (entity: string) => {
    let c = counts.get(entity);
    if (!c) counts.set(entity, (c = {support: 0, predicted: 0, correct: 0}));
    return c;
  };
  for (const u of testSet.utterances) for (const span of u.entities ?? []) count(span.entity);
  for (const u of testSet.utterances) {
    if (!agentIntents.has(u.intent)) continue;
    // Gold mentions still unmatched: each may be matched by one extraction.
    const gold = (u.entities ?? []).map((span) => ({
      entity: span.entity,
      forms: new Set([norm(u.text.slice(span.start, span.end)), ...(span.value ? [norm(span.value)] : [])]),
      matched: false,
    }));
    for (const g of gold) count(g.entity).support++;
    for (const found of answers.get(recognitionKey(u.text, u.language))?.entities ?? []) {
      if (!counts.has(found.entity)) continue;
      const c = count(found.entity);
      c.predicted++;
      const hit = gold.find((g) => !g.matched && g.entity === found.entity && g.forms.has(norm(found.value)));
      if (hit) {
        hit.matched = true;
        c.correct++;
      }
    }
  }
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([entity, {support, predicted, correct}]) => {
      const precision = predicted ? correct / predicted : 0;
      const recall = support ? correct / support : 0;
      const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
      return {
        entity,
        precision: round(precision),
        recall: round(recall),
        f1: round(f1),
        support,
        predicted,
        correct,
      };
    });
}
