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
  return text.normalize('NFKC').toLowerCase();
}

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
  for (const word of normalized.split(/\s+/)) {
    if (word.length === 0) continue;
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

/**
 * The TF-IDF vector of a text over a fixed vocabulary (unknown n-grams are dropped). `wordIndex`/`charIndex`
 * map n-grams to feature indices; `idf` is indexed by feature.
 */
export function vectorize(
  text: string,
  wordIndex: ReadonlyMap<string, number>,
  charIndex: ReadonlyMap<string, number>,
  idf: Float32Array,
): SparseVector {
  const normalized = normalizeForFeatures(text);
  const indices: number[] = [];
  const values: number[] = [];
  appendBlock(countNgrams(normalized, forEachWordNgram), wordIndex, idf, indices, values);
  appendBlock(countNgrams(normalized, forEachCharNgram), charIndex, idf, indices, values);
  return {indices: Int32Array.from(indices), values: Float32Array.from(values)};
}

function appendBlock(
  counts: Map<string, number>,
  index: ReadonlyMap<string, number>,
  idf: Float32Array,
  indices: number[],
  values: number[],
): void {
  const start = values.length;
  let squaredNorm = 0;
  for (const [ngram, count] of counts) {
    const feature = index.get(ngram);
    if (feature === undefined) continue;
    const value = (1 + Math.log(count)) * idf[feature]!;
    indices.push(feature);
    values.push(value);
    squaredNorm += value * value;
  }
  if (squaredNorm === 0) return;
  const norm = Math.sqrt(squaredNorm);
  for (let i = start; i < values.length; i++) values[i] = values[i]! / norm;
}
