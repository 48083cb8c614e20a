/**
 * How many bytes synthnlu reads from one input before it refuses it. Parsing is far more memory hungry than
 * the bytes read (YAML takes ~50x), so each kind of input has a default sized for real files of that kind;
 * `--max-bytes` (every command) replaces all of them at once for the rare legitimate giant.
 */

import {AsyncLocalStorage} from 'node:async_hooks';

const MB = 1024 * 1024;

export const DEFAULT_INPUT_LIMITS = {
  /** Specs are written by hand: YAML, JSON or Chatito. */
  spec: 10 * MB,
  /** Datasets (.json/.jsonl) can hold millions of generated utterances. */
  dataset: 512 * MB,
  /** A platform JSON file, or a zip archive on disk. */
  platformFile: 64 * MB,
  /** Platform YAML, Markdown and .lu files: parsing them costs far more memory per byte than JSON. */
  platformText: 8 * MB,
  /** Everything a zip archive or folder may inflate to, across all its files. */
  archiveTotal: 64 * MB,
  /** Files in an archive or folder. */
  archiveEntries: 10_000,
} as const;

export type InputLimitKind = Exclude<keyof typeof DEFAULT_INPUT_LIMITS, 'archiveEntries'>;

/**
 * --max-bytes of the command run this code serves. It lives in the run's async context, not in a module
 * variable: two commands run in one process (tests, a host embedding the CLI) each keep their own limit.
 */
const maxBytesOfRun = new AsyncLocalStorage<{maxBytes: number | undefined}>();

/** Runs a command's `work` in a scope of its own, where setMaxInputBytes holds until the run ends. */
export function inInputLimitScope<T>(work: () => Promise<T>): Promise<T> {
  return maxBytesOfRun.run({maxBytes: undefined}, work);
}

/**
 * Set from --max-bytes for the rest of the calling command's run (inInputLimitScope): replaces every byte
 * limit (not the entry count). Outside a command's scope (library use) there is nothing to set.
 */
export function setMaxInputBytes(bytes: number | undefined): void {
  const scope = maxBytesOfRun.getStore();
  if (scope) scope.maxBytes = bytes;
}

export function maxInputBytes(kind: InputLimitKind): number {
  return maxBytesOfRun.getStore()?.maxBytes ?? DEFAULT_INPUT_LIMITS[kind];
}

/** "10 MB", "512 KB", "12 bytes": limits in messages read the way people set them. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB && bytes % MB === 0) return `${bytes / MB} MB`;
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}

/** Parses "5000", "64KB", "10MB", "1GB" (case-insensitive, binary units) into bytes; undefined when malformed. */
export function parseByteSize(input: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb)?\s*$/i.exec(input);
  if (!match) return undefined;
  const unit = (match[2] ?? 'b').toLowerCase()[0]!;
  const factor = unit === 'g' ? 1024 * MB : unit === 'm' ? MB : unit === 'k' ? 1024 : 1;
  const bytes = Math.floor(Number(match[1]) * factor);
  return bytes >= 1 && Number.isSafeInteger(bytes) ? bytes : undefined;
}
