/**
 * The HTML report of an A/B run (`evaluate --train A --train B --html`): the arms side by side (figures, F1
 * bars, confusion matrices), the per-intent difference with McNemar's p-value, and the verdict. Same page as
 * coverage's (shared style, sortable tables, the JSON report embedded as script#evaluate-ab-data).
 */
import {confusionSvg, f1BarsSvg} from '../report/html-charts.js';
import {escapeHtml as e} from '../report/html-escape.js';
import {htmlPage} from '../report/html.js';
import type {AbReport, Difference} from './ab.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
/** ASCII signs, so the table's sort reads the numbers. */
const signed = (x: number, digits: number) => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;
const letter = (k: number) => String.fromCharCode(65 + k);
const pValue = (d: Difference) => (d.pValue < 0.0001 ? '< 0.0001' : d.pValue.toFixed(4));

function verdictSection(report: AbReport): string {
  const d = report.difference;
  const state = d.mcnemar.significant ? (d.accuracy >= 0 ? 'pass' : 'fail') : 'ungated';
  const headline = d.mcnemar.significant
    ? `B is ${d.accuracy >= 0 ? 'better' : 'worse'} than A on these utterances: ${signed(d.accuracy * 100, 1)} accuracy points`
    : `No significant difference between A and B (${signed(d.accuracy * 100, 1)} accuracy points could be chance)`;
  return `<section>
<div class="verdict ${state}"><b id="ab-verdict">${e(headline)}</b>
<div>McNemar's paired test: p = <b id="mcnemar-p">${e(pValue(d.mcnemar))}</b> (${e(d.mcnemar.method)}; ${d.mcnemar.onlyA} utterances right only in A, ${d.mcnemar.onlyB} only in B): <span id="mcnemar-verdict" class="${d.mcnemar.significant ? 'pass' : 'muted'}">${d.mcnemar.significant ? 'significant' : 'not significant'} at 0.05</span>.</div>
<div class="muted">Macro F1 ${e(signed(d.macroF1, 3))}. ${report.backup ? e(`Scratch target ${report.restored ? 'restored from' : 'left as the last arm; backup in'} ${report.backup}.`) : ''}</div></div></section>`;
}

function armsSection(report: AbReport): string {
  const arms = report.arms.map((arm, k) => {
    const id = letter(k).toLowerCase();
    const model = arm.report.model!;
    const rows = [
      ['accuracy', pct(arm.accuracy)],
      ['macro F1', arm.macroF1.toFixed(3)],
      ['fallback rate', pct(arm.fallbackRate)],
      ['requests', String(arm.requests)],
      ['training utterances', String(model.trainSize)],
    ]
      .map(([name, value]) => `<tr><th>${name}</th><td data-figure="${name}">${e(value!)}</td></tr>`)
      .join('');
    return `<div class="arm" id="arm-${id}" data-arm="${letter(k)}"><h3>${letter(k)}: ${e(arm.train)}</h3>
<table class="figures">${rows}</table>
<h3>F1 per intent</h3><div class="chart">${f1BarsSvg(model, `f1-bars-${id}`)}</div>
<h3>Confusion matrix</h3><div class="chart">${confusionSvg(model, `confusion-${id}`)}</div></div>`;
  });
  return `<section><h2>The arms side by side</h2><div class="arms" id="arms">${arms.join('\n')}</div></section>`;
}

function differenceSection(report: AbReport): string {
  const rows = report.difference.perIntent
    .map(
      (r) =>
        `<tr data-intent="${e(r.intent)}"><td>${e(r.intent)}</td><td>${r.support}</td><td>${r.f1[0].toFixed(3)}</td><td>${r.f1[1].toFixed(3)}</td><td class="${r.delta > 0 ? 'pass' : r.delta < 0 ? 'fail' : ''}">${e(signed(r.delta, 3))}</td><td>${r.onlyA}</td><td>${r.onlyB}</td><td data-p="${r.pValue}">${e(pValue(r))}</td><td>${r.significant ? 'yes' : 'no'}</td></tr>`,
    )
    .join('');
  return `<section><h2>Per-intent difference (B − A)</h2>
<table id="difference" class="sortable"><thead><tr><th>intent</th><th>test utterances</th><th>F1 A</th><th>F1 B</th><th>Δ F1</th><th>right only in A</th><th>right only in B</th><th>McNemar p</th><th>significant</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

export function renderAbHtml(report: AbReport): string {
  const t = report.testSet;
  return htmlPage({
    title: `synthnlu evaluate A/B on ${report.target}`,
    subtitle: `${t.utterances} test utterances${t.file ? ` from ${t.file}` : ''} · A = ${report.arms[0]!.train} · B = ${report.arms[1]!.train}`,
    body: [verdictSection(report), armsSection(report), differenceSection(report)].join('\n'),
    data: {id: 'evaluate-ab-data', value: report},
  });
}
