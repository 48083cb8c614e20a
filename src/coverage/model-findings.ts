/** Findings from the classifier estimate: weak intents and the pairs the classifier mixes up most. */
import type {Dataset} from '../model/dataset.js';
import {isSynthetic, MIN_REAL_TEST_UTTERANCES} from './evaluate.js';
import type {Finding, ModelEstimate} from './types.js';

export function modelFindings(
  model: ModelEstimate,
  options: {weakF1: number; minConfusedCount: number},
): Finding[] {
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
  for (const intent of model.notMeasured ?? [])
    findings.push({
      group: 'model',
      severity: 'warning',
      code: 'COVERAGE_INTENT_NOT_MEASURED',
      intents: [intent],
      utterances: [],
      message:
        model.method === 'test-set'
          ? `"${intent}" is not measured: the test set has no utterance of it, so its F1 is unknown (not 0)`
          : `"${intent}" is not measured: it has no real utterance or template example to test on (only generated text), so its F1 is unknown (not 0)`,
      suggestion:
        model.method === 'test-set'
          ? `Add real user messages of "${intent}" to the test set.`
          : `Add a few examples of "${intent}" as a user would write them (plain sentences or templates), or pass real user messages with --test-set.`,
    });
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

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/**
 * What the estimate rests on: no figure at all from generated text alone, a warning when too few real
 * utterances were tested for the figure to mean much, and a note when it ran on a sample.
 */
export function estimateBasisFindings(
  dataset: Dataset,
  model: ModelEstimate | undefined,
  hasTestSet: boolean,
): Finding[] {
  const findings: Finding[] = [];
  const synthetic = dataset.utterances.filter(isSynthetic).length;
  if (!model) {
    if (synthetic > 0 && !hasTestSet && synthetic === dataset.utterances.length)
      findings.push({
        group: 'model',
        severity: 'warning',
        code: 'COVERAGE_NO_REAL_UTTERANCES',
        intents: [],
        utterances: [],
        message: `all ${plural(synthetic, 'utterance')} are generated: no estimate is shown, because a figure measured on generated text says nothing about real users`,
        suggestion: 'Keep the seeds in the dataset, or pass real user messages with --test-set.',
      });
    return findings;
  }
  const {basis} = model;
  const intents = model.perIntent.filter((m) => m.support > 0).length;
  if (basis.tested === 'real-utterances' && model.testSize < Math.max(MIN_REAL_TEST_UTTERANCES, 2 * intents))
    findings.push({
      group: 'model',
      severity: 'warning',
      code: 'COVERAGE_FEW_REAL_UTTERANCES',
      intents: [],
      utterances: [],
      score: model.testSize,
      message: `the estimate rests on only ${plural(model.testSize, 'real utterance')} (±${(200 * model.accuracyStandardError).toFixed(0)} points at 95%): too few for a figure to act on`,
      suggestion: `Add real examples (at least ${Math.max(MIN_REAL_TEST_UTTERANCES, 2 * intents)} in all, two per intent), or pass real user messages with --test-set.`,
    });
  if (basis.withoutOrigin > 0)
    findings.push({
      group: 'model',
      severity: 'warning',
      code: 'COVERAGE_GENERATED_WITHOUT_ORIGIN',
      intents: [],
      utterances: [],
      score: basis.withoutOrigin,
      message: `${plural(basis.withoutOrigin, 'generated utterance')} do not record the seed they came from, so they train every run and may paraphrase a tested utterance: the estimate may be optimistic`,
      suggestion: 'Regenerate the dataset with this synthnlu version (it records each utterance’s origin).',
    });
  if (basis.sample)
    findings.push({
      group: 'model',
      severity: 'info',
      code: 'COVERAGE_SAMPLED_ESTIMATE',
      intents: [],
      utterances: [],
      score: basis.sample.utterances,
      message: `the estimate ran on a stratified sample of ${plural(basis.sample.utterances, 'utterance')} of ${basis.sample.of.toLocaleString('en-US')} (at most ${basis.sample.maxPerIntent} real and ${basis.sample.maxPerIntent} generated per intent); accuracy ±${(200 * model.accuracyStandardError).toFixed(1)} points at 95%`,
      suggestion: 'Pass --max-per-intent 0 to estimate on every utterance (slower).',
    });
  return findings;
}
