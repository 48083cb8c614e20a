/**
 * An empty .jsonl (a run that wrote nothing, a wrong path to a truncated file) is bad input, not a dataset of
 * nothing: validate, coverage and export exit 2 naming the file, and export writes nothing.
 */
import {existsSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCli, tempDir} from '../helpers/cli.js';

describe('an empty dataset file', () => {
  for (const [name, text] of [
    ['empty', ''],
    ['blank lines only', '\n\n  \n'],
  ] as const)
    it(`(${name}) is refused by validate, coverage and export`, () => {
      const dir = tempDir();
      const file = join(dir, 'data.jsonl');
      writeFileSync(file, text);
      for (const args of [
        ['validate', file],
        ['coverage', file],
        ['export', file, '--to', 'rasa', '--out', join(dir, 'nlu.yml')],
      ]) {
        const run = runCli(args);
        expect(run.status, `${args[0]}: ${run.stderr}`).toBe(2);
        expect(run.stderr + run.stdout).toContain('holds no dataset');
        expect(run.stderr + run.stdout).toContain('data.jsonl');
      }
      expect(existsSync(join(dir, 'nlu.yml'))).toBe(false);
    });
});
