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

/** Past this many distinct words the per-word cache of features starts over. */
const WORD_CACHE_LIMIT = 50_000;

/**
 * What one whitespace-separated word of a text contributes, looked up once and cached: the word tokens inside
 * it (a token never spans whitespace) with their feature ids, and its character n-gram features.
 */
interface WordFeatures {
  /** Feature id of each word token in it, -1 when unknown. */
  tokenFeatures: Int32Array;
  /** The tokens themselves (only read when bigrams cannot be looked up by id, see `bigramById`). */
  tokens: string[];
  charFeatures: Int32Array;
}

/**
 * The TF-IDF vector of a text over a fixed vocabulary (unknown n-grams are dropped), as a FeatureUnion of the
 * word and character blocks would give it. `wordIndex`/`charIndex` map n-grams to feature indices; `idf` is
 * indexed by feature. Built for scoring many texts: each whitespace-separated word is tokenised and its
 * features looked up once and cached, a word bigram is found by its two words' ids (no string built), and
 * n-grams are counted in arrays indexed by feature instead of a Map per text. Features come out in the order
 * of their first occurrence (words, then characters), so sums over them are the same every time.
 */
export class Vectorizer {
  /** stamp[f] === epoch: feature f occurs in the text being vectorised, counts[f] times. */
  private readonly stamp: Int32Array;
  private readonly counts: Int32Array;
  private epoch = 0;
  /** Scratch: the features of the text being vectorised, in first-occurrence order, and their weights. */
  private order = new Int32Array(256);
  private weights = new Float32Array(256);
  private size = 0;
  /** Scratch for the unnormalised weights (doubles, as the norm is taken over them). */
  private raw = new Float64Array(256);
  private readonly featuresOfWord = new Map<string, WordFeatures>();
  /**
   * Bigram feature by its words' ids (first * wordIds + second), when every bigram of the vocabulary is made of
   * two known unigrams (always so for a trained model: the vocabulary holds every n-gram of the training text).
   */
  private readonly bigramById: Map<number, number> | undefined;
  private readonly wordIds: number;

  constructor(
    private readonly wordIndex: ReadonlyMap<string, number>,
    private readonly charIndex: ReadonlyMap<string, number>,
    private readonly idf: Float32Array,
  ) {
    this.stamp = new Int32Array(idf.length);
    this.counts = new Int32Array(idf.length);
    let maxId = -1;
    for (const id of wordIndex.values()) maxId = Math.max(maxId, id);
    this.wordIds = maxId + 1;
    this.bigramById = bigramsByWordIds(wordIndex, this.wordIds);
  }

  vectorize(text: string): SparseVector {
    const size = this.vectorizeInScratch(text);
    return {indices: this.order.slice(0, size), values: this.weights.slice(0, size)};
  }

  /**
   * vectorize() without allocating: returns the vector's length; its features and weights are the first that
   * many entries of `scratchFeatures` and `scratchWeights`, valid until the next call.
   */
  vectorizeInScratch(text: string): number {
    // normalizeForFeatures and charNgramWords, with the printable-ASCII test made once: there the only
    // whitespace is the space, so a plain split finds the same words as splitting on \s+.
    const ascii = ASCII.test(text);
    const normalized = ascii ? text.toLowerCase() : text.normalize('NFKC').toLowerCase();
    if (this.epoch === 0x7fffffff) {
      this.stamp.fill(0);
      this.epoch = 0;
    }
    this.epoch += 1;
    this.size = 0;
    const words = ascii
      ? normalized.split(' ').filter((word) => word.length > 0)
      : charNgramWords(normalized);
    const entries: WordFeatures[] = new Array(words.length);
    for (let w = 0; w < words.length; w++) entries[w] = this.wordFeatures(words[w]!);
    // Word unigrams and bigrams, bigrams running across whitespace-separated words.
    const bigramById = this.bigramById;
    let previousId = -2;
    let previousToken = '';
    for (let w = 0; w < entries.length; w++) {
      const {tokenFeatures, tokens} = entries[w]!;
      for (let t = 0; t < tokenFeatures.length; t++) {
        const id = tokenFeatures[t]!;
        if (previousId !== -2) {
          if (bigramById) {
            if (previousId >= 0 && id >= 0) this.count(bigramById.get(previousId * this.wordIds + id));
          } else this.count(this.wordIndex.get(`${previousToken} ${tokens[t]!}`));
        }
        if (id >= 0) this.count(id);
        previousId = id;
        previousToken = tokens[t]!;
      }
    }
    const wordFeatures = this.size;
    for (let w = 0; w < entries.length; w++) {
      const chars = entries[w]!.charFeatures;
      for (let c = 0; c < chars.length; c++) this.count(chars[c]!);
    }
    this.weighBlock(0, wordFeatures);
    this.weighBlock(wordFeatures, this.size);
    return this.size;
  }

