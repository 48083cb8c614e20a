/**
 * The trained model: a TF-IDF vocabulary and one linear scorer per intent, stored compactly (typed arrays,
 * weights in feature-major sparse rows so a prediction touches only the features present in the text), with
 * margins turned into scores that sum to 1 by a softmax. Training and loading both build the model from the
 * same arrays, so a restored model predicts exactly what the trained one did.
 */
import {SynthnluError} from '../errors.js';
import {Vectorizer} from './features.js';
import type {IntentClassifier, IntentScore, Prediction} from './types.js';

export const CLASSIFIER_FORMAT = 'synthnlu-intent-classifier/1';
/** Bump when features, training or scoring change, so caches keyed on it retrain. */
export const CLASSIFIER_VERSION = 1;

/**
 * Up to this many weights (4 MB as float32) the model also keeps a dense copy for scoring; larger models
 * (coverage on hundreds of intents, in several workers at once) keep only the sparse runs.
 */
const MAX_DENSE_WEIGHTS = 1_000_000;

export interface LinearModelData {
  intents: string[];
  wordVocabulary: string[];
  charVocabulary: string[];
  /** Smoothed idf per feature: word features first, then character features. */
  idf: Float32Array;
  /** Feature-major sparse weights: featureStart[f]..featureStart[f+1] index featureClass/featureWeight. */
  featureStart: Int32Array;
  featureClass: Uint16Array;
  featureWeight: Float32Array;
  bias: Float32Array;
  /** Softmax temperature: scores = softmax(scoreScale * margins). */
  scoreScale: number;
}

interface SerializedModel {
  format: typeof CLASSIFIER_FORMAT;
  version: number;
  intents: string[];
  wordVocabulary: string[];
  charVocabulary: string[];
  scoreScale: number;
  /** Typed arrays as base64 of their little-endian bytes. */
  idf: string;
  featureStart: string;
  featureClass: string;
  featureWeight: string;
  bias: string;
}

export class LinearIntentClassifier implements IntentClassifier {
  readonly intents: readonly string[];
  private readonly vectorizer: Vectorizer;
  /** denseWeights(), once built; null when too large to build. */
  private dense: Float32Array | null | undefined;

  constructor(private readonly data: LinearModelData) {
    this.intents = data.intents;
    const wordIndex = new Map(data.wordVocabulary.map((ngram, i) => [ngram, i]));
    const offset = data.wordVocabulary.length;
    const charIndex = new Map(data.charVocabulary.map((ngram, i) => [ngram, offset + i]));
    this.vectorizer = new Vectorizer(wordIndex, charIndex, data.idf);
  }

  /** Raw margins (one per intent, in `intents` order) before calibration. */
  margins(text: string): Float64Array {
    const margins = Float64Array.from(this.data.bias);
    this.addMargins(text, margins);
    return margins;
  }

  /**
   * Adds the text's dot products to `margins` (holding the bias): margins() without allocating. For each of the
   * text's features in order, each intent with a weight for it gets weight * value added, in intent order.
   */
  addMargins(text: string, margins: Float64Array): void {
    const size = this.vectorizer.vectorizeInScratch(text);
    const features = this.vectorizer.scratchFeatures;
    const values = this.vectorizer.scratchWeights;
    const dense = this.denseWeights();
    if (dense) {
      // The same sums as the sparse loop: an intent without a weight gets + 0, which changes no sum.
      const intents = margins.length;
      for (let k = 0; k < size; k++) {
        const value = values[k]!;
        const base = features[k]! * intents;
        for (let i = 0; i < intents; i++) margins[i] = margins[i]! + dense[base + i]! * value;
      }
      return;
    }
    const {featureStart, featureClass, featureWeight} = this.data;
    for (let k = 0; k < size; k++) {
      const feature = features[k]!;
      const value = values[k]!;
      const end = featureStart[feature + 1]!;
      for (let p = featureStart[feature]!; p < end; p++) {
        const intent = featureClass[p]!;
        margins[intent] = margins[intent]! + featureWeight[p]! * value;
      }
    }
  }

  /**
   * The weights as a dense feature-major matrix (features x intents), built on first use when it is small
   * enough: contiguous rows score faster than the sparse runs, with the same sums.
   */
  private denseWeights(): Float32Array | undefined {
    if (this.dense === undefined) {
      const {featureStart, featureClass, featureWeight, intents} = this.data;
      const features = featureStart.length - 1;
      if (features * intents.length > MAX_DENSE_WEIGHTS) this.dense = null;
      else {
        const dense = new Float32Array(features * intents.length);
        for (let f = 0; f < features; f++)
          for (let p = featureStart[f]!; p < featureStart[f + 1]!; p++)
            dense[f * intents.length + featureClass[p]!] = featureWeight[p]!;
        this.dense = dense;
      }
    }
    return this.dense ?? undefined;
  }

