import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {runCommand} from '@oclif/test';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {recognitionKey} from '../../src/evaluate/cache.js';
import {scoreEntities} from '../../src/evaluate/entities.js';
import type {Dataset} from '../../src/model/dataset.js';
import {ROOT, tempDir} from '../helpers/cli.js';
import {RasaTestServer} from '../support/rasa-server/server.js';
import {snipsDataset, writeJson, writeSnipsTestSet} from './fixtures.js';

const INTENTS = ['GetWeather', 'BookRestaurant', 'PlayMusic'];
let dir: string;
let poor: string;
let rich: string;
let testSet: string;
const servers: RasaTestServer[] = [];

beforeAll(() => {
  dir = tempDir('synthnlu-evaluate-entities-');
  poor = writeJson(join(dir, 'poor.json'), snipsDataset(INTENTS, 5));
  rich = writeJson(join(dir, 'rich.json'), snipsDataset(INTENTS, 300));
  testSet = join(dir, 'real.json');
  writeSnipsTestSet(testSet, INTENTS, 30);
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

type Metrics = {entity: string; precision: number; recall: number; support: number; correct: number};
const meanRecall = (metrics: Metrics[]) => metrics.reduce((a, m) => a + m.recall, 0) / metrics.length;

describe('entity accuracy (the test set annotates spans)', () => {
  it('matches an extraction by entity and text or canonical value, each annotation once', () => {
    const metrics = scoreEntities(
      {
        source: 'test-set',
        generatedExcluded: 0,
        annotated: true,
        utterances: [
          {text: 'fly to New York', intent: 'book', entities: [{entity: 'city', start: 7, end: 15}]},
          {
            text: 'to nyc please',
            intent: 'book',
            entities: [{entity: 'city', start: 3, end: 6, value: 'New York'}],
          },
          {text: 'weather', intent: 'unknown', entities: [{entity: 'city', start: 0, end: 7}]},
        ],
      },
      new Map([
        [
          recognitionKey('fly to New York', undefined),
          {
            intent: 'book',
            entities: [
              {entity: 'city', value: 'new york '},
              {entity: 'city', value: 'New York'},
            ],
          },
        ],
        [
          recognitionKey('to nyc please', undefined),
          {
            intent: 'book',
            entities: [
              {entity: 'city', value: 'new york'},
              {entity: 'date', value: 'please'},
            ],
          },
        ],
      ]),
      new Set(['book']),
    );
    // Two annotations scored (the unknown intent's is not), three city extractions, two right; `date` not annotated.
    expect(metrics).toEqual([
      {entity: 'city', precision: 0.6667, recall: 1, f1: 0.8, support: 2, predicted: 3, correct: 2},
    ]);
  });

  it('on local: per-entity precision/recall in --json and on the terminal; a CSV test set has none', async () => {
    const run = await runCommand(['evaluate', rich, '--on', 'local', '--test-set', testSet, '--json'], {
      root: ROOT,
    });
    expect(run.error).toBeUndefined();
    const report = JSON.parse(run.stdout);
    const metrics = report.entityAccuracy as Metrics[];
    const byEntity = new Map(metrics.map((m) => [m.entity, m]));
    // restaurant_type's few values are all in the 300 training utterances; SNIPS cities mostly are not.
    expect(byEntity.get('restaurant_type')).toMatchObject({support: 21, correct: 21, recall: 1});
    expect(byEntity.get('city')!.recall).toBe(0);
    expect(report.evaluation.entityAccuracy).toEqual(metrics);
    const text = await runCommand(['evaluate', rich, '--on', 'local', '--test-set', testSet], {root: ROOT});
    expect(text.stdout).toContain('entities (annotated in the test set):');
    expect(text.stdout).toContain(
      'restaurant_type: precision 0.95, recall 1.00, F1 0.98 (21 of 21 annotated found, 22 extracted)',
    );
    const csv = join(dir, 'plain.csv');
    const rows = (JSON.parse(readFileSync(testSet, 'utf8')) as Dataset).utterances;
    writeFileSync(
      csv,
      `text,intent\n${rows.map((u) => `"${u.text.replace(/"/g, '""')}",${u.intent}`).join('\n')}\n`,
    );
    const plain = JSON.parse(
      (await runCommand(['evaluate', rich, '--on', 'local', '--test-set', csv, '--json'], {root: ROOT}))
        .stdout,
    );
    expect(plain.accuracy).toBe(report.accuracy);
    expect(plain).not.toHaveProperty('entityAccuracy');
  });

  it('A/B on local and on rasa: the arm with more annotated data extracts more entities', async () => {
    const local = JSON.parse(
      (
        await runCommand(
          ['evaluate', '--on', 'local', '--train', poor, '--train', rich, '--test-set', testSet, '--json'],
          {root: ROOT},
        )
      ).stdout,
    );
    expect(meanRecall(local.arms[1].entityAccuracy)).toBeGreaterThan(
      meanRecall(local.arms[0].entityAccuracy) + 0.1,
    );
    const production = await RasaTestServer.start();
    const scratch = await RasaTestServer.start();
    servers.push(production, scratch);
    const run = await runCommand(
      [
        'evaluate',
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
        '--test-set',
        testSet,
        '--no-cache',
        '--backup-dir',
        join(dir, 'backups'),
        '--json',
      ],
      {root: ROOT},
    );
    expect(run.error).toBeUndefined();
    const report = JSON.parse(run.stdout);
    const [a, b] = report.arms.map((arm: {entityAccuracy: Metrics[]}) => arm.entityAccuracy);
    expect(b.map((m: Metrics) => m.entity)).toEqual(a.map((m: Metrics) => m.entity));
    expect(meanRecall(b)).toBeGreaterThan(meanRecall(a) + 0.1);
    expect(b.find((m: Metrics) => m.entity === 'restaurant_type').recall).toBeGreaterThan(0.5);
  });
});
