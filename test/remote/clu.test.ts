import {runCommand} from '@oclif/test';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import nock from 'nock';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import type {CluProject} from '../../connectors/botframework/clu/types.js';
import {loadDataset} from '../../src/load/inspect.js';
import {ROOT, tempDir} from '../helpers/cli.js';
import {smallDataset, writeSmallDataset} from './fixtures.js';

const ENDPOINT = 'https://my-lang.cognitiveservices.azure.com';
const PROJECT_PATH = '/language/authoring/analyze-conversations/projects/support';
const KEY_ENV = 'SYNTHNLU_TEST_CLU_KEY';
const KEY = 'clu-key-9f8e7d6c5b4a39281706-VERYSECRET';
const API = {'api-version': '2023-04-01'};

let dir: string;
let datasetFile: string;

beforeAll(async () => {
  nock.disableNetConnect();
  process.env[KEY_ENV] = KEY;
  dir = tempDir('synthnlu-clu-');
  datasetFile = await writeSmallDataset(dir);
});
afterAll(() => {
  Reflect.deleteProperty(process.env, KEY_ENV);
  nock.enableNetConnect();
});
afterEach(() => nock.cleanAll());

function clu(args: string[]) {
  return runCommand(
    [...args, '--endpoint', ENDPOINT, '--project', 'support', '--key-env', KEY_ENV, '--retry-base-ms', '1'],
    {root: ROOT},
  );
}

function push(...extra: string[]) {
  return clu(['push', datasetFile, '--to', 'clu', '--yes', '--backup-dir', join(dir, 'backups'), ...extra]);
}

/** The authoring API with the key checked on every request. */
function api() {
  return nock(ENDPOINT, {reqheaders: {'ocp-apim-subscription-key': KEY}});
}

/**
 * A project as CLU exports it (written by hand in the service's 2023-04-01 export format, not by our mapper):
 * the small dataset as pushed, CLU's own None intent, and an intent synthnlu does not manage (Smalltalk).
 */
function remoteProject(): CluProject {
  return JSON.parse(readFileSync(join(ROOT, 'test/fixtures/clu/support-export.json'), 'utf8')) as CluProject;
}

/** A project that does not exist yet: one `:import` job creates it; `onImport` sees the body sent. */
function mockNewProjectImport(scope: nock.Scope, onImport: (body: CluProject) => void) {
  return scope
    .get(PROJECT_PATH)
    .query(API)
    .reply(404, {error: {code: 'ProjectNotFound', message: 'not found'}})
    .post(`${PROJECT_PATH}/:import`, (body: CluProject) => (onImport(body), true))
    .query(API)
    .reply(202, '', {
      'operation-location': `${ENDPOINT}${PROJECT_PATH}/import/jobs/i1?api-version=2023-04-01`,
    })
    .get(`${PROJECT_PATH}/import/jobs/i1`)
    .query(API)
    .reply(200, {status: 'succeeded'});
}

function mockExport(scope: nock.Scope, project: CluProject) {
  return scope
    .get(PROJECT_PATH)
    .query(API)
    .reply(200, {projectName: 'support'})
    .post(`${PROJECT_PATH}/:export`)
    .query({...API, stringIndexType: 'Utf16CodeUnit'})
    .reply(202, '', {
      'operation-location': `${ENDPOINT}${PROJECT_PATH}/export/jobs/e1?api-version=2023-04-01`,
    })
    .get(`${PROJECT_PATH}/export/jobs/e1`)
    .query(API)
    .reply(200, {status: 'running'})
    .get(`${PROJECT_PATH}/export/jobs/e1`)
    .query(API)
    .reply(200, {
      status: 'succeeded',
      resultUrl: `${ENDPOINT}${PROJECT_PATH}/export/jobs/e1/result?api-version=2023-04-01`,
    })
    .get(`${PROJECT_PATH}/export/jobs/e1/result`)
    .query(API)
    .reply(200, project);
}

