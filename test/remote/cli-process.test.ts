/** The built CLI as a real child process (needs `npm run build`): what a user and CI actually see. */
import {spawn} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {status} from '@grpc/grpc-js';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {writeDataset} from '../../src/model/write-dataset.js';
import {BIN, ROOT, tempDir, type CliRun} from '../helpers/cli.js';
import {DialogflowTestServer} from '../support/dialogflow-server/server.js';
import {smallDataset} from './fixtures.js';

/** Like runCli, but asynchronous: the local gRPC server lives in this process and must keep answering. */
function runCliAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: {...process.env, NO_COLOR: '1', ...env},
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({status: code ?? -1, stdout, stderr}));
  });
}

let server: DialogflowTestServer;
let dir: string;
let datasetFile: string;
beforeAll(async () => {
  server = await DialogflowTestServer.start();
  dir = tempDir('synthnlu-push-cli-');
  datasetFile = join(dir, 'data.json');
  await writeDataset(datasetFile, smallDataset());
});
afterAll(async () => server.stop());

describe('push in a child process', () => {
  const base = () => [
    'push',
    datasetFile,
    '--to',
    'dialogflow',
    '--project',
    'cli',
    '--endpoint',
    `http://127.0.0.1:${server.port}`,
    '--retry-base-ms',
    '1',
    '--backup-dir',
    join(dir, 'backups'),
  ];

  it('applies with --yes, printing the plan and no client warnings', async () => {
    const run = await runCliAsync([...base(), '--yes']);
    // The Dialogflow client's own warnings (metadata-server probe, paging) must not reach users.
    expect(run.stderr).not.toMatch(/MetadataLookupWarning|AutopaginateTrueWarning|DeprecationWarning/);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('+ create intent track_order (2 phrases)');
    expect(run.stdout).toMatch(/dialogflow: 3 changed, 0 failed, \d+ write calls/);
  });

  it('never prints the private key of the service account when a push fails', async () => {
    const secretBody = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC-UNIQUE-SECRET';
    const keyFile = join(dir, 'sa.json');
    writeFileSync(
      keyFile,
      JSON.stringify({
        type: 'service_account',
        project_id: 'cli',
        client_email: 'sa@cli.iam.gserviceaccount.com',
        private_key: `-----BEGIN PRIVATE KEY-----\n${secretBody}\n-----END PRIVATE KEY-----\n`,
      }),
    );
    // A loopback endpoint sends no credentials, so the server quotes the key in its error (as a misconfigured
    // proxy might): only redaction keeps it from the per-intent report.
    server.injectFault({
      method: 'BatchUpdateIntents',
      code: status.UNAVAILABLE,
      times: Infinity,
      details: `upstream rejected key ${secretBody}`,
    });
    server.agent('projects/cli/agent').intents.clear();
    for (const extra of [[], ['--json']]) {
      const run = await runCliAsync([...base(), '--yes', '--key-file', keyFile, ...extra]);
      expect(run.status).toBe(1);
      expect(run.stdout + run.stderr).toContain('upstream rejected key [REDACTED]');
      for (const text of [run.stdout, run.stderr]) {
        expect(text).not.toContain(secretBody);
        expect(text).not.toContain('UNIQUE-SECRET');
      }
    }
  });
});
