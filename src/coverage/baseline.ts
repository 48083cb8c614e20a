/** Comparison with an earlier `coverage --json` report: every intent whose F1 dropped by more than a threshold. */
import {readFile} from 'node:fs/promises';
import {SynthnluError} from '../errors.js';
import type {BaselineComparison, CoverageReport, Finding, ModelEstimate} from './types.js';

/** Reads a previous report; fails with exit code 2 when it is not one. */
export async function readBaseline(file: string): Promise<CoverageReport> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new SynthnluError(
      'COVERAGE_BAD_BASELINE',
      `cannot read baseline report: ${(error as Error).message}`,
      {
        location: {file},
        suggestion: 'Pass a file written by `synthnlu coverage --json > previous.json`.',
        cause: error,
      },
    );
  }
  const report = parsed as Partial<CoverageReport>;
  if (report?.format !== 'synthnlu-coverage/1' || !Array.isArray(report.model?.perIntent)) {
    throw new SynthnluError('COVERAGE_BAD_BASELINE', 'baseline is not a coverage report with model metrics', {
      location: {file, path: report?.format === 'synthnlu-coverage/1' ? 'model.perIntent' : 'format'},
      suggestion: 'Pass a file written by `synthnlu coverage --json` (without --no-model).',
    });
  }
  return report as CoverageReport;
}

export function compareWithBaseline(
  file: string,
  baseline: CoverageReport,
  model: ModelEstimate,
  maxF1Drop: number,
): {comparison: BaselineComparison; findings: Finding[]} {
  const before = new Map(baseline.model!.perIntent.filter((m) => m.support > 0).map((m) => [m.intent, m.f1]));
  const changes = model.perIntent
    .filter((m) => m.support > 0 && before.has(m.intent))
    .map((m) => {
      const previous = before.get(m.intent)!;
      return {
        intent: m.intent,
        before: previous,
        after: m.f1,
        delta: Math.round((m.f1 - previous) * 10000) / 10000,
      };
    })
    .sort((a, b) => a.delta - b.delta);
  // A tiny epsilon so a drop of exactly the threshold, after rounding, does not count.
  const regressed = changes.filter((c) => -c.delta > maxF1Drop + 1e-9);
  const findings: Finding[] = regressed.map((c) => ({
    group: 'baseline',
    severity: 'error',
    code: 'COVERAGE_F1_REGRESSION',
    intents: [c.intent],
    utterances: [],
    score: c.delta,
    message: `F1 of "${c.intent}" dropped from ${c.before.toFixed(3)} to ${c.after.toFixed(3)} (${c.delta.toFixed(3)}; allowed drop ${maxF1Drop})`,
    suggestion: `Look at the confusion matrix row of "${c.intent}": new or changed intents probably overlap with it.`,
  }));
  return {
    comparison: {file, maxF1Drop, changes, regressions: regressed.map((c) => c.intent)},
    findings,
  };
}
