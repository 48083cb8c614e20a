import type {ProgressReporter} from './types.js';

/** A progress bar on stderr when it is a terminal; silent otherwise (CI logs get the final summary only). */
export function stderrProgress(enabled = Boolean(process.stderr.isTTY)): ProgressReporter {
  let label = '';
  let total = 0;
  let done = 0;
  const draw = () => {
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : width;
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
  };
  return {
    start(nextLabel, nextTotal) {
      label = nextLabel;
      total = nextTotal;
      done = 0;
      if (enabled) draw();
    },
    advance(count) {
      done += count;
      if (enabled) draw();
    },
    done() {
      if (enabled) process.stderr.write('\n');
    },
  };
}

export const silentProgress: ProgressReporter = {start() {}, advance() {}, done() {}};
