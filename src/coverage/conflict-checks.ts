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
import {indicesWhere} from './indices.js';

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

/** Texts' shingle ids as one compressed-rows table: no typed array per text (100,000 texts would mean 100,000). */
interface ShingleSets {
  start: Int32Array;
  ids: Uint32Array;
}

function shingleSets(texts: readonly string[]): ShingleSets {
  const shingleIds = new Map<string, number>();
  const start = new Int32Array(texts.length + 1);
  let ids = new Uint32Array(Math.max(16, texts.length * 32));
  texts.forEach((text, t) => {
    const set = Uint32Array.from(shingles(text), (shingle) => {
      let id = shingleIds.get(shingle);
      if (id === undefined) shingleIds.set(shingle, (id = shingleIds.size));
      return id;
    }).sort();
    const end = start[t]! + set.length;
    if (end > ids.length) {
      const grown = new Uint32Array(Math.max(end, 2 * ids.length));
      grown.set(ids);
      ids = grown;
    }
    ids.set(set, start[t]);
    start[t + 1] = end;
  });
  return {start, ids: ids.subarray(0, start[texts.length])};
}

/** Jaccard similarity of two sorted id runs of `sets`. */
function jaccard(sets: ShingleSets, a: number, b: number): number {
  const {start, ids} = sets;
  let i = start[a]!;
  let j = start[b]!;
  const endA = start[a + 1]!;
  const endB = start[b + 1]!;
  let shared = 0;
  while (i < endA && j < endB) {
    if (ids[i] === ids[j]) {
      shared++;
      i++;
      j++;
    } else if (ids[i]! < ids[j]!) i++;
    else j++;
  }
  const union = endA - start[a]! + (endB - start[b]!) - shared;
  return union === 0 ? 0 : shared / union;
}

/** Per text and band, a 32-bit digest of the band's MinHash rows (band-major: bandKeys[band * texts + t]). */
function bandKeys(sets: ShingleSets, texts: number): Uint32Array {
  const keys = new Uint32Array(BANDS * texts);
  const signature = new Uint32Array(HASHES);
  for (let t = 0; t < texts; t++) {
    signature.fill(0xffffffff);
    for (let s = sets.start[t]!; s < sets.start[t + 1]!; s++) {
      const x = mix(sets.ids[s]! + 1);
      for (let k = 0; k < HASHES; k++) {
        const h = (Math.imul(x, MULTIPLIERS[k]!) + OFFSETS[k]!) >>> 0;
        if (h < signature[k]!) signature[k] = h;
      }
    }
    for (let band = 0; band < BANDS; band++) {
      // A rare digest collision only adds a candidate, which Jaccard rejects.
      let key = band;
      for (let r = 0; r < ROWS; r++) key = mix(key ^ signature[band * ROWS + r]!);
      keys[band * texts + t] = key;
    }
  }
  return keys;
}

/**
 * Calls `visit` with each band's buckets (texts whose band digests are equal, at most BUCKET_CAP of them, in
 * text order), buckets in the order of their first text. Sorting texts by (digest, text) replaces a Map of
 * arrays per band, which held a few hundred megabytes on 100,000 texts.
 */
