/**
 * The local intent classifier: TF-IDF word 1–2-grams and char_wb 2–5-grams, sublinear tf, one-vs-rest linear
 * SVMs (liblinear's dual coordinate descent), softmax-calibrated scores. Used by coverage estimates, the
 * recognizer and bot, and the generation benchmark.
 */
import {loadLinearIntentClassifier} from './linear-model.js';
import {trainLinearIntentClassifier} from './train.js';
import type {IntentClassifier, TrainingExample, TrainOptions} from './types.js';

export type {IntentClassifier, IntentScore, Prediction, TrainingExample, TrainOptions} from './types.js';
export {stratifiedFolds} from './folds.js';
export {executeRuns, type RunPrediction, type TrainTestRun} from './cross-validate.js';
export {CLASSIFIER_FORMAT, CLASSIFIER_VERSION} from './linear-model.js';

export function trainIntentClassifier(examples: TrainingExample[], options?: TrainOptions): IntentClassifier {
  return trainLinearIntentClassifier(examples, options);
}

/** Restores exactly the classifier whose `toJSON()` produced `json`. */
export function loadIntentClassifier(json: unknown): IntentClassifier {
  return loadLinearIntentClassifier(json);
}
