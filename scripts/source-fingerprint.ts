/**
 * The build's inputs as one hash, so a test run can tell whether `dist/` was built from the sources on disk.
 * CLI tests run `bin/run.js` and oclif's in-process `runCommand`, which both load `dist/`: after an edit in `src/`
 * a single-file vitest run would otherwise test the previous build and pass or fail for the wrong code.
 * Content, not modification times: a `git checkout` or a copy changes times without changing what was built.
 */
import {createHash} from 'node:crypto';
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';

/** What `npm run build` reads: TypeScript sources, the schemas compiled into validators, and the package manifest. */
export const BUILD_INPUTS = [
  'src',
  'connectors',
  'schemas',
  'bin',
  'package.json',
  'tsconfig.json',
  'tsconfig.build.json',
];

/** The file `npm run build` writes last, holding the fingerprint of the sources it was built from. */
export const FINGERPRINT_FILE = join('dist', '.source-fingerprint');

function listFiles(root: string, entry: string, out: string[]): void {
  const path = join(root, entry);
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    for (const child of readdirSync(path).sort()) listFiles(root, join(entry, child), out);
  } else if (stat.isFile()) {
    out.push(entry);
  }
}

export function sourceFingerprint(root: string): string {
  const files: string[] = [];
  for (const entry of BUILD_INPUTS) listFiles(root, entry, files);
  const hash = createHash('sha256');
  for (const file of files) {
    // The path is hashed with the content, so a renamed or deleted file changes the fingerprint too.
    hash.update(relative(root, join(root, file)).split('\\').join('/'));
    hash.update('\0');
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The fingerprint recorded by the last build, or undefined when there is no build. */
export function builtFingerprint(root: string): string | undefined {
  try {
    return readFileSync(join(root, FINGERPRINT_FILE), 'utf8').trim();
  } catch {
    return undefined;
  }
}
