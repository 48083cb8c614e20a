/**
 * Intent and entity names become file names in an agent export. Dialogflow allows characters in names that
 * file systems do not ("/", ":", "?"...); those are replaced by "_" and collisions get a numeric suffix.
 * Importers never parse names out of file names: the name inside each JSON file is the truth.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what file names must not hold
const UNSAFE = /[/\\:*?"<>|\u0000-\u001f\u007f]/g;

export function safeFileStem(name: string): string {
  const stem = name.replace(UNSAFE, '_').replace(/^\.+/, '_');
  return stem.length > 0 ? stem : '_';
}

/** Gives every name a distinct file stem (case-insensitively, for macOS and Windows file systems). */
export function uniqueFileStems(names: readonly string[]): Map<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const name of names) {
    const base = safeFileStem(name);
    let stem = base;
    for (let n = 2; taken.has(stem.toLowerCase()); n++) stem = `${base}_${n}`;
    taken.add(stem.toLowerCase());
    out.set(name, stem);
  }
  return out;
}
