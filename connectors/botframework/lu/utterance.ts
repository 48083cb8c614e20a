/**
 * One .lu utterance line <-> text with labels. Labels are `{entity=value}`, `{@entity=value}`,
 * `{entity:role=value}` and nest (`{@Address={@Street=main st}, {@City=cairo}}`); `\{` `\}` escape braces.
 * A `{entity}` reference without `=` makes the line a pattern.
 */
import type {LuisEntityLabel} from '../luis/types.js';

export interface ParsedLine {
  text: string;
  labels: LuisEntityLabel[];
  /** The line references {entity} without a value: a LUIS pattern, not an example utterance. */
  isPattern: boolean;
}

/**
 * bf-lu's escapes differ by line kind (checked against bf-lu 4.15): in a line with labels \{ \} and \\ are
 * escapes; in a line without, \{ \} \[ \] \( \) are, and a backslash otherwise stays as written.
 */
const LABELLED_ESCAPES = new Set(['{', '}', '\\']);
const PLAIN_ESCAPES = new Set(['{', '}', '[', ']', '(', ')']);
const SPECIAL = /[\\{}]/g;

export class LuLabelError extends Error {}

export function parseUtteranceLine(line: string): ParsedLine {
  const labelled = parseWith(line, LABELLED_ESCAPES);
  return labelled.labels.length > 0 ? labelled : parseWith(line, PLAIN_ESCAPES);
}

function parseWith(line: string, escapable: ReadonlySet<string>): ParsedLine {
  let text = '';
  let isPattern = false;
  let i = 0;

  /** Parses until the closing brace of the current label (depth > 0) or the end; returns labels found. */
  const parseUntilClose = (depth: number): LuisEntityLabel[] => {
    const labels: LuisEntityLabel[] = [];
    while (i < line.length) {
      const ch = line[i]!;
      if (ch === '\\' && i + 1 < line.length && escapable.has(line[i + 1]!)) {
        text += line[i + 1];
        i += 2;
        continue;
      }
      if (ch === '}' && depth > 0) {
        i += 1;
        return labels;
      }
      if (ch === '{') {
        const close = line.indexOf('}', i);
        const equals = line.indexOf('=', i);
        if (equals === -1 || (close !== -1 && close < equals)) {
          // {entity} reference: a pattern; keep it verbatim.
          if (close === -1) throw new LuLabelError(`unclosed "{" in: ${line}`);
          isPattern = true;
          text += line.slice(i, close + 1);
          i = close + 1;
          continue;
        }
        let name = line.slice(i + 1, equals).trim();
        if (name.startsWith('@')) name = name.slice(1).trim();
        let role: string | undefined;
        const colon = name.indexOf(':');
        if (colon !== -1) {
          role = name.slice(colon + 1).trim();
          name = name.slice(0, colon).trim();
        }
        i = equals + 1;
        // Like bf-lu, spaces right after "=" are not part of the text.
        while (i < line.length && /\s/.test(line[i]!)) i += 1;
        const start = text.length;
        const children = parseUntilClose(depth + 1);
        if (line[i - 1] !== '}') throw new LuLabelError(`unclosed label "{${name}=" in: ${line}`);
        if (text.length === start) throw new LuLabelError(`empty label "{${name}=}" in: ${line}`);
        labels.push({
          entity: name,
          startPos: start,
          endPos: text.length - 1,
          ...(role ? {role} : {}),
          ...(children.length > 0 ? {children} : {}),
        });
        continue;
      }
      // Copy the run of ordinary characters up to the next \\, { or } in one piece (far less garbage than per char).
      SPECIAL.lastIndex = i + 1;
      const next = SPECIAL.exec(line)?.index ?? line.length;
      text += line.slice(i, next);
      i = next;
    }
    if (depth > 0) throw new LuLabelError(`unclosed label in: ${line}`);
    return labels;
  };

  const labels = parseUntilClose(0);
  // bf-lu's rule: an unlabelled line with [optional] text or (a|b) alternatives is a pattern too.
  if (labels.length === 0 && /(\[.*(?<!\\)\])|(\(.*?(\|.*?)+(?<!\\)\))/.test(line)) isPattern = true;
  return {text, labels, isPattern};
}

/** Escapes text of a labelled line so that it reads back literally. */
export function escapeLuText(text: string): string {
  return text.replace(/[{}\\]/g, (c) => `\\${c}`);
}

/** Escapes a line without labels: brackets and parentheses too, or bf-lu would read [x] or (a|b) as a pattern. */
export function escapePlainLuText(text: string): string {
  return text.replace(/[{}[\]()]/g, (c) => `\\${c}`);
}

function labelName(label: LuisEntityLabel): string {
  return label.role ? `${label.entity}:${label.role}` : `@${label.entity}`;
}

/**
 * Writes text with labels. Labels must nest properly (children inside their parent, siblings disjoint); the
 * caller drops overlapping ones first (see nestable()).
 */
export function writeUtteranceLine(text: string, labels: LuisEntityLabel[]): string {
  if (labels.length === 0) return escapePlainLuText(text);
  const sorted = [...labels].sort((a, b) => a.startPos - b.startPos);
  const write = (from: number, to: number, inside: LuisEntityLabel[]): string => {
    let out = '';
    let at = from;
    for (const label of inside) {
      out += escapeLuText(text.slice(at, label.startPos));
      const kids = [...(label.children ?? [])].sort((a, b) => a.startPos - b.startPos);
      out += `{${labelName(label)}=${write(label.startPos, label.endPos + 1, kids)}}`;
      at = label.endPos + 1;
    }
    return out + escapeLuText(text.slice(at, to));
  };
  return write(0, text.length, sorted);
}

/**
 * Makes labels writable as nested braces: a label inside an earlier one becomes its child (bf-lu lists such
 * labels flat again unless the parent is a hierarchical ML entity); labels that cross are dropped and counted.
 */
export function nestable(
  labels: LuisEntityLabel[],
  from: number,
  to: number,
): {kept: LuisEntityLabel[]; dropped: number} {
  let dropped = 0;
  const kept: LuisEntityLabel[] = [];
  for (const label of [...labels].sort((a, b) => a.startPos - b.startPos || b.endPos - a.endPos)) {
    if (label.startPos < from || label.endPos >= to || label.endPos < label.startPos) {
      dropped += 1;
      continue;
    }
    const last = kept[kept.length - 1];
    if (last && label.startPos <= last.endPos) {
      if (label.endPos <= last.endPos) last.children = [...(last.children ?? []), label];
      else dropped += 1;
      continue;
    }
    kept.push({...label});
  }
  for (const label of kept) {
    if (!label.children?.length) {
      delete label.children;
      continue;
    }
    const inner = nestable(label.children, label.startPos, label.endPos + 1);
    dropped += inner.dropped;
    if (inner.kept.length > 0) label.children = inner.kept;
    else delete label.children;
  }
  return {kept, dropped};
}
