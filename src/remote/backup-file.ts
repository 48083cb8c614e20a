import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
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

/**
 * A backup holds what the platform answered, and a careless platform can echo a credential (a CLU export or a
 * Rasa /status with the key inside): any credential the run holds is scrubbed from a text backup, in every
 * encoding, before the push goes on. Binary backups (a Dialogflow agent zip) are left as they are.
 */
export async function scrubBackupFile(file: string, secrets: SecretRegistry): Promise<void> {
  const bytes = await readFile(file);
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes) || text.includes('\u0000')) return;
  const scrubbed = secrets.redact(text);
  if (scrubbed !== text) await writeFileAtomic(file, scrubbed);
}
