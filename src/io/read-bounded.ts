import {open, stat} from 'node:fs/promises';
import {SynthnluError} from '../errors.js';
import {formatBytes} from './input-limits.js';

const CHUNK = 1024 * 1024;

/** What a path is when it is not a regular file, in words a user recognises. */
function describeNonRegular(info: import('node:fs').Stats): string {
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Turns a failed stat/open/read into the error a user can act on (never a raw ENOENT/EACCES). */
export function fileAccessError(path: string, error: unknown, what = 'file'): SynthnluError {
  if (error instanceof SynthnluError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const location = {file: path};
  switch (code) {
    case 'ENOENT':
      return new SynthnluError('FILE_NOT_FOUND', 'no such file', {location, suggestion: 'Check the path.'});
    case 'ENOTDIR':
      return new SynthnluError('FILE_NOT_FOUND', 'a part of the path is a file, not a folder', {
        location,
        suggestion: 'Check the path.',
      });
    case 'EISDIR':
      return new SynthnluError('FILE_IS_DIRECTORY', `is a folder, expected a ${what}`, {location});
    case 'EACCES':
    case 'EPERM':
      return new SynthnluError('FILE_UNREADABLE', 'permission denied', {
        location,
        suggestion: 'Check the file permissions.',
      });
    default:
      return new SynthnluError('FILE_UNREADABLE', `cannot read the ${what} (${code ?? 'I/O error'})`, {
        location,
      });
  }
}

/**
 * Reads a whole regular file, never more than maxBytes: the limit is enforced on the bytes actually read, not
 * the size the file system reports (files under /proc report 0; a file can grow while it is read), and
 * devices, pipes and sockets (/dev/zero, /dev/stdin) are refused before they are opened.
 */
export async function readBoundedFile(
  path: string,
  options: {maxBytes: number; what?: string},
): Promise<Buffer> {
  const what = options.what ?? 'file';
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw fileAccessError(path, error, what);
  }
  if (info.isDirectory())
    throw new SynthnluError('FILE_IS_DIRECTORY', `is a folder, expected a ${what}`, {location: {file: path}});
  if (!info.isFile()) {
    throw new SynthnluError('FILE_NOT_REGULAR', `is ${describeNonRegular(info)}, expected a ${what}`, {
      location: {file: path},
      suggestion: 'Pass a regular file (save the data to a file first).',
    });
  }
  const tooLarge = (size?: number) =>
    new SynthnluError(
      'FILE_TOO_LARGE',
      `the ${what} is ${size === undefined ? 'over' : `${formatBytes(size)}, over`} the ${formatBytes(options.maxBytes)} limit`,
      {
        location: {file: path},
        suggestion:
          'Split it, or raise the limit with --max-bytes if the file is really meant to be this big.',
      },
    );
  if (info.size > options.maxBytes) throw tooLarge(info.size);
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fileAccessError(path, error, what);
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK, options.maxBytes + 1 - total));
      let bytesRead: number;
      try {
        ({bytesRead} = await handle.read(buffer, 0, buffer.length, null));
      } catch (error) {
        throw fileAccessError(path, error, what);
      }
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > options.maxBytes) throw tooLarge();
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}
