/**
 * The platform's answers as a ModelEstimate, the shape coverage reports in, so `evaluate` shares coverage's
 * terminal, HTML, JUnit, --json, --baseline and gates. A test utterance whose intent the agent lacks is named
 * and counted, not scored; the platform's no-match (or an answer under --threshold) is the `(no match)` column.
 */
import {computeMetrics, type ScoredPrediction} from '../coverage/metrics.js';
import {standardError} from '../coverage/evaluate.js';
import type {ModelEstimate} from '../coverage/types.js';
import type {Recognition} from '../remote/types.js';
import {recognitionKey} from './cache.js';
import type {TestSet} from './test-set.js';

/** The confusion-matrix column of the platform's fallback (Default Fallback Intent, None, nlu_fallback). */
export const NO_MATCH = '(no match)';

export interface Scored {
  predictions: ScoredPrediction[];
  /** Test intents the agent does not have, with how many utterances each: not scored. */
  unknownIntents: {intent: string; utterances: number}[];
  /** Scored utterances answered with the platform's no-match (or under --threshold). */
  fallbacks: number;
  /** Per scored utterance (in test-set order): whether the platform was right, for McNemar's test. */
  correct: boolean[];
}

export function scoreRecognitions(
  testSet: TestSet,
  answers: ReadonlyMap<string, Recognition>,
  agentIntents: ReadonlySet<string>,
  threshold?: number,
): Scored {
  const unknown = new Map<string, number>();
  const predictions: ScoredPrediction[] = [];
  let fallbacks = 0;
  for (const u of testSet.utterances) {
    if (!agentIntents.has(u.intent)) {
      unknown.set(u.intent, (unknown.get(u.intent) ?? 0) + 1);
      continue;
    }
    const answer = answers.get(recognitionKey(u.text, u.language))!;
    const belowThreshold =
      threshold !== undefined && answer.confidence !== undefined && answer.confidence < threshold;
    const predicted = answer.intent === undefined || belowThreshold ? NO_MATCH : answer.intent;
    if (predicted === NO_MATCH) fallbacks++;
    predictions.push({text: u.text, expected: u.intent, predicted, score: answer.confidence ?? 1});
  }
  return {
    predictions,
    unknownIntents: [...unknown].map(([intent, utterances]) => ({intent, utterances})),
    fallbacks,
    correct: predictions.map((p) => p.expected === p.predicted),
  };
}

/** The estimate coverage's reports render, from the platform's scored answers. */
export function platformEstimate(
  scored: Scored,
  options: {labels: string[]; recognizer: string; testSet: TestSet; trainSize: number; seconds: number},
): ModelEstimate {
  const metrics = computeMetrics(scored.predictions, options.labels);
  const unknownCount = scored.unknownIntents.reduce((a, u) => a + u.utterances, 0);
  return {
    method: options.testSet.source === 'test-set' ? 'test-set' : 'split',
    recognizer: options.recognizer,
    trainSize: options.trainSize,
    testSize: scored.predictions.length,
    ...metrics,
    // The no-match column is not an intent: it has no row of its own.
    perIntent: metrics.perIntent.filter((m) => m.intent !== NO_MATCH),
    accuracyStandardError: standardError(metrics.accuracy, scored.predictions.length),
    basis: {
      // Generated utterances were left out of the test set (evaluationLines says how many), not trained on here.
      tested: options.testSet.source === 'test-set' ? 'test-set' : 'all-utterances',
      synthetic: 0,
      withoutOrigin: 0,
      ...(options.testSet.sample ? {sample: {...options.testSet.sample, maxPerIntent: 0}} : {}),
    },
    unknownIntentCount: unknownCount,
    seconds: options.seconds,
  };
}
