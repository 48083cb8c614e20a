/**
 * vitest global setup: rebuilds `dist/` when it was not built from the sources on disk, so a test that runs the
 * built CLI (bin/run.js, oclif's runCommand) always runs the code being changed. `npm test` builds first, and
 * then this finds the build fresh and does nothing.
 */
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {builtFingerprint, sourceFingerprint} from '../../scripts/source-fingerprint.js';

export type BuildRunner = (root: string) => void;

function npmBuild(root: string): void {
  // Not vitest's NODE_ENV=test: under it `oclif manifest` maps commands to their .ts sources, and the manifest
  // then sends the built (and the packed) CLI looking for src/commands/*.ts.
  const {NODE_ENV: _testEnv, ...env} = process.env;
  const result = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    throw new Error(
      `dist/ is stale and \`npm run build\` failed (exit ${String(result.status)}): fix the build first`,
    );
  }
}

/** Builds when the recorded fingerprint differs from the sources'; returns whether it built. */
export function ensureFreshBuild(
  root: string,
  build: BuildRunner = npmBuild,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): boolean {
  if (builtFingerprint(root) === sourceFingerprint(root)) return false;
  log('dist/ was not built from the current sources: running npm run build before the tests');
  build(root);
  if (builtFingerprint(root) !== sourceFingerprint(root)) {
    throw new Error('npm run build did not record the current sources (dist/.source-fingerprint)');
  }
  return true;
}

export default function setup(): void {
  ensureFreshBuild(fileURLToPath(new URL('../..', import.meta.url)));
}
