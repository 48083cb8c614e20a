/**
 * Writing an object back in the shape it was read in: the keys synthnlu manages take their new values, every
 * other key keeps its value and its place. Without a stored shape the object is built in the writer's default
 * order; the importer stores a shape only when that default would not give the object back.
 */
import type {JsonObject} from './types.js';

/**
 * One managed key: its new value (undefined leaves it out; a null or "" read there stays, as old exports write
 * "description": null), and optionally the value the key means when absent: a shape without the key gets it
 * only when the value differs from that (so an example read without "mentions" is not given "mentions": []).
 * `fresh` applies that rule to objects built without a shape too.
 */
export type Managed = [key: string, value: unknown, whenAbsent?: unknown, fresh?: boolean];

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function fill(shape: JsonObject | undefined, managed: readonly Managed[]): JsonObject {
  const byKey = new Map(managed.map((m) => [m[0], m]));
  const out: JsonObject = {};
  if (shape) {
    for (const [key, kept] of Object.entries(shape)) {
      const entry = byKey.get(key);
      if (!entry) out[key] = kept;
      else if (entry[1] !== undefined) out[key] = entry[1];
      else if (kept === null || kept === '') out[key] = kept;
    }
  }
  for (const [key, value, whenAbsent, fresh] of managed) {
    if (key in out || value === undefined) continue;
    if (whenAbsent !== undefined && (shape !== undefined || fresh) && same(value, whenAbsent)) continue;
    out[key] = value;
  }
  return out;
}

/**
 * The shape to keep for `read` (with its managed keys emptied), or undefined when the default gives it back:
 * the same keys in the same order, each value the same (the importer passes the values it read, so most are
 * the same objects and are not serialised to compare).
 */
export function shapeToKeep(
  read: JsonObject,
  managed: readonly Managed[],
  emptied: JsonObject,
): JsonObject | undefined {
  const fresh = fill(undefined, managed);
  const keys = Object.keys(fresh);
  const readKeys = Object.keys(read);
  if (keys.length !== readKeys.length || keys.some((key, i) => key !== readKeys[i])) return emptied;
  return keys.every((key) => fresh[key] === read[key] || same(fresh[key], read[key])) ? undefined : emptied;
}

/** The indent and final newline with which JSON.stringify reproduces `text` exactly, if there is one. */
export function detectLayout(
  text: string,
  value: unknown,
): {indent?: number | string; newline?: boolean; text?: string} {
  for (const indent of [2, 4, 0, '\t', 1, 3]) {
    const written = JSON.stringify(value, null, indent);
    if (written === text) return {indent};
    if (`${written}\n` === text) return {indent, newline: true};
  }
  return {text};
}

/**
 * The file text in the layout read (2 spaces and a newline by default). The layout comes from the dataset,
 * which may come from anyone: only an indent of 0 to 10 spaces or tabs is used, so the text stays JSON.
 */
export function writeLayout(
  value: unknown,
  layout: {indent?: number | string; newline?: boolean} | undefined,
): string {
  const indent = layout?.indent;
  const usable =
    (typeof indent === 'number' && Number.isInteger(indent) && indent >= 0 && indent <= 10) ||
    (typeof indent === 'string' && /^[ \t]{0,10}$/.test(indent));
  if (!usable) return `${JSON.stringify(value, null, 2)}\n`;
  return `${JSON.stringify(value, null, indent)}${layout?.newline === true ? '\n' : ''}`;
}
