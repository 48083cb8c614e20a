/** The lines `evaluate` prints above coverage's summary: what was tested, on what, and what it cost. */
import {SynthnluError} from '../errors.js';
import {registry} from '../registry.js';
import {platformFlagHelp} from '../remote/flags.js';
import type {EvaluationSummary} from './index.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function evaluationLines(summary: EvaluationSummary): string[] {
  const t = summary.testSet;
  const source =
    t.source === 'test-set'
      ? `${plural(t.utterances, 'test utterance')} from ${t.file}`
      : `${plural(t.utterances, 'real split=test utterance')} of the dataset`;
  const lines = [
    `evaluated on ${summary.target}: ${source}${t.sample ? ` (a stratified sample of ${t.sample.of})` : ''}`,
  ];
  if (t.generatedExcluded)
    lines.push(
      `  ${plural(t.generatedExcluded, 'generated utterance')} left out: a generated utterance is never ground truth`,
    );
  if (summary.unknownIntents.length)
    lines.push(
      `  not scored: ${summary.unknownIntents.reduce((a, u) => a + u.utterances, 0)} utterances of intents the agent lacks: ${summary.unknownIntents.map((u) => `${u.intent} (${u.utterances})`).join(', ')}`,
    );
  lines.push(
    `  fallback rate ${(summary.fallbackRate * 100).toFixed(1)}%${summary.threshold === undefined ? '' : ` (answers under confidence ${summary.threshold} count as no-match)`}; ${plural(summary.requests, 'request')} sent, ${summary.cached} answered from the cache`,
  );
  return lines;
}

/** `--on local` takes no connection flags: a --project or --endpoint there is a mistake worth naming. */
export function refuseRemoteFlagsOnLocal(flags: Record<string, unknown>): void {
  for (const name of platformFlagHelp(registry, 'evaluate').keys())
    if (flags[name] !== undefined)
      throw new SynthnluError('REMOTE_FLAG_UNUSED', `--${name} does not apply to local`, {
        suggestion: 'local is the bundled classifier: it takes no connection flags.',
      });
}
