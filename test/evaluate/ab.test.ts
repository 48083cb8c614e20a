import {join} from 'node:path';
import {runCommand} from '@oclif/test';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {mcnemar} from '../../src/evaluate/mcnemar.js';
import {ROOT, tempDir} from '../helpers/cli.js';
import {RasaTestServer} from '../support/rasa-server/server.js';
import {clincDataset, clincIntents, writeClincTestCsv, writeJson} from './fixtures.js';

let dir: string;
let poor: string;
let rich: string;
let richOther: string;
let testCsv: string;
const servers: RasaTestServer[] = [];

beforeAll(() => {
  dir = tempDir('synthnlu-evaluate-ab-');
  const intents = clincIntents(10);
  poor = writeJson(join(dir, 'poor.json'), clincDataset(intents, 2));
  rich = writeJson(join(dir, 'rich.json'), clincDataset(intents, 25));
  richOther = writeJson(join(dir, 'rich-other.json'), clincDataset(intents, 25, 25));
  testCsv = join(dir, 'real.csv');
  writeClincTestCsv(testCsv, intents, 12);
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

const ab = (...args: string[]) =>
  runCommand(['evaluate', ...args, '--test-set', testCsv, '--json'], {root: ROOT});

describe("McNemar's test", () => {
  it('gives the exact binomial p-value on few discordant pairs and the continuity-corrected chi-square on many', () => {
    // statsmodels.stats.contingency_tables.mcnemar([[0, 2], [8, 0]], exact=True).pvalue = 0.109375
    expect(
      mcnemar([true, true, ...new Array(8).fill(false)], [false, false, ...new Array(8).fill(true)]),
    ).toEqual({
      onlyA: 2,
      onlyB: 8,
      pValue: 0.109375,
      method: 'exact',
    });
    // mcnemar([[0, 10], [30, 0]], exact=False, correction=True): chi2 = (|10 - 30| - 1)^2 / 40 = 9.025, p = 0.0026631
    const a = [...new Array(10).fill(true), ...new Array(30).fill(false)];
    const result = mcnemar(
      a,
      a.map((x) => !x),
    );
    expect(result.method).toBe('continuity-corrected');
    expect(result.pValue).toBeCloseTo(0.0026631, 6);
    expect(mcnemar([true, false], [true, false]).pValue).toBe(1);
  });
});

describe('evaluate --train A --train B (A/B)', () => {
  it('on local: detects the arm with better training data, in --train order', async () => {
    const run = await ab('--on', 'local', '--train', poor, '--train', rich);
    expect(run.error).toBeUndefined();
    const report = JSON.parse(run.stdout);
    expect(report.arms.map((a: {train: string}) => a.train)).toEqual([poor, rich]);
    for (const arm of report.arms) {
      expect(arm).toMatchObject({fallbackRate: 0, requests: 120});
      expect(arm.perIntent).toHaveLength(10);
    }
    expect(report.arms[1].accuracy).toBeGreaterThan(report.arms[0].accuracy);
    expect(report.difference.accuracy).toBeGreaterThan(0.1);
    expect(report.difference.mcnemar.significant).toBe(true);
    expect(report.difference.mcnemar.pValue).toBeLessThan(0.05);
    expect(report.difference.perIntent).toHaveLength(10);
    expect(report.difference.perIntent[0]).toHaveProperty('pValue');
  });

  it('refuses report and gate flags it does not apply to an A/B run yet', async () => {
    const run = await ab(
      '--on',
      'local',
      '--train',
      poor,
      '--train',
      rich,
      '--min-f1',
      '0.5',
      '--junit',
      join(dir, 'ab.xml'),
    );
    expect(run.error?.oclif?.exit).toBe(2);
    expect(JSON.parse(run.stdout).error.message).toContain(
      '--junit, --min-f1 do not apply to an A/B run yet',
    );
  });

  it('on local: reports two equally good arms as not significantly different', async () => {
    const report = JSON.parse((await ab('--on', 'local', '--train', rich, '--train', richOther)).stdout);
    expect(report.difference.mcnemar.onlyA + report.difference.mcnemar.onlyB).toBeGreaterThan(0);
    expect(report.difference.mcnemar.significant).toBe(false);
    expect(report.difference.mcnemar.pValue).toBeGreaterThan(0.05);
  });

  it('on rasa: trains each arm on the scratch server only, detects the better arm, and restores the scratch server', async () => {
    const production = await RasaTestServer.start();
    const scratch = await RasaTestServer.start();
    servers.push(production, scratch);
    for (const server of [production, scratch]) {
      const push = await runCommand(
        [
          'push',
          poor,
          '--to',
          'rasa',
          '--yes',
          '--endpoint',
          server.url,
          '--backup-dir',
          join(dir, 'backups'),
        ],
        {root: ROOT},
      );
      expect(push.error).toBeUndefined();
    }
    const before = scratch.loaded;
    const run = await ab(
      '--on',
      'rasa',
      '--endpoint',
      production.url,
      '--scratch-endpoint',
      scratch.url,
      '--train',
      poor,
      '--train',
      rich,
      '--cache-dir',
      join(dir, 'cache'),
      '--backup-dir',
      join(dir, 'backups'),
    );
    expect(run.error).toBeUndefined();
    const report = JSON.parse(run.stdout);
    expect(report.difference.mcnemar.significant).toBe(true);
    expect(report.arms[1].accuracy).toBeGreaterThan(report.arms[0].accuracy);
    expect(report.restored).toBe(true);
    expect(scratch.count('POST /model/train')).toBe(3);
    expect(scratch.count('POST /model/parse')).toBe(240);
    expect(scratch.loaded).toBe(before);
    // The push target was never written to nor asked.
    expect(production.count('POST /model/train')).toBe(1);
    expect(production.count('POST /model/parse')).toBe(0);
  });

  it('refuses a scratch target that is the push target, and an A/B without a scratch target, sending nothing', async () => {
    const server = await RasaTestServer.start();
    servers.push(server);
    const same = await ab(
      '--on',
      'rasa',
      '--endpoint',
      server.url,
      '--scratch-endpoint',
      `${server.url}/`,
      '--train',
      poor,
      '--train',
      rich,
    );
    expect(same.error?.oclif?.exit).toBe(2);
    expect(JSON.parse(same.stdout).error.code).toBe('EVALUATE_SCRATCH_IS_TARGET');
    const none = await ab('--on', 'rasa', '--endpoint', server.url, '--train', poor, '--train', rich);
    expect(JSON.parse(none.stdout).error.code).toBe('EVALUATE_NO_SCRATCH');
    expect([...server.calls.values()].reduce((a, b) => a + b, 0)).toBe(0);
  });
});
