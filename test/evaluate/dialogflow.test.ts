import {join} from 'node:path';
import {status} from '@grpc/grpc-js';
import {runCommand} from '@oclif/test';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {ROOT} from '../helpers/cli.js';
import {dialogflowCommand} from '../remote/dialogflow-helpers.js';
import {DialogflowTestServer} from '../support/dialogflow-server/server.js';
import {clincDataset, clincFiles, clincIntents, writeClincTestCsv, writeJson} from './fixtures.js';

let server: DialogflowTestServer;
let dir: string;
let dataset: string;
let testCsv: string;

beforeAll(async () => {
  server = await DialogflowTestServer.start();
  ({dir, dataset, testCsv} = clincFiles('synthnlu-evaluate-df-', {
    intents: 6,
    perIntent: 10,
    testPerIntent: 5,
  }));
});
afterAll(async () => server.stop());
beforeEach(() => server.reset());

async function push(...extra: string[]) {
  const run = await dialogflowCommand(server, [
    'push',
    dataset,
    '--to',
    'dialogflow',
    '--yes',
    '--backup-dir',
    join(dir, 'b'),
    ...extra,
  ]);
  expect(run.error).toBeUndefined();
}

const evaluate = (...extra: string[]) =>
  dialogflowCommand(server, [
    'evaluate',
    dataset,
    '--on',
    'dialogflow',
    '--test-set',
    testCsv,
    '--no-cache',
    ...extra,
  ]);

describe('evaluate --on dialogflow (sessions.detectIntent through the real client, answered by the trained agent)', () => {
  it('scores each test utterance in its own session, retrying RESOURCE_EXHAUSTED and UNAVAILABLE', async () => {
    await push('--train');
    server.resetCounts();
    server.injectFault({method: 'DetectIntent', code: status.RESOURCE_EXHAUSTED, times: 2});
    server.injectFault({method: 'DetectIntent', code: status.UNAVAILABLE, after: 5});
    const run = await evaluate('--json', '--concurrency', '1');
    expect(run.error).toBeUndefined();
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({requests: 30, fallbackRate: 0});
    expect(report.accuracy).toBeGreaterThan(0.5);
    // Every utterance in a session of its own (a retry resends it in the same one): 30 sessions, 3 retries.
    const sessions = (server.requests.get('DetectIntent') as {session: string}[]).map((r) => r.session);
    expect(new Set(sessions).size).toBe(30);
    expect(sessions).toHaveLength(33);
    // Evaluating writes nothing to the agent.
    expect(server.writeCalls()).toBe(0);
  });

  it('says the agent is not trained', async () => {
    await push();
    const run = await evaluate();
    expect(run.error?.oclif?.exit).toBe(1);
    expect(run.stderr).toContain('The agent is not trained: push with --train');
  });

  it('stops at once on a quota counted per day', async () => {
    await push('--train');
    server.injectFault({
      method: 'DetectIntent',
      code: status.RESOURCE_EXHAUSTED,
      times: Infinity,
      details:
        "Quota exceeded for quota metric 'Text requests per day' of service 'dialogflow.googleapis.com'",
    });
    const run = await evaluate('--concurrency', '1');
    expect(run.error?.oclif?.exit).toBe(1);
    expect(run.stderr).toContain('Text requests per day');
    expect(run.stderr).toContain('quota');
    expect(server.callCount('DetectIntent')).toBe(1);
  });
});

describe('evaluate --on dialogflow --train A --train B (A/B on a scratch project)', () => {
  const PRODUCTION = 'projects/synthnlu-test/agent';
  const SCRATCH = 'projects/synthnlu-scratch/agent';

  it('pushes and trains each arm on the scratch agent only, detects the better arm, and restores the scratch agent', async () => {
    const intents = clincIntents(6);
    const poor = writeJson(join(dir, 'poor.json'), clincDataset(intents, 2));
    const rich = writeJson(join(dir, 'rich.json'), clincDataset(intents, 30));
    const abCsv = join(dir, 'ab.csv');
    writeClincTestCsv(abCsv, intents, 15);
    await push('--train');
    const productionIntents = new Map(server.agent(PRODUCTION).intents);
    server.resetCounts();
    const run = await runCommand(
      [
        'evaluate',
        '--on',
        'dialogflow',
        '--endpoint',
        `http://127.0.0.1:${server.port}`,
        '--project',
        'synthnlu-test',
        '--scratch-project',
        'synthnlu-scratch',
        '--train',
        poor,
        '--train',
        rich,
        '--test-set',
        abCsv,
        '--no-cache',
        '--backup-dir',
        join(dir, 'ab-backups'),
        '--retry-base-ms',
        '1',
        '--json',
      ],
      {root: ROOT},
    );
    expect(run.error).toBeUndefined();
    const report = JSON.parse(run.stdout);
    expect(report.arms.map((a: {train: string}) => a.train)).toEqual([poor, rich]);
    expect(report.arms[1].accuracy).toBeGreaterThan(report.arms[0].accuracy);
    expect(report.difference.mcnemar.significant).toBe(true);
    expect(report.restored).toBe(true);
    expect(server.callCount('TrainAgent')).toBe(2);
    expect(server.callCount('RestoreAgent')).toBe(1);
    // The scratch agent is empty again; the push target was neither written to nor asked.
    expect(server.agent(SCRATCH).intents.size).toBe(0);
    expect(server.agent(PRODUCTION).intents).toEqual(productionIntents);
    const asked = (server.requests.get('DetectIntent') as {session: string}[]).map((r) => r.session);
    expect(asked.every((s) => s.startsWith(`${SCRATCH}/sessions/`))).toBe(true);
  });

  it('refuses a scratch project that is the push target', async () => {
    const run = await dialogflowCommand(server, [
      'evaluate',
      '--on',
      'dialogflow',
      '--scratch-project',
      'synthnlu-test',
      '--train',
      dataset,
      '--train',
      dataset,
      '--test-set',
      testCsv,
    ]);
    expect(run.error?.oclif?.exit).toBe(2);
    expect(run.stderr).toContain('--scratch-project synthnlu-test is the push target (--project)');
    expect(server.writeCalls()).toBe(0);
  });
});
