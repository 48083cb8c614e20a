/**
 * The hostile suite's size (issue 32: "at least 300 distinct hostile inputs and faults"), read by
 * scripts/count-hostile.ts from each file's ..._CASES constant.
 */
import {spawnSync} from 'node:child_process';
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ROOT} from '../helpers/cli.js';

describe('the hostile-input suite', () => {
  it('holds at least 300 distinct hostile inputs and faults, counted in every file', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/count-hostile.ts', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const {total, files} = JSON.parse(run.stdout) as {total: number; files: Record<string, number>};
    const testFiles = readdirSync(join(ROOT, 'test/hostile')).filter(
      (f) => f.endsWith('.test.ts') && f !== 'count.test.ts',
    );
    expect(Object.keys(files).sort()).toEqual(testFiles.sort());
    for (const n of Object.values(files)) expect(n).toBeGreaterThan(0);
    expect(total).toBe(Object.values(files).reduce((a, b) => a + b, 0));
    expect(total).toBeGreaterThanOrEqual(300);
  });
});
