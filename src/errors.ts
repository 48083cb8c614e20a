/**
 * Errors and findings. Every problem synthnlu reports is a Diagnostic with a stable code, a location
 * (file, line, column, JSON path) and, where one exists, a suggestion that says how to fix it.
 */

export type Severity = 'error' | 'warning' | 'info';

/** Exit codes shared by every command: scripts and CI rely on them. */
export const ExitCode = {
  ok: 0,
  /** A check ran and failed (invalid data, a coverage gate, a failed push). */
  failedCheck: 1,
  /** The input could not be used at all (unreadable file, syntax or schema error, bad flag). */
  badInput: 2,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export interface SourceLocation {
  file?: string;
  /** 1-based line. */
  line?: number;
  /** 1-based column. */
  column?: number;
  /** JSON path in dotted/bracket form, e.g. intents[3].examples[0]. */
  path?: string;
}

export interface Diagnostic extends SourceLocation {
  severity: Severity;
  /** Stable, greppable identifier such as SPEC_UNKNOWN_KEY. */
  code: string;
  message: string;
  suggestion?: string;
}

/** Marks a SynthnluError from any copy of synthnlu (a plugin may bring its own install of the kit). */
const SYNTHNLU_ERROR = Symbol.for('synthnlu.SynthnluError');

/** A failure that stops a command. Carries diagnostics so callers can print all problems, not just the first. */
export class SynthnluError extends Error {
  /**
   * `instanceof SynthnluError` also holds for an error thrown by a plugin's connector through its own copy of
   * synthnlu/connector-kit, so it is reported with its code, exit code and suggestion like ours.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this !== SynthnluError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && SYNTHNLU_ERROR in value;
  }

  readonly [SYNTHNLU_ERROR] = true;
  readonly code: string;
  readonly exitCode: ExitCodeValue;
  readonly diagnostics: Diagnostic[];
  readonly suggestion?: string;
  readonly location: SourceLocation;

  constructor(
    code: string,
    message: string,
    options: {
      exitCode?: ExitCodeValue;
      diagnostics?: Diagnostic[];
      suggestion?: string;
      location?: SourceLocation;
      cause?: unknown;
    } = {},
  ) {
    // `message` is the plain problem; the thrown error's message is prefixed with where it is.
    super(
      formatDiagnostic({...(options.location ?? {}), message} as Diagnostic),
      options.cause === undefined ? undefined : {cause: options.cause},
    );
    this.name = 'SynthnluError';
    this.code = code;
    this.exitCode = options.exitCode ?? ExitCode.badInput;
    this.suggestion = options.suggestion;
    this.location = options.location ?? {};
    this.diagnostics = options.diagnostics ?? [
      {
        severity: 'error',
        code,
        message,
        ...this.location,
        ...(options.suggestion ? {suggestion: options.suggestion} : {}),
      },
    ];
  }

  toJSON(): {
    code: string;
    exitCode: number;
    message: string;
    suggestion?: string;
    diagnostics: Diagnostic[];
  } {
    return {
      code: this.code,
      exitCode: this.exitCode,
      message: this.message,
      ...(this.suggestion ? {suggestion: this.suggestion} : {}),
      diagnostics: this.diagnostics,
    };
  }
}

/** Thrown when diagnostics contain errors: the file is unusable. */
export function failOnErrors(diagnostics: Diagnostic[], options: {exitCode?: ExitCodeValue} = {}): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return;
  const first = errors[0]!;
  const more =
    errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  throw new SynthnluError(first.code, `${first.message}${more}`, {
    diagnostics,
    location: pickLocation(first),
    ...(first.suggestion ? {suggestion: first.suggestion} : {}),
    ...(options.exitCode === undefined ? {} : {exitCode: options.exitCode}),
  });
}

function pickLocation(d: SourceLocation): SourceLocation {
  const loc: SourceLocation = {};
  if (d.file !== undefined) loc.file = d.file;
  if (d.line !== undefined) loc.line = d.line;
  if (d.column !== undefined) loc.column = d.column;
  if (d.path !== undefined) loc.path = d.path;
  return loc;
}

/** "file.yaml:3:5" or "file.yaml" or "", plus " intents[0].name" when a path is known. */
export function formatLocation(loc: SourceLocation): string {
  let where = loc.file ?? '';
  if (where && loc.line !== undefined)
    where += `:${loc.line}${loc.column === undefined ? '' : `:${loc.column}`}`;
  if (loc.path) where += where ? ` (${loc.path})` : loc.path;
  return where;
}

/** One line: "file:line:col (path): message (did you mean ...)". The suggestion is printed separately by callers. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = formatLocation(d);
  return where ? `${where}: ${d.message}` : d.message;
}

export function countBySeverity(diagnostics: Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = {error: 0, warning: 0, info: 0};
  for (const d of diagnostics) counts[d.severity] += 1;
  return counts;
}

/** Sort worst first, then by file position, so people read the important things first. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const rank: Record<Severity, number> = {error: 0, warning: 1, info: 2};
  return [...diagnostics].sort(
    (a, b) =>
      rank[a.severity] - rank[b.severity] ||
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}
