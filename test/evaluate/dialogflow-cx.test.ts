import {join} from 'node:path';
import {status} from '@grpc/grpc-js';
import {runCommand} from '@oclif/test';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {ROOT} from '../helpers/cli.js';
import {DialogflowCxTestServer} from '../support/dialogflow-cx-server/server.js';
import {clincDataset, clincFiles, clincIntents, writeClincTestCsv, writeJson} from './fixtures.js';

const AGENT = 'projects/synthnlu-test/locations/global/agents/0a1b2c3d-0000-4000-8000-0000000000e1';

let server: DialogflowCxTestServer;
let dir: string;
let dataset: string;
let testCsv: string;

beforeAll(async () => {
  server = await DialogflowCxTestServer.start();
  ({dir, dataset, testCsv} = clincFiles('synthnlu-evaluate-cx-', {
    intents: 6,
    perIntent: 10,
    testPerIntent: 5,
  }));
});
afterAll(async () => server.stop());
beforeEach(() => {
  server.reset();
  server.addAgent(AGENT);
});

const cx = (args: string[]) =>
  runCommand(
    [...args, '--endpoint', `http://127.0.0.1:${server.port}`, '--project', AGENT, '--retry-base-ms', '1'],
    {
      root: ROOT,
    },
  );

async function push(...extra: string[]) {
  const run = await cx([
    'push',
    dataset,
    '--to',
    'dialogflow-cx',
    '--yes',
    '--backup-dir',
    join(dir, 'b'),
    ...extra,
  ]);
  expect(run.error).toBeUndefined();
}

const evaluate = (...extra: string[]) =>
  cx(['evaluate', dataset, '--on', 'dialogflow-cx', '--test-set', testCsv, '--no-cache', ...extra]);

describe('evaluate --on dialogflow-cx (sessions.matchIntent through the real client, answered by the trained agent)', () => {
  it('scores each test utterance in its own session, retrying RESOURCE_EXHAUSTED', async () => {
    await push('--train');
    server.resetCounts();
    server.injectFault({method: 'MatchIntent', code: status.RESOURCE_EXHAUSTED, times: 2});
    const run = await evaluate('--json');
    expect(run.error).toBeUndefined();
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({requests: 30, fallbackRate: 0});
    expect(report.accuracy).toBeGreaterThan(0.5);
    const sessions = (server.requests.get('MatchIntent') as {session: string}[]).map((r) => r.session);
    expect(new Set(sessions).size).toBe(30);
    expect(sessions).toHaveLength(32);
    expect(server.writeCalls()).toBe(0);
  });

  it('says the agent is not trained', async () => {
    await push();
    const run = await evaluate();
    expect(run.error?.oclif?.exit).toBe(1);
    expect(run.stderr).toContain(`the agent ${AGENT} is not trained`);
    expect(run.stderr).toContain('Push with --train');
  });
});

describe('evaluate --on dialogflow-cx --train A --train B (A/B on a scratch agent)', () => {
  const SCRATCH = 'projects/synthnlu-test/locations/global/agents/0a1b2c3d-0000-4000-8000-0000000000e2';
  let poor: string;
  let rich: string;
  let richOther: string;
  let abCsv: string;
  beforeAll(() => {
    const intents = clincIntents(6);
    poor = writeJson(join(dir, 'poor.json'), clincDataset(intents, 2));
    rich = writeJson(join(dir, 'rich.json'), clincDataset(intents, 30));
    richOther = writeJson(join(dir, 'rich-other.json'), clincDataset(intents, 30, 30));
    abCsv = join(dir, 'ab.csv');
    writeClincTestCsv(abCsv, intents, 15);
  });

  const ab = (a: string, b: string, ...extra: string[]) =>
    cx([
      'evaluate',
      '--on',
      'dialogflow-cx',
      '--scratch-agent',
      SCRATCH,
      '--train',
      a,
      '--train',
      b,
      '--test-set',
      abCsv,
      '--no-cache',
      '--backup-dir',
      join(dir, 'ab-backups'),
      '--json',
      ...extra,
    ]);

  it('pushes and trains each arm on the scratch agent only, detects the better arm, and restores the scratch agent', async () => {
    await push('--train');
    const productionIntents = new Map(server.agent(AGENT).intents);
    const productionModel = server.agent(AGENT).model;
    const scratch = server.addAgent(SCRATCH);
    server.resetCounts();
    const run = await ab(poor, rich);
    expect(run.error).toBeUndefined();
    const report = JSON.parse(run.stdout);
    expect(report.arms.map((a: {train: string}) => a.train)).toEqual([poor, rich]);
    expect(report.arms[1].accuracy).toBeGreaterThan(report.arms[0].accuracy);
    expect(report.difference.mcnemar.significant).toBe(true);
    expect(report.difference.mcnemar.pValue).toBeLessThan(0.05);
    expect(report.restored).toBe(true);
    expect(report.backup).toMatch(/dialogflow-cx-synthnlu-test-0a1b2c3d-0000-4000-8000-0000000000e2/);
    expect(server.callCount('ExportAgent')).toBe(1);
    expect(server.callCount('RestoreAgent')).toBe(1);
    // Both flows of the scratch agent trained once per arm; the scratch agent is empty again.
    expect(scratch.flows.map((f) => f.trainings)).toEqual([2, 2]);
    expect(scratch.intents.size).toBe(0);
    // The push target was neither written to nor asked.
    expect(server.agent(AGENT).intents).toEqual(productionIntents);
    expect(server.agent(AGENT).model).toBe(productionModel);
    const asked = (server.requests.get('MatchIntent') as {session: string}[]).map((r) => r.session);
    expect(asked).toHaveLength(180);
    expect(asked.every((s) => s.startsWith(`${SCRATCH}/sessions/`))).toBe(true);
  });

  it('reports two equally good arms as not significantly different', async () => {
    server.addAgent(SCRATCH);
    const report = JSON.parse((await ab(rich, richOther)).stdout);
    expect(report.difference.mcnemar.onlyA + report.difference.mcnemar.onlyB).toBeGreaterThan(0);
    expect(report.difference.mcnemar.significant).toBe(false);
    expect(report.difference.mcnemar.pValue).toBeGreaterThan(0.05);
  });

  it('refuses a scratch agent that is, or may be, the push target, sending nothing', async () => {
    server.resetCounts();
    const same = await cx([
      'evaluate',
      '--on',
      'dialogflow-cx',
      '--scratch-agent',
      AGENT,
      '--train',
      poor,
      '--train',
      rich,
      '--test-set',
      abCsv,
    ]);
    expect(same.error?.oclif?.exit).toBe(2);
    expect(same.stderr).toContain(`--scratch-agent ${AGENT} is the push target (--project)`);
    // --project as a project id names the one agent of its location: a scratch agent there may be it.
    const byId = await runCommand(
      [
        'evaluate',
        '--on',
        'dialogflow-cx',
        '--endpoint',
        `http://127.0.0.1:${server.port}`,
        '--project',
        'synthnlu-test',
        '--scratch-agent',
        SCRATCH,
        '--train',
        poor,
        '--train',
        rich,
        '--test-set',
        abCsv,
      ],
      {root: ROOT},
    );
    expect(byId.error?.oclif?.exit).toBe(2);
    expect(byId.stderr).toContain('A/B could overwrite the push target');
    expect([...server.requests.values()].flat()).toHaveLength(0);
  });
});
