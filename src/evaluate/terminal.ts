/** The lines `evaluate` prints above coverage's summary: what was tested, on what, and what it cost. */
import {SynthnluError} from '../errors.js';
import type {ConnectorRegistry} from '../connector-registry.js';
import {platformFlagHelp} from '../remote/flags.js';
import type {AbReport} from './ab.js';
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
  lines.push(...entityLines(summary.entityAccuracy, '  '));
  return lines;
}

/** Per-entity precision / recall / F1 lines, when the test set annotates entities. */
function entityLines(metrics: EvaluationSummary['entityAccuracy'], indent: string): string[] {
  if (!metrics) return [];
  return [
    `${indent}entities (annotated in the test set): ${metrics.length ? '' : 'none scored'}`,
    ...metrics.map(
      (m) =>
        `${indent}  ${m.entity}: precision ${m.precision.toFixed(2)}, recall ${m.recall.toFixed(2)}, F1 ${m.f1.toFixed(2)} (${m.correct} of ${m.support} annotated found, ${m.predicted} extracted)`,
    ),
  ];
}

/** `--on local` takes no connection flags: a --project or --endpoint there is a mistake worth naming. */
export function refuseRemoteFlagsOnLocal(flags: Record<string, unknown>, registry: ConnectorRegistry): void {
  for (const name of platformFlagHelp(registry, 'evaluate').keys())
    if (flags[name] !== undefined)
      throw new SynthnluError('REMOTE_FLAG_UNUSED', `--${name} does not apply to local`, {
        suggestion: 'local is the bundled classifier: it takes no connection flags.',
      });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const signed = (x: number, digits: number) => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;

/** An A/B run: each arm's figures, then the difference and whether it is more than chance. */
export function abLines(report: AbReport): string[] {
  const t = report.testSet;
  const lines = [
    `A/B on ${report.target}: ${plural(t.utterances, 'test utterance')}${t.file ? ` from ${t.file}` : ''}`,
  ];
  report.arms.forEach((arm, k) => {
    lines.push(
      `  ${String.fromCharCode(65 + k)} ${arm.train}: accuracy ${pct(arm.accuracy)}, macro F1 ${arm.macroF1.toFixed(3)}, fallback ${pct(arm.fallbackRate)}, ${plural(arm.requests, 'request')}`,
    );
    lines.push(...entityLines(arm.entityAccuracy, '    '));
  });
  const d = report.difference;
  const verdict = (x: {pValue: number; significant: boolean; method: string}) =>
    `McNemar p = ${x.pValue.toFixed(4)} (${x.method}): ${x.significant ? 'significant' : 'not significant'} at 0.05`;
  lines.push(
    `  B − A: accuracy ${signed(d.accuracy * 100, 1)} points, macro F1 ${signed(d.macroF1, 3)}; ${verdict(d.mcnemar)}`,
  );
  for (const row of d.perIntent.filter((r) => r.delta !== 0 || r.significant))
    lines.push(
      `    ${row.intent}: F1 ${row.f1[0].toFixed(2)} → ${row.f1[1].toFixed(2)} (${signed(row.delta, 2)}, ${row.support} utterances; ${verdict(row)})`,
    );
  if (report.backup)
    lines.push(
      `  scratch target ${report.restored ? 'restored from' : 'left as the last arm; backup in'} ${report.backup}`,
    );
  return lines;
}
