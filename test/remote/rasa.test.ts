import {runCommand} from '@oclif/test';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import nock from 'nock';
import {parse} from 'yaml';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {ROOT, tempDir} from '../helpers/cli.js';
import {writeSmallDataset} from './fixtures.js';

const ENDPOINT = 'http://localhost:5005';
const TOKEN_ENV = 'SYNTHNLU_TEST_RASA_TOKEN';
const TOKEN = 'rasa-token-5e4d3c2b1a-TOPSECRET';

let dir: string;
let datasetFile: string;

beforeAll(async () => {
  nock.disableNetConnect();
  process.env[TOKEN_ENV] = TOKEN;
  dir = tempDir('synthnlu-rasa-');
  datasetFile = await writeSmallDataset(dir);
});
afterAll(() => {
  Reflect.deleteProperty(process.env, TOKEN_ENV);
  nock.enableNetConnect();
});
afterEach(() => nock.cleanAll());

function push(...extra: string[]) {
  return runCommand(
    [
      'push',
      datasetFile,
      '--to',
      'rasa',
      '--yes',
      '--endpoint',
      ENDPOINT,
      '--token-env',
      TOKEN_ENV,
      '--retry-base-ms',
      '1',
      '--backup-dir',
      join(dir, 'backups'),
      ...extra,
    ],
    {root: ROOT},
  );
}

describe('push --to rasa (nock)', () => {
  it('trains on the YAML training data, loads the model, and records the previous model as the backup', async () => {
    let yaml = '';
    const scope = nock(ENDPOINT)
      .get('/status')
      .query({token: TOKEN})
      .reply(200, {model_file: 'models/20260101-old.tar.gz'})
      .post('/model/train', (body: string) => ((yaml = body), true))
      .query({token: TOKEN, save_to_default_model_directory: 'true'})
      .matchHeader('content-type', 'application/x-yaml')
      .reply(200, Buffer.from('tar'), {filename: '20261126-new.tar.gz'})
      .put('/model', {model_file: 'models/20261126-new.tar.gz'})
      .query({token: TOKEN})
      .reply(204);
    const run = await push('--json');
    expect(run.error).toBeUndefined();
    expect(scope.isDone()).toBe(true);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({failed: 0, trained: true, writeCalls: 2});
    const training = parse(yaml) as {
      nlu: {intent?: string; synonym?: string; examples: string}[];
      intents: string[];
    };
    expect(
      training.nlu
        .filter((i) => i.intent)
        .map((i) => i.intent)
        .sort(),
    ).toEqual(['greet', 'track_order']);
    expect(training.nlu.find((i) => i.synonym === 'ups')?.examples).toContain('united parcel');
    // The domain part, in the same document.
    expect(training.intents.sort()).toEqual(['greet', 'track_order']);
    expect(training.nlu.find((i) => i.intent === 'track_order')!.examples).toContain('[ups](carrier)');
    expect(yaml).not.toContain('good morning');
    expect(JSON.parse(readFileSync(result.backup, 'utf8')).model_file).toBe('models/20260101-old.tar.gz');
  });

  it('retries a dropped connection and 503s during training', async () => {
    const scope = nock(ENDPOINT)
      .get('/status')
      .query(true)
      .replyWithError({code: 'ECONNRESET', message: 'socket hang up'})
      .get('/status')
      .query(true)
      .reply(200, {})
      .post('/model/train')
      .query(true)
      .times(2)
      .reply(503)
      .post('/model/train')
      .query(true)
      .reply(200, 'tar', {filename: 'm.tar.gz'})
      .put('/model')
      .query(true)
      .reply(204);
    const run = await push('--json', '--request-timeout', '1');
    expect(run.error).toBeUndefined();
    expect(scope.isDone()).toBe(true);
    expect(JSON.parse(run.stdout).failed).toBe(0);
  });

  it('reports a persistent failure per intent with exit 1 and never prints the token', async () => {
    nock(ENDPOINT)
      .get('/status')
      .query(true)
      .reply(200, {})
      .post('/model/train')
      .query(true)
      .times(6)
      .reply(500, {message: `training crashed (token=${TOKEN})`});
    const run = await push();
    expect(run.error?.oclif?.exit).toBe(1);
    expect(run.stdout).toMatch(/! create intent greet failed: Rasa: POST \/model\/train failed with 500/);
    for (const text of [run.stdout, run.stderr, String(run.error?.message)])
      expect(text).not.toContain(TOKEN);
  });

  it('explains a 401 from the server', async () => {
    nock(ENDPOINT).get('/status').query(true).reply(401, {message: 'User is not authenticated.'});
    const run = await push();
    expect(run.error?.oclif?.exit).toBe(1);
    expect(run.stderr).toContain(TOKEN_ENV);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it('cannot be pulled from', async () => {
    const run = await runCommand(['pull', '--from', 'rasa', '--out', join(dir, 'x.json')], {root: ROOT});
    expect(run.error?.oclif?.exit).toBe(2);
    expect(run.stderr).toContain('cannot be pulled');
  });
});
