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
  throw new Error(`${CHROMIUM} is missing but CI=true: the HTML report must be tested in a browser (apt-get install chromium)`);
if (!available) console.warn(`skipping the HTML report browser test: ${CHROMIUM} not found (apt-get install -y chromium)`);

describe.skipIf(!available)('coverage --html in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders the heatmap, F1 bars, findings and entity table with the JSON report’s numbers, offline', async () => {
    const dir = tempDir();
    const html = join(dir, 'coverage.html');
    const run = runCli(['coverage', join(ROOT, 'test/fixtures/coverage/conflicts.json'), '--html', html, '--json']);
    expect(run.status).toBe(0);
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
      rects.map((r) => [r.getAttribute('data-true'), r.getAttribute('data-predicted'), Number(r.getAttribute('data-count'))]),
    );
    for (const [expected, predicted, count] of cells) {
      const i = report.model!.labels.indexOf(expected as string);
      const j = report.model!.labels.indexOf(predicted as string);
      expect(count).toBe(report.model!.confusion[i]![j]);
    }
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
    expect(await page.locator('#findings tr.finding').count()).toBe(report.findings.length);
    expect(await page.locator('#findings tr[data-code="COVERAGE_DUPLICATE_ACROSS_INTENTS"]').count()).toBe(1);
    await page.close();
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
        {group: 'conflicts', severity: 'error', code: 'X', intents: [evil], utterances: [evil], message: evil},
      ],
      gates: [],
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
