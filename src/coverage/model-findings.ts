/** Findings from the classifier estimate: weak intents and the pairs the classifier mixes up most. */
import type {Finding, ModelEstimate} from './types.js';

export function modelFindings(model: ModelEstimate, options: {weakF1: number; minConfusedCount: number}): Finding[] {
  const findings: Finding[] = [];
  for (const m of model.perIntent) {
    if (m.support === 0 || m.f1 >= options.weakF1) continue;
    findings.push({
      group: 'model',
      severity: 'warning',
      code: 'COVERAGE_WEAK_INTENT',
      intents: [m.intent],
      utterances: [],
      score: m.f1,
      message: `the classifier recognises "${m.intent}" poorly: F1 ${m.f1.toFixed(2)} (precision ${m.precision.toFixed(2)}, recall ${m.recall.toFixed(2)}, ${m.support} test utterances)`,
      suggestion: `Add varied examples to "${m.intent}" and check which intents it is confused with.`,
    });
  }
  for (const pair of model.mostConfused) {
    if (pair.count < options.minConfusedCount) continue;
    findings.push({
      group: 'model',
      severity: 'info',
      code: 'COVERAGE_CONFUSED_PAIR',
      intents: [pair.expected, pair.predicted],
      utterances: pair.examples.map((e) => e.text),
      score: pair.count,
      message: `${pair.count} utterance${pair.count === 1 ? '' : 's'} of "${pair.expected}" predicted as "${pair.predicted}", e.g. "${pair.examples[0]?.text ?? ''}"`,
      suggestion: `Compare the wording of "${pair.expected}" and "${pair.predicted}" and make the difference explicit in the examples.`,
    });
  }
  return findings;
}
