/**
 * Opens the self-contained HTML report in real headless Chromium (Debian's /usr/bin/chromium via playwright-core)
 * and checks that the charts render and that the numbers shown are the numbers of the JSON report.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {chromium, type Browser} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {CoverageReport} from '../../src/coverage/types.js';
import {renderHtml} from '../../src/report/html.js';
import {ROOT, runCli, tempDir} from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI === 'true')
  throw new Error(
    `${CHROMIUM} is missing but CI=true: the HTML report must be tested in a browser (apt-get install chromium)`,
  );
if (!available)
  console.warn(`skipping the HTML report browser test: ${CHROMIUM} not found (apt-get install -y chromium)`);

describe.skipIf(!available)('coverage --html in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders the heatmap, F1 bars, findings and entity table with the JSON report’s numbers, offline', async () => {
    const dir = tempDir();
    const html = join(dir, 'coverage.html');
    const run = runCli([
      'coverage',
      join(ROOT, 'test/fixtures/coverage/conflicts.json'),
      '--html',
      html,
      '--json',
    ]);
    // Errors fail the run by default, and the report still says where it was written.
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`wrote the HTML report to ${html}`);
    const report = JSON.parse(run.stdout) as CoverageReport;
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pathToFileURL(html).href);
    await page.waitForSelector('body[data-rendered="true"]', {timeout: 10_000});
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);

    // The embedded JSON is the report the command printed.
    const embedded = JSON.parse((await page.textContent('#coverage-data'))!) as CoverageReport;
    expect(embedded.model!.perIntent).toEqual(report.model!.perIntent);

    const intents = report.model!.labels.length;
    expect(intents).toBe(5);
    expect(await page.locator('svg#confusion rect.cell').count()).toBe(intents * intents);
    expect(await page.locator('svg#f1-bars rect.bar').count()).toBe(intents);
    // Every heatmap cell carries the matrix count, and the bars' widths follow F1.
    const cells = await page.$$eval('svg#confusion rect.cell', (rects) =>
      rects.map((r) => [
        r.getAttribute('data-true'),
        r.getAttribute('data-predicted'),
        Number(r.getAttribute('data-count')),
      ]),
    );
    for (const [expected, predicted, count] of cells) {
      const i = report.model!.labels.indexOf(expected as string);
      const j = report.model!.labels.indexOf(predicted as string);
      expect(count).toBe(report.model!.confusion[i]![j]);
    }
    // Non-zero counts are written in their cells, readable without hovering.
    const written = await page.$$eval('svg#confusion text.cell-count', (texts) =>
      texts.map((t) => [t.getAttribute('data-true'), t.getAttribute('data-predicted'), t.textContent]),
    );
    const nonZero = report.model!.confusion.flatMap((r, i) =>
      r.flatMap((count, j) =>
        count ? [[report.model!.labels[i], report.model!.labels[j], String(count)]] : [],
      ),
    );
    expect(written).toEqual(nonZero);
    const bars = await page.$$eval('svg#f1-bars rect.bar', (rects) =>
      rects.map((r) => ({intent: r.getAttribute('data-intent'), width: r.getBoundingClientRect().width})),
    );
    const labels = await page.$$eval('svg#f1-bars text.bar-value', (texts) =>
      texts.map((t) => ({intent: t.getAttribute('data-intent'), text: t.textContent})),
    );
    for (const m of report.model!.perIntent) {
      const bar = bars.find((b) => b.intent === m.intent)!;
      expect(bar.width).toBeCloseTo(m.f1 * 420, 0);
      expect(labels.find((l) => l.intent === m.intent)!.text).toBe(m.f1.toFixed(3));
    }
    expect(await page.textContent('#accuracy')).toBe(`${(report.model!.accuracy * 100).toFixed(1)}%`);
    expect(await page.textContent('#macro-f1')).toBe(report.model!.macro.f1.toFixed(3));
    expect(await page.textContent('#count-error')).toBe(String(report.counts.error));
    // The verdict fails on errors and says what was checked and what was not gated.
    expect(report.counts.error).toBe(1);
    expect(await page.textContent('#verdict')).toBe('FAILED: 1 error (--fail-on error)');
    expect(await page.textContent('#checked')).toContain(
      'conflicts, model estimate (5-fold cross-validation)',
    );
    expect(await page.textContent('#not-gated')).toContain('per-intent F1 (--min-f1 0.8)');
    // Findings grouped by code: one header per code carrying the fix once, then one row per finding.
    const codes = [...new Set(report.findings.map((f) => f.code))];
    expect(
      await page.$$eval('#findings tr.finding-group', (rows) => rows.map((r) => r.getAttribute('data-code'))),
    ).toEqual(codes);
    expect(await page.locator('#findings tr.finding').count()).toBe(report.findings.length);
    expect(
      await page.locator('#findings tr[data-code="COVERAGE_DUPLICATE_ACROSS_INTENTS"].finding').count(),
    ).toBe(1);
    const fixes = codes.filter((code) => report.findings.some((f) => f.code === code && f.suggestion));
    expect(await page.locator('#findings .fix').count()).toBe(fixes.length);
    // Most confused pairs and the lowest-confidence correct utterances.
    expect(await page.locator('#confused-pairs tr.confused-pair').count()).toBe(
      report.model!.mostConfused.length,
    );
    expect(report.model!.lowestConfidenceCorrect.length).toBeGreaterThan(0);
    const low = await page.$$eval('#low-confidence tr.low-confidence td:first-child', (tds) =>
      tds.map((t) => t.textContent),
    );
    expect(low).toEqual(report.model!.lowestConfidenceCorrect.map((u) => `“${u.text}”`));
    await page.close();
  });

  it('is complete with JavaScript off; long labels are not clipped; a clean run says "no findings"', async () => {
    const dir = tempDir();
    const run = runCli(['coverage', join(ROOT, 'test/fixtures/coverage/clean.json'), '--json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as CoverageReport;
    const long = (name: string) => `${name}_with_a_rather_long_descriptive_intent_name`;
    report.model!.labels = report.model!.labels.map(long);
    for (const m of report.model!.perIntent) m.intent = long(m.intent);
    // The fixture's only findings are two notes; without them the page must say so in words.
    report.findings = [];
    const file = join(dir, 'clean.html');
    writeFileSync(file, renderHtml(report));
    const context = await browser.newContext({javaScriptEnabled: false});
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    expect(await page.textContent('#verdict')).toBe('passed: 0 errors (--fail-on error)');
    expect(await page.textContent('#no-findings')).toContain('No findings');
    expect(await page.locator('svg#confusion rect.cell').count()).toBe(9);
    // Every label lies inside its SVG's box: nothing is cut at the edges.
    for (const chart of ['svg#confusion', 'svg#f1-bars']) {
      const outside = await page.$$eval(`${chart} text`, (texts) => {
        const svg = texts[0]!.ownerSVGElement!.getBoundingClientRect();
        return texts
          .map((t) => ({text: t.textContent, box: t.getBoundingClientRect()}))
          .filter(
            ({box}) =>
              box.left < svg.left || box.top < svg.top || box.right > svg.right || box.bottom > svg.bottom,
          )
          .map(({text}) => text);
      });
      expect(outside).toEqual([]);
    }
    await context.close();
  });

  it('a hostile intent name cannot break out of the embedded JSON or inject markup', async () => {
    const dir = tempDir();
    const report = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/coverage/clean.json'), 'utf8'));
    const evil = '</script><img src=x onerror="window.__pwned=1">';
    const html = renderHtml({
      format: 'synthnlu-coverage/1',
      input: evil,
      counts: {error: 1, warning: 0, info: 0},
      dataset: {language: 'en', intents: 1, entities: 0, utterances: report.utterances.length},
      intents: [],
      entityCoverage: [{entity: evil, kind: 'list', annotations: 0, intents: 0}],
      findings: [
        {
          group: 'conflicts',
          severity: 'error',
          code: 'X',
          intents: [evil],
          utterances: [evil],
          message: evil,
        },
      ],
      gates: [],
      failOn: 'none',
      passed: true,
      timings: {},
    });
    const file = join(dir, 'evil.html');
    writeFileSync(file, html);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('body[data-rendered="true"]', {timeout: 10_000});
    expect(await page.evaluate(() => (globalThis as unknown as {__pwned?: number}).__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.textContent('#entities td')).toBe(evil);
    await page.close();
  });
});
