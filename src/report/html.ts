/**
 * The self-contained HTML report: one file with inline CSS, JS and SVG, no network. The JSON report is embedded
 * in the page (script#coverage-data) and the page's script draws everything from it: the summary, the
 * confusion-matrix heatmap, per-intent F1 bars, the conflict list and the entity coverage table. A test opens it
 * in headless Chromium and compares what is drawn with the embedded numbers.
 */
import type {CoverageReport} from '../coverage/types.js';

/** JSON safe inside a <script> element: "<" can never close it, and U+2028/9 cannot break the line. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.card{background:#fff;border-radius:8px;padding:12px 16px;box-shadow:0 1px 2px #0002;min-width:120px}
.card b{display:block;font-size:22px}
.pass{color:#17803d}.fail{color:#b42318}
table{border-collapse:collapse;width:100%;background:#fff;box-shadow:0 1px 2px #0002}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e6e8ec;vertical-align:top}
th{background:#eef0f4;font-weight:600}
.sev-error{color:#b42318;font-weight:600}.sev-warning{color:#b54708;font-weight:600}.sev-info{color:#475467}
.chart{background:#fff;box-shadow:0 1px 2px #0002;border-radius:8px;padding:8px;overflow:auto}
svg text{font:11px system-ui,sans-serif;fill:#1d2330}
.muted{color:#667085}
`;

/* The page script: plain ES2017, no libraries. It reads the embedded report and builds the DOM and SVG. */
const SCRIPT = String.raw`
(function () {
  var report = JSON.parse(document.getElementById('coverage-data').textContent);
  var SVG = 'http://www.w3.org/2000/svg';
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var k in attrs || {}) node.setAttribute(k, attrs[k]);
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    for (var k in attrs || {}) node.setAttribute(k, attrs[k]);
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function fixed(x, d) { return Number(x).toFixed(d); }
  function card(id, label, value) {
    var c = el('div', {'class': 'card'});
    c.appendChild(el('b', {id: id}, value));
    c.appendChild(el('span', {'class': 'muted'}, label));
    return c;
  }

  var summary = document.getElementById('summary');
  summary.appendChild(card('verdict', 'gates', report.passed ? 'passed' : 'failed'));
  document.getElementById('verdict').className = report.passed ? 'pass' : 'fail';
  summary.appendChild(card('count-error', 'errors', String(report.counts.error)));
  summary.appendChild(card('count-warning', 'warnings', String(report.counts.warning)));
  summary.appendChild(card('count-info', 'notes', String(report.counts.info)));
  summary.appendChild(card('dataset-intents', 'intents', String(report.dataset.intents)));
  summary.appendChild(card('dataset-utterances', 'utterances', String(report.dataset.utterances)));
  var m = report.model;
  if (m) {
    summary.appendChild(card('accuracy', 'accuracy', fixed(m.accuracy * 100, 1) + '%'));
    summary.appendChild(card('macro-f1', 'macro F1', fixed(m.macro.f1, 3)));
    summary.appendChild(card('weighted-f1', 'weighted F1', fixed(m.weighted.f1, 3)));
    document.getElementById('method').textContent =
      m.method === 'cross-validation' ? m.folds + '-fold cross-validation' :
      m.method === 'split' ? 'trained on split=train, tested on split=test' : 'tested on a separate test set';
  }

  var gates = document.getElementById('gates');
  report.gates.forEach(function (g) {
    var li = el('li', {'class': g.passed ? 'pass' : 'fail'}, (g.passed ? 'pass' : 'FAIL') + ' --' + g.gate + ': ' + g.message);
    gates.appendChild(li);
  });

  // Confusion-matrix heatmap: one rect per (true, predicted) cell, shaded by the row's share.
  if (m) {
    var labels = m.labels, n = labels.length, cell = Math.max(6, Math.min(28, Math.floor(640 / Math.max(n, 1))));
    var margin = 140, size = n * cell;
    var heat = svg('svg', {id: 'confusion', width: margin + size + 10, height: margin + size + 10, role: 'img', 'aria-label': 'confusion matrix'});
    for (var i = 0; i < n; i++) {
      var rowTotal = m.confusion[i].reduce(function (a, b) { return a + b; }, 0);
      if (n <= 60) {
        heat.appendChild(svg('text', {x: margin - 4, y: margin + i * cell + cell * 0.7, 'text-anchor': 'end'}, labels[i]));
        heat.appendChild(svg('text', {transform: 'translate(' + (margin + i * cell + cell * 0.7) + ',' + (margin - 4) + ') rotate(-60)'}, labels[i]));
      }
      for (var j = 0; j < n; j++) {
        var count = m.confusion[i][j], share = rowTotal ? count / rowTotal : 0;
        var color = i === j ? 'rgba(23,128,61,' + (0.08 + 0.92 * share) + ')' : 'rgba(180,35,24,' + (count ? 0.15 + 0.85 * share : 0.03) + ')';
        var rect = svg('rect', {'class': 'cell', x: margin + j * cell, y: margin + i * cell, width: cell - 1, height: cell - 1, fill: color, 'data-true': labels[i], 'data-predicted': labels[j], 'data-count': String(count)});
        rect.appendChild(svg('title', {}, labels[i] + ' → ' + labels[j] + ': ' + count));
        heat.appendChild(rect);
      }
    }
    document.getElementById('confusion-chart').appendChild(heat);

    // Per-intent F1 bars, worst first.
    var rows = m.perIntent.slice().sort(function (a, b) { return a.f1 - b.f1 || (a.intent < b.intent ? -1 : 1); });
    var barH = 18, left = 180, width = 420;
    var bars = svg('svg', {id: 'f1-bars', width: left + width + 60, height: rows.length * barH + 10, role: 'img', 'aria-label': 'F1 per intent'});
    rows.forEach(function (r, k) {
      var y = 5 + k * barH;
      bars.appendChild(svg('text', {x: left - 6, y: y + 12, 'text-anchor': 'end'}, r.intent));
      bars.appendChild(svg('rect', {'class': 'bar', x: left, y: y, width: Math.max(0, r.f1 * width), height: barH - 4, fill: r.f1 >= 0.8 ? '#17803d' : r.f1 >= 0.5 ? '#dc8a00' : '#b42318', 'data-intent': r.intent, 'data-f1': String(r.f1)}));
      bars.appendChild(svg('text', {'class': 'bar-value', x: left + r.f1 * width + 4, y: y + 12, 'data-intent': r.intent}, fixed(r.f1, 3)));
    });
    document.getElementById('f1-chart').appendChild(bars);

    var metricsBody = document.querySelector('#metrics tbody');
    m.perIntent.forEach(function (r) {
      var tr = el('tr', {'data-intent': r.intent});
      [r.intent, fixed(r.precision, 3), fixed(r.recall, 3), fixed(r.f1, 3), String(r.support)].forEach(function (v) { tr.appendChild(el('td', {}, v)); });
      metricsBody.appendChild(tr);
    });
  } else {
    document.getElementById('model-section').appendChild(el('p', {'class': 'muted'}, 'No model estimate in this report.'));
  }

  var findingsBody = document.querySelector('#findings tbody');
  report.findings.forEach(function (f) {
    var tr = el('tr', {'class': 'finding', 'data-code': f.code});
    tr.appendChild(el('td', {'class': 'sev-' + f.severity}, f.severity));
    tr.appendChild(el('td', {}, f.code));
    tr.appendChild(el('td', {}, f.intents.join(', ')));
    var msg = el('td', {}, f.message);
    if (f.utterances.length) msg.appendChild(el('div', {'class': 'muted'}, f.utterances.map(function (u) { return '“' + u + '”'; }).join('  ·  ')));
    if (f.suggestion) msg.appendChild(el('div', {}, 'Fix: ' + f.suggestion));
    tr.appendChild(msg);
    findingsBody.appendChild(tr);
  });

  var entityBody = document.querySelector('#entities tbody');
  report.entityCoverage.forEach(function (e) {
    var tr = el('tr', {'data-entity': e.entity});
    [e.entity, e.kind, String(e.annotations), String(e.intents), e.valuesTotal === undefined ? '' : e.valuesCovered + ' / ' + e.valuesTotal].forEach(function (v) { tr.appendChild(el('td', {}, v)); });
    entityBody.appendChild(tr);
  });
  document.body.setAttribute('data-rendered', 'true');
})();
`;

export function renderHtml(report: CoverageReport): string {
  const title = `synthnlu coverage: ${report.dataset.name ?? report.input}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="muted">${escapeHtml(report.input)}${report.platform ? ` · checked against ${escapeHtml(report.platform)}` : ''}</p>
<section><div class="cards" id="summary"></div><ul id="gates"></ul></section>
<section id="model-section"><h2>Model estimate <span class="muted" id="method"></span></h2>
<h3>Confusion matrix (rows: true intent, columns: predicted)</h3><div class="chart" id="confusion-chart"></div>
<h3>F1 per intent</h3><div class="chart" id="f1-chart"></div>
<table id="metrics"><thead><tr><th>intent</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr></thead><tbody></tbody></table>
</section>
<section><h2>Findings, worst first</h2>
<table id="findings"><thead><tr><th>severity</th><th>code</th><th>intents</th><th>message</th></tr></thead><tbody></tbody></table></section>
<section><h2>Entity coverage</h2>
<table id="entities"><thead><tr><th>entity</th><th>kind</th><th>annotations</th><th>intents</th><th>list values used</th></tr></thead><tbody></tbody></table></section>
</main>
<script type="application/json" id="coverage-data">${jsonForScript(report)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
