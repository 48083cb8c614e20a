import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import JSZip from 'jszip';
import {isZipData, readZipEntries} from '../convert/zip-reader.js';
import {writeFileAtomic} from '../io/atomic-write.js';
import type {SecretRegistry} from './types.js';

/** A file-name-safe UTC timestamp, so backups sort by time and never overwrite each other. */
export function backupTimestamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** Writes a backup of remote state atomically as DIR/<prefix>-<timestamp><extension> and returns its path. */
export async function writeBackupFile(
  dir: string,
  prefix: string,
  extension: string,
  content: string | Uint8Array,
): Promise<string> {
  const file = join(dir, `${prefix}-${backupTimestamp()}${extension}`);
  await writeFileAtomic(file, content);
  return file;
}

/** What a zip backup's entries may inflate to in all while it is scrubbed (push responses are capped far lower). */
const MAX_SCRUB_BYTES = 1024 * 1024 * 1024;

/**
 * A backup holds what the platform answered, and a careless platform can echo a credential (a CLU export or a
 * Rasa /status with the key inside, an agent zip whose JSON holds it): any credential the run holds is scrubbed,
 * in every encoding, from a text backup and from every text entry of a zip backup (read with the defensive zip
 * reader, rewritten only when something was scrubbed), before the push goes on. Binary content is left as it is.
 */
export async function scrubBackupFile(file: string, secrets: SecretRegistry): Promise<void> {
  const bytes = await readFile(file);
  const scrubbed = isZipData(bytes) ? await scrubZip(bytes, file, secrets) : scrubText(bytes, secrets);
  if (scrubbed !== undefined) await writeFileAtomic(file, scrubbed);
}

/** The text scrubbed, or undefined when it is not UTF-8 text or holds no secret. */
function scrubText(bytes: Uint8Array, secrets: SecretRegistry): string | undefined {
  const text = Buffer.from(bytes).toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes) || text.includes('\u0000')) return undefined;
  const scrubbed = secrets.redact(text);
  return scrubbed === text ? undefined : scrubbed;
}

async function scrubZip(
  bytes: Uint8Array,
  file: string,
  secrets: SecretRegistry,
): Promise<Uint8Array | undefined> {
  const entries = readZipEntries(bytes, file, {maxEntries: 100_000, maxTotalBytes: MAX_SCRUB_BYTES});
  const zip = new JSZip();
  let changed = false;
  for (const entry of entries) {
    if (entry.isDirectory) {
      zip.folder(entry.name);
      continue;
    }
    const content = entry.read();
    const scrubbed = scrubText(content, secrets);
    if (scrubbed !== undefined) changed = true;
    zip.file(entry.name, scrubbed ?? content, {createFolders: false});
  }
  if (!changed) return undefined;
  return zip.generateAsync({type: 'uint8array', compression: 'DEFLATE', compressionOptions: {level: 6}});
}
