/**
 * The one-line verdict of a coverage run, shared by the terminal summary and the HTML report: passed or failed,
 * which gates decided it, and what was checked, so "passed" never reads as "no problems" when nothing gated them.
 */
import {countOf} from './count.js';
import type {CoverageReport, GateResult} from '../coverage/types.js';

export interface CoverageVerdict {
  passed: boolean;
  /** "FAILED: 16 findings at or above error (--fail-on error)". */
  headline: string;
  /** The checks that ran, in the order they ran. */
  checked: string[];
  /** What was measured but decided nothing, with the flag that would gate it. */
  notGated: string[];
}

export function coverageVerdict(report: CoverageReport): CoverageVerdict {
  const failed = report.gates.filter((g) => !g.passed);
  const describe = (g: GateResult) =>
    `${g.message} (--${g.gate}${g.gate === 'fail-on' ? ` ${report.failOn}` : ''})`;
  const headline = !report.gates.length
    ? 'not gated (--fail-on none): findings are reported, nothing can fail'
    : failed.length
      ? `FAILED: ${failed.map(describe).join('; ')}`
      : `passed: ${report.gates.map(describe).join('; ')}`;
  const checked = [
    `structure${report.platform ? ` and ${report.platform} limits` : ''}`,
    'entities',
    'conflicts',
  ];
  const m = report.model;
  if (m)
    checked.push(
      `${m.recognizer ?? 'model estimate'} (${m.method === 'cross-validation' ? `${m.folds}-fold cross-validation` : m.method === 'split' ? 'train split vs test split' : 'test set'})`,
    );
  const gated = new Set(report.gates.map((g) => g.gate));
  const notGated: string[] = [];
  if (report.failOn === 'none') notGated.push('findings (--fail-on error)');
  else if (report.failOn === 'error' && report.counts.warning)
    notGated.push(`${countOf(report.counts.warning, 'warning')} (--fail-on warning)`);
  if (m && !gated.has('min-f1')) notGated.push('per-intent F1 (--min-f1 0.8)');
  return {passed: report.passed, headline, checked, notGated};
}

/** Two terminal lines: the verdict, then what it covered and what it did not. */
export function verdictLines(report: CoverageReport): string[] {
  const v = coverageVerdict(report);
  return [
    `verdict: ${v.headline}`,
    `  checked: ${v.checked.join(', ')}${v.notGated.length ? `; not gated: ${v.notGated.join(', ')}` : ''}`,
  ];
}

/** The one line a failed coverage run ends with (stderr), naming each gate that failed. */
export function gateFailureMessage(report: CoverageReport): string {
  const failed = report.gates.filter((g) => !g.passed);
  return `coverage gate failed: ${failed.map((g) => `--${g.gate} (${g.message})`).join('; ')}`;
}
