/**
 * The A/B HTML report in real headless Chromium (Debian's /usr/bin/chromium via playwright-core, as the
 * coverage report is checked): the arms side by side, the per-intent difference and McNemar's p-value shown
 * are the JSON report's, with no script error and no network request.
 */
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {runCommand} from '@oclif/test';
import {chromium, type Browser} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {AbReport} from '../../src/evaluate/ab.js';
import {ROOT, tempDir} from '../helpers/cli.js';
import {clincDataset, clincIntents, writeClincTestCsv, writeJson} from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI === 'true')
  throw new Error(`${CHROMIUM} is missing but CI=true: the A/B HTML report must be tested in a browser`);

describe.skipIf(!available)('evaluate --train A --train B --html in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows both arms side by side, the per-intent difference and the McNemar p-value of the JSON report', async () => {
    const dir = tempDir('synthnlu-evaluate-ab-html-');
    const intents = clincIntents(8);
    const poor = writeJson(join(dir, 'poor.json'), clincDataset(intents, 2));
    const rich = writeJson(join(dir, 'rich.json'), clincDataset(intents, 25));
    const testCsv = join(dir, 'real.csv');
    writeClincTestCsv(testCsv, intents, 10);
    const html = join(dir, 'ab.html');
    const run = await runCommand(
      [
        'evaluate',
        '--on',
        'local',
        '--train',
        poor,
        '--train',
        rich,
        '--test-set',
        testCsv,
        '--html',
        html,
        '--json',
      ],
      {root: ROOT},
    );
    expect(run.error).toBeUndefined();
    expect(run.stderr).toContain(`wrote the HTML report to ${html}`);
    const report = JSON.parse(run.stdout) as AbReport;

    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    const requests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(pathToFileURL(html).href);
    await page.waitForSelector('body[data-rendered="true"]', {timeout: 10_000});
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    const embedded = JSON.parse((await page.textContent('#evaluate-ab-data'))!) as AbReport;
    expect(embedded.difference).toEqual(report.difference);

    // The arms side by side: same row, A left of B, each with its own F1 bars and confusion matrix.
    const a = (await page.locator('#arm-a').boundingBox())!;
    const b = (await page.locator('#arm-b').boundingBox())!;
    expect(a.y).toBe(b.y);
    expect(b.x).toBeGreaterThanOrEqual(a.x + a.width);
    for (const [k, arm] of report.arms.entries()) {
      const id = k === 0 ? 'a' : 'b';
      expect(await page.textContent(`#arm-${id} h3`)).toContain(arm.train);
      expect(await page.textContent(`#arm-${id} td[data-figure="accuracy"]`)).toBe(
        `${(arm.accuracy * 100).toFixed(1)}%`,
      );
      expect(await page.locator(`svg#f1-bars-${id} rect.bar`).count()).toBe(8);
      expect(await page.locator(`svg#confusion-${id} rect.cell`).count()).toBe(64);
    }

    // McNemar's p-value is on the page, and the verdict with it.
    const p = report.difference.mcnemar.pValue;
    expect(p).toBeLessThan(0.05);
    expect(await page.textContent('#mcnemar-p')).toBe(p < 0.0001 ? '< 0.0001' : p.toFixed(4));
    expect(await page.textContent('#mcnemar-verdict')).toBe('significant at 0.05');
    expect(await page.textContent('#ab-verdict')).toContain('B is better than A');

    // One row per intent with both F1s, the difference and its p-value, as in --json.
    const rows = await page.$$eval('table#difference tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    );
    expect(rows).toHaveLength(8);
    for (const expected of report.difference.perIntent) {
      const row = rows.find((r) => r[0] === expected.intent)!;
      expect(row[1]).toBe(String(expected.support));
      expect(Number(row[2])).toBeCloseTo(expected.f1[0], 3);
      expect(Number(row[3])).toBeCloseTo(expected.f1[1], 3);
      expect(Number(row[4])).toBeCloseTo(expected.delta, 3);
      expect(row[7]).toBe(expected.pValue < 0.0001 ? '< 0.0001' : expected.pValue.toFixed(4));
    }
    // The table sorts on a header click (no script error on the way).
    await page.click('table#difference thead th:nth-child(5)');
    const sorted = await page.$$eval('table#difference tbody tr td:nth-child(5)', (tds) =>
      tds.map((td) => Number(td.textContent)),
    );
    expect(sorted).toEqual([...sorted].sort((x, y) => x - y));
    expect(errors).toEqual([]);
    await page.close();
  });
});
