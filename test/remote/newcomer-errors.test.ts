/**
 * The first push a newcomer tries, without credentials or without a server: a message that says what to do and
 * the documented exit code, never a library's stack trace nor seconds of silent retries.
 */
import {createServer} from 'node:net';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {SynthnluError} from '../../src/errors.js';
import {HttpClient} from '../../src/remote/http.js';
import {Secrets} from '../../src/remote/secrets.js';
import {ROOT, runCli, tempDir} from '../helpers/cli.js';

const SPEC = join(ROOT, 'examples/customer-support.yaml');

/** A loopback port nothing listens on: bound, then closed. */
async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as {port: number};
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('push errors a newcomer meets first', () => {
  // (--dry-run without credentials shows the plan instead: test/remote/dry-run-offline.test.ts.)
  it('Dialogflow without Google credentials: how to authenticate, exit 2, JSON on stdout with --json', () => {
    const home = tempDir();
    const env = {
      GOOGLE_APPLICATION_CREDENTIALS: '',
      HOME: home,
      CLOUDSDK_CONFIG: join(home, 'gcloud'),
      // Not on Google Cloud: skip the metadata-server probe, as a laptop without it would fail it.
      METADATA_SERVER_DETECTION: 'none',
    };
    const args = ['push', SPEC, '--to', 'dialogflow', '--project', 'my-project', '--yes'];
    const run = runCli(args, {env});
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Error: no Google credentials to reach Dialogflow');
    expect(run.stderr).toContain('--key-file');
    expect(run.stderr).toContain('GOOGLE_APPLICATION_CREDENTIALS');
    expect(run.stderr).toContain('gcloud auth application-default login');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    const json = runCli([...args, '--json'], {env});
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({error: {code: 'DIALOGFLOW_NO_CREDENTIALS', exitCode: 2}});
  });

  it('Rasa not running: names the URL and how to start it', async () => {
    const endpoint = `http://127.0.0.1:${await refusedPort()}`;
    const run = runCli([
      'push',
      SPEC,
      '--to',
      'rasa',
      '--endpoint',
      endpoint,
      '--yes',
      '--backup-dir',
      tempDir(),
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `Error: Rasa: nothing is listening at ${endpoint} (GET /status: ECONNREFUSED)`,
    );
    expect(run.stderr).toContain('rasa run --enable-api');
  });

  it('a refused connection is not retried', async () => {
    const sleeps: number[] = [];
    const http = new HttpClient({
      baseURL: `http://127.0.0.1:${await refusedPort()}`,
      headers: {},
      platform: 'Rasa',
      authHint: 'the token',
      refusedHint: 'Start the server.',
      secrets: new Secrets(),
      retry: {baseDelayMs: 10, sleep: async (ms) => void sleeps.push(ms)},
    });
    const error = (await http
      .request({method: 'GET', url: '/status'})
      .catch((e: unknown) => e)) as SynthnluError;
    expect(error).toBeInstanceOf(SynthnluError);
    expect(error.code).toBe('REMOTE_UNREACHABLE');
    expect(error.suggestion).toBe('Start the server.');
    expect(http.requests).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('CLU names every missing setting at once', () => {
    const env = {
      AZURE_CONVERSATIONS_KEY: '',
      AZURE_CONVERSATIONS_ENDPOINT: '',
      AZURE_CONVERSATIONS_PROJECT_NAME: '',
    };
    const run = runCli(['push', SPEC, '--to', 'clu', '--yes', '--json'], {env});
    expect(run.status).toBe(2);
    const {error} = JSON.parse(run.stdout) as {error: {code: string; diagnostics: {code: string}[]}};
    expect(error.code).toBe('CLU_MISSING_SETTINGS');
    expect(error.diagnostics.map((d) => d.code)).toEqual(['CLU_NO_KEY', 'CLU_NO_ENDPOINT', 'CLU_NO_PROJECT']);
    const text = runCli(['push', SPEC, '--to', 'clu', '--yes'], {env});
    expect(text.stderr).toContain('Error: Azure CLU needs: key, endpoint, project');
  });
});
