/**
 * Text to TF-IDF features: word unigrams and bigrams plus character 2–5-grams taken inside each
 * whitespace-separated word padded with one space on each side (scikit-learn's `char_wb`), so n-grams never
 * straddle two words yet still mark where words start and end. Each block is counted separately, weighted
 * with sublinear tf (1 + ln tf) times smoothed idf, and L2-normalised on its own (like a FeatureUnion of two
 * TfidfVectorizers), so neither block drowns the other.
 */

export const CHAR_NGRAM_MIN = 2;
export const CHAR_NGRAM_MAX = 5;

/** Lower-cased, NFKC-normalised, whitespace collapsed: the same text for training and prediction. */
export function normalizeForFeatures(text: string): string {
  // NFKC leaves printable ASCII as it is: skipping it there is the common, cheap case.
  return ASCII.test(text) ? text.toLowerCase() : text.normalize('NFKC').toLowerCase();
}

const ASCII = /^[\x20-\x7e]*$/;

const WORD_PATTERN = /[\p{L}\p{N}_]+(?:['’][\p{L}]+)?/gu;

/** Word tokens (letters, digits, underscore; an apostrophe suffix such as "'s" stays attached). */
export function wordTokens(normalized: string): string[] {
  return normalized.match(WORD_PATTERN) ?? [];
}

/** Calls `visit` once per word unigram and bigram occurrence. */
export function forEachWordNgram(normalized: string, visit: (ngram: string) => void): void {
  const tokens = wordTokens(normalized);
  for (let i = 0; i < tokens.length; i++) {
    visit(tokens[i]!);
    if (i + 1 < tokens.length) visit(`${tokens[i]} ${tokens[i + 1]}`);
  }
}

/** Calls `visit` once per character n-gram occurrence, n-grams taken within space-padded words. */
export function forEachCharNgram(normalized: string, visit: (ngram: string) => void): void {
  for (const word of charNgramWords(normalized)) {
    const padded = ` ${word} `;
    for (let n = CHAR_NGRAM_MIN; n <= CHAR_NGRAM_MAX; n++) {
      // A padded word no longer than n yields itself once, and no longer n-grams (as scikit-learn does).
      if (padded.length <= n) {
        visit(padded);
        break;
      }
      for (let offset = 0; offset + n <= padded.length; offset++) visit(padded.slice(offset, offset + n));
    }
  }
}

/** The words character n-grams are taken from (whitespace-separated, none empty). */
export function charNgramWords(normalized: string): string[] {
  return normalized.split(/\s+/).filter((word) => word.length > 0);
}

/** Counts of each n-gram of one kind in one text. */
export function countNgrams(
  normalized: string,
  forEach: (text: string, visit: (ngram: string) => void) => void,
): Map<string, number> {
  const counts = new Map<string, number>();
  forEach(normalized, (ngram) => counts.set(ngram, (counts.get(ngram) ?? 0) + 1));
  return counts;
}

/** scikit-learn's smooth idf: ln((1 + n) / (1 + df)) + 1. */
export function smoothIdf(documents: number, documentFrequency: number): number {
  return Math.log((1 + documents) / (1 + documentFrequency)) + 1;
}

/** A sparse vector: feature indices (ascending not required) and values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** Past this many distinct words the per-word cache of character features starts over. */
const WORD_CACHE_LIMIT = 50_000;

/**
 * The TF-IDF vector of a text over a fixed vocabulary (unknown n-grams are dropped), as a FeatureUnion of the
 * word and character blocks would give it. `wordIndex`/`charIndex` map n-grams to feature indices; `idf` is
 * indexed by feature. Built for scoring many texts: each word's character features are looked up once and
 * cached, and n-grams are counted in arrays indexed by feature instead of a Map per text. Features come out in
 * the order of their first occurrence (words, then characters), so sums over them are the same every time.
 */
export class Vectorizer {
  /** stamp[f] === epoch: feature f occurs in the text being vectorised, counts[f] times. */
  private readonly stamp: Int32Array;
  private readonly counts: Int32Array;
  private epoch = 0;
  /** Scratch for the unnormalised weights (doubles, as the norm is taken over them). */
  private raw = new Float64Array(256);
  private readonly charFeaturesOfWord = new Map<string, Int32Array>();

  constructor(
    private readonly wordIndex: ReadonlyMap<string, number>,
    private readonly charIndex: ReadonlyMap<string, number>,
    private readonly idf: Float32Array,
  ) {
    this.stamp = new Int32Array(idf.length);
    this.counts = new Int32Array(idf.length);
  }

  vectorize(text: string): SparseVector {
    const normalized = normalizeForFeatures(text);
    if (this.epoch === 0x7fffffff) {
      this.stamp.fill(0);
      this.epoch = 0;
    }
    this.epoch += 1;
    const order: number[] = [];
    const tokens = wordTokens(normalized);
    for (let i = 0; i < tokens.length; i++) {
      this.count(this.wordIndex.get(tokens[i]!), order);
      if (i + 1 < tokens.length) this.count(this.wordIndex.get(`${tokens[i]} ${tokens[i + 1]}`), order);
    }
    const wordFeatures = order.length;
    for (const word of charNgramWords(normalized))
      for (const feature of this.charFeatures(word)) this.count(feature, order);
    const indices = Int32Array.from(order);
    const values = new Float32Array(order.length);
    this.weighBlock(indices, values, 0, wordFeatures);
    this.weighBlock(indices, values, wordFeatures, order.length);
    return {indices, values};
  }

  private count(feature: number | undefined, order: number[]): void {
    if (feature === undefined) return;
    if (this.stamp[feature] === this.epoch) {
      this.counts[feature] = this.counts[feature]! + 1;
      return;
    }
    this.stamp[feature] = this.epoch;
    this.counts[feature] = 1;
    order.push(feature);
  }

  /** Sublinear tf times idf, L2-normalised over the block [from, to). */
  private weighBlock(indices: Int32Array, values: Float32Array, from: number, to: number): void {
    if (this.raw.length < to) this.raw = new Float64Array(Math.max(to, 2 * this.raw.length));
    const raw = this.raw;
    let squaredNorm = 0;
    for (let i = from; i < to; i++) {
      const feature = indices[i]!;
      const value = (1 + Math.log(this.counts[feature]!)) * this.idf[feature]!;
      raw[i] = value;
      squaredNorm += value * value;
    }
    const norm = squaredNorm === 0 ? 1 : Math.sqrt(squaredNorm);
    for (let i = from; i < to; i++) values[i] = raw[i]! / norm;
  }

  /** The known character n-gram features of one word, in the order forEachCharNgram visits them. */
  private charFeatures(word: string): Int32Array {
    let features = this.charFeaturesOfWord.get(word);
    if (!features) {
      const found: number[] = [];
      forEachCharNgram(word, (ngram) => {
        const feature = this.charIndex.get(ngram);
        if (feature !== undefined) found.push(feature);
      });
      features = Int32Array.from(found);
      if (this.charFeaturesOfWord.size >= WORD_CACHE_LIMIT) this.charFeaturesOfWord.clear();
      this.charFeaturesOfWord.set(word, features);
    }
    return features;
  }
}
