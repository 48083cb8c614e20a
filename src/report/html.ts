/**
 * The self-contained HTML report: one static file, inline CSS and SVG, no network, readable with scripts off.
 * Everything is rendered here, on the server side; the only script sorts tables on a header click. The JSON report
 * is embedded too (script#coverage-data) for tools. A test opens it in headless Chromium and compares what is
 * shown with the JSON report's numbers.
 */
import type {CoverageReport, Finding} from '../coverage/types.js';
import {confusionSvg, f1BarsSvg} from './html-charts.js';
import {escapeHtml, jsonForScript} from './html-escape.js';
import {coverageVerdict} from './verdict.js';

export {jsonForScript} from './html-escape.js';

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}h3{font-size:15px;margin:18px 0 6px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.card{background:#fff;border-radius:8px;padding:12px 16px;box-shadow:0 1px 2px #0002;min-width:120px}
.card b{display:block;font-size:22px}
.verdict{background:#fff;border-radius:8px;padding:12px 16px;box-shadow:0 1px 2px #0002;border-left:6px solid #98a2b3}
.verdict.pass{border-color:#17803d}.verdict.fail{border-color:#b42318}
.pass{color:#17803d}.fail{color:#b42318}
table{border-collapse:collapse;width:100%;background:#fff;box-shadow:0 1px 2px #0002}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e6e8ec;vertical-align:top}
th{background:#eef0f4;font-weight:600}
table.sortable thead th{cursor:pointer}
tr.finding-group th{background:#f3f4f7;font-weight:normal}
.sev-error{color:#b42318;font-weight:600}.sev-warning{color:#b54708;font-weight:600}.sev-info{color:#475467}
.chart{background:#fff;box-shadow:0 1px 2px #0002;border-radius:8px;padding:8px;overflow:auto}
svg text{font:11px system-ui,sans-serif;fill:#1d2330}
svg text.cell-count{font-size:10px}svg text.cell-count.dark{fill:#fff}
.muted{color:#667085}
.arms{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:16px}
.arm{background:#fff;border-radius:8px;padding:8px 12px;box-shadow:0 1px 2px #0002;overflow:auto}
`;

/* Progressive enhancement only: click a header of a .sortable table to sort by that column. */
const SCRIPT = String.raw`
document.querySelectorAll('table.sortable').forEach(function (table) {
  table.querySelectorAll('thead th').forEach(function (th, column) {
    th.addEventListener('click', function () {
      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      rows.sort(function (a, b) {
        var x = a.cells[column].textContent, y = b.cells[column].textContent, nx = parseFloat(x), ny = parseFloat(y);
        var d = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y);
        return asc ? d : -d;
      });
      rows.forEach(function (r) { body.appendChild(r); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
    });
  });
});
`;

const e = escapeHtml;
const fixed = (x: number, digits: number) => x.toFixed(digits);
const card = (id: string, label: string, value: string) =>
  `<div class="card"><b id="${id}">${e(value)}</b><span class="muted">${e(label)}</span></div>`;
const row = (cells: string[], attrs = '') => `<tr${attrs}>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
const quote = (text: string) => `“${e(text)}”`;

function summarySection(report: CoverageReport): string {
  const v = coverageVerdict(report);
  const m = report.model;
  const cards = [
    card('count-error', 'errors', String(report.counts.error)),
    card('count-warning', 'warnings', String(report.counts.warning)),
    card('count-info', 'notes', String(report.counts.info)),
    card('dataset-intents', 'intents', String(report.dataset.intents)),
    card('dataset-utterances', 'utterances', String(report.dataset.utterances)),
    ...(m
      ? [
          card('accuracy', 'accuracy', `${fixed(m.accuracy * 100, 1)}%`),
          card('macro-f1', 'macro F1', fixed(m.macro.f1, 3)),
          card('weighted-f1', 'weighted F1', fixed(m.weighted.f1, 3)),
        ]
      : []),
  ];
  const gates = report.gates
    .map(
      (g) =>
        `<li class="${g.passed ? 'pass' : 'fail'}">${g.passed ? 'pass' : 'FAIL'} --${e(g.gate)}: ${e(g.message)}</li>`,
    )
    .join('');
  const state = report.gates.length ? (v.passed ? 'pass' : 'fail') : 'ungated';
  return `<section>
<div class="verdict ${state}"><b id="verdict" class="${state === 'ungated' ? 'muted' : state}">${e(v.headline)}</b>
<div id="checked">Checked: ${e(v.checked.join(', '))}.</div>
${v.notGated.length ? `<div id="not-gated" class="muted">Reported but not gated: ${e(v.notGated.join(', '))}.</div>` : ''}
<ul id="gates">${gates}</ul></div>
<div class="cards" id="summary">${cards.join('')}</div></section>`;
}

function modelSection(report: CoverageReport): string {
  const m = report.model;
  if (!m)
    return `<section id="model-section"><h2>Model estimate</h2><p class="muted">No model estimate in this report (--no-model).</p></section>`;
  const method =
    (m.recognizer ? `${m.recognizer}, ` : '') +
    (m.method === 'cross-validation'
      ? `${m.folds}-fold cross-validation`
      : m.method === 'split'
        ? 'trained on split=train, tested on split=test'
        : 'tested on a separate test set');
  const metrics = m.perIntent
    .map((r) =>
      row(
        [e(r.intent), fixed(r.precision, 3), fixed(r.recall, 3), fixed(r.f1, 3), String(r.support)],
        ` data-intent="${e(r.intent)}"`,
      ),
    )
    .join('');
  const notMeasured = m.notMeasured?.length
    ? `<p id="not-measured">Not measured (nothing to test on, so no F1): ${m.notMeasured.map((i) => `<span class="not-measured" data-intent="${e(i)}">${e(i)}</span>`).join(', ')}</p>\n`
    : '';
  const confused = m.mostConfused.length
    ? `<table id="confused-pairs"><thead><tr><th>true intent</th><th>predicted as</th><th>count</th><th>examples (confidence)</th></tr></thead><tbody>${m.mostConfused
        .map((p) =>
          row(
            [
              e(p.expected),
              e(p.predicted),
              String(p.count),
              p.examples.map((x) => `${quote(x.text)} (${fixed(x.score, 2)})`).join('<br>'),
            ],
            ' class="confused-pair"',
          ),
        )
        .join('')}</tbody></table>`
    : `<p id="confused-pairs" class="muted">No intent was mistaken for another.</p>`;
  const lowConfidence = m.lowestConfidenceCorrect.length
    ? `<table id="low-confidence"><thead><tr><th>utterance</th><th>intent</th><th>confidence</th></tr></thead><tbody>${m.lowestConfidenceCorrect
        .map((u) => row([quote(u.text), e(u.intent), fixed(u.score, 3)], ' class="low-confidence"'))
        .join('')}</tbody></table>`
    : `<p id="low-confidence" class="muted">No correctly classified utterances to rank.</p>`;
  return `<section id="model-section"><h2>Model estimate <span class="muted" id="method">${e(method)}</span></h2>
<h3>Confusion matrix (rows: true intent, columns: predicted)</h3><div class="chart" id="confusion-chart">${confusionSvg(m)}</div>
<h3>Most confused pairs</h3>${confused}
<h3>Correct, but with the lowest confidence</h3>${lowConfidence}
<h3>F1 per intent</h3><div class="chart" id="f1-chart">${f1BarsSvg(m)}</div>
<table id="metrics" class="sortable"><thead><tr><th>intent</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr></thead><tbody>${metrics}</tbody></table>
${notMeasured}</section>`;
}

/** Findings grouped by code, worst group first: the fix is said once per code, then each occurrence. */
function findingsSection(report: CoverageReport): string {
  if (!report.findings.length)
    return `<section><h2>Findings</h2><p id="no-findings" class="pass">No findings: every check passed without a note.</p></section>`;
  const groups = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const list = groups.get(f.code);
    if (list) list.push(f);
    else groups.set(f.code, [f]);
  }
  const bodies = [...groups].map(([code, list]) => {
    const first = list[0]!;
    const fix = list.find((f) => f.suggestion)?.suggestion;
    const header = `<tr class="finding-group" data-code="${e(code)}"><th colspan="3"><span class="sev-${first.severity}">${first.severity}</span> <b>${e(code)}</b> <span class="muted">(${list.length})</span>${fix ? `<div class="fix">Fix: ${e(fix)}</div>` : ''}</th></tr>`;
    const rows = list.map((f) => {
      const examples = f.utterances.length
        ? `<div class="muted">${f.utterances.map(quote).join('  ·  ')}</div>`
        : '';
      return row(
        [
          `<span class="sev-${f.severity}">${f.severity}</span>`,
          e(f.intents.join(', ')),
          `${e(f.message)}${examples}`,
        ],
        ` class="finding" data-code="${e(code)}"`,
      );
    });
    return `<tbody>${header}${rows.join('')}</tbody>`;
  });
  return `<section><h2>Findings, worst first, grouped by code</h2>
<table id="findings"><thead><tr><th>severity</th><th>intents</th><th>message</th></tr></thead>${bodies.join('')}</table></section>`;
}

function entitySection(report: CoverageReport): string {
  if (!report.entityCoverage.length)
    return `<section><h2>Entity coverage</h2><p class="muted" id="entities">The dataset declares no entities.</p></section>`;
  const rows = report.entityCoverage
    .map((x) =>
      row(
        [
          e(x.entity),
          e(x.kind),
          String(x.annotations),
          String(x.intents),
          x.valuesTotal === undefined ? '' : `${x.valuesCovered} / ${x.valuesTotal}`,
        ],
        ` data-entity="${e(x.entity)}"`,
      ),
    )
    .join('');
  return `<section><h2>Entity coverage</h2>
<table id="entities" class="sortable"><thead><tr><th>entity</th><th>kind</th><th>annotations</th><th>intents</th><th>list values used</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

export function renderHtml(report: CoverageReport): string {
  const title = `synthnlu coverage: ${report.dataset.name ?? report.input}`;
  return htmlPage({
    title,
    subtitle: `${report.input}${report.platform ? ` · checked against ${report.platform}` : ''}`,
    body: [summarySection(report), modelSection(report), findingsSection(report), entitySection(report)].join(
      '\n',
    ),
    data: {id: 'coverage-data', value: report},
  });
}

/** One self-contained report page: the shared style and table sorting, the sections, the JSON for tools. */
export function htmlPage(page: {
  title: string;
  subtitle: string;
  body: string;
  data: {id: string; value: unknown};
}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${e(page.title)}</title>
<style>${STYLE}</style>
</head>
<body data-rendered="true">
<main>
<h1>${e(page.title)}</h1>
<p class="muted">${e(page.subtitle)}</p>
${page.body}
</main>
<script type="application/json" id="${page.data.id}">${jsonForScript(page.data.value)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
