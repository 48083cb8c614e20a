import {join} from 'node:path';
import {status} from '@grpc/grpc-js';
import {runCommand} from '@oclif/test';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {ROOT} from '../helpers/cli.js';
import {DialogflowCxTestServer} from '../support/dialogflow-cx-server/server.js';
import {clincFiles} from './fixtures.js';

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
