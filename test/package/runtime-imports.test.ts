import {readFileSync, readdirSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ROOT} from '../helpers/cli.js';

interface Manifest {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

function jsFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) jsFiles(path, out);
    else if (name.endsWith('.js') || name.endsWith('.cjs')) out.push(path);
  }
  return out;
}

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`); undefined for relative and node: ones. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('node:') || specifier.startsWith('/'))
    return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Imports of a devDependency that only run inside the caller's own test run: `runConformance` is called from a
 * connector author's vitest file and loads vitest lazily from there.
 */
const TEST_TIME_IMPORTS = new Set(['dist/src/conformance/run-conformance.js imports vitest']);

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

describe('what is published runs on what a user installs', () => {
  it('no module under dist/ imports a devDependency (build tools stay in scripts/, out of the package)', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
    const devOnly = new Set(
      Object.keys(manifest.devDependencies).filter((name) => !(name in manifest.dependencies)),
    );
    const offenders: string[] = [];
    const files = [...jsFiles(join(ROOT, 'dist', 'src')), ...jsFiles(join(ROOT, 'dist', 'connectors'))];
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
        const name = packageOf(match[1] ?? '');
        if (name === undefined || !devOnly.has(name)) continue;
        const offence = `${relative(ROOT, file)} imports ${name}`;
        if (!TEST_TIME_IMPORTS.has(offence)) offenders.push(offence);
      }
    }
    expect(files.length).toBeGreaterThan(100);
    expect(offenders).toEqual([]);
  });
});
