/**
 * `evaluate --dry-run`: the requests and trainings a run would make and what they would cost, from the
 * platform's published per-request price with its source and the day it was read, or "no published price
 * found". Nothing is sent: the endpoints given are never contacted (port 9 is the discard port, closed here).
 */
import {join} from 'node:path';
import {runCommand} from '@oclif/test';
import {beforeAll, describe, expect, it} from 'vitest';
import {ROOT} from '../helpers/cli.js';
import {clincDataset, clincFiles, clincIntents, writeJson} from './fixtures.js';

const AGENT = 'projects/p/locations/global/agents/0a1b2c3d-0000-4000-8000-0000000000f1';
const SCRATCH = 'projects/p/locations/global/agents/0a1b2c3d-0000-4000-8000-0000000000f2';
let dir: string;
let dataset: string;
let testCsv: string;

beforeAll(() => {
  ({dir, dataset, testCsv} = clincFiles('synthnlu-evaluate-dry-', {
    intents: 4,
    perIntent: 5,
    testPerIntent: 10,
  }));
});

const evaluate = (...args: string[]) =>
  runCommand(['evaluate', ...args, '--test-set', testCsv, '--dry-run', '--no-cache'], {root: ROOT});

describe('evaluate --dry-run', () => {
  it('dialogflow-cx: 40 requests at the published $0.007 per text request, with the pricing page and date', async () => {
    const json = await evaluate(
      dataset,
      '--on',
      'dialogflow-cx',
      '--project',
      AGENT,
      '--endpoint',
      'http://127.0.0.1:9',
      '--json',
    );
    expect(json.error).toBeUndefined();
    expect(JSON.parse(json.stdout)).toMatchObject({
      dryRun: true,
      requests: 40,
      trainings: 0,
      cost: {
        requests: 40,
        usd: 0.28,
        perRequestUsd: 0.007,
        source: 'https://cloud.google.com/dialogflow/pricing',
        read: '2026-12-08',
      },
    });
    const text = await evaluate(
      dataset,
      '--on',
      'dialogflow-cx',
      '--project',
      AGENT,
      '--endpoint',
      'http://127.0.0.1:9',
    );
    expect(text.stdout).toContain('40 requests for 40 test utterances');
    expect(text.stdout).toContain('cost: about $0.28 (40 × $0.007 per');
    expect(text.stdout).toContain('https://cloud.google.com/dialogflow/pricing, read 2026-12-08');
  });

  it('says "no published price found" where none was verified, and counts an A/B run’s trainings', async () => {
    const es = await evaluate(
      dataset,
      '--on',
      'dialogflow',
      '--project',
      'p',
      '--endpoint',
      'http://127.0.0.1:9',
      '--json',
    );
    expect(JSON.parse(es.stdout).cost).toEqual({requests: 40, note: 'no published price found'});
    const other = writeJson(join(dir, 'other.json'), clincDataset(clincIntents(4), 5, 5));
    const ab = await runCommand(
      [
        'evaluate',
        '--on',
        'dialogflow-cx',
        '--project',
        AGENT,
        '--scratch-agent',
        SCRATCH,
        '--endpoint',
        'http://127.0.0.1:9',
        '--train',
        dataset,
        '--train',
        other,
        '--test-set',
        testCsv,
        '--dry-run',
        '--no-cache',
      ],
      {root: ROOT},
    );
    expect(ab.error).toBeUndefined();
    expect(ab.stdout).toContain('dialogflow-cx: 80 requests and 2 trainings for 2 arms');
    expect(ab.stdout).toContain('cost: about $0.56 (80 × $0.007');
    const local = await evaluate(dataset, '--on', 'local', '--json');
    expect(JSON.parse(local.stdout).cost.note).toMatch(/^free/);
  });
});
