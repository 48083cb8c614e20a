/**
 * Training: build the TF-IDF vocabulary from the examples, vectorise them once into sparse rows, then train
 * one binary linear SVM per intent (one-vs-rest, as LinearSVC does) and keep each intent's non-zero weights.
 */
import {SynthnluError} from '../errors.js';
import {
  countNgrams,
  forEachCharNgram,
  forEachWordNgram,
  normalizeForFeatures,
  smoothIdf,
} from './features.js';
import {LinearIntentClassifier, type LinearModelData} from './linear-model.js';
import {trainBinarySvm} from './linear-svm.js';
import {seededRandom} from './random.js';
import type {SparseRows} from './sparse-matrix.js';
import type {TrainingExample, TrainOptions} from './types.js';

export const DEFAULT_TRAIN_OPTIONS = {
  seed: 1,
  c: 1,
  tolerance: 0.1,
  maxIterations: 1000,
  /** Margins of a one-vs-rest SVM sit near +1 (yes) and -1 (no); 3 makes a clear +1/-1 split score ~0.99. */
  scoreScale: 3,
} as const;

/** Weights smaller than this are dropped from the stored model: they cannot change a ranking that matters. */
const WEIGHT_EPSILON = 1e-6;

interface CountedExample {
  /** Feature ids and raw counts, word block first, then char block (marked by charStart). */
  features: Int32Array;
  counts: Float32Array;
  charStart: number;
}

