/**
 * The published package as a user gets it: `npm pack`, then a clean install of the tarball into a temporary
 * folder, then `synthnlu --help`, the README's example, and `require('synthnlu')` from CommonJS.
 *
 * No network: the tarball is unpacked as `node_modules/synthnlu` and its production dependencies (`npm ls
 * --omit=dev`) are linked from this checkout's node_modules, so a runtime import of a devDependency fails here
 * as it would for a user.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync} from 'node:fs';
import {join, relative, sep} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {ROOT, tempDir} from '../helpers/cli.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let app: string;
let files: string[];

/** Top-level packages in node_modules that production code can reach (the hoisted closure of dependencies). */
function productionPackages(): string[] {
  // spawnSync, not execFileSync: npm ls exits 1 on an extraneous package yet still lists the tree.
  const paths = spawnSync(NPM, ['ls', '--omit=dev', '--all', '--parseable'], {cwd: ROOT, encoding: 'utf8'})
    .stdout.split('\n')
    .filter(Boolean);
  const top = new Set<string>();
  for (const path of paths) {
    const parts = relative(join(ROOT, 'node_modules'), path).split(sep);
    if (parts[0] === '..' || parts[0] === '' || parts.includes('node_modules')) continue;
    top.add(parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!);
  }
  return [...top];
}

function run(args: string[]) {
  return spawnSync(process.execPath, args, {
    cwd: app,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1'},
  });
}

beforeAll(() => {
  const dir = tempDir('synthnlu-pack-');
  const packed = JSON.parse(
    execFileSync(NPM, ['pack', '--json', '--pack-destination', dir], {cwd: ROOT, encoding: 'utf8'}),
  ) as {filename: string; files: {path: string}[]}[];
  files = packed[0]!.files.map((f) => f.path);
  app = join(dir, 'app');
  const installed = join(app, 'node_modules', 'synthnlu');
  mkdirSync(installed, {recursive: true});
  writeFileSync(join(app, 'package.json'), '{"name": "my-bot", "private": true}\n');
  execFileSync('tar', ['-xzf', join(dir, packed[0]!.filename), '-C', installed, '--strip-components=1']);
  for (const name of productionPackages()) {
    const link = join(app, 'node_modules', name);
    mkdirSync(join(link, '..'), {recursive: true});
    symlinkSync(join(ROOT, 'node_modules', name), link, 'dir');
  }
}, 120_000);

describe('npm pack, then a clean install of the tarball', () => {
  it('ships the CLI, a LICENSE, and no dev-only files or dangling source maps', () => {
    expect(files).toContain('LICENSE');
    expect(files).toContain('bin/run.js');
    expect(files).toContain('examples/customer-support.yaml');
    expect(
      files.filter((f) => f === 'bin/dev.js' || f.endsWith('.tsbuildinfo') || f.endsWith('.map')),
    ).toEqual([]);
    expect(files.some((f) => f.startsWith('src/'))).toBe(false);
    const withMapComment = spawnSync(
      'grep',
      ['-rl', 'sourceMappingURL', join(app, 'node_modules/synthnlu/dist')],
      {
        encoding: 'utf8',
      },
    );
    expect(withMapComment.stdout).toBe('');
  });

  it('synthnlu --help and the README example run from the installed package', () => {
    const bin = join(app, 'node_modules/synthnlu/bin/run.js');
    const help = run([bin, '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^COMMANDS$/m);
    const example = run([
      bin,
      'generate',
      'node_modules/synthnlu/examples/customer-support.yaml',
      '--out',
      'out/customer-support.jsonl',
      '--seed',
      '1',
    ]);
    expect(example.stderr).toBe('');
    expect(example.status).toBe(0);
    expect(existsSync(join(app, 'out/customer-support.jsonl'))).toBe(true);
    expect(readdirSync(join(app, 'out'))).toEqual(['customer-support.jsonl']);
  });

  it('require("synthnlu") works from CommonJS, and import from ES modules', () => {
    const cjs = run(['-e', 'const s = require("synthnlu"); console.log(typeof s.createSynthnluRecognizer)']);
    expect(cjs.stderr).toBe('');
    expect(cjs.stdout.trim()).toBe('function');
    const esm = run([
      '--input-type=module',
      '-e',
      'const s = await import("synthnlu"); console.log(typeof s.generateDataset)',
    ]);
    expect(esm.stdout.trim()).toBe('function');
  });

  it('synthnlu/connector-kit loads from the installed package without dev dependencies, and synthnlu/conformance beside it', () => {
    const kit = run([
      '--input-type=module',
      '-e',
      [
        'const kit = await import("synthnlu/connector-kit");',
        'const conformance = await import("synthnlu/conformance");',
        'const schemas = kit.readPackageSchemas(import.meta.resolve("synthnlu/connector-kit"), ["luis-app.schema.json"]);',
        'console.log(typeof conformance.runConformance, typeof kit.runConformance, typeof kit.HttpClient, Object.keys(schemas).join());',
      ].join(' '),
    ]);
    expect(kit.stderr).toBe('');
    expect(kit.stdout.trim()).toBe('function undefined function luis-app.schema.json');
  });
});
