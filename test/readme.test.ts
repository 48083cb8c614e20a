import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ROOT} from './helpers/cli.js';

function commandsSection(text: string): string {
  // The line-start anchor skips oclif's own "replacing <!-- commands -->" log line.
  const start = text.indexOf('\n<!-- commands -->');
  const end = text.indexOf('<!-- commandsstop -->');
  expect(start, 'README has no <!-- commands --> section').toBeGreaterThanOrEqual(0);
  return text.slice(start, end);
}

describe('README command reference', () => {
  it('is what `npm run readme` generates from the commands (run it after changing a command)', () => {
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/oclif/bin/run.js'), 'readme', '--no-aliases', '--dry-run'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: {...process.env, NO_COLOR: '1', OCLIF_SKIP_UPDATE_CHECK: '1'},
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(commandsSection(readme)).toBe(commandsSection(run.stdout));
  });
});

describe('README quick start (issue 29 item 1)', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## What it does'));

  it('keeps the two quick-start commands', () => {
    expect(quickStart).toContain('npm ci && npm run example');
    expect(quickStart).toContain('bash .ci/run');
  });

  it('says how to get synthnlu on the PATH from a clone and from the package, before any `synthnlu …` example', () => {
    expect(quickStart).toMatch(/`npm link` puts `synthnlu` on your PATH/);
    expect(quickStart).toContain('`./bin/run.js …`');
    expect(quickStart).toContain('`npx synthnlu …`');
    expect(quickStart).toContain('`npm install -g synthnlu`');
  });

  it('the clone commands it names run the CLI (bin/run.js from another folder, npx inside the clone)', () => {
    const direct = spawnSync(process.execPath, [join(ROOT, 'bin/run.js'), 'version'], {
      cwd: tmpdir(),
      encoding: 'utf8',
    });
    expect(direct.status, direct.stderr).toBe(0);
    expect(direct.stdout).toMatch(/^synthnlu\/\d+\.\d+\.\d+/);
    // npx resolves a package's own bin inside its folder, without a network: this is what the README promises.
    const npx = spawnSync('npx', ['--no-install', 'synthnlu', 'version'], {cwd: ROOT, encoding: 'utf8'});
    expect(npx.status, npx.stderr).toBe(0);
    expect(npx.stdout).toMatch(/^synthnlu\/\d+\.\d+\.\d+/);
  });
});
