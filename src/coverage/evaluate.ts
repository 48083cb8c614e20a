/**
 * The model estimate: train the local intent classifier and score it, by stratified k-fold cross-validation,
 * on split=train vs split=test, or against a separate test set of real user utterances.
 */
import {stratifiedFolds, trainIntentClassifier} from '../classifier/index.js';
import type {TrainingExample} from '../classifier/index.js';
import type {Dataset} from '../model/dataset.js';
import {intentNames} from '../model/dataset.js';
import {computeMetrics, type ScoredPrediction} from './metrics.js';
import type {ModelEstimate} from './types.js';

export type EvaluationMethod = 'auto' | 'cross-validation' | 'split';

export interface EvaluateOptions {
  method: EvaluationMethod;
  folds: number;
  seed: number;
  /** Real user utterances to test on instead (a model trained on the whole dataset). */
  testSet?: Dataset;
  /** Called before each training run (for progress on stderr). */
  onProgress?: (message: string) => void;
}

function examplesOf(utterances: Dataset['utterances']): TrainingExample[] {
  return utterances.map((u) => ({text: u.text, intent: u.intent}));
}

function score(train: TrainingExample[], test: TrainingExample[], seed: number): ScoredPrediction[] {
  const classifier = trainIntentClassifier(train, {seed});
  return test.map((example) => {
    const prediction = classifier.predict(example.text);
    return {text: example.text, expected: example.intent, predicted: prediction.intent, score: prediction.score};
  });
}

/** Undefined when there is nothing to learn from (fewer than two intents with examples). */
export function estimateModel(dataset: Dataset, options: EvaluateOptions): ModelEstimate | undefined {
  const started = performance.now();
  const labels = intentNames(dataset);
  const trainable = new Set(dataset.utterances.map((u) => u.intent));
  if (trainable.size < 2) return undefined;
  const hasSplit =
    dataset.utterances.some((u) => u.split === 'test') && dataset.utterances.some((u) => u.split !== 'test');
  let method: ModelEstimate['method'];
  let predictions: ScoredPrediction[];
  let trainSize: number;
  let unknownIntentCount = 0;

  if (options.testSet) {
    method = 'test-set';
    const train = examplesOf(dataset.utterances);
    const test = examplesOf(options.testSet.utterances);
    unknownIntentCount = test.filter((t) => !trainable.has(t.intent)).length;
    options.onProgress?.(`training on ${train.length} utterances, testing on ${test.length}`);
    predictions = score(train, test, options.seed);
    trainSize = train.length;
  } else if (options.method === 'split' || (options.method === 'auto' && hasSplit)) {
    method = 'split';
    const train = examplesOf(dataset.utterances.filter((u) => u.split !== 'test'));
    const test = examplesOf(dataset.utterances.filter((u) => u.split === 'test'));
    options.onProgress?.(`training on ${train.length} split=train utterances, testing on ${test.length}`);
    predictions = test.length && train.length ? score(train, test, options.seed) : [];
    trainSize = train.length;
  } else {
    method = 'cross-validation';
    const all = examplesOf(dataset.utterances);
    const folds = stratifiedFolds(
      all.map((e) => e.intent),
      options.folds,
      options.seed,
    );
    predictions = new Array<ScoredPrediction>(all.length);
    for (let fold = 0; fold < options.folds; fold++) {
      options.onProgress?.(`cross-validation fold ${fold + 1}/${options.folds}`);
      const train = all.filter((_, i) => folds[i] !== fold);
      const testIndices = all.flatMap((_, i) => (folds[i] === fold ? [i] : []));
      if (testIndices.length === 0 || new Set(train.map((t) => t.intent)).size < 2) continue;
      const scored = score(
        train,
        testIndices.map((i) => all[i]!),
        options.seed,
      );
      testIndices.forEach((i, k) => (predictions[i] = scored[k]!));
    }
    predictions = predictions.filter(Boolean);
    trainSize = Math.round((all.length * (options.folds - 1)) / options.folds);
  }

  const metrics = computeMetrics(predictions, labels);
  return {
    method,
    ...(method === 'cross-validation' ? {folds: options.folds} : {}),
    trainSize,
    testSize: predictions.length,
    ...metrics,
    unknownIntentCount,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