describe('push --to clu (nock)', () => {
  it('creates a new project with one :import, then trains and deploys, polling each job', async () => {
    let imported: CluProject | undefined;
    const scope = mockNewProjectImport(api(), (body) => (imported = body))
      .post(
        `${PROJECT_PATH}/:train`,
        (body: {modelLabel: string; trainingMode: string}) =>
          body.trainingMode === 'standard' && body.modelLabel.startsWith('synthnlu-'),
      )
      .query(API)
      .reply(202, '', {
        'operation-location': `${ENDPOINT}${PROJECT_PATH}/train/jobs/t1?api-version=2023-04-01`,
      })
      .get(`${PROJECT_PATH}/train/jobs/t1`)
      .query(API)
      .reply(200, {status: 'succeeded'})
      .put(`${PROJECT_PATH}/deployments/production`)
      .query(API)
      .reply(202, '', {
        'operation-location': `${ENDPOINT}${PROJECT_PATH}/deployments/production/jobs/d1?api-version=2023-04-01`,
      })
      .get(`${PROJECT_PATH}/deployments/production/jobs/d1`)
      .query(API)
      .reply(200, {status: 'succeeded'});
    const run = await push('--train', '--deployment', 'production', '--json');
    expect(run.error).toBeUndefined();
    expect(scope.isDone()).toBe(true);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({failed: 0, trained: true, writeCalls: 3});
    expect(result.backup).toBeUndefined();
    expect(imported!.metadata.projectName).toBe('support');
    expect(imported!.assets.intents.map((i) => i.category).sort()).toEqual(['greet', 'track_order']);
    // The test split goes too, marked as CLU's own test set (CLU evaluates the model on it).
    expect(imported!.assets.utterances.find((u) => u.text === 'good morning')?.dataset).toBe('Test');
    expect(imported!.assets.utterances.find((u) => u.text === 'where is my ups parcel')?.dataset).toBe(
      'Train',
    );
    expect(imported!.assets.utterances.find((u) => u.text === 'where is my ups parcel')?.entities).toEqual([
      {category: 'carrier', offset: 12, length: 3},
    ]);
  });

  it('--project wins over the project name the dataset carries (an earlier pull or import)', async () => {
    const named = await writeSmallDataset(tempDir('synthnlu-clu-named-'), {
      ...smallDataset(),
      name: 'legacy-project',
    });
    let imported: CluProject | undefined;
    const scope = mockNewProjectImport(api(), (body) => (imported = body));
    const run = await clu(['push', named, '--to', 'clu', '--yes', '--backup-dir', join(dir, 'backups')]);
    expect(run.error).toBeUndefined();
    expect(scope.isDone()).toBe(true);
    expect(imported!.metadata.projectName).toBe('support');
  });

  it('merges with the remote project (keeps what synthnlu does not manage) after saving a backup', async () => {
    const remote = remoteProject();
    remote.assets.utterances = remote.assets.utterances.filter((u) => u.text !== 'hi');
    let imported: CluProject | undefined;
    const scope = mockExport(api(), remote)
      .post(`${PROJECT_PATH}/:import`, (body: CluProject) => ((imported = body), true))
      .query(API)
      .reply(202, '', {
        'operation-location': `${ENDPOINT}${PROJECT_PATH}/import/jobs/i2?api-version=2023-04-01`,
      })
      .get(`${PROJECT_PATH}/import/jobs/i2`)
      .query(API)
      .reply(200, {status: 'succeeded'});
    const run = await push('--json');
    expect(run.error).toBeUndefined();
    expect(scope.isDone()).toBe(true);
    const result = JSON.parse(run.stdout);
    expect(result.plan.intents.update).toEqual([{name: 'greet', added: 1, removed: 0}]);
    expect(result.plan.intents.create).toEqual([]);
    expect(imported!.assets.intents.map((i) => i.category)).toContain('Smalltalk');
    expect(imported!.assets.utterances.map((u) => u.text)).toEqual(
      expect.arrayContaining(['tell me a joke', 'hi', 'hello there']),
    );
    const backup = JSON.parse(readFileSync(result.backup, 'utf8')) as CluProject;
    expect(backup.assets.utterances.map((u) => u.text)).not.toContain('hi');
    expect(readFileSync(result.backup, 'utf8')).not.toContain(KEY);
  });

  it('makes zero write calls when nothing changed', async () => {
    const scope = mockExport(api(), remoteProject());
    const run = await push('--json');
    expect(run.error).toBeUndefined();
    expect(scope.isDone()).toBe(true);
    expect(JSON.parse(run.stdout)).toMatchObject({applied: false, writeCalls: 0, plan: {empty: true}});
  });

  it('completes through 429 with Retry-After, 503 twice and a dropped connection', async () => {
    const remote = remoteProject();
    remote.assets.utterances = remote.assets.utterances.filter((u) => u.text !== 'hi');
    const scope = mockExport(api(), remote)
      .post(`${PROJECT_PATH}/:import`)
      .query(API)
      .replyWithError({code: 'ECONNRESET', message: 'socket hang up'})
      .post(`${PROJECT_PATH}/:import`)
      .query(API)
      .reply(
        429,
        {error: {code: 'TooManyRequests', message: 'Rate limit is exceeded.'}},
        {'Retry-After': '0'},
      )
      .post(`${PROJECT_PATH}/:import`)
      .query(API)
      .times(2)
      .reply(503)
      .post(`${PROJECT_PATH}/:import`)
      .query(API)
      .reply(202, '', {
        'operation-location': `${ENDPOINT}${PROJECT_PATH}/import/jobs/i3?api-version=2023-04-01`,
      })
      .get(`${PROJECT_PATH}/import/jobs/i3`)
      .query(API)
      // A slow status answer: the request times out and is retried.
      .delay(1500)
      .reply(200, {status: 'running'})
      .get(`${PROJECT_PATH}/import/jobs/i3`)
      .query(API)
      .reply(200, {status: 'succeeded'});
    const run = await push('--json', '--request-timeout', '1');
    expect(run.error).toBeUndefined();
    expect(scope.isDone()).toBe(true);
    expect(JSON.parse(run.stdout).failed).toBe(0);
  });

  it('a persistent fault ends with a per-intent report and exit 1, never printing the key', async () => {
    const remote = remoteProject();
    remote.assets.utterances = remote.assets.utterances.filter(
      (u) => u.text !== 'hi' && u.intent !== 'track_order',
    );
    mockExport(api(), remote)
      .post(`${PROJECT_PATH}/:import`)
      .query(API)
      .times(6)
      .reply(503, {error: {code: 'ServiceUnavailable', message: `overloaded (key ${KEY})`}});
    const run = await push();
    expect(run.error?.oclif?.exit).toBe(1);
    expect(run.stdout).toMatch(/! update intent greet failed: Azure CLU: POST .*:import failed with 503/);
    expect(run.stdout).toMatch(/! update intent track_order failed/);
    for (const text of [run.stdout, run.stderr, String(run.error?.message)]) expect(text).not.toContain(KEY);
  });

  it('explains a 401 (wrong key or region) without the key', async () => {
    api()
      .get(PROJECT_PATH)
      .query(API)
      // The message quotes the key it refused (as a gateway might), so only redaction keeps it out of the output.
      .reply(401, {
        error: {
          code: '401',
          message: `Access denied due to invalid subscription key ${KEY} or wrong API endpoint.`,
        },
      });
    const run = await push();
    expect(run.error?.oclif?.exit).toBe(1);
    expect(run.stderr).toContain(KEY_ENV);
    expect(run.stderr).toContain('region');
    expect(run.stderr).toContain('invalid subscription key [REDACTED]');
    expect(run.stdout + run.stderr).not.toContain(KEY);
  });

  it('refuses a plain-http endpoint that is not loopback', async () => {
    const run = await runCommand(
      [
        'push',
        datasetFile,
        '--to',
        'clu',
        '--yes',
        '--endpoint',
        'http://my-lang.example.com',
        '--project',
        'p',
        '--key-env',
        KEY_ENV,
      ],
      {root: ROOT},
    );
    expect(run.error?.oclif?.exit).toBe(2);
    expect(run.stderr).toContain('must use https://');
  });

  it('requires --yes outside an interactive terminal', async () => {
    // The project would be read (and backed up) were the refusal not first: neither may happen.
    const read = api().get(PROJECT_PATH).query(API).reply(200, {projectName: 'support'});
    const backupDir = join(dir, 'backups-without-yes');
    const run = await clu(['push', datasetFile, '--to', 'clu', '--backup-dir', backupDir]);
    expect(run.error?.oclif?.exit).toBe(2);
    expect(run.stderr).toContain('--yes');
    expect(read.isDone()).toBe(false);
    expect(existsSync(backupDir)).toBe(false);
  });
});

describe('pull --from clu (nock)', () => {
  it('reads the project into a canonical dataset', async () => {
    mockExport(api(), remoteProject());
    const out = join(dir, 'pulled.json');
    const run = await clu(['pull', '--from', 'clu', '--out', out, '--force']);
    expect(run.error).toBeUndefined();
    const {dataset} = await loadDataset(out);
    expect(dataset.intents.map((i) => i.name).sort()).toEqual(['None', 'Smalltalk', 'greet', 'track_order']);
    expect(dataset.utterances.find((u) => u.text === 'track my dhl package')?.entities).toEqual([
      expect.objectContaining({entity: 'carrier', start: 9, end: 12}),
    ]);
  });
});
