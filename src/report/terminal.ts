/** The ten-second terminal summary of a coverage report: verdict, model numbers, then what is wrong, worst first. */
import type {CoverageReport} from '../coverage/types.js';
import {countOf} from './count.js';
import {verdictLines} from './verdict.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function renderTerminalSummary(
  report: CoverageReport,
  options: {limit?: number; perCode?: number} = {},
): string[] {
  const lines: string[] = [];
  const {dataset: d, counts} = report;
  lines.push(
    `${report.input}: ${countOf(d.intents, 'intent')}, ${countOf(d.entities, 'entity', 'entities')}, ${countOf(d.utterances, 'utterance')}${report.platform ? ` (checked against ${report.platform})` : ''}`,
  );
  lines.push(
    `findings: ${countOf(counts.error, 'error')}, ${countOf(counts.warning, 'warning')}, ${countOf(counts.info, 'note')}`,
  );
  for (const language of report.languages ?? [])
    lines.push(
      `  ${language.language}: ${countOf(language.utterances, 'utterance')}, ${countOf(language.counts.error, 'error')}, ${countOf(language.counts.warning, 'warning')}${language.model ? `, accuracy ${pct(language.model.accuracy)}, macro F1 ${language.model.macro.f1.toFixed(3)}` : ''}${language.passed ? '' : ' (failed)'}`,
    );
  if (report.languages) lines.push(`model below: ${report.dataset.language}, the primary language`);
  const m = report.model;
  if (m) {
    const how =
      (m.recognizer ? `${m.recognizer}, ` : '') +
      (m.method === 'cross-validation'
        ? `${m.folds}-fold cross-validation`
        : m.method === 'split'
          ? 'train split → test split'
          : 'test set');
    // Old reports (a --baseline file) predate basis and the standard error.
    const standIns = m.basis?.templateStandIns
      ? ` (${m.basis.templateStandIns} of them template examples expanded with the spec's values)`
      : '';
    const tested =
      m.basis?.tested === 'real-utterances'
        ? `on ${countOf(m.testSize, 'real utterance')}${standIns}; ${m.basis.synthetic - (m.basis.templateStandIns ?? 0)} generated used only to train`
        : countOf(m.testSize, 'test utterance');
    const sample = m.basis?.sample
      ? `, sample of ${m.basis.sample.utterances} of ${m.basis.sample.of} utterances`
      : '';
    const error = m.accuracyStandardError === undefined ? '' : ` ± ${pct(2 * m.accuracyStandardError)}`;
    lines.push(
      `model (${how}, ${tested}${sample}): accuracy ${pct(m.accuracy)}${error}, macro F1 ${m.macro.f1.toFixed(3)}, weighted F1 ${m.weighted.f1.toFixed(3)}`,
    );
    // Only intents with something to improve: an intent at F1 1.00 is nobody's weakest.
    const worst = m.perIntent
      .filter((x) => x.support > 0 && x.f1 < 1)
      .sort((a, b) => a.f1 - b.f1)
      .slice(0, 3);
    if (worst.length)
      lines.push(`  weakest intents: ${worst.map((x) => `${x.intent} F1 ${x.f1.toFixed(2)}`).join(', ')}`);
    if (m.notMeasured?.length) lines.push(`  not measured (nothing to test on): ${m.notMeasured.join(', ')}`);
    const pair = m.mostConfused[0];
    if (pair)
      lines.push(
        `  most confused: ${pair.expected} → ${pair.predicted} (${pair.count}×, e.g. "${pair.examples[0]?.text ?? ''}")`,
      );
  }
  // Worst first, at most a few per code, so one noisy check cannot hide the others.
  const limit = options.limit ?? 15;
  const perCode = options.perCode ?? 3;
  const shownPerCode = new Map<string, number>();
  const hiddenPerCode = new Map<string, number>();
  let shown = 0;
  if (report.findings.length) lines.push('');
  for (const f of report.findings) {
    const already = shownPerCode.get(f.code) ?? 0;
    if (already >= perCode || shown >= limit) {
      hiddenPerCode.set(f.code, (hiddenPerCode.get(f.code) ?? 0) + 1);
      continue;
    }
    shownPerCode.set(f.code, already + 1);
    shown++;
    lines.push(`${f.severity.padEnd(7)} ${f.code}: ${f.message}`);
    if (f.suggestion && already === 0) lines.push(`        fix: ${f.suggestion}`);
  }
  if (hiddenPerCode.size)
    lines.push(
      `... and ${[...hiddenPerCode].map(([code, n]) => `${n} more ${code}`).join(', ')} (see --json, --html or --junit)`,
    );
  // The verdict comes last, where a terminal leaves the eye, after the gates that decided it.
  lines.push('');
  for (const g of report.gates) lines.push(`${g.passed ? 'pass' : 'FAIL'} --${g.gate}: ${g.message}`);
  lines.push(...verdictLines(report));
  return lines;
}