export function trainLinearIntentClassifier(
  examples: readonly TrainingExample[],
  options: TrainOptions = {},
): LinearIntentClassifier {
  if (examples.length === 0)
    throw new SynthnluError('CLASSIFIER_NO_EXAMPLES', 'Cannot train an intent classifier on no examples.', {
      suggestion: 'Give at least one utterance per intent.',
    });
  const settings = {...DEFAULT_TRAIN_OPTIONS, ...definedOnly(options)};
  const intents: string[] = [];
  const intentIndex = new Map<string, number>();
  const labels = new Int32Array(examples.length);
  examples.forEach((example, i) => {
    let index = intentIndex.get(example.intent);
    if (index === undefined) {
      index = intents.length;
      intentIndex.set(example.intent, index);
      intents.push(example.intent);
    }
    labels[i] = index;
  });
  if (intents.length > 0xffff)
    throw new SynthnluError(
      'CLASSIFIER_TOO_MANY_INTENTS',
      `${intents.length} intents; at most 65,535 are supported.`,
    );

  // Vocabulary and document frequencies. Word and char ids are separate until the vocabulary is final.
  const wordIds = new Map<string, number>();
  const charIds = new Map<string, number>();
  const wordDf: number[] = [];
  const charDf: number[] = [];
  const counted: CountedExample[] = examples.map((example) => {
    const normalized = normalizeForFeatures(example.text);
    const words = countNgrams(normalized, forEachWordNgram);
    const chars = countNgrams(normalized, forEachCharNgram);
    const features = new Int32Array(words.size + chars.size);
    const counts = new Float32Array(words.size + chars.size);
    let k = 0;
    for (const [ngram, count] of words) {
      let id = wordIds.get(ngram);
      if (id === undefined) wordIds.set(ngram, (id = wordDf.push(0) - 1));
      wordDf[id]!++;
      features[k] = id;
      counts[k++] = count;
    }
    for (const [ngram, count] of chars) {
      let id = charIds.get(ngram);
      if (id === undefined) charIds.set(ngram, (id = charDf.push(0) - 1));
      charDf[id]!++;
      features[k] = id;
      counts[k++] = count;
    }
    return {features, counts, charStart: words.size};
  });
  const wordCount = wordDf.length;
  const featureCount = wordCount + charDf.length;
  const idf = new Float32Array(featureCount);
  for (let f = 0; f < wordCount; f++) idf[f] = smoothIdf(examples.length, wordDf[f]!);
  for (let f = 0; f < charDf.length; f++) idf[wordCount + f] = smoothIdf(examples.length, charDf[f]!);

  const rows = tfidfRows(counted, idf, wordCount, featureCount);
  const random = seededRandom(settings.seed);
  const weights = new Float64Array(featureCount);
  const binaryLabels = new Int8Array(examples.length);
  const bias = new Float32Array(intents.length);
  const perIntent: {features: Int32Array; weights: Float32Array}[] = [];
  for (let intent = 0; intent < intents.length; intent++) {
    for (let i = 0; i < labels.length; i++) binaryLabels[i] = labels[i] === intent ? 1 : -1;
    bias[intent] = trainBinarySvm(rows, binaryLabels, weights, settings, random);
    perIntent.push(nonZero(weights));
  }

  return new LinearIntentClassifier({
    intents,
    wordVocabulary: [...wordIds.keys()],
    charVocabulary: [...charIds.keys()],
    idf,
    ...featureMajor(perIntent, featureCount),
    bias,
    scoreScale: settings.scoreScale,
  } satisfies LinearModelData);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Sublinear tf times idf, each block (words, chars) L2-normalised, as sparse rows. */
function tfidfRows(
  counted: CountedExample[],
  idf: Float32Array,
  wordCount: number,
  columns: number,
): SparseRows {
  const rowStart = new Int32Array(counted.length + 1);
  for (let i = 0; i < counted.length; i++) rowStart[i + 1] = rowStart[i]! + counted[i]!.features.length;
  const columnIndex = new Int32Array(rowStart[counted.length]!);
  const values = new Float32Array(rowStart[counted.length]!);
  counted.forEach((example, i) => {
    const base = rowStart[i]!;
    const blocks: [number, number][] = [
      [0, example.charStart],
      [example.charStart, example.features.length],
    ];
    for (const [blockStart, blockEnd] of blocks) {
      const offset = blockStart === 0 ? 0 : wordCount;
      let squaredNorm = 0;
      const blockValues = new Float64Array(blockEnd - blockStart);
      for (let k = blockStart; k < blockEnd; k++) {
        const feature = example.features[k]! + offset;
        const value = (1 + Math.log(example.counts[k]!)) * idf[feature]!;
        blockValues[k - blockStart] = value;
        squaredNorm += value * value;
        columnIndex[base + k] = feature;
      }
      const norm = Math.sqrt(squaredNorm) || 1;
      for (let k = blockStart; k < blockEnd; k++) values[base + k] = blockValues[k - blockStart]! / norm;
    }
  });
  return {rows: counted.length, columns, rowStart, columnIndex, values};
}

function nonZero(weights: Float64Array): {features: Int32Array; weights: Float32Array} {
  let count = 0;
  for (const w of weights) if (Math.abs(w) > WEIGHT_EPSILON) count++;
  const features = new Int32Array(count);
  const kept = new Float32Array(count);
  let k = 0;
  for (let f = 0; f < weights.length; f++) {
    const w = weights[f]!;
    if (Math.abs(w) > WEIGHT_EPSILON) {
      features[k] = f;
      kept[k++] = w;
    }
  }
  return {features, weights: kept};
}

/** Regroups per-intent sparse weights by feature, so prediction reads one contiguous run per feature. */
function featureMajor(
  perIntent: {features: Int32Array; weights: Float32Array}[],
  featureCount: number,
): Pick<LinearModelData, 'featureStart' | 'featureClass' | 'featureWeight'> {
  const featureStart = new Int32Array(featureCount + 1);
  for (const {features} of perIntent) for (const f of features) featureStart[f + 1]!++;
  for (let f = 0; f < featureCount; f++) featureStart[f + 1]! += featureStart[f]!;
  const total = featureStart[featureCount]!;
  const featureClass = new Uint16Array(total);
  const featureWeight = new Float32Array(total);
  const cursor = featureStart.slice(0, featureCount);
  perIntent.forEach(({features, weights}, intent) => {
    for (let k = 0; k < features.length; k++) {
      const slot = cursor[features[k]!]!++;
      featureClass[slot] = intent;
      featureWeight[slot] = weights[k]!;
    }
  });
  return {featureStart, featureClass, featureWeight};
}
