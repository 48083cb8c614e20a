import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
  checkConflicts,
  confusableIntents,
  DEFAULT_CONFLICT_OPTIONS,
} from '../../src/coverage/conflict-checks.js';
import {wordTokens} from '../../src/coverage/text.js';
import type {Dataset, Utterance} from '../../src/model/dataset.js';
import {normalizeUtteranceText} from '../../src/model/dataset.js';

function datasetOf(utterances: Utterance[]): Dataset {
  return {format: 'synthnlu-dataset/1', language: 'en', intents: [], entities: [], utterances};
}

/** The definition, written the slow way: per intent a map of summed normalised TF-IDF weights, then cosines. */
function referenceCosines(dataset: Dataset): Map<string, {similarity: number; cohesion: [number, number]}> {
  const docs = dataset.utterances.map((u) => {
    const tokens = wordTokens(u.text).map((t) => t.text);
    const terms = [...tokens, ...tokens.slice(1).map((t, i) => `${tokens[i]} ${t}`)];
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    return {intent: u.intent, counts};
  });
  const df = new Map<string, number>();
  for (const {counts} of docs) for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = docs.length;
  const sums = new Map<string, Map<string, number>>();
  const sizes = new Map<string, number>();
  for (const {intent, counts} of docs) {
    const weights = [...counts].map(
      ([term, tf]) => [term, (1 + Math.log(tf)) * (Math.log((1 + n) / (1 + df.get(term)!)) + 1)] as const,
    );
    const norm = Math.sqrt(weights.reduce((acc, [, w]) => acc + w * w, 0)) || 1;
    const sum = sums.get(intent) ?? new Map<string, number>();
    sums.set(intent, sum);
    for (const [term, w] of weights) sum.set(term, (sum.get(term) ?? 0) + w / norm);
    sizes.set(intent, (sizes.get(intent) ?? 0) + 1);
  }
  const length = (sum: Map<string, number>) =>
    Math.sqrt([...sum.values()].reduce((acc, w) => acc + w * w, 0));
  const out = new Map<string, {similarity: number; cohesion: [number, number]}>();
  for (const [a, sumA] of sums)
    for (const [b, sumB] of sums) {
      let dot = 0;
      for (const [term, w] of sumA) dot += w * (sumB.get(term) ?? 0);
      out.set(`${a}|${b}`, {
        similarity: dot / (length(sumA) * length(sumB)),
        cohesion: [length(sumA) / sizes.get(a)!, length(sumB) / sizes.get(b)!],
      });
    }
  return out;
}

const WORDS = [
  'book',
  'a',
  'table',
  'flight',
  'to',
  'paris',
  'cancel',
  'my',
  'order',
  'weather',
  'today',
  'play',
];

describe('confusableIntents', () => {
  it('gives every pair the cosine and cohesion of its centroid sums, as the definition computed naively does', () => {
    let pairs = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            words: fc.array(fc.constantFrom(...WORDS), {minLength: 1, maxLength: 6}),
            intent: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
          }),
          {minLength: 2, maxLength: 40},
        ),
        (rows) => {
          const dataset = datasetOf(rows.map(({words, intent}) => ({text: words.join(' '), intent})));
          const reference = referenceCosines(dataset);
          const found = confusableIntents(dataset, {...DEFAULT_CONFLICT_OPTIONS, maxConfusablePairs: 100});
          for (const pair of found) {
            const expected = reference.get(pair.intents.join('|'))!;
            expect(pair.similarity).toBeCloseTo(expected.similarity, 9);
            expect(pair.cohesion[0]).toBeCloseTo(expected.cohesion[0], 9);
            expect(pair.cohesion[1]).toBeCloseTo(expected.cohesion[1], 9);
            pairs++;
          }
          // Every pair of intents sharing a term is listed (a zero dot product is left out).
          const sharing = [...reference].filter(
            ([key, {similarity}]) => key < key.split('|').reverse().join('|') && similarity > 1e-12,
          );
          expect(found.length).toBe(sharing.length);
          expect(found.map((p) => p.similarity)).toEqual(
            [...found.map((p) => p.similarity)].sort((x, y) => y - x),
          );
        },
      ),
    );
    expect(pairs).toBeGreaterThan(200);
  });
});

/** Character 3-gram shingles of the normalised text, padded, as the near-duplicate check defines them. */
function shingleSet(text: string): Set<string> {
  const padded = ` ${normalizeUtteranceText(text)} `;
  const set = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
  return set;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  const shared = [...a].filter((s) => b.has(s)).length;
  return shared / (a.size + b.size - shared);
}

describe('near-duplicates across intents', () => {
  it('always finds texts whose shingle sets are equal, and reports the exact similarity of what it finds', () => {
    let planted = 0;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z]{3,8}$/), {minLength: 1, maxLength: 6}),
        fc.array(fc.stringMatching(/^[0-9]{4,12}( [0-9]{2,6}){0,3}$/), {maxLength: 150}),
        (words, filler) => {
          // "w w" and "w w w" differ as texts but have the same 3-gram set: identical MinHash signatures.
          const utterances: Utterance[] = filler.map((text, i) => ({text, intent: `filler${i % 7}`}));
          words.forEach((w, k) => {
            utterances.splice((k * 37) % (utterances.length + 1), 0, {text: `${w} ${w}`, intent: `a${k}`});
            utterances.push({text: `${w} ${w} ${w}`, intent: `b${k}`});
          });
          const {findings} = checkConflicts(datasetOf(utterances), DEFAULT_CONFLICT_OPTIONS);
          const near = findings.filter((f) => f.code === 'COVERAGE_NEAR_DUPLICATE');
          for (const [k] of words.entries()) {
            expect(near.some((f) => f.intents.join() === `a${k},b${k}`)).toBe(true);
            planted++;
          }
          for (const f of near) {
            const [x, y] = f.utterances as [string, string];
            expect(f.score).toBeCloseTo(jaccard(shingleSet(x), shingleSet(y)), 3);
            expect(f.score!).toBeGreaterThanOrEqual(DEFAULT_CONFLICT_OPTIONS.nearDuplicateThreshold);
          }
        },
      ),
    );
    expect(planted).toBeGreaterThan(200);
  });
});
