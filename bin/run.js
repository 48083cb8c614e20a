#!/usr/bin/env node
import {execute} from '@oclif/core';
import process from 'node:process';

// oclif swallows EPIPE on standard output and rethrows anything else (a raw errno object and a stack trace).
// Instead: a reader that went away (`| head -1`) ends the run quietly; a full disk or another write error is
// one line naming standard output, exit 2.
process.stdout.removeAllListeners('error');
process.stdout.on('error', (error) => {
  if (error?.code === 'EPIPE') process.exit(0);
  const reason =
    error?.code === 'ENOSPC' ? 'no space left on the device (ENOSPC)' : (error?.code ?? 'write failed');
  process.stderr.write(
    `Error: cannot write to standard output: ${reason}\n  fix: Free some space, or send the output elsewhere.\n`,
  );
  process.exit(2);
});

await execute({dir: import.meta.url});
