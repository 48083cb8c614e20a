import {randomBytes} from 'node:crypto';
import {createWriteStream, type WriteStream} from 'node:fs';
import {lstat, open, readdir, rename, rm} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import {finished} from 'node:stream/promises';
import {ensureParentFolder, removeCreatedFolders} from './output-path.js';
import {trackTemporary, untrackTemporary} from './temporary-files.js';

/** `.NAME.PID.RANDOM.tmp`, beside the target: a file, or a staging folder (and `.old` for the one it replaces). */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes what a killed run (kill -9, a crash, a power cut: no chance to clean up) left beside `target`:
 * temporary files and staging folders named after it whose process is gone. A staging folder's `.old` (the
 * previous output, moved aside for the instant of the swap) is put back when the output itself is missing.
 * Each one is mentioned on stderr. Temporaries of a run still going are left alone.
 */
export async function removeStaleTemporaries(target: string): Promise<void> {
  const folder = dirname(target);
  const name = basename(target);
  const pattern = new RegExp(`^\\.${escapeRegExp(name)}\\.(\\d+)\\.[0-9a-f]{8}\\.tmp(\\.old)?$`);
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch {
    return;
  }
  // The .old first: it may have to be put back before anything else looks at the target.
  const stale = entries
    .map((entry) => ({entry, match: pattern.exec(entry)}))
    .filter(({match}) => match && !isRunning(Number(match[1])))
    .sort((a, b) => Number(b.match![2] !== undefined) - Number(a.match![2] !== undefined));
  for (const {entry, match} of stale) {
    const path = join(folder, entry);
    const pid = match![1];
    if (match![2] !== undefined && !(await lstat(target).catch(() => undefined))) {
      await rename(path, target);
      process.stderr.write(
        `synthnlu: put back "${target}" from "${path}", left by an interrupted run (process ${pid}) in the middle of replacing it\n`,
      );
      continue;
    }
    await rm(path, {recursive: true, force: true});
    process.stderr.write(
      `synthnlu: removed "${path}", a stale temporary ${match![2] === undefined ? 'file' : 'copy'} left by an interrupted run (process ${pid})\n`,
    );
  }
}

/**
 * Writes a file so that readers never see it half-written: the data goes to a temporary file in the same
 * folder (same file system, so rename is atomic), is flushed to disk, then renamed over the target.
 */
/**
 * A write error names no path (ENOSPC comes from write(2), not open(2)): the file it was for is added, so the
 * message says which output could not be written.
 */
function naming(error: unknown, target: string): unknown {
  const system = error as {code?: unknown; path?: unknown};
  if (error instanceof Error && typeof system.code === 'string' && system.path === undefined)
    Object.assign(error, {path: target});
  return error;
}

export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: {
    /** Inside a staging folder of our own there is nothing stale to look for (and thousands of files). */
    staged?: boolean;
  } = {},
): Promise<void> {
  const created = await ensureParentFolder(target);
  if (!options.staged) await removeStaleTemporaries(target);
  const temporary = temporaryPathFor(target);
  trackTemporary(temporary);
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, {force: true});
    await removeCreatedFolders(created);
    throw naming(error, target);
  } finally {
    untrackTemporary(temporary);
  }
}

const WRITE_BUFFER_BYTES = 1 << 20;

/** A streaming writer with the same guarantee: nothing appears at `target` until commit() succeeds. */
export interface AtomicWriter {
  readonly stream: WriteStream;
  /** Writes a chunk, waiting for the stream to drain when its buffer is full (so memory stays flat). */
  write(chunk: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export async function openAtomicWriter(target: string): Promise<AtomicWriter> {
  const created = await ensureParentFolder(target);
  await removeStaleTemporaries(target);
  const temporary = temporaryPathFor(target);
  trackTemporary(temporary);
  // A buffer of a few chunks: with the default 16 KB every 64 KB chunk waited for the disk, and the generator
  // with it (idle time); memory stays bounded by this figure.
  const stream = createWriteStream(temporary, {flags: 'w', highWaterMark: WRITE_BUFFER_BYTES});
  let settled = false;
  const discard = async () => {
    stream.destroy();
    await rm(temporary, {force: true});
    await removeCreatedFolders(created);
    untrackTemporary(temporary);
  };
  return {
    stream,
    async write(chunk: string) {
      if (!stream.write(chunk)) {
        await new Promise<void>((resolve, reject) => {
          const onError = (error: Error) => reject(naming(error, target));
          stream.once('error', onError);
          stream.once('drain', () => {
            stream.off('error', onError);
            resolve();
          });
        });
      }
    },
    async commit() {
      if (settled) return;
      settled = true;
      try {
        stream.end();
        await finished(stream);
        await rename(temporary, target);
        untrackTemporary(temporary);
      } catch (error) {
        // A failed rename (the target became a folder, the disk filled up) must not leave the temporary file.
        await discard();
        throw naming(error, target);
      }
    },
    async abort() {
      if (settled) return;
      settled = true;
      await discard();
    },
  };
}
