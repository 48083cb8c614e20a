/**
 * Explains a YAML syntax error caused by indentation, the mistake people make most in hand-written specs: a list
 * item dedented out of its list, a key dedented out of its mapping, a key indented under one that already has a
 * value. The YAML parser reports such a mistake as several generic errors ("A block sequence may not be used as
 * an implicit map key", "Implicit keys need to be on a single line"…), sometimes on the line above; this reads the
 * block structure line by line and names the one line, its column, and the indentation it needs.
 *
 * It only looks at block structure (indentation, `- `, `key:`), skipping block scalars and lines inside flow
 * collections or quotes spanning lines, and returns undefined when it finds nothing it can explain.
 */

export interface IndentationMistake {
  /** 1-based line and column of the first character of the misplaced line. */
  line: number;
  column: number;
  message: string;
  suggestion: string;
}

interface Frame {
  col: number;
  kind: 'map' | 'seq';
  /** 1-based line where this level's latest entry is, and its text, for messages. */
  line: number;
  text: string;
}

const spaces = (n: number) => `${n} space${n === 1 ? '' : 's'}`;

/** `key:` or `key: value` at the start of `rest` (plain or quoted key): the key and whether a value follows. */
function keyOf(rest: string): {key: string; hasValue: boolean; blockScalar: boolean} | undefined {
  const match = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[\]{},][^#]*?)\s*:(?:\s+(.*))?$/.exec(rest);
  if (!match) return undefined;
  const value = (match[2] ?? '').replace(/(^|\s+)#.*$/, '').trim();
  return {key: match[1]!, hasValue: value !== '', blockScalar: /^[|>][-+0-9]*$/.test(value)};
}

export function findIndentationMistake(text: string): IndentationMistake | undefined {
  const lines = text.split(/\r?\n/);
  const stack: Frame[] = [];
  /** A line that ended in `key:` or `-` with nothing after: the next line may be deeper. */
  let opened: {col: number; line: number; text: string} | undefined;
  let scalarAbove: number | undefined;
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!;
    if (/^\s*(#|$)/.test(raw)) continue;
    if (/^(---|\.\.\.)(\s|$)/.test(raw)) return undefined;
    if (raw.includes('\t') && /^\s*\t/.test(raw)) return undefined;
    const indent = raw.length - raw.trimStart().length;
    if (scalarAbove !== undefined) {
      if (indent > scalarAbove) continue;
      scalarAbove = undefined;
    }
    const lineNo = n + 1;
    // The nodes this line starts: one "- " per list level, then maybe "key:".
    let col = indent;
    let rest = raw.slice(indent);
    const entries: {col: number; kind: 'map' | 'seq'; text: string}[] = [];
    while (/^-(\s|$)/.test(rest)) {
      entries.push({col, kind: 'seq', text: rest.trim()});
      const after = rest.slice(1);
      const gap = after.length - after.trimStart().length;
      col += 1 + gap;
      rest = after.trimStart();
      if (rest === '') break;
    }
    const key = rest === '' ? undefined : keyOf(rest);
    if (key) entries.push({col, kind: 'map', text: rest.trim()});
    else if (rest !== '' && entries.length === 0) {
      // A plain line: a multi-line scalar or flow content we do not model.
      if (/^[[{"']/.test(rest) || !opened) return undefined;
      continue;
    }
    const first = entries[0];
    if (!first) continue;
    // Leave the levels this line is not inside (a misplaced line most likely belongs to one of them).
    const closed: Frame[] = [];
    while (stack.length > 0 && stack[stack.length - 1]!.col > first.col) closed.push(stack.pop()!);
    const top = stack[stack.length - 1];
    if (opened && first.col > opened.col) {
      // Deeper than a line that opened a block: a new level.
    } else if (top && top.col === first.col) {
      if (top.kind !== first.kind) {
        // A list may sit at its key's column ("examples:\n- hi"); otherwise the kinds must agree.
        const listUnderKey = first.kind === 'seq' && opened && opened.col === first.col;
        const keyAfterSameColumnList = first.kind === 'map' && stack[stack.length - 2]?.col === first.col;
        if (keyAfterSameColumnList) stack.pop();
        else if (!listUnderKey) return misplaced(lineNo, first, closed, stack);
      }
    } else if (top && top.col < first.col && !opened) {
      // Between two levels: dedented out of the deeper one just left, or over-indented under the one still open.
      const dedented = misplaced(lineNo, first, closed, []);
      if (dedented) return dedented;
      const what = first.kind === 'seq' ? 'list item' : `key "${first.text.split(':')[0]}"`;
      return {
        line: lineNo,
        column: first.col + 1,
        message: `${what} over-indented: it starts at column ${first.col + 1}, deeper than "${clip(top.text)}" (line ${top.line}, column ${top.col + 1}), which already has a value, so nothing can be nested under it`,
        suggestion: `Dedent line ${lineNo} by ${spaces(first.col - top.col)} so it starts at column ${top.col + 1}, like line ${top.line}.`,
      };
    } else if (
      stack.length > 0 &&
      !stack.some((f) => f.col === first.col) &&
      !(opened && first.col > opened.col)
    ) {
      return misplaced(lineNo, first, closed, stack);
    }
    for (const entry of entries) {
      while (stack.length > 0 && stack[stack.length - 1]!.col > entry.col) stack.pop();
      const same = stack[stack.length - 1];
      if (same && same.col === entry.col && same.kind === entry.kind) {
        same.line = lineNo;
        same.text = entry.text;
      } else stack.push({col: entry.col, kind: entry.kind, line: lineNo, text: entry.text});
    }
    const last = entries[entries.length - 1]!;
    opened =
      (last.kind === 'map' && key && !key.hasValue) || (last.kind === 'seq' && rest === '')
        ? {col: last.col, line: lineNo, text: last.text}
        : undefined;
    if (key?.blockScalar) scalarAbove = indent;
  }
  return undefined;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** A list item or key at a column where no list or mapping of its kind is open: name the one it belongs to. */
function misplaced(
  lineNo: number,
  entry: {col: number; kind: 'map' | 'seq'; text: string},
  closed: readonly Frame[],
  open: readonly Frame[],
): IndentationMistake | undefined {
  // The level of the same kind written most recently above (the one just left, else an open one).
  const byRecency = (frames: readonly Frame[]) =>
    frames
      .filter((f) => f.kind === entry.kind && f.col !== entry.col)
      .sort((a, b) => b.line - a.line || b.col - a.col)[0];
  const target = byRecency(closed) ?? byRecency(open);
  if (!target) return undefined;
  const what = entry.kind === 'seq' ? 'list item' : `key "${entry.text.split(':')[0]}"`;
  const dedented = target.col > entry.col;
  const amount = Math.abs(target.col - entry.col);
  return {
    line: lineNo,
    column: entry.col + 1,
    message: `${what} ${dedented ? 'dedented' : 'indented too far'}: it starts at column ${entry.col + 1}, but the ${entry.kind === 'seq' ? 'other items of its list' : 'other keys of its mapping'} ("${clip(target.text)}", line ${target.line}) start at column ${target.col + 1}`,
    suggestion: `${dedented ? 'Indent' : 'Dedent'} line ${lineNo} by ${spaces(amount)} so it starts at column ${target.col + 1}, like line ${target.line}.`,
  };
}
