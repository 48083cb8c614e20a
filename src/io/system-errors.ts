/**
 * Turns errors thrown by Node or a library (errno codes, RangeError from deep nesting, YAML's alias limit)
 * into SynthnluErrors with a stable code, exit code 2, the path involved and a fix, so that no raw
 * `EACCES: permission denied, open ...` or stack trace reaches a user.
 */
import {SynthnluError} from '../errors.js';

interface SystemErrorShape extends Error {
  code?: string;
  path?: string;
  dest?: string;
  port?: number;
  address?: string;
}

const ERRNO: Record<string, {code: string; message: string; suggestion: string}> = {
  EACCES: {
    code: 'PERMISSION_DENIED',
    message: 'permission denied',
    suggestion: 'Check the permissions, or choose another path.',
  },
  EPERM: {
    code: 'PERMISSION_DENIED',
    message: 'operation not permitted',
    suggestion: 'Check the permissions, or choose another path.',
  },
  EROFS: {
    code: 'PERMISSION_DENIED',
    message: 'the file system is read-only',
    suggestion: 'Choose a writable path.',
  },
  ENOENT: {code: 'FILE_NOT_FOUND', message: 'no such file or folder', suggestion: 'Check the path.'},
  ENOTDIR: {
    code: 'PATH_NOT_A_FOLDER',
    message: 'a part of the path is a file, not a folder',
    suggestion: 'Check the path.',
  },
  EISDIR: {
    code: 'PATH_IS_A_FOLDER',
    message: 'is a folder, expected a file',
    suggestion: 'Name a file, not a folder.',
  },
  EEXIST: {code: 'PATH_EXISTS', message: 'already exists', suggestion: 'Remove it or choose another path.'},
  ENOTEMPTY: {
    code: 'PATH_EXISTS',
    message: 'folder is not empty',
    suggestion: 'Remove it or choose another path.',
  },
  ENOSPC: {
    code: 'DISK_FULL',
    message: 'no space left on the device',
    suggestion: 'Free some space and run again.',
  },
  EMFILE: {
    code: 'TOO_MANY_OPEN_FILES',
    message: 'too many open files',
    suggestion: 'Raise the open-file limit (ulimit -n).',
  },
  ENAMETOOLONG: {
    code: 'PATH_TOO_LONG',
    message: 'the path is too long',
    suggestion: 'Choose a shorter path.',
  },
  ELOOP: {code: 'PATH_LOOP', message: 'the path loops through symbolic links', suggestion: 'Check the path.'},
  EXDEV: {
    code: 'PATH_CROSS_DEVICE',
    message: 'cannot move a file across file systems',
    suggestion: 'Write the output on the same disk as its folder.',
  },
};

/** `input`: the file the command was reading, named in errors that come from its content. */
export function toSynthnluError(error: unknown, input?: string): SynthnluError | undefined {
  const where = input === undefined ? {} : {location: {file: input}};
  if (error instanceof SynthnluError) return error;
  if (!(error instanceof Error)) return undefined;
  const system = error as SystemErrorShape;
  if (system.code === 'EADDRINUSE' || system.code === 'EADDRNOTAVAIL') {
    const where = `${system.address ?? ''}${system.port === undefined ? '' : `:${system.port}`}`;
    return new SynthnluError(
      'PORT_UNAVAILABLE',
      system.code === 'EADDRINUSE' ? `port ${where} is already in use` : `cannot listen on ${where}`,
      {
        suggestion: 'Pick another --port (0 picks a free one) or stop the program that holds it.',
        cause: error,
      },
    );
  }
  const known = system.code ? ERRNO[system.code] : undefined;
  if (known) {
    return new SynthnluError(known.code, known.message, {
      ...(system.path ? {location: {file: system.path}} : {}),
      suggestion: known.suggestion,
      cause: error,
    });
  }
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return new SynthnluError('INPUT_TOO_DEEP', 'the input is nested too deeply to process', {
      ...where,
      suggestion: 'Flatten the deepest nesting (parentheses, brackets or lists).',
      cause: error,
    });
  }
  if (
    (error instanceof RangeError && /string length|array length|buffer/i.test(error.message)) ||
    system.code === 'ERR_STRING_TOO_LONG'
  ) {
    return new SynthnluError(
      'INPUT_TOO_LARGE',
      'the input or the output it asks for is too large to hold in memory',
      {
        ...where,
        suggestion: 'Use a smaller input or a smaller count.',
        cause: error,
      },
    );
  }
  if (/excessive alias count/i.test(error.message)) {
    return new SynthnluError('YAML_ALIAS_BOMB', 'YAML aliases expand too much (an alias bomb)', {
      ...where,
      suggestion: 'Replace repeated aliases by plain values.',
      cause: error,
    });
  }
  return undefined;
}
