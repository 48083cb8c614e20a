/**
 * `--on local`: the bundled classifier (TF-IDF + linear SVM) as a recognizer, trained exactly as coverage's
 * estimate trains it (same examples in the same order, same seed), so `evaluate --on local` and
 * `coverage --test-set` agree utterance for utterance.
 */
import {trainIntentClassifier, type TrainingExample} from '../classifier/index.js';
import type {Recognition} from '../remote/types.js';
import type {Recognizer} from './runner.js';

export function localRecognizer(examples: readonly TrainingExample[], seed: number): Recognizer {
  const classifier = trainIntentClassifier([...examples], {seed});
  return {
    recognize: async (text: string): Promise<Recognition> => {
      const prediction = classifier.predict(text);
      return {intent: prediction.intent, confidence: prediction.score};
    },
  };
}
