import {SynthnluError} from '../errors.js';
import {readBoundedFile} from './read-bounded.js';

export interface TextFile {
  path: string;
  text: string;
  /** The file started with a UTF-8 byte order mark, which was removed. */
  hadBom: boolean;
}

export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

/** Line and column (1-based) of a UTF-16 offset in text. */
export function lineColumnAt(text: string, offset: number): {line: number; column: number} {
  return lineColumnFinder(text)(offset);
}

/**
 * lineColumnAt for many offsets into one text: the line starts are found once, then each offset is a binary
 * search (a scan per offset is quadratic on a large file with many diagnostics).
 */
export function lineColumnFinder(text: string): (offset: number) => {line: number; column: number} {
  let lineStarts: Int32Array | undefined;
  return (offset) => {
    if (!lineStarts) {
      const starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      lineStarts = Int32Array.from(starts);
    }
    // The last line start at or before the offset (a newline at the offset itself still ends the line before).
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return {line: low + 1, column: offset - lineStarts[low]! + 1};
  };
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
 * Reads a UTF-8 text file, refusing non-regular files and files over maxBytes, and naming the line of the first
 * byte that is not UTF-8. A leading BOM is accepted and removed (Windows editors add one).
 */
export async function readTextFile(
  path: string,
  options: {maxBytes?: number; what?: string} = {},
): Promise<TextFile> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const what = options.what ?? 'file';
  const bytes = await readBoundedFile(path, {maxBytes, what});
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
