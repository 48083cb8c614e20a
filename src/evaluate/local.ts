/**
 * `--on local`: the bundled classifier (TF-IDF + linear SVM) as a recognizer, trained exactly as coverage's
 * estimate trains it (same examples in the same order, same seed), so `evaluate --on local` and
 * `coverage --test-set` agree utterance for utterance.
 */
import {trainIntentClassifier, type TrainingExample} from '../classifier/index.js';
import type {EntityExtractor} from '../recognizer/local-recognizer.js';
import type {Recognition} from '../remote/types.js';
import type {Recognizer} from './runner.js';

/** The classifier for intents; the dataset's list, regex and system entities (as `predict` finds them). */
export function localRecognizer(
  examples: readonly TrainingExample[],
  seed: number,
  entities?: EntityExtractor,
): Recognizer {
  const classifier = trainIntentClassifier([...examples], {seed});
  return {
    recognize: async (text: string): Promise<Recognition> => {
      const prediction = classifier.predict(text);
      const found = entities?.match(text) ?? [];
      return {
        intent: prediction.intent,
        confidence: prediction.score,
        ...(found.length
          ? {entities: found.map((m) => ({entity: m.entity, value: m.text, start: m.start, end: m.end}))}
          : {}),
      };
    },
  };
}
