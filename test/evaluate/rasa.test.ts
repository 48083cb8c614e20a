import {join} from 'node:path';
import {runCommand} from '@oclif/test';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {ROOT} from '../helpers/cli.js';
import {RasaTestServer} from '../support/rasa-server/server.js';
import {clincFiles} from './fixtures.js';

const TOKEN_ENV = 'SYNTHNLU_TEST_EVAL_RASA_TOKEN';
const TOKEN = 'rasa-eval-token-77f1c0ffee-TOPSECRET';

let dir: string;
let dataset: string;
let testCsv: string;
let server: RasaTestServer;

beforeAll(async () => {
  process.env[TOKEN_ENV] = TOKEN;
  ({dir, dataset, testCsv} = clincFiles('synthnlu-evaluate-rasa-', {
    intents: 8,
    perIntent: 10,
    testPerIntent: 8,
  }));
});
afterAll(() => Reflect.deleteProperty(process.env, TOKEN_ENV));
afterEach(async () => server?.stop());

async function trainedServer(): Promise<RasaTestServer> {
  server = await RasaTestServer.start({token: TOKEN});
  const push = await runCommand(
    [
      'push',
      dataset,
      '--to',
      'rasa',
      '--yes',
      '--endpoint',
      server.url,
      '--token-env',
      TOKEN_ENV,
      '--backup-dir',
      join(dir, 'backups'),
    ],
    {root: ROOT},
  );
  expect(push.error).toBeUndefined();
  return server;
}

const evaluateWith = (tokenEnv: string, ...extra: string[]) =>
  runCommand(
    [
      'evaluate',
      dataset,
      '--on',
      'rasa',
      '--endpoint',
      server.url,
      '--token-env',
      tokenEnv,
      '--test-set',
      testCsv,
      '--retry-base-ms',
      '1',
      ...extra,
    ],
    {root: ROOT},
  );

const evaluate = (cache: string, ...extra: string[]) =>
  evaluateWith(TOKEN_ENV, '--cache-dir', join(dir, cache), ...extra);

const noToken = (...texts: string[]) => {
  for (const text of texts) expect(text).not.toContain(TOKEN);
};

describe('evaluate --on rasa (a local Rasa server answering from what was pushed)', () => {
  it('scores every test utterance through POST /model/parse, and a second run answers from the cache', async () => {
    await trainedServer();
    const first = await evaluate('cache-a', '--json');
    expect(first.error).toBeUndefined();
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({requests: 64, fallbackRate: 0});
    expect(report.accuracy).toBeGreaterThan(0.5);
    expect(report.perIntent).toHaveLength(8);
    expect(report.evaluation.target).toBe(`rasa endpoint=${server.url}`);
    expect(server.count('POST /model/parse')).toBe(64);
    const again = JSON.parse((await evaluate('cache-a', '--json')).stdout);
    expect(again).toMatchObject({requests: 0, accuracy: report.accuracy});
    expect(again.evaluation.cached).toBe(64);
    expect(server.count('POST /model/parse')).toBe(64);
    noToken(first.stdout, first.stderr, JSON.stringify(again));
  });

  it('retries 429 with Retry-After and a dropped connection, sending each text until it is answered', async () => {
    await trainedServer();
    server.parseFaults.push(
      {kind: 'rate-limit', retryAfter: '0'},
      {kind: 'drop'},
      {kind: 'rate-limit', retryAfter: '0'},
    );
    const run = await evaluate('cache-b', '--json', '--concurrency', '1');
    expect(run.error).toBeUndefined();
    expect(JSON.parse(run.stdout).requests).toBe(64);
    expect(server.count('POST /model/parse')).toBe(67);
  });

  it('stops on a quota used up for the day with a clear message, no endless retry, and resumes from the cache', async () => {
    await trainedServer();
    server.parseFaults.push(...new Array<null>(10).fill(null), {kind: 'day-quota'});
    const stopped = await evaluate('cache-c', '--concurrency', '1');
    expect(stopped.error?.oclif?.exit).toBe(1);
    expect(stopped.stderr).toMatch(
      /failed with 429 and asks to wait until .*longer than --max-retry-time: the quota is used up/,
    );
    expect(stopped.stderr).toContain('The 10 answers received are cached');
    expect(server.count('POST /model/parse')).toBe(11);
    server.parseFaults.length = 0;
    const resumed = await evaluate('cache-c', '--json');
    expect(resumed.error).toBeUndefined();
    expect(JSON.parse(resumed.stdout)).toMatchObject({requests: 54});
    expect(server.count('POST /model/parse')).toBe(11 + 54);
  });

  it('says the server has no model loaded instead of scoring nothing', async () => {
    server = await RasaTestServer.start({token: TOKEN});
    const run = await evaluate('cache-d');
    expect(run.error?.oclif?.exit).toBe(1);
    expect(run.stderr).toContain(`the Rasa server at ${server.url} has no model loaded`);
    expect(run.stderr).toContain('synthnlu push');
    expect(server.count('POST /model/parse')).toBe(0);
  });

  it('refuses to run without its credentials, and never prints the token', async () => {
    server = await RasaTestServer.start({token: TOKEN});
    const withTokenFrom = (tokenEnv: string) => evaluateWith(tokenEnv, '--no-cache');
    const missing = await withTokenFrom('SYNTHNLU_UNSET_TOKEN_VAR');
    expect(missing.error?.oclif?.exit).toBe(2);
    expect(missing.stderr).toContain('SYNTHNLU_UNSET_TOKEN_VAR is not set');
    process.env.SYNTHNLU_WRONG_TOKEN = 'wrong-token';
    const wrong = await withTokenFrom('SYNTHNLU_WRONG_TOKEN');
    Reflect.deleteProperty(process.env, 'SYNTHNLU_WRONG_TOKEN');
    expect(wrong.error?.oclif?.exit).toBe(1);
    expect(wrong.stderr).toContain('refused the credentials (401)');
    noToken(missing.stderr, wrong.stderr);
  });

  it("counts Rasa's nlu_fallback as the no-match in the fallback rate", async () => {
    await trainedServer();
    server.fallbackThreshold = 0.99;
    const report = JSON.parse((await evaluate('cache-e', '--json')).stdout);
    expect(report.fallbackRate).toBe(1);
    expect(report.accuracy).toBe(0);
    expect(report.model.labels).toContain('(no match)');
  });
});
