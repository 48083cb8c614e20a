import {spawnSync} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SHARED = join(ROOT, '..', 'shared');
export const BIN = join(ROOT, 'bin', 'run.js');

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a real child process (bin/run.js), as a user would. */
export function runCli(
  args: string[],
  options: {cwd?: string; env?: NodeJS.ProcessEnv; input?: string} = {},
): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env},
    encoding: 'utf8',
    input: options.input ?? '',
    maxBuffer: 256 * 1024 * 1024,
  });
  return {status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr};
}

export function tempDir(prefix = 'synthnlu-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** An environment with no credentials of any platform: no key file, no gcloud login, no Azure settings, not on Google Cloud. */
export function noCredentialsEnv(): NodeJS.ProcessEnv {
  const home = tempDir();
  return {
    GOOGLE_APPLICATION_CREDENTIALS: '',
    HOME: home,
    CLOUDSDK_CONFIG: join(home, 'gcloud'),
    // Not on Google Cloud: skip the metadata-server probe, as a laptop without it would fail it.
    METADATA_SERVER_DETECTION: 'none',
    AZURE_CONVERSATIONS_KEY: '',
    AZURE_CONVERSATIONS_ENDPOINT: '',
    AZURE_CONVERSATIONS_PROJECT_NAME: '',
  };
}
