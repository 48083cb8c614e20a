/**
 * --max-bytes holds for the command run that was given it, not for the process (issue 26 item 4: no
 * process-global state between runs): two commands in one process, one after the other or at once, each
 * read under their own limit.
 */
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {runCommand} from '@oclif/test';
import {describe, expect, it} from 'vitest';
import {ROOT, tempDir} from '../helpers/cli.js';

const SPEC = `intents:
  - name: greet
    examples: [hello there, hi, good morning to you, hey, good evening]
  - name: bye
    examples: [goodbye, see you later, bye for now, talk to you soon, farewell]
`;

describe('--max-bytes is scoped to its command run', () => {
  it('a refusal under --max-bytes 100 leaves the next command at the defaults', async () => {
    const file = join(tempDir(), 'spec.yaml');
    writeFileSync(file, SPEC);
    expect(SPEC.length).toBeGreaterThan(100);
    const limited = await runCommand(['validate', file, '--max-bytes', '100'], {root: ROOT});
    expect(limited.error?.message).toBe('EEXIT: 2');
    expect(limited.stderr).toMatch(/100 bytes/);
    // The same module instances the command used (the CLI runs dist/), so a module variable would carry over.
    const unlimited = await runCommand(['validate', file], {root: ROOT});
    expect(unlimited.error).toBeUndefined();
  });

  it('two runs at once each keep their own limit', async () => {
    const file = join(tempDir(), 'spec.yaml');
    writeFileSync(file, SPEC);
    const [limited, unlimited] = await Promise.all([
      runCommand(['validate', file, '--max-bytes', '100'], {root: ROOT}),
      runCommand(['validate', file], {root: ROOT}),
    ]);
    // Output capture is shared between concurrent runs; the outcomes are each run's own.
    expect(limited.error?.message).toBe('EEXIT: 2');
    expect(unlimited.error).toBeUndefined();
  });
});