  get scratchFeatures(): Int32Array {
    return this.order;
  }

  get scratchWeights(): Float32Array {
    return this.weights;
  }

  private count(feature: number | undefined): void {
    if (feature === undefined) return;
    if (this.stamp[feature] === this.epoch) {
      this.counts[feature] = this.counts[feature]! + 1;
      return;
    }
    this.stamp[feature] = this.epoch;
    this.counts[feature] = 1;
    if (this.size === this.order.length) {
      const grown = new Int32Array(this.order.length * 2);
      grown.set(this.order);
      this.order = grown;
      this.weights = new Float32Array(grown.length);
    }
    this.order[this.size++] = feature;
  }

  /** Sublinear tf times idf, L2-normalised over the block [from, to). */
  private weighBlock(from: number, to: number): void {
    if (this.raw.length < to) this.raw = new Float64Array(Math.max(to, 2 * this.raw.length));
    const raw = this.raw;
    const order = this.order;
    let squaredNorm = 0;
    for (let i = from; i < to; i++) {
      const feature = order[i]!;
      const count = this.counts[feature]!;
      // 1 + ln 1 is exactly 1: most n-grams occur once, and the logarithm is the costly part.
      const value = count === 1 ? this.idf[feature]! : (1 + Math.log(count)) * this.idf[feature]!;
      raw[i] = value;
      squaredNorm += value * value;
    }
    const norm = squaredNorm === 0 ? 1 : Math.sqrt(squaredNorm);
    for (let i = from; i < to; i++) this.weights[i] = raw[i]! / norm;
  }

  /** The known character n-gram features of one word, in the order forEachCharNgram visits them. */
  private charFeatures(word: string): Int32Array {
    const found: number[] = [];
    const padded = ` ${word} `;
    for (let n = CHAR_NGRAM_MIN; n <= CHAR_NGRAM_MAX; n++) {
      if (padded.length <= n) {
        const feature = this.charIndex.get(padded);
        if (feature !== undefined) found.push(feature);
        break;
      }
      for (let offset = 0; offset + n <= padded.length; offset++) {
        const feature = this.charIndex.get(padded.slice(offset, offset + n));
        if (feature !== undefined) found.push(feature);
      }
    }
    return Int32Array.from(found);
  }

  /** One whitespace-separated word's token and character features (tokens in order, chars as forEachCharNgram visits them). */
  private wordFeatures(word: string): WordFeatures {
    let entry = this.featuresOfWord.get(word);
    if (!entry) {
      const tokens = wordTokens(word);
      const tokenFeatures = new Int32Array(tokens.length);
      for (let t = 0; t < tokens.length; t++) tokenFeatures[t] = this.wordIndex.get(tokens[t]!) ?? -1;
      entry = {tokenFeatures, tokens, charFeatures: this.charFeatures(word)};
      if (this.featuresOfWord.size >= WORD_CACHE_LIMIT) this.featuresOfWord.clear();
      this.featuresOfWord.set(word, entry);
    }
    return entry;
  }
}

/** Bigram features keyed by their two unigrams' ids, or undefined if some bigram has an unknown half. */
function bigramsByWordIds(
  wordIndex: ReadonlyMap<string, number>,
  wordIds: number,
): Map<number, number> | undefined {
  const byIds = new Map<number, number>();
  for (const [ngram, feature] of wordIndex) {
    const space = ngram.indexOf(' ');
    if (space < 0) continue;
    const first = wordIndex.get(ngram.slice(0, space));
    const second = wordIndex.get(ngram.slice(space + 1));
    if (first === undefined || second === undefined || ngram.indexOf(' ', space + 1) >= 0) return undefined;
    byIds.set(first * wordIds + second, feature);
  }
  return byIds;
}
