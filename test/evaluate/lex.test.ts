/**
 * evaluate --on lex: real CLINC150 test utterances through the real AWS SDK's RecognizeText against
 * test/support/lex-server, which answers from synthnlu's classifier trained on what was pushed and built. The
 * command knows nothing of Lex: the connector's session offers recognize(), and that is all evaluate needs.
 */
import {runCommand} from '@oclif/test';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {ROOT} from '../helpers/cli.js';
import {startLexServer, type LocalLexServer} from '../support/lex-server/server.js';
import {clincFiles} from './fixtures.js';

const SECRET = 'lex-eval-secret-0123456789-VERYSECRET';
const AWS_VARS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION', 'AWS_PROFILE'];
const saved = new Map(AWS_VARS.map((k) => [k, process.env[k]]));
let server: LocalLexServer;
let files: {dir: string; dataset: string; testCsv: string};

beforeAll(() => {
  files = clincFiles('synthnlu-evaluate-lex-', {intents: 6, perIntent: 10, testPerIntent: 5});
});
beforeEach(async () => {
  process.env.AWS_ACCESS_KEY_ID = 'AKIDLOCALTEST';
  process.env.AWS_SECRET_ACCESS_KEY = SECRET;
  process.env.AWS_REGION = 'us-east-1';
  Reflect.deleteProperty(process.env, 'AWS_PROFILE');
  server = await startLexServer({botName: 'EvalBot'});
});
afterEach(async () => server.close());
afterAll(() => {
  for (const [k, v] of saved)
    if (v === undefined) Reflect.deleteProperty(process.env, k);
    else process.env[k] = v;
});

const lex = (args: string[]) =>
  runCommand([...args, '--bot', 'EvalBot', '--endpoint', server.endpoint, '--retry-base-ms', '1'], {
    root: ROOT,
  });

describe('evaluate --on lex (RecognizeText on the test alias)', () => {
  it('scores every real test utterance through the built bot, one new session each, the key never shown', async () => {
    const pushed = await lex([
      'push',
      files.dataset,
      '--to',
      'lex',
      '--yes',
      '--train',
      '--backup-dir',
      join(files.dir, 'backups'),
    ]);
    expect(pushed.error).toBeUndefined();
    const run = await lex([
      'evaluate',
      files.dataset,
      '--on',
      'lex',
      '--test-set',
      files.testCsv,
      '--cache-dir',
      join(files.dir, 'cache'),
      '--json',
    ]);
    expect(run.error).toBeUndefined();
    const report = JSON.parse(run.stdout);
    expect(report.requests).toBe(30);
    expect(report.perIntent).toHaveLength(6);
    expect(report.accuracy).toBeGreaterThan(0.5);
    const calls = server.requests.filter((r) => r.path.endsWith('/text'));
    expect(calls).toHaveLength(30);
    expect(new Set(calls.map((c) => c.path)).size).toBe(30);
    for (const call of calls)
      expect(call.path).toMatch(/\/botAliases\/TSTALIASID\/botLocales\/en_US\/sessions\//);
    expect(`${run.stdout}${run.stderr}`).not.toContain(SECRET);
  });
});