function forEachBucket(
  keys: Uint32Array,
  texts: number,
  hasShingles: (t: number) => boolean,
  visit: (members: Int32Array) => void,
): void {
  const members = new Int32Array(BUCKET_CAP);
  for (let band = 0; band < BANDS; band++) {
    const bandKeys = keys.subarray(band * texts, (band + 1) * texts);
    const order = indicesWhere(texts, hasShingles).sort((x, y) => bandKeys[x]! - bandKeys[y]! || x - y);
    const runStarts: number[] = [];
    for (let i = 0; i < order.length; i++)
      if (i === 0 || bandKeys[order[i]!] !== bandKeys[order[i - 1]!]) runStarts.push(i);
    // Each run starts at its first text: ordering runs by it is ordering buckets by first text.
    runStarts.sort((x, y) => order[x]! - order[y]!);
    for (const runStart of runStarts) {
      const key = bandKeys[order[runStart]!];
      let size = 0;
      for (let i = runStart; i < order.length && size < BUCKET_CAP && bandKeys[order[i]!] === key; i++)
        members[size++] = order[i]!;
      visit(members.subarray(0, size));
    }
  }
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
  const ids = Int32Array.from(representative.values());
  representative.clear();
  const sets = shingleSets(Array.from(ids, (index) => normalized[index]!));
  const keys = bandKeys(sets, ids.length);
  const intentIndex = new Map<string, number>();
  const intentOf = Int32Array.from(ids, (index) => {
    const intent = dataset.utterances[index]!.intent;
    let id = intentIndex.get(intent);
    if (id === undefined) intentIndex.set(intent, (id = intentIndex.size));
    return id;
  });

  const seen = new Set<number>();
  /** Per intent pair: how many near-duplicate utterance pairs, and the most similar one. */
  const byIntentPair = new Map<
    string,
    {intents: [string, string]; count: number; best: [number, number, number]}
  >();
  const total = ids.length;
  const compare = (a: number, b: number) => {
    const similarity = jaccard(sets, a, b);
    if (similarity < threshold) return;
    const pairKey = a < b ? a * total + b : b * total + a;
    if (seen.has(pairKey)) return;
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
  };
  // Candidates are compared as their buckets are walked, not collected first (millions of pairs on templated data).
  forEachBucket(
    keys,
    total,
    (t) => sets.start[t + 1]! > sets.start[t]!,
    (bucket) => {
      for (let x = 0; x < bucket.length; x++)
        for (let y = x + 1; y < bucket.length; y++)
          if (intentOf[bucket[x]!] !== intentOf[bucket[y]!]) compare(bucket[x]!, bucket[y]!);
    },
  );
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
  const docs = termCounts(dataset);
  const n = dataset.utterances.length;
  const idf = docs.documentFrequency.map((df) => Math.log((1 + n) / (1 + df)) + 1);
  const sums = centroidSums(dataset, intents.length, intentIndex, docs, idf);
  const norms = sums.map(({weights}) => Math.sqrt(weights.reduce((acc, w) => acc + w * w, 0)));
  const cohesion = norms.map((norm, i) => (sums[i]!.size ? norm / sums[i]!.size : 0));
  const k = intents.length;
  const dots = centroidDots(sums, docs.documentFrequency.length);
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

/** Every utterance's word unigram and bigram counts, as compressed rows (features in first-occurrence order). */
interface TermCounts {
  start: Int32Array;
  feature: Int32Array;
  count: Int32Array;
  documentFrequency: number[];
}

function termCounts(dataset: Dataset): TermCounts {
  const featureIds = new Map<string, number>();
  const documentFrequency: number[] = [];
  const start = new Int32Array(dataset.utterances.length + 1);
  let feature: Int32Array = new Int32Array(1024);
  let count: Int32Array = new Int32Array(1024);
  dataset.utterances.forEach((u, d) => {
    const tokens = wordTokens(u.text).map((t) => t.text);
    const counts = new Map<number, number>();
    const add = (term: string) => {
      let id = featureIds.get(term);
      if (id === undefined) {
        featureIds.set(term, (id = documentFrequency.length));
        documentFrequency.push(0);
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
    };
    tokens.forEach((t, i) => {
      add(t);
      if (i + 1 < tokens.length) add(`${t} ${tokens[i + 1]!}`);
    });
    const end = start[d]! + counts.size;
    if (end > feature.length) {
      const size = Math.max(end, 2 * feature.length);
      feature = grown(feature, size);
      count = grown(count, size);
    }
    let at = start[d]!;
    for (const [id, tf] of counts) {
      documentFrequency[id]!++;
      feature[at] = id;
      count[at++] = tf;
    }
    start[d + 1] = end;
  });
  return {start, feature, count, documentFrequency};
}

function grown(array: Int32Array, size: number): Int32Array {
  const bigger = new Int32Array(size);
  bigger.set(array);
  return bigger;
}

/** One intent's centroid sum: its features in first-use order, their summed weights, and its utterance count. */
interface CentroidSum {
  features: Int32Array;
  weights: Float64Array;
  size: number;
}

/**
 * Per intent, the sum of its utterances' L2-normalised TF-IDF vectors. Intents are summed one at a time into
 * one dense scratch row (utterances in dataset order, so every sum adds in the same order as a map per intent
 * would), and each keeps only the features it uses.
 */
function centroidSums(
  dataset: Dataset,
  intentCount: number,
  intentIndex: ReadonlyMap<string, number>,
  docs: TermCounts,
  idf: number[],
): CentroidSum[] {
  const docIntent = Int32Array.from(dataset.utterances, (u) => intentIndex.get(u.intent)!);
  const sizes = new Int32Array(intentCount);
  for (const intent of docIntent) sizes[intent]!++;
  // Utterances grouped by intent (a counting sort: dataset order within each intent).
  const firstDoc = new Int32Array(intentCount + 1);
  for (let i = 0; i < intentCount; i++) firstDoc[i + 1] = firstDoc[i]! + sizes[i]!;
  const byIntent = new Int32Array(docIntent.length);
  const cursor = firstDoc.slice(0, intentCount);
  docIntent.forEach((intent, d) => (byIntent[cursor[intent]!++] = d));

  const scratch = new Float64Array(idf.length);
  const used = new Uint8Array(idf.length);
  const order: number[] = [];
  const weights: number[] = [];
  return Array.from({length: intentCount}, (_, intent) => {
    order.length = 0;
    for (let k = firstDoc[intent]!; k < firstDoc[intent + 1]!; k++) {
      const d = byIntent[k]!;
      let norm = 0;
      weights.length = 0;
      for (let f = docs.start[d]!; f < docs.start[d + 1]!; f++) {
        const w = (1 + Math.log(docs.count[f]!)) * idf[docs.feature[f]!]!;
        weights.push(w);
        norm += w * w;
      }
      norm = Math.sqrt(norm) || 1;
      for (let f = docs.start[d]!; f < docs.start[d + 1]!; f++) {
        const id = docs.feature[f]!;
        if (!used[id]) {
          used[id] = 1;
          order.push(id);
        }
        scratch[id] = scratch[id]! + weights[f - docs.start[d]!]! / norm;
      }
    }
    const features = Int32Array.from(order);
    const sum = Float64Array.from(features, (id) => scratch[id]!);
    for (const id of features) {
      scratch[id] = 0;
      used[id] = 0;
    }
    return {features, weights: sum, size: sizes[intent]!};
  });
}

/**
 * The dot product of every two intents' centroid sums (upper triangle of a k × k matrix), through an inverted
 * index over features held as compressed rows; features are visited in the order intents first use them.
 */
function centroidDots(sums: readonly CentroidSum[], featureCount: number): Float64Array {
  const postingCount = new Int32Array(featureCount + 1);
  const featureOrder: number[] = [];
  for (const {features} of sums)
    for (const id of features) if (postingCount[id + 1]!++ === 0) featureOrder.push(id);
  const postingStart = new Int32Array(featureCount + 1);
  for (let f = 0; f < featureCount; f++) postingStart[f + 1] = postingStart[f]! + postingCount[f + 1]!;
  const postingIntent = new Int32Array(postingStart[featureCount]!);
  const postingWeight = new Float64Array(postingStart[featureCount]!);
  const cursor = postingStart.slice(0, featureCount);
  sums.forEach(({features, weights}, intent) =>
    features.forEach((id, j) => {
      const slot = cursor[id]!++;
      postingIntent[slot] = intent;
      postingWeight[slot] = weights[j]!;
    }),
  );
  const k = sums.length;
  const dots = new Float64Array(k * k);
  for (const id of featureOrder) {
    for (let x = postingStart[id]!; x < postingStart[id + 1]!; x++) {
      const a = postingIntent[x]!;
      const wa = postingWeight[x]!;
      for (let y = x + 1; y < postingStart[id + 1]!; y++) {
        const b = postingIntent[y]!;
        const cell = a < b ? a * k + b : b * k + a;
        dots[cell] = dots[cell]! + wa * postingWeight[y]!;
      }
    }
  }
  return dots;
}
