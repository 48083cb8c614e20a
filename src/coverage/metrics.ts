/** Classification metrics from (expected, predicted, confidence) triples: per intent, averages, confusion matrix. */
import type {AverageMetrics, ConfusedPair, IntentMetrics, LowConfidenceCorrect} from './types.js';

export interface ScoredPrediction {
  text: string;
  expected: string;
  predicted: string;
  score: number;
}

export interface ClassificationMetrics {
  accuracy: number;
  perIntent: IntentMetrics[];
  macro: AverageMetrics;
  weighted: AverageMetrics;
  labels: string[];
  confusion: number[][];
  mostConfused: ConfusedPair[];
  lowestConfidenceCorrect: LowConfidenceCorrect[];
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;

/**
 * Precision, recall and F1 as scikit-learn's classification_report computes them: a metric whose denominator is
 * zero counts as 0; the macro average is the plain mean over labels, the weighted average is weighted by support.
 */
export function computeMetrics(
  predictions: readonly ScoredPrediction[],
  labelOrder: readonly string[],
  options: {pairs?: number; examplesPerPair?: number; lowConfidence?: number} = {},
): ClassificationMetrics {
  const labels = [...labelOrder];
  for (const p of predictions) {
    if (!labels.includes(p.expected)) labels.push(p.expected);
    if (!labels.includes(p.predicted)) labels.push(p.predicted);
  }
  const index = new Map(labels.map((l, i) => [l, i]));
  const confusion = labels.map(() => new Array<number>(labels.length).fill(0));
  let correct = 0;
  for (const p of predictions) {
    confusion[index.get(p.expected)!]![index.get(p.predicted)!]!++;
    if (p.expected === p.predicted) correct++;
  }
  const perIntent: IntentMetrics[] = labels.map((intent, i) => {
    const tp = confusion[i]![i]!;
    const support = confusion[i]!.reduce((a, b) => a + b, 0);
    const predicted = confusion.reduce((acc, row) => acc + row[i]!, 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return {intent, precision: round4(precision), recall: round4(recall), f1: round4(f1), support};
  });
  // Averages are over intents that have test utterances (as sklearn does over labels present in y_true).
  const present = perIntent.filter((m) => m.support > 0);
  const totalSupport = present.reduce((a, m) => a + m.support, 0);
  const average = (weight: (m: IntentMetrics) => number, total: number): AverageMetrics => ({
    precision: round4(present.reduce((a, m) => a + weight(m) * m.precision, 0) / (total || 1)),
    recall: round4(present.reduce((a, m) => a + weight(m) * m.recall, 0) / (total || 1)),
    f1: round4(present.reduce((a, m) => a + weight(m) * m.f1, 0) / (total || 1)),
  });

  const pairs = new Map<string, ConfusedPair>();
  for (const p of predictions) {
    if (p.expected === p.predicted) continue;
    const key = `${p.expected}\u0000${p.predicted}`;
    let pair = pairs.get(key);
    if (!pair)
      pairs.set(key, (pair = {expected: p.expected, predicted: p.predicted, count: 0, examples: []}));
    pair.count++;
    pair.examples.push({text: p.text, score: round4(p.score)});
  }
  const examplesPerPair = options.examplesPerPair ?? 3;
  const mostConfused = [...pairs.values()]
    .sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected))
    .slice(0, options.pairs ?? 10)
    .map((pair) => ({
      ...pair,
      // The most confident mistakes say most about the overlap.
      examples: pair.examples.sort((a, b) => b.score - a.score).slice(0, examplesPerPair),
    }));
  const lowestConfidenceCorrect = predictions
    .filter((p) => p.expected === p.predicted)
    .sort((a, b) => a.score - b.score)
    .slice(0, options.lowConfidence ?? 10)
    .map((p) => ({text: p.text, intent: p.expected, score: round4(p.score)}));

  return {
    accuracy: round4(predictions.length ? correct / predictions.length : 0),
    perIntent,
    macro: average(() => 1, present.length),
    weighted: average((m) => m.support, totalSupport),
    labels,
    confusion,
    mostConfused,
    lowestConfidenceCorrect,
  };
}
