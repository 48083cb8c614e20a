/**
 * Where synthnlu may write, decided before any work is done, so that no command loses a file:
 *
 * - an output that is one of the command's inputs, or contains one, or lies inside one, is always refused
 *   (even with --force);
 * - an existing output is replaced without --force only when synthnlu wrote it (see ownership.ts: every format
 *   synthnlu writes is recognised as its own on the next run); anything else needs --force, and --force only
 *   ever replaces the output itself;
 * - folders, devices, pipes and paths under /proc, /sys or /dev are never written to, and every parent must
 *   be a real folder (Node's recursive mkdir spins forever under /proc).
 */
import {mkdir, realpath, rmdir, stat} from 'node:fs/promises';
import type {Stats} from 'node:fs';
import {basename, dirname, join, relative, resolve, sep} from 'node:path';
import {SynthnluError} from '../errors.js';
import {writtenBySynthnlu} from './ownership.js';
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

export {writtenBySynthnlu} from './ownership.js';

export interface OutputCheck {
  /** Files and folders the command reads: never overwritten. */
  inputs?: readonly string[];
  force?: boolean;
  /** 'file' (default) refuses an existing folder; 'file-or-folder' lets the caller write into a folder. */
  accepts?: 'file' | 'file-or-folder';
  /** Shown in messages, e.g. "--html report". */
  what?: string;
}

/** The real path of `path`, also when it does not exist yet (its nearest existing folder, resolved). */
async function realPathOf(path: string): Promise<string> {
  const absolute = resolve(path);
  const rest: string[] = [];
  for (let at = absolute; ;) {
    try {
      return join(await realpath(at), ...rest);
    } catch {
      const up = dirname(at);
      if (up === at) return absolute;
      rest.unshift(basename(at));
      at = up;
    }
  }
}

function isInside(child: string, parent: string): boolean {
  const path = relative(parent, child);
  return path !== '' && path !== '..' && !path.startsWith(`..${sep}`) && !path.startsWith(sep);
}

/**
 * An output that contains an input (a folder export onto the input's folder) would delete it when replaced;
 * an output inside an input (a folder the command reads) would change it: both are refused whatever the flags.
 */
async function refuseOverlapWithInputs(
  target: string,
  inputs: readonly string[],
  what: string,
): Promise<void> {
  if (inputs.length === 0) return;
  const output = await realPathOf(target);
  for (const input of inputs) {
    if (!(await statOrUndefined(input))) continue;
    const read = await realPathOf(input);
    if (isInside(read, output)) {
      throw new SynthnluError(
        'OUTPUT_CONTAINS_INPUT',
        `the ${what} contains the input "${input}"; replacing it would delete the input, so it is refused even with --force`,
        {location: {file: target}, suggestion: 'Write the output to a new folder or file outside the input.'},
      );
    }
    if (isInside(output, read)) {
      throw new SynthnluError(
        'OUTPUT_INSIDE_INPUT',
        `the ${what} is inside the input folder "${input}"; writing there would change the input, so it is refused even with --force`,
        {location: {file: target}, suggestion: 'Write the output outside the input folder.'},
      );
    }
  }
}

/** Checks an output path against the rules above; call it before doing the work. */
export async function checkOutputPath(target: string, options: OutputCheck = {}): Promise<void> {
  const what = options.what ?? 'output';
  await existingAncestor(target);
  await refuseOverlapWithInputs(target, options.inputs ?? [], what);
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
    throw new SynthnluError(
      'OUTPUT_EXISTS',
      `the ${what} exists and was not written by synthnlu (or was changed since)`,
      {
        location: {file: target},
        suggestion: 'Pass --force to replace it, or choose another path.',
      },
    );
  }
}
