/**
 * Structural limits on YAML and JSON input, checked before anything walks the parsed value recursively (the YAML
 * parser itself, schema validation, cloning): nesting deeper than MAX_NESTING_DEPTH is refused with the file,
 * line and column where it goes too deep, instead of a stack overflow; a key written twice in one JSON object is
 * refused (JSON.parse would silently keep the last one), as the YAML parser refuses it in YAML.
 *
 * Both scans are linear in the text and keep only the current nesting path.
 */
import {SynthnluError} from '../errors.js';
import {lineColumnAt} from '../io/read-text.js';

/** Far deeper than any spec, dataset or platform file (they nest a dozen levels), far shallower than the stack. */
export const MAX_NESTING_DEPTH = 200;

function tooDeep(
  kind: 'JSON' | 'YAML',
  text: string,
  file: string,
  offset: number,
  path?: string,
): SynthnluError {
  const {line, column} = lineColumnAt(text, offset);
  return new SynthnluError(
    `${kind}_TOO_DEEP`,
    `${kind} nested more than ${MAX_NESTING_DEPTH} levels deep: refusing a file no spec, dataset or platform export needs`,
    {
      location: {file, line, column, ...(path ? {path} : {})},
      suggestion: `Flatten the structure: synthnlu reads at most ${MAX_NESTING_DEPTH} levels of nested lists and mappings.`,
    },
  );
}

interface Frame {
  /** Keys seen in this object (a list while short: cheaper than a Set for the usual few); undefined for an array. */
  keys: string[] | Set<string> | undefined;
  /** The current key (object; undefined before the first) or index (array), for the JSON path. */
  at: string | number | undefined;
}

function jsonPath(stack: readonly Frame[]): string {
  let path = '';
  for (const frame of stack) {
    if (typeof frame.at === 'number') path += `[${frame.at}]`;
    else if (frame.at !== undefined)
      path += /^[A-Za-z_$][\w$]*$/.test(frame.at)
        ? `${path ? '.' : ''}${frame.at}`
        : `[${JSON.stringify(frame.at)}]`;
  }
  return path;
}

/**
 * Checks JSON text that JSON.parse accepted: refuses nesting over MAX_NESTING_DEPTH and a key repeated in one
 * object, naming the file, line, column and JSON path.
 */
export function checkJsonStructure(text: string, file: string): void {
  const stack: Frame[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Find the closing quote (skipping escaped characters).
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) return; // JSON.parse accepted the text: cannot happen.
        let backslashes = 0;
        for (let k = q - 1; text.charCodeAt(k) === 0x5c; k--) backslashes++;
        if (backslashes % 2 === 0) {
          j = q;
          break;
        }
        j = q + 1;
      }
      const top = stack[stack.length - 1];
      // A string in an object where a key is expected: the next non-space character is a colon.
      if (top?.keys) {
        let k = j + 1;
        while (
          k < n &&
          (text.charCodeAt(k) === 0x20 ||
            text.charCodeAt(k) === 0x0a ||
            text.charCodeAt(k) === 0x0d ||
            text.charCodeAt(k) === 0x09)
        )
          k++;
        if (text.charCodeAt(k) === 0x3a /* : */) {
          const raw = text.slice(i + 1, j);
          const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
          const seen = Array.isArray(top.keys) ? top.keys.includes(key) : top.keys.has(key);
          if (seen) {
            top.at = key;
            const path = jsonPath(stack);
            const {line, column} = lineColumnAt(text, i);
            throw new SynthnluError('JSON_DUPLICATE_KEY', `key "${key}" appears twice in one object`, {
              location: {file, line, column, path},
              suggestion: `Each key may appear once in an object (JSON.parse would silently keep only the last "${key}"): merge or rename the duplicate.`,
            });
          }
          if (!Array.isArray(top.keys)) top.keys.add(key);
          else if (top.keys.push(key) > 32) top.keys = new Set(top.keys);
          top.at = key;
        }
      }
      i = j + 1;
      continue;
    }
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= MAX_NESTING_DEPTH)
        throw tooDeep('JSON', text, file, i, `${jsonPath(stack.slice(0, 3))}…`);
      stack.push({keys: c === 0x7b ? [] : undefined, at: c === 0x7b ? undefined : 0});
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top && !top.keys) top.at = (top.at as number) + 1;
    }
    i++;
  }
}

/**
 * Refuses YAML nested over MAX_NESTING_DEPTH levels before the parser (which recurses per level) sees it: flow
 * collections (`[[[...]]]`) and block levels (each deeper indentation, each `- ` on a line) both count.
 */
export function checkYamlDepth(text: string, file: string): void {
  const indents: number[] = [];
  let flow = 0;
  let lineStart = true;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (lineStart) {
      lineStart = false;
      if (flow === 0) {
        // Block structure: the columns at which this line's nodes start (its indentation, then one per "- ").
        let col = 0;
        while (i + col < n && text.charCodeAt(i + col) === 0x20) col++;
        const first = text.charCodeAt(i + col);
        if (i + col < n && first !== 0x0a && first !== 0x0d && first !== 0x23 /* # */) {
          while (indents.length > 0 && indents[indents.length - 1]! >= col) indents.pop();
          indents.push(col);
          while (
            text.charCodeAt(i + col) === 0x2d /* - */ &&
            (text.charCodeAt(i + col + 1) === 0x20 || text.charCodeAt(i + col + 1) === 0x09)
          ) {
            col += 2;
            while (text.charCodeAt(i + col) === 0x20) col++;
            indents.push(col);
          }
          if (indents.length > MAX_NESTING_DEPTH) throw tooDeep('YAML', text, file, i + col);
        }
      }
    }
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      lineStart = true;
    } else if (c === 0x23 /* # */ && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      if (end === -1) break;
      i = end - 1;
    } else if ((c === 0x22 || c === 0x27) && valueStarts(text, i, flow)) {
      // A quoted scalar: skip to its end ('' escapes a single quote, \" a double one).
      let j = i + 1;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (c === 0x22 && d === 0x5c) j++;
        else if (d === c) {
          if (c === 0x27 && text.charCodeAt(j + 1) === 0x27) j++;
          else break;
        }
      }
      i = j;
    } else if (c === 0x5b || c === 0x7b) {
      if (valueStarts(text, i, flow)) {
        flow++;
        if (flow + indents.length > MAX_NESTING_DEPTH) throw tooDeep('YAML', text, file, i);
      }
    } else if ((c === 0x5d || c === 0x7d) && flow > 0) {
      flow--;
    }
  }
}

/** The character before `i`, skipping spaces: where a scalar or flow collection may start. */
function previousSignificant(text: string, i: number): number {
  let k = i - 1;
  while (k >= 0 && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x09)) k--;
  return k < 0 ? 0x0a : text.charCodeAt(k);
}

/**
 * Whether a scalar or flow collection may start at `i`: after a line start, `:`, `-` or `?`, and inside a flow
 * collection also after `,` or an opening bracket. Elsewhere a quote is an apostrophe and a bracket is text.
 */
function valueStarts(text: string, i: number, flow: number): boolean {
  const p = previousSignificant(text, i);
  if (p === 0x0a || p === 0x3a || p === 0x2d || p === 0x3f) return true;
  return flow > 0 && (p === 0x2c || p === 0x5b || p === 0x7b);
}