  /** The intercepts margins() starts from. */
  get bias(): Float32Array {
    return this.data.bias;
  }

  predict(text: string): Prediction {
    const margins = this.margins(text);
    const scale = this.data.scoreScale;
    let best = -Infinity;
    for (const margin of margins) best = Math.max(best, margin);
    let total = 0;
    const exponentials = margins.map((margin) => {
      const e = Math.exp(scale * (margin - best));
      total += e;
      return e;
    });
    const scores: IntentScore[] = this.intents.map((intent, i) => ({
      intent,
      score: exponentials[i]! / total,
    }));
    // Ties keep the intents' training order, so predictions are deterministic.
    const order = scores.map((_, i) => i).sort((a, b) => scores[b]!.score - scores[a]!.score || a - b);
    const sorted = order.map((i) => scores[i]!);
    return {intent: sorted[0]!.intent, score: sorted[0]!.score, scores: sorted};
  }

  toJSON(): SerializedModel {
    const d = this.data;
    return {
      format: CLASSIFIER_FORMAT,
      version: CLASSIFIER_VERSION,
      intents: d.intents,
      wordVocabulary: d.wordVocabulary,
      charVocabulary: d.charVocabulary,
      scoreScale: d.scoreScale,
      idf: toBase64(d.idf),
      featureStart: toBase64(d.featureStart),
      featureClass: toBase64(d.featureClass),
      featureWeight: toBase64(d.featureWeight),
      bias: toBase64(d.bias),
    };
  }
}

function toBase64(array: ArrayBufferView): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

function fromBase64<T>(text: string, make: (buffer: ArrayBuffer, length: number) => T, bytesPer: number): T {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % bytesPer !== 0) throw invalidModel('a typed array has a partial element');
  // Copy into a fresh, aligned buffer: Buffer's pool offset may not be a multiple of the element size.
  const copy = new ArrayBuffer(bytes.length);
  new Uint8Array(copy).set(bytes);
  return make(copy, bytes.length / bytesPer);
}

function invalidModel(reason: string): SynthnluError {
  return new SynthnluError('CLASSIFIER_INVALID_MODEL', `Not a saved synthnlu intent classifier: ${reason}.`, {
    suggestion: 'Retrain the model (delete the cached file to force it).',
  });
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Restores a classifier from what `toJSON` returned (after a JSON round trip or not). */
export function loadLinearIntentClassifier(json: unknown): LinearIntentClassifier {
  if (typeof json !== 'object' || json === null) throw invalidModel('expected an object');
  const m = json as Partial<Record<keyof SerializedModel, unknown>>;
  if (m.format !== CLASSIFIER_FORMAT) throw invalidModel(`format is ${JSON.stringify(m.format)}`);
  if (m.version !== CLASSIFIER_VERSION)
    throw invalidModel(`version ${String(m.version)}, this synthnlu reads version ${CLASSIFIER_VERSION}`);
  if (!isStringArray(m.intents) || !isStringArray(m.wordVocabulary) || !isStringArray(m.charVocabulary))
    throw invalidModel('intents and vocabularies must be arrays of strings');
  if (typeof m.scoreScale !== 'number') throw invalidModel('scoreScale must be a number');
  for (const key of ['idf', 'featureStart', 'featureClass', 'featureWeight', 'bias'] as const)
    if (typeof m[key] !== 'string') throw invalidModel(`${key} must be a base64 string`);
  const data: LinearModelData = {
    intents: m.intents,
    wordVocabulary: m.wordVocabulary,
    charVocabulary: m.charVocabulary,
    scoreScale: m.scoreScale,
    idf: fromBase64(m.idf as string, (b, n) => new Float32Array(b, 0, n), 4),
    featureStart: fromBase64(m.featureStart as string, (b, n) => new Int32Array(b, 0, n), 4),
    featureClass: fromBase64(m.featureClass as string, (b, n) => new Uint16Array(b, 0, n), 2),
    featureWeight: fromBase64(m.featureWeight as string, (b, n) => new Float32Array(b, 0, n), 4),
    bias: fromBase64(m.bias as string, (b, n) => new Float32Array(b, 0, n), 4),
  };
  const features = data.wordVocabulary.length + data.charVocabulary.length;
  if (
    data.idf.length !== features ||
    data.featureStart.length !== features + 1 ||
    data.bias.length !== data.intents.length ||
    data.featureClass.length !== data.featureWeight.length ||
    data.featureStart[features] !== data.featureWeight.length
  )
    throw invalidModel('array sizes do not match the vocabulary and intents');
  return new LinearIntentClassifier(data);
}
