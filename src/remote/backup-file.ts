import {join} from 'node:path';
import {writeFileAtomic} from '../io/atomic-write.js';

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
