/**
 * Which existing outputs synthnlu wrote itself, so that a re-run replaces them without --force while a
 * foreign file at the same name still needs it.
 *
 * - Formats that allow a comment carry one on their first line (`.lu`: `> Written by synthnlu`, Rasa YAML:
 *   `# Written by synthnlu`), zip archives carry it as the archive comment, datasets and reports are
 *   recognised by their own headers.
 * - Formats that allow none (LUIS and CLU JSON, agent folders, any plugin's format) are recognised by a
 *   fingerprint: the SHA-256 of the bytes written (of every file, for a folder) is recorded in a small marker
 *   file beside the output, `.synthnlu-outputs.json`. A file edited since no longer matches and counts as
 *   the user's (it needs --force), so an edit is never lost silently.
 */
import {createHash} from 'node:crypto';
import {lstat, open, readdir, readFile} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import {writeFileAtomic} from './atomic-write.js';

/** The marker file, one per folder that holds outputs synthnlu wrote. */
export const OUTPUTS_MARKER = '.synthnlu-outputs.json';
/** The comment synthnlu writes on the first line of a text format, and as a zip archive's comment. */
export const WRITTEN_BY = 'Written by synthnlu';

const MARKER_FORMAT = 'synthnlu-outputs/1';
/** A folder with more entries than this is not fingerprinted (an agent export has far fewer). */
const MAX_TREE_ENTRIES = 100_000;
const HEAD_BYTES = 4096;
/** The end of a zip: its end-of-central-directory record (22 bytes) and a comment of up to 65,535 bytes. */
const ZIP_TAIL_BYTES = 22 + 0xffff;

interface Marker {
  format: typeof MARKER_FORMAT;
  /** Output name (in this folder) -> sha256 of its bytes (a file) or of its tree (a folder). */
  outputs: Record<string, string>;
}

async function readHeadAndTail(path: string): Promise<{head: string; tail: Buffer} | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
    const {size} = await handle.stat();
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    await handle.read(head, 0, head.length, 0);
    const tailLength = Math.min(ZIP_TAIL_BYTES, size);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    return {head: head.toString('utf8'), tail};
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}

/** The comment of a zip archive, from its end-of-central-directory record (undefined when not a zip). */
export function zipComment(tail: Buffer): string | undefined {
  for (let at = tail.length - 22; at >= 0; at--) {
    if (tail.readUInt32LE(at) !== 0x06054b50) continue;
    const length = tail.readUInt16LE(at + 20);
    if (at + 22 + length !== tail.length) continue;
    return tail.subarray(at + 22).toString('utf8');
  }
  return undefined;
}

/** Whether the file's own content says synthnlu wrote it (a header, a first-line comment, a zip comment). */
async function carriesMark(path: string): Promise<boolean> {
  const read = await readHeadAndTail(path);
  if (!read) return false;
  const {head, tail} = read;
  return (
    /"format"\s*:\s*"synthnlu-dataset\//.test(head) ||
    /<title>synthnlu coverage/.test(head) ||
    /<testsuites name="synthnlu coverage"/.test(head) ||
    head.startsWith(`> ${WRITTEN_BY}`) ||
    head.startsWith(`# ${WRITTEN_BY}`) ||
    (head.startsWith('PK') && zipComment(tail)?.startsWith(WRITTEN_BY) === true)
  );
}

async function hashFile(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

/** SHA-256 over every file's relative path and hash, sorted; undefined for a link, device or huge tree. */
async function hashTree(folder: string): Promise<string | undefined> {
  const lines: string[] = [];
  let entries = 0;
  const walk = async (at: string, prefix: string): Promise<boolean> => {
    for (const entry of await readdir(at, {withFileTypes: true})) {
      if (++entries > MAX_TREE_ENTRIES) return false;
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!(await walk(join(at, entry.name), relative))) return false;
      } else if (entry.isFile()) {
        lines.push(`${relative}\0${await hashFile(join(at, entry.name))}`);
      } else return false;
    }
    return true;
  };
  if (!(await walk(folder, ''))) return undefined;
  lines.sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** The fingerprint of a file or folder as it is now (undefined when it cannot be taken). */
async function fingerprint(path: string): Promise<string | undefined> {
  try {
    const info = await lstat(path);
    if (info.isFile()) return await hashFile(path);
    if (info.isDirectory()) return await hashTree(path);
  } catch {
    // Unreadable: not recognised.
  }
  return undefined;
}

async function readMarker(folder: string): Promise<Marker> {
  try {
    const value = JSON.parse(await readFile(join(folder, OUTPUTS_MARKER), 'utf8')) as Partial<Marker>;
    if (value.format === MARKER_FORMAT && value.outputs && typeof value.outputs === 'object')
      return {format: MARKER_FORMAT, outputs: {...value.outputs}};
  } catch {
    // Missing or damaged: nothing recorded.
  }
  return {format: MARKER_FORMAT, outputs: {}};
}

/** Whether the fingerprint recorded beside `path` matches it as it is now. */
async function matchesRecordedFingerprint(path: string): Promise<boolean> {
  const recorded = (await readMarker(dirname(path))).outputs[basename(path)];
  if (typeof recorded !== 'string') return false;
  return (await fingerprint(path)) === recorded;
}

/** Whether synthnlu wrote this file or folder (and nobody changed it since, for fingerprinted outputs). */
export async function writtenBySynthnlu(path: string): Promise<boolean> {
  const info = await lstat(path).catch(() => undefined);
  if (!info) return false;
  if (info.isFile() && (await carriesMark(path))) return true;
  return matchesRecordedFingerprint(path);
}

/**
 * Records the fingerprints of outputs just written, in the marker file of each one's folder (written
 * atomically; entries for outputs that no longer exist are dropped).
 */
export async function recordOutputs(paths: readonly string[]): Promise<void> {
  const byFolder = new Map<string, string[]>();
  for (const path of paths) {
    const folder = dirname(path);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), path]);
  }
  for (const [folder, outputs] of byFolder) {
    const recorded = new Map(Object.entries((await readMarker(folder)).outputs));
    for (const name of [...recorded.keys()]) {
      if (!(await lstat(join(folder, name)).catch(() => undefined))) recorded.delete(name);
    }
    for (const path of outputs) {
      const print = await fingerprint(path);
      if (print === undefined) recorded.delete(basename(path));
      else recorded.set(basename(path), print);
    }
    const sorted = Object.fromEntries([...recorded].sort(([a], [b]) => a.localeCompare(b)));
    // Best effort: the output is written; without the record the next run only asks for --force.
    await writeFileAtomic(
      join(folder, OUTPUTS_MARKER),
      `${JSON.stringify({format: MARKER_FORMAT, note: 'Fingerprints of the files synthnlu wrote here, so a re-run may replace them.', outputs: sorted}, null, 2)}\n`,
    ).catch(() => undefined);
  }
}
