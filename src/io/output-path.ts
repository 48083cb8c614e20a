/**
 * Where synthnlu may write, decided before any work is done, so that no command loses a file:
 *
 * - an output that is one of the command's inputs is always refused (even with --force);
 * - an existing file is replaced without --force only when synthnlu wrote it (a synthnlu dataset, a coverage
 *   HTML or JUnit report: things a re-run regenerates); anything else needs --force;
 * - folders, devices, pipes and paths under /proc, /sys or /dev are never written to, and every parent must
 *   be a real folder (Node's recursive mkdir spins forever under /proc).
 */
import {open, mkdir, realpath, rmdir, stat} from 'node:fs/promises';
import type {Stats} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {SynthnluError} from '../errors.js';
import {toSynthnluError} from './system-errors.js';

const VIRTUAL_ROOTS = ['/proc', '/sys', '/dev'];

function isVirtual(path: string): boolean {
  return VIRTUAL_ROOTS.some((root) => path === root || path.startsWith(`${root}/`));
}

function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

function mapped(error: unknown, path: string): SynthnluError {
  const known = toSynthnluError(error);
  if (known && known.location.file === undefined)
    return new SynthnluError(known.code, known.message, {location: {file: path}, cause: error});
  return (
    known ??
    new SynthnluError('OUTPUT_UNWRITABLE', `cannot write (${String(error)})`, {location: {file: path}})
  );
}

async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    const code = errnoOf(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw mapped(error, path);
  }
}

/**
 * The nearest folder that exists above `target`, and the folders to create below it. Refuses a parent that
 * is a file and anything that resolves into a virtual file system.
 */
async function existingAncestor(target: string): Promise<{folder: string; missing: string[]}> {
  const missing: string[] = [];
  let at = dirname(resolve(target));
  for (;;) {
    const info = await statOrUndefined(at);
    if (info) {
      if (!info.isDirectory()) {
        throw new SynthnluError(
          'OUTPUT_PARENT_NOT_FOLDER',
          `cannot write here: "${at}" is a file, not a folder`,
          {
            location: {file: target},
            suggestion: 'Choose an output path inside a folder.',
          },
        );
      }
      break;
    }
    missing.unshift(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  const real = await realpath(at).catch(() => at);
  if (isVirtual(resolve(target)) || isVirtual(real)) {
    throw new SynthnluError('OUTPUT_SPECIAL_PATH', 'refusing to write under /proc, /sys or /dev', {
      location: {file: target},
      suggestion: 'Write to a regular folder (to discard the output, write it to a temporary folder).',
    });
  }
  return {folder: at, missing};
}

/** Creates the missing parent folders of `target`, one level at a time, after checking they can be. */
/** Creates the missing folders above `target` and returns them (outermost first), for removeCreatedFolders. */
export async function ensureParentFolder(target: string): Promise<string[]> {
  const {missing} = await existingAncestor(target);
  const created: string[] = [];
  for (const folder of missing) {
    try {
      await mkdir(folder);
      created.push(folder);
    } catch (error) {
      if (errnoOf(error) === 'EEXIST' && (await statOrUndefined(folder))?.isDirectory()) continue;
      await removeCreatedFolders(created);
      throw mapped(error, folder);
    }
  }
  return created;
}

/** After a failed write: removes the folders ensureParentFolder created, innermost first, if still empty. */
export async function removeCreatedFolders(created: readonly string[]): Promise<void> {
  for (const folder of [...created].reverse()) await rmdir(folder).catch(() => undefined);
}

/** Whether the file starts like something synthnlu writes and a re-run regenerates. */
export async function writtenBySynthnlu(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
    const head = Buffer.alloc(4096);
    const {bytesRead} = await handle.read(head, 0, head.length, 0);
    const text = head.subarray(0, bytesRead).toString('utf8');
    return (
      /"format"\s*:\s*"synthnlu-dataset\//.test(text) ||
      /<title>synthnlu coverage/.test(text) ||
      /<testsuites name="synthnlu coverage"/.test(text)
    );
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

export interface OutputCheck {
  /** Files and folders the command reads: never overwritten. */
  inputs?: readonly string[];
  force?: boolean;
  /** 'file' (default) refuses an existing folder; 'file-or-folder' lets the caller write into a folder. */
  accepts?: 'file' | 'file-or-folder';
  /** Shown in messages, e.g. "--html report". */
  what?: string;
}

/** Checks an output path against the rules above; call it before doing the work. */
export async function checkOutputPath(target: string, options: OutputCheck = {}): Promise<void> {
  const what = options.what ?? 'output';
  await existingAncestor(target);
  const info = await statOrUndefined(target);
  if (!info) return;
  for (const input of options.inputs ?? []) {
    const inputInfo = await statOrUndefined(input);
    if (inputInfo && inputInfo.dev === info.dev && inputInfo.ino === info.ino) {
      throw new SynthnluError(
        'OUTPUT_IS_INPUT',
        `the ${what} is the input file "${input}"; refusing to overwrite it`,
        {
          location: {file: target},
          suggestion: 'Write the output to another file.',
        },
      );
    }
  }
  if (info.isDirectory()) {
    if (options.accepts === 'file-or-folder') return;
    throw new SynthnluError('OUTPUT_IS_FOLDER', `the ${what} is a folder, expected a file name`, {
      location: {file: target},
      suggestion: 'Name a file inside the folder.',
    });
  }
  if (!info.isFile()) {
    throw new SynthnluError('OUTPUT_NOT_REGULAR', `the ${what} exists and is not a regular file`, {
      location: {file: target},
      suggestion: 'Write to a regular file.',
    });
  }
  if (!options.force && !(await writtenBySynthnlu(target))) {
    throw new SynthnluError('OUTPUT_EXISTS', `the ${what} exists and was not written by synthnlu`, {
      location: {file: target},
      suggestion: 'Pass --force to replace it, or choose another path.',
    });
  }
}
