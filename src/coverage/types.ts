/**
 * The coverage report model: findings from the checks, the classifier estimate, and the comparison with a
 * baseline. It is what `synthnlu coverage --json` prints and what the terminal, JUnit and HTML reports render.
 */
import type {Diagnostic, Severity} from '../errors.js';

export type CheckGroup = 'structure' | 'entities' | 'conflicts' | 'model' | 'baseline';

/** One problem found: a Diagnostic (stable code, message, fix hint, JSON path) plus the intents and utterances involved. */
export interface Finding extends Diagnostic {
  group: CheckGroup;
  /** A multi-language dataset: the language the finding is about (absent: all of them). */
  language?: string;
  intents: string[];
  /** Utterance texts involved (a few examples at most, so reports stay readable). */
  utterances: string[];
  /** A number the finding is about, when there is one (similarity, share of examples, F1 drop). */
  score?: number;
}

export interface IntentMetrics {
  intent: string;
  precision: number;
  recall: number;
  f1: number;
  /** How many test utterances carry this intent. */
  support: number;
}

export interface AverageMetrics {
  precision: number;
  recall: number;
  f1: number;
}

export interface ConfusedPair {
  /** The true intent. */
  expected: string;
  /** The intent predicted instead. */
  predicted: string;
  count: number;
  /** A few misclassified utterances with the classifier's confidence. */
  examples: {text: string; score: number}[];
}

export interface LowConfidenceCorrect {
  text: string;
  intent: string;
  score: number;
}

/** What the estimate was measured on. */
export interface EstimateBasis {
  /**
   * real-utterances: the dataset holds generated utterances; they trained the model but only seeds, imported and
   * hand-written utterances were tested. all-utterances: no generated data. test-set: a separate --test-set file.
   */
  tested: 'real-utterances' | 'all-utterances' | 'test-set';
  /** Generated or template-expanded utterances in the dataset. */
  synthetic: number;
  /** Generated utterances that do not name their origin: they train every run and may paraphrase a tested one. */
  withoutOrigin: number;
  /**
   * Templates the user wrote ("book a {treatment} on {day}") tested through one expansion each with the spec's
   * own values, like real utterances (counted in testSize). Absent when there are none.
   */
  templateStandIns?: number;
  /** Set when the estimate ran on a stratified sample of the dataset. */
  sample?: {utterances: number; of: number; maxPerIntent: number};
}

export interface ModelEstimate {
  /** cross-validation: stratified k-fold; split: train on split=train, test on split=test; test-set: a separate file. */
  method: 'cross-validation' | 'split' | 'test-set';
  /** Who answered, when it was not the local estimate: `rasa at http://localhost:5005` (`synthnlu evaluate`). */
  recognizer?: string;
  folds?: number;
  trainSize: number;
  testSize: number;
  accuracy: number;
  /** Standard error of `accuracy` (binomial, on testSize predictions): ±2 of these is a 95% interval. */
  accuracyStandardError: number;
  basis: EstimateBasis;
  macro: AverageMetrics;
  weighted: AverageMetrics;
  /** The intents the estimate measured (at least one tested utterance). */
  perIntent: IntentMetrics[];
  /**
   * Intents with no utterance to test on (only generated text, or none in the --test-set): their F1 is unknown,
   * not 0. Absent in reports written before this field existed.
   */
  notMeasured?: string[];
  /** Intent order of the matrix rows (true) and columns (predicted). */
  labels: string[];
  /** confusion[i][j]: utterances of labels[i] predicted as labels[j]. */
  confusion: number[][];
  mostConfused: ConfusedPair[];
  lowestConfidenceCorrect: LowConfidenceCorrect[];
  /** Test utterances whose intent the training data lacks (only with --test-set). */
  unknownIntentCount: number;
  seconds: number;
}

export interface EntityCoverageRow {
  entity: string;
  kind: string;
  /** Annotated spans across all utterances. */
  annotations: number;
  /** Intents with at least one annotation of this entity. */
  intents: number;
  /** List entities: values with at least one utterance mentioning the value or a synonym. */
  valuesCovered?: number;
  valuesTotal?: number;
}

export interface IntentSummaryRow {
  intent: string;
  examples: number;
  train: number;
  test: number;
}

export interface BaselineComparison {
  file: string;
  maxF1Drop: number;
  /** Every intent present in both runs with its F1 before and after. */
  changes: {intent: string; before: number; after: number; delta: number}[];
  regressions: string[];
}

/** The severity that fails `coverage`: errors by default, like `rasa data validate`; 'none' only reports. */
export type FailOn = 'error' | 'warning' | 'none';

export interface GateResult {
  gate: 'min-accuracy' | 'min-f1' | 'min-examples' | 'fail-on' | 'max-f1-drop';
  /** A multi-language dataset: the language the gate measured. */
  language?: string;
  passed: boolean;
  message: string;
}

export interface CoverageReport {
  format: 'synthnlu-coverage/1';
  input: string;
  platform?: string;
  counts: Record<Severity, number>;
  dataset: {
    name?: string;
    language: string;
    /** A multi-language dataset: its languages, the primary first. */
    languages?: string[];
    intents: number;
    entities: number;
    utterances: number;
  };
  /**
   * A multi-language dataset: each language checked and estimated on its own (a platform trains one model per
   * language); `intents`, `model` and `entityCoverage` above are the primary language's.
   */
  languages?: LanguageCoverage[];
  intents: IntentSummaryRow[];
  entityCoverage: EntityCoverageRow[];
  /** Worst first. */
  findings: Finding[];
  model?: ModelEstimate;
  baseline?: BaselineComparison;
  gates: GateResult[];
  /** The severity that failed the run ('none': findings were reported only). */
  failOn: FailOn;
  passed: boolean;
  timings: Record<string, number>;
}

/** One language of a multi-language dataset: its counts, its sizes per intent and its own estimate. */
export interface LanguageCoverage {
  language: string;
  utterances: number;
  counts: Record<Severity, number>;
  intents: IntentSummaryRow[];
  model?: ModelEstimate;
  passed: boolean;
}
