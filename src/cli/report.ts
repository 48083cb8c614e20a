import {countBySeverity, formatDiagnostic, sortDiagnostics, type Diagnostic} from '../errors.js';

const MARK = {error: 'error', warning: 'warning', info: 'info'} as const;

/** Prints diagnostics worst first, one line each plus its fix, and a count of what was left out. */
export function printDiagnostics(
  diagnostics: Diagnostic[],
  write: (line: string) => void,
  options: {limit?: number} = {},
): void {
  const sorted = sortDiagnostics(diagnostics);
  const limit = options.limit ?? 50;
  for (const d of sorted.slice(0, limit)) {
    write(`${MARK[d.severity]} ${d.code}: ${formatDiagnostic(d)}`);
    if (d.suggestion) write(`  fix: ${d.suggestion}`);
  }
  if (sorted.length > limit) write(`... and ${sorted.length - limit} more (use --json to see all)`);
}

export function summarizeCounts(diagnostics: Diagnostic[]): string {
  const c = countBySeverity(diagnostics);
  const part = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${part(c.error, 'error')}, ${part(c.warning, 'warning')}, ${part(c.info, 'note')}`;
}
