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

/** Where one member of an object sits: its key's opening quote and its value's first character. */
interface Member {
  key: number;
  value: number;
}

/** A locator for one document: each object's members and each array's elements are scanned at most once. */
export type JsonLocator = (path: readonly PathSegment[], options?: {key?: boolean}) => number | undefined;

/**
 * A locator over `text` that remembers every container it has scanned, keyed by the container's offset. A
 * dataset with hundreds of diagnostics deep in a 100,000-utterance array then costs one scan of that array,
 * not one per diagnostic (which was quadratic: half a minute on a 16 MB file).
 */
export function jsonLocator(text: string): JsonLocator {
  const members = new Map<number, Map<string, Member>>();
  const elements = new Map<number, number[]>();

  const membersAt = (open: number): Map<string, Member> => {
    let found = members.get(open);
    if (found) return found;
    found = new Map();
    let at = skipWhitespace(text, open + 1);
    while (at < text.length && text[at] !== '}') {
      const keyStart = at;
      const keyEnd = skipString(text, at);
      const name = JSON.parse(text.slice(keyStart, keyEnd)) as string;
      at = skipWhitespace(text, skipWhitespace(text, keyEnd) + 1); // past the colon
      // A key that appears twice keeps its last occurrence, as JSON.parse keeps the last value.
      found.set(name, {key: keyStart, value: at});
      at = skipWhitespace(text, skipValue(text, at));
      if (text[at] === ',') at = skipWhitespace(text, at + 1);
    }
    members.set(open, found);
    return found;
  };

  const elementsAt = (open: number): number[] => {
    let found = elements.get(open);
    if (found) return found;
    found = [];
    let at = skipWhitespace(text, open + 1);
    while (at < text.length && text[at] !== ']') {
      found.push(at);
      at = skipWhitespace(text, skipValue(text, at));
      if (text[at] === ',') at = skipWhitespace(text, at + 1);
    }
    elements.set(open, found);
    return found;
  };

  return (path, options = {}) => {
    let at = skipWhitespace(text, 0);
    let keyAt: number | undefined;
    for (const segment of path) {
      keyAt = undefined;
      const open = text[at];
      if (open === '{') {
        const member = membersAt(at).get(String(segment));
        if (!member) return undefined;
        keyAt = member.key;
        at = member.value;
      } else if (open === '[' && typeof segment === 'number') {
        const element = elementsAt(at)[segment];
        if (element === undefined) return undefined;
        at = element;
      } else return undefined;
    }
    return options.key && keyAt !== undefined ? keyAt : at;
  };
}

/**
 * The offset of the value at `path` (or of its key, with `key`), or undefined when the path is not in the
 * document. A key that appears twice resolves to its last occurrence, as JSON.parse keeps the last value.
 * For many paths into one document, make one jsonLocator and reuse it.
 */
export function locateJsonPath(
  text: string,
  path: readonly PathSegment[],
  options: {key?: boolean} = {},
): number | undefined {
  return jsonLocator(text)(path, options);
}
