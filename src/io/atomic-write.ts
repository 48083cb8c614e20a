import {randomBytes} from 'node:crypto';
import {createWriteStream, type WriteStream} from 'node:fs';
import {mkdir, open, rename, rm} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import {finished} from 'node:stream/promises';

function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Writes a file so that readers never see it half-written: the data goes to a temporary file in the same
 * folder (same file system, so rename is atomic), is flushed to disk, then renamed over the target.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(target), {recursive: true});
  const temporary = temporaryPathFor(target);
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
    throw error;
  }
}

/** A streaming writer with the same guarantee: nothing appears at `target` until commit() succeeds. */
export interface AtomicWriter {
  readonly stream: WriteStream;
  /** Writes a chunk, waiting for the stream to drain when its buffer is full (so memory stays flat). */
  write(chunk: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export async function openAtomicWriter(target: string): Promise<AtomicWriter> {
  await mkdir(dirname(target), {recursive: true});
  const temporary = temporaryPathFor(target);
  const stream = createWriteStream(temporary, {flags: 'w'});
  let settled = false;
  return {
    stream,
    async write(chunk: string) {
      if (!stream.write(chunk)) {
        await new Promise<void>((resolve, reject) => {
          const onError = (error: Error) => reject(error);
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
      stream.end();
      await finished(stream);
      await rename(temporary, target);
    },
    async abort() {
      if (settled) return;
      settled = true;
      stream.destroy();
      await rm(temporary, {force: true});
    },
  };
}
