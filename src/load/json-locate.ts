/**
 * Where a JSON path sits in the text of a JSON document already known to be valid: one forward scan that skips
 * every value it does not descend into. It replaces a full YAML re-parse (a quarter of a second for a 100 kB
 * dataset) when a diagnostic needs a line and column.
 */
import type {PathSegment} from '../schema/json-path.js';

function skipWhitespace(text: string, at: number): number {
  while (
    at < text.length &&
    (text[at] === ' ' || text[at] === '\n' || text[at] === '\r' || text[at] === '\t')
  )
    at++;
  return at;
}

/** The index just past the string that starts at `at` (a double quote). */
function skipString(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

/** The index just past the value that starts at `at`. */
function skipValue(text: string, at: number): number {
  const first = text[at];
  if (first === '"') return skipString(text, at);
  if (first !== '{' && first !== '[') {
    while (at < text.length && !/[\s,\]}]/.test(text[at]!)) at++;
    return at;
  }
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === '"') i = skipString(text, i) - 1;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return i + 1;
  }
  return text.length;
}

/**
 * The offset of the value at `path` (or of its key, with `key`), or undefined when the path is not in the
 * document. A key that appears twice resolves to its last occurrence, as JSON.parse keeps the last value.
 */
export function locateJsonPath(
  text: string,
  path: readonly PathSegment[],
  options: {key?: boolean} = {},
): number | undefined {
  let at = skipWhitespace(text, 0);
  let keyAt: number | undefined;
  for (const segment of path) {
    keyAt = undefined;
    const open = text[at];
    if (open === '{') {
      let found: {key: number; value: number} | undefined;
      at = skipWhitespace(text, at + 1);
      while (at < text.length && text[at] !== '}') {
        const keyStart = at;
        const keyEnd = skipString(text, at);
        const name = JSON.parse(text.slice(keyStart, keyEnd)) as string;
        at = skipWhitespace(text, skipWhitespace(text, keyEnd) + 1); // past the colon
        if (name === String(segment)) found = {key: keyStart, value: at};
        at = skipWhitespace(text, skipValue(text, at));
        if (text[at] === ',') at = skipWhitespace(text, at + 1);
      }
      if (!found) return undefined;
      keyAt = found.key;
      at = found.value;
    } else if (open === '[' && typeof segment === 'number') {
      at = skipWhitespace(text, at + 1);
      for (let index = 0; index < segment; index++) {
        if (at >= text.length || text[at] === ']') return undefined;
        at = skipWhitespace(text, skipValue(text, at));
        if (text[at] === ',') at = skipWhitespace(text, at + 1);
      }
      if (at >= text.length || text[at] === ']') return undefined;
    } else return undefined;
  }
  return options.key && keyAt !== undefined ? keyAt : at;
}
