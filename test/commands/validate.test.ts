import {runCommand} from '@oclif/test';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ROOT, runCli, tempDir} from '../helpers/cli.js';

describe('validate (in process)', () => {
  it('accepts the bundled example', async () => {
    const {stdout, error} = await runCommand(
      ['validate', join(ROOT, 'examples/customer-support.yaml'), '--json'],
      {root: ROOT},
    );
    expect(error).toBeUndefined();
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({kind: 'spec', valid: true, summary: {intents: 12}});
  });
});

describe('validate (child process)', () => {
  it('exits 2 on a misspelled key, naming the file, the line and the right key', () => {
    const dir = tempDir();
    const file = join(dir, 'spec.yaml');
    writeFileSync(file, 'language: en\nintents:\n  - name: greet\n    exmaples:\n      - hello\n');
    const run = runCli(['validate', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${file}:4:5`);
    expect(run.stderr).toContain('did you mean "examples"');
    expect(run.stdout).toBe('');
  });

  it('prints only JSON on stdout with --json, even on failure', () => {
    const dir = tempDir();
    const file = join(dir, 'spec.yaml');
    writeFileSync(file, 'intents:\n  - name: a\n    examples: [hi]\n  - name: a\n    examples: [yo]\n');
    const run = runCli(['validate', file, '--json']);
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.valid).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({
      code: 'SPEC_DUPLICATE_INTENT',
      line: 4,
      path: 'intents[1].name',
    });
  });

  it('init then validate succeeds, and init refuses to overwrite', () => {
    const dir = tempDir();
    expect(runCli(['init', dir]).status).toBe(0);
    expect(runCli(['validate', join(dir, 'synthnlu.yaml')]).status).toBe(0);
    const again = runCli(['init', dir]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('--force');
  });

  it('suggests the closest command for a typo', () => {
    const run = runCli(['valdate']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Did you mean "validate"');
  });
});
