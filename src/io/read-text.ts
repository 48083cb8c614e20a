import {readFile, stat} from 'node:fs/promises';
import {SynthnluError} from '../errors.js';

export interface TextFile {
  path: string;
  text: string;
  /** The file started with a UTF-8 byte order mark, which was removed. */
  hadBom: boolean;
}

export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

/** Line and column (1-based) of a UTF-16 offset in text. */
export function lineColumnAt(text: string, offset: number): {line: number; column: number} {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return {line, column: offset - lineStart + 1};
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Decoding growing prefixes would be quadratic; one pass over the UTF-8 sequence lengths finds the byte.
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0 || i + need >= bytes.length) return i;
    if (need > 0) {
      try {
        // Catches bad continuation bytes, overlong forms and encoded surrogates (CESU-8) in one sequence.
        new TextDecoder('utf-8', {fatal: true}).decode(bytes.subarray(i, i + need + 1));
      } catch {
        return i;
      }
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Reads a UTF-8 text file, refusing files over maxBytes before reading them and naming the line of the first
 * byte that is not UTF-8. A leading BOM is accepted and removed (Windows editors add one).
 */
export async function readTextFile(
  path: string,
  options: {maxBytes?: number; what?: string} = {},
): Promise<TextFile> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const what = options.what ?? 'file';
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new SynthnluError('FILE_IS_DIRECTORY', `is a folder, expected a ${what}`, {
        location: {file: path},
      });
    }
    size = info.size;
  } catch (error) {
    if (error instanceof SynthnluError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new SynthnluError(
      code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE',
      code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(error)})`,
      {
        location: {file: path},
        suggestion:
          code === 'ENOENT' ? 'Check the path, or run `synthnlu init` to create a spec.' : undefined,
      },
    );
  }
  if (size > maxBytes) {
    throw new SynthnluError(
      'FILE_TOO_LARGE',
      `the ${what} is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${(maxBytes / 1024 / 1024).toFixed(0)} MB limit`,
      {location: {file: path}, suggestion: `Split it, or use the JSONL form, which is streamed.`},
    );
  }
  const bytes = await readFile(path);
  const hadBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hadBom ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(body);
  } catch {
    const at = firstInvalidUtf8(body);
    const prefix = new TextDecoder('utf-8').decode(body.subarray(0, Math.max(at, 0)));
    const {line, column} = lineColumnAt(prefix, prefix.length);
    throw new SynthnluError(
      'FILE_NOT_UTF8',
      `not valid UTF-8 (byte 0x${(body[at] ?? 0).toString(16).padStart(2, '0')} at byte offset ${at + (hadBom ? 3 : 0)})`,
      {
        location: {file: path, line, column},
        suggestion: 'Save the file as UTF-8 (most editors: "Save with encoding").',
      },
    );
  }
  return {path, text, hadBom};
}
