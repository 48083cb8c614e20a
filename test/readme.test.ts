import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
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
