/**
 * Progress for every command, in one place: always on stderr (stdout carries the result), and only for a person
 * watching a terminal, never with --json or when stderr is piped (logs and CI stay clean).
 */

export interface ProgressBar {
  /** Redraws the bar (at most every 100 ms); `total` updates the bar's end when the work grows. */
  tick(done: number, total?: number): void;
  /** Erases the bar's line. */
  done(): void;
}

export interface Progress {
  /** A one-line bar redrawn in place, e.g. `generating [#####-----] 500/1000`. */
  bar(label: string, total: number): ProgressBar;
  /** One line of news about a long step, e.g. `coverage: training fold 2 of 5`. */
  note(message: string): void;
}

export interface ProgressTarget {
  isTTY?: boolean;
  write(text: string): unknown;
}

const BAR_WIDTH = 30;
const REDRAW_MS = 100;
const ERASE_LINE = '\r\u001B[2K';

const SILENT_BAR: ProgressBar = {tick() {}, done() {}};
export const SILENT_PROGRESS: Progress = {bar: () => SILENT_BAR, note() {}};

export function renderBar(label: string, done: number, total: number): string {
  const filled = Math.round((Math.min(done, total) / Math.max(total, 1)) * BAR_WIDTH);
  return `\r${label} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total}`;
}

/** Progress on `stream` (stderr by default); silent with --json or when the stream is not a terminal. */
export function stderrProgress(
  options: {json: boolean; stream?: ProgressTarget; now?: () => number} = {json: false},
): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.json || !stream.isTTY) return SILENT_PROGRESS;
  const now = options.now ?? Date.now;
  return {
    bar(label, total) {
      let last = -Infinity;
      let end = total;
      return {
        tick(done, newTotal) {
          if (newTotal !== undefined) end = newTotal;
          const time = now();
          if (time - last < REDRAW_MS) return;
          last = time;
          stream.write(renderBar(label, done, end));
        },
        done() {
          stream.write(ERASE_LINE);
        },
      };
    },
    note(message) {
      stream.write(`${message}\n`);
    },
  };
}
