import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {FINGERPRINT_FILE, builtFingerprint, sourceFingerprint} from '../../scripts/source-fingerprint.js';
import {ensureFreshBuild} from '../setup/fresh-build.js';
import {ROOT, tempDir} from '../helpers/cli.js';

const made: string[] = [];
const quiet = (): void => undefined;
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true});
});

/** A project with one source file, built (stamped) from it. */
function builtProject(): {root: string; builds: number[]} {
  const root = tempDir('synthnlu-stale-');
  made.push(root);
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 1;\n');
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, FINGERPRINT_FILE), sourceFingerprint(root));
  return {root, builds: []};
}

function stampingBuild(builds: number[]) {
  return (root: string) => {
    builds.push(1);
    writeFileSync(join(root, FINGERPRINT_FILE), sourceFingerprint(root));
  };
}

describe('tests never run a stale dist/', () => {
  it('does not rebuild a build made from the sources on disk', () => {
    const {root, builds} = builtProject();
    expect(ensureFreshBuild(root, stampingBuild(builds), quiet)).toBe(false);
    expect(builds).toHaveLength(0);
  });

  it('rebuilds after a source edit, a new file, a renamed file or a schema change', () => {
    const {root, builds} = builtProject();
    const build = stampingBuild(builds);
    writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 2;\n');
    expect(ensureFreshBuild(root, build, quiet)).toBe(true);
    writeFileSync(join(root, 'src', 'b.ts'), 'export const b = 1;\n');
    expect(ensureFreshBuild(root, build, quiet)).toBe(true);
    rmSync(join(root, 'src', 'b.ts'));
    writeFileSync(join(root, 'src', 'c.ts'), 'export const b = 1;\n');
    expect(ensureFreshBuild(root, build, quiet)).toBe(true);
    mkdirSync(join(root, 'schemas'));
    writeFileSync(join(root, 'schemas', 'x.schema.json'), '{}');
    expect(ensureFreshBuild(root, build, quiet)).toBe(true);
    expect(builds).toHaveLength(4);
    expect(ensureFreshBuild(root, build, quiet)).toBe(false);
  });

  it('rebuilds when there is no build at all, and fails loudly when the build records nothing', () => {
    const {root} = builtProject();
    rmSync(join(root, FINGERPRINT_FILE));
    expect(() =>
      ensureFreshBuild(
        root,
        () => {
          /* a build that forgot to stamp */
        },
        quiet,
      ),
    ).toThrow(/did not record the current sources/);
  });

  it('the repository under test was built from its current sources (the global setup ran)', () => {
    expect(builtFingerprint(ROOT)).toBe(sourceFingerprint(ROOT));
  });
});
