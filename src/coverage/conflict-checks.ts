/**
 * Conflict checks: the same utterance in two intents, near-duplicates across intents (a prefix-filtering
 * similarity join over character shingles, so only utterances sharing a rare shingle are compared), and
 * confusable intent pairs from TF-IDF centroids (how close one intent's examples sit to another's centre
 * compared with their own).
 */
import type {Dataset} from '../model/dataset.js';
import {intentNames, normalizeUtteranceText} from '../model/dataset.js';
import {wordTokens} from './text.js';
import type {Finding} from './types.js';

export interface ConflictOptions {
  /** Jaccard similarity of character 3-gram sets at or above which two utterances are near-duplicates. */
  nearDuplicateThreshold: number;
  /** Centroid cosine at or above which two intents are reported as confusable. */
  confusableThreshold: number;
  /** Most confusable pairs reported. */
  maxConfusablePairs: number;
}

export const DEFAULT_CONFLICT_OPTIONS: ConflictOptions = {
  nearDuplicateThreshold: 0.8,
  confusableThreshold: 0.5,
  maxConfusablePairs: 20,
};

export interface ConfusablePair {
  intents: [string, string];
  similarity: number;
  cohesion: [number, number];
}

export function checkConflicts(
  dataset: Dataset,
  options: ConflictOptions = DEFAULT_CONFLICT_OPTIONS,
): {findings: Finding[]; confusable: ConfusablePair[]} {
  const normalized = dataset.utterances.map((u) => normalizeUtteranceText(u.text));
  const findings = [
    ...exactDuplicates(dataset, normalized),
    ...nearDuplicates(dataset, normalized, options.nearDuplicateThreshold),
  ];
  const confusable = confusableIntents(dataset, options);
  for (const pair of confusable) {
    if (pair.similarity < options.confusableThreshold) continue;
    findings.push({
      group: 'conflicts',
      severity: 'warning',
      code: 'COVERAGE_CONFUSABLE_INTENTS',
      intents: [...pair.intents],
      utterances: [],
      score: round(pair.similarity),
      message: `intents "${pair.intents[0]}" and "${pair.intents[1]}" are hard to tell apart: their TF-IDF centroids have cosine ${pair.similarity.toFixed(2)} (cohesion within: ${pair.cohesion[0].toFixed(2)} and ${pair.cohesion[1].toFixed(2)})`,
      suggestion:
        'Give each intent its own wording (the verbs and objects that distinguish them), or merge the two intents if users cannot tell them apart either.',
    });
  }
  return {findings, confusable};
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function exactDuplicates(dataset: Dataset, normalized: string[]): Finding[] {
  const byText = new Map<string, number[]>();
  normalized.forEach((key, index) => {
    if (!key) return;
    let list = byText.get(key);
    if (!list) byText.set(key, (list = []));
    list.push(index);
  });
  const findings: Finding[] = [];
  for (const indices of byText.values()) {
    if (indices.length < 2) continue;
    const intents = [...new Set(indices.map((i) => dataset.utterances[i]!.intent))];
    if (intents.length < 2) continue;
    const texts = [...new Set(indices.map((i) => dataset.utterances[i]!.text))].slice(0, 3);
    findings.push({
      group: 'conflicts',
      severity: 'error',
      code: 'COVERAGE_DUPLICATE_ACROSS_INTENTS',
      intents,
      utterances: texts,
      path: `utterances[${indices[0]}]`,
      message: `"${texts[0]}" appears in ${intents.length} intents: ${intents.map((i) => `"${i}"`).join(', ')}`,
      suggestion:
        'Keep the utterance in the one intent it belongs to; the classifier cannot learn two answers for one input.',
    });
  }
  return findings;
}

// MinHash LSH: 96 hash functions in 12 bands of 8 rows. Two utterances with Jaccard similarity s share a band
// with probability 1 - (1 - s^8)^12: 0.89 at s = 0.8 and 0.9999 at s = 0.9, but only 0.003 at s = 0.35, which
// is what unrelated utterances of one template family score (fewer rows flood the buckets on templated data).
const BANDS = 12;
const ROWS = 8;
const HASHES = BANDS * ROWS;
/** Utterances kept per bucket: a cap on the candidates, so heavily duplicated data cannot make the join quadratic. */
const BUCKET_CAP = 64;

/** Odd multipliers and offsets of the universal hash family h_k(x) = a_k * x + b_k (mod 2^32). */
const MULTIPLIERS = Uint32Array.from(
  {length: HASHES},
  (_, k) => (Math.imul(k + 1, 0x9e3779b1) ^ 0x5bd1e995) | 1,
);
const OFFSETS = Uint32Array.from({length: HASHES}, (_, k) => Math.imul(k + 7, 0x85ebca6b) ^ 0xc2b2ae35);

/** murmur3's 32-bit finaliser, to spread a band's rows over a bucket key. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Character 3-gram shingles of the normalised text, padded so first and last characters count. */
function shingles(text: string): string[] {
  const padded = ` ${text} `;
  const set = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
  return [...set];
}

function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Near-duplicates across intents: MinHash signatures of character 3-gram sets, bucketed by band (LSH), so only
 * utterances that share a bucket are compared; the exact Jaccard similarity then confirms each candidate.
 */
function nearDuplicates(dataset: Dataset, normalized: string[], threshold: number): Finding[] {
  // Exact duplicates are reported already: compare one representative per distinct normalised text.
  const representative = new Map<string, number>();
  normalized.forEach((key, index) => {
    if (key && !representative.has(key)) representative.set(key, index);
  });
  const ids = [...representative.values()];
  const shingleIds = new Map<string, number>();
  const sets = ids.map((index) =>
    Uint32Array.from(shingles(normalized[index]!), (shingle) => {
      let id = shingleIds.get(shingle);
      if (id === undefined) shingleIds.set(shingle, (id = shingleIds.size));
      return id;
    }).sort(),
  );
  const buckets = Array.from({length: BANDS}, () => new Map<number, number[]>());
  const signature = new Uint32Array(HASHES);
  sets.forEach((set, local) => {
    if (set.length === 0) return;
    signature.fill(0xffffffff);
    for (const shingle of set) {
      const x = mix(shingle + 1);
      for (let k = 0; k < HASHES; k++) {
        const h = (Math.imul(x, MULTIPLIERS[k]!) + OFFSETS[k]!) >>> 0;
        if (h < signature[k]!) signature[k] = h;
      }
    }
    for (let band = 0; band < BANDS; band++) {
      // A 32-bit digest of the band's rows: a rare digest collision only adds a candidate, which Jaccard rejects.
      let key = band;
      for (let r = 0; r < ROWS; r++) key = mix(key ^ signature[band * ROWS + r]!);
      let bucket = buckets[band]!.get(key);
      if (!bucket) buckets[band]!.set(key, (bucket = []));
      if (bucket.length < BUCKET_CAP) bucket.push(local);
    }
  });
  const intentOf = ids.map((index) => dataset.utterances[index]!.intent);
  const candidates: [number, number][] = [];
  for (const band of buckets) {
    for (const bucket of band.values()) {
      for (let x = 0; x < bucket.length; x++) {
        for (let y = x + 1; y < bucket.length; y++) {
          if (intentOf[bucket[x]!] !== intentOf[bucket[y]!]) candidates.push([bucket[x]!, bucket[y]!]);
        }
      }
    }
  }

  const seen = new Set<number>();
  /** Per intent pair: how many near-duplicate utterance pairs, and the most similar one. */
  const byIntentPair = new Map<
    string,
    {intents: [string, string]; count: number; best: [number, number, number]}
  >();
  const total = ids.length;
  for (const [a, b] of candidates) {
    const similarity = jaccard(sets[a]!, sets[b]!);
    if (similarity < threshold) continue;
    const pairKey = a < b ? a * total + b : b * total + a;
    if (seen.has(pairKey)) continue;
    seen.add(pairKey);
    const intentA = dataset.utterances[ids[a]!]!.intent;
    const intentB = dataset.utterances[ids[b]!]!.intent;
    const intents: [string, string] = intentA < intentB ? [intentA, intentB] : [intentB, intentA];
    const key = intents.join('\u0000');
    const entry = byIntentPair.get(key);
    if (!entry) byIntentPair.set(key, {intents, count: 1, best: [similarity, ids[a]!, ids[b]!]});
    else {
      entry.count++;
      if (similarity > entry.best[0]) entry.best = [similarity, ids[a]!, ids[b]!];
    }
  }
  return [...byIntentPair.values()]
    .sort((p, q) => q.best[0] - p.best[0] || q.count - p.count)
    .map(({intents, count, best}) => {
      const [similarity, a, b] = best;
      const ua = dataset.utterances[a]!;
      const ub = dataset.utterances[b]!;
      return {
        group: 'conflicts' as const,
        severity: 'warning' as const,
        code: 'COVERAGE_NEAR_DUPLICATE',
        intents,
        utterances: [ua.text, ub.text],
        score: round(similarity),
        path: `utterances[${a}]`,
        message: `${count} near-duplicate utterance pair${count === 1 ? '' : 's'} between "${intents[0]}" and "${intents[1]}", e.g. "${ua.text}" (${ua.intent}) and "${ub.text}" (${ub.intent}), similarity ${similarity.toFixed(2)}`,
        suggestion: 'Reword or move these utterances so each intent keeps wording the other does not use.',
      };
    });
}

/**
 * Each intent's centroid is the sum of its utterances' L2-normalised TF-IDF vectors (word unigrams and bigrams).
 * The mean cosine of an intent's examples to its own normalised centroid (cohesion) is |sum| / n, and the mean
 * cosine of A's examples to B's centroid divided by A's cohesion is cos(sumA, sumB): so one sparse dot product
 * per intent pair, computed through an inverted index over the features both intents use.
 */
export function confusableIntents(dataset: Dataset, options: ConflictOptions): ConfusablePair[] {
  const intents = intentNames(dataset);
  const intentIndex = new Map(intents.map((name, i) => [name, i]));
  const featureIds = new Map<string, number>();
  const documentFrequency: number[] = [];
  const docs: {intent: number; features: Map<number, number>}[] = [];
  for (const u of dataset.utterances) {
    const tokens = wordTokens(u.text).map((t) => t.text);
    const features = new Map<number, number>();
    const add = (feature: string) => {
      let id = featureIds.get(feature);
      if (id === undefined) {
        featureIds.set(feature, (id = documentFrequency.length));
        documentFrequency.push(0);
      }
      features.set(id, (features.get(id) ?? 0) + 1);
    };
    tokens.forEach((t, i) => {
      add(t);
      if (i + 1 < tokens.length) add(`${t} ${tokens[i + 1]!}`);
    });
    for (const id of features.keys()) documentFrequency[id]!++;
    docs.push({intent: intentIndex.get(u.intent)!, features});
  }
  const n = docs.length;
  const idf = documentFrequency.map((df) => Math.log((1 + n) / (1 + df)) + 1);
  const sums = intents.map(() => new Map<number, number>());
  const sizes = new Array<number>(intents.length).fill(0);
  for (const doc of docs) {
    let norm = 0;
    const weights: [number, number][] = [];
    for (const [id, tf] of doc.features) {
      const w = (1 + Math.log(tf)) * idf[id]!;
      weights.push([id, w]);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    const sum = sums[doc.intent]!;
    for (const [id, w] of weights) sum.set(id, (sum.get(id) ?? 0) + w / norm);
    sizes[doc.intent]!++;
  }
  const norms = sums.map((sum) => Math.sqrt([...sum.values()].reduce((acc, w) => acc + w * w, 0)));
  const cohesion = norms.map((norm, i) => (sizes[i] ? norm / sizes[i]! : 0));
  // Inverted index: feature -> [(intent, weight)].
  const postings = new Map<number, [number, number][]>();
  sums.forEach((sum, intent) => {
    for (const [id, w] of sum) {
      let list = postings.get(id);
      if (!list) postings.set(id, (list = []));
      list.push([intent, w]);
    }
  });
  const k = intents.length;
  const dots = new Float64Array(k * k);
  for (const list of postings.values()) {
    for (let x = 0; x < list.length; x++) {
      const [a, wa] = list[x]!;
      for (let y = x + 1; y < list.length; y++) {
        const [b, wb] = list[y]!;
        const cell = a < b ? a * k + b : b * k + a;
        dots[cell] = dots[cell]! + wa * wb;
      }
    }
  }
  const pairs: ConfusablePair[] = [];
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const dot = dots[a * k + b]!;
      if (dot === 0 || !norms[a] || !norms[b]) continue;
      pairs.push({
        intents: [intents[a]!, intents[b]!],
        similarity: dot / (norms[a]! * norms[b]!),
        cohesion: [cohesion[a]!, cohesion[b]!],
      });
    }
  }
  return pairs.sort((p, q) => q.similarity - p.similarity).slice(0, options.maxConfusablePairs);
}
