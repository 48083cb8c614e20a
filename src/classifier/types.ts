/**
 * The local intent classifier's contract, shared by coverage (cross-validation estimates), the recognizer and
 * bot, and the generation quality benchmark.
 */
export interface TrainingExample {
  text: string;
  intent: string;
}

export interface IntentScore {
  intent: string;
  /** Probability-like confidence in [0, 1]; the scores of one prediction sum to 1. */
  score: number;
}

export interface Prediction {
  intent: string;
  score: number;
  /** Every intent, best first. */
  scores: IntentScore[];
}

export interface IntentClassifier {
  readonly intents: readonly string[];
  predict(text: string): Prediction;
  /** A JSON-serialisable snapshot that loadIntentClassifier restores exactly. */
  toJSON(): unknown;
}

export interface TrainOptions {
  /** For any randomness in training (shuffling): same seed, same model. */
  seed?: number;
  /** Inverse regularisation strength of each linear SVM (as LinearSVC's C); default 1. */
  c?: number;
  /** Solver stopping tolerance; default 0.1 (liblinear's default). */
  tolerance?: number;
  /** Cap on solver passes per intent; default 1000. */
  maxIterations?: number;
  /** Softmax temperature applied to margins to make scores; default 3. */
  scoreScale?: number;
}
