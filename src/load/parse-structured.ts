import {isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Document} from 'yaml';
import {SynthnluError, type Diagnostic} from '../errors.js';
import {lineColumnAt, lineColumnFinder} from '../io/read-text.js';
import type {Locator} from '../schema/validate.js';
import {jsonLocator, type JsonLocator} from './json-locate.js';
import {checkJsonStructure, checkYamlDepth} from './structure-guard.js';
import {findIndentationMistake} from './yaml-indentation.js';

/** YAML anchors may be reused this many times at most: a "billion laughs" file is refused, not expanded. */
export const MAX_YAML_ALIASES = 1000;
/** Above this size, locating schema errors by re-parsing is skipped (the JSON path is still given). */
const MAX_LOCATABLE_BYTES = 20 * 1024 * 1024;

export interface ParsedDocument {
  value: unknown;
  locate: Locator;
}

function locatorFor(doc: Document.Parsed, lines: LineCounter): Locator {
  return (path, options) => {
    let node: unknown = doc.contents;
    let keyNode: YamlNode | undefined;
    for (const segment of path) {
      keyNode = undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => {
          const key = p.key as {value?: unknown} | null;
          return key !== null && typeof key === 'object' && String(key.value) === String(segment);
        });
        if (!pair) return undefined;
        keyNode = pair.key as YamlNode;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
      } else {
        return undefined;
      }
    }
    const target = (options?.key && keyNode ? keyNode : node) as YamlNode | undefined;
    const offset = target?.range?.[0];
    if (offset === undefined) return undefined;
    const pos = lines.linePos(offset);
    return {line: pos.line, column: pos.col};
  };
}

/** Parses YAML, refusing duplicate keys and alias bombs, reporting every syntax error with its line. */
export function parseYaml(text: string, file: string): ParsedDocument {
  // The parser recurses per level: refuse a file nested deeper than any real one before it overflows the stack.
  checkYamlDepth(text, file);
  const lines = new LineCounter();
  const doc = parseDocument(text, {lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true});
  const problems: Diagnostic[] = [
    ...doc.errors,
    ...doc.warnings.filter((w) => w.code === 'DUPLICATE_KEY'),
  ].map((e) => {
    const pos = lines.linePos(e.pos[0]);
    const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return {
      severity: 'error' as const,
      code: e.code === 'DUPLICATE_KEY' ? 'YAML_DUPLICATE_KEY' : 'YAML_SYNTAX',
      message: `YAML syntax error: ${message}`,
      file,
      line: pos.line,
      column: pos.col,
      suggestion:
        e.code === 'DUPLICATE_KEY'
          ? 'Each key may appear once in a mapping: merge or rename the duplicate.'
          : 'Check indentation and quoting on this line (values containing ": " or starting with { [ need quotes).',
    };
  });
  if (problems.length > 0) {
    const explained = explainIndentation(text, file, problems);
    throw new SynthnluError(
      explained[0]!.code,
      explained[0]!.message + (explained.length > 1 ? ` (and ${explained.length - 1} more)` : ''),
      {
        diagnostics: explained,
        location: {file, line: explained[0]!.line, column: explained[0]!.column},
        suggestion: explained[0]!.suggestion,
      },
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({maxAliasCount: MAX_YAML_ALIASES});
  } catch (error) {
    const message = (error as Error).message;
    if (/alias/i.test(message)) {
      throw new SynthnluError(
        'YAML_ALIAS_BOMB',
        `YAML aliases expand too much (over ${MAX_YAML_ALIASES} uses): refusing a file that would exhaust memory`,
        {location: {file}, suggestion: 'Write the repeated content out, or reuse anchors fewer times.'},
      );
    }
    throw new SynthnluError('YAML_SYNTAX', message, {location: {file}});
  }
  return {value, locate: locatorFor(doc, lines)};
}

/** Parser errors this close to an indentation mistake are its echoes, not mistakes of their own. */
const ECHO_LINES = 2;

/**
 * One diagnostic per mistake: an indentation mistake the parser reported as several generic errors (some on the
 * line above) becomes one error at its line and column with the indentation it needs; other parser errors are
 * kept, one per line.
 */
function explainIndentation(text: string, file: string, problems: Diagnostic[]): Diagnostic[] {
  const syntax = problems.filter((p) => p.code === 'YAML_SYNTAX');
  const mistake = syntax.length > 0 ? findIndentationMistake(text) : undefined;
  const firstLine = syntax[0]?.line ?? 0;
  const kept: Diagnostic[] = [];
  if (mistake && Math.abs(mistake.line - firstLine) <= ECHO_LINES)
    kept.push({
      severity: 'error',
      code: 'YAML_INDENTATION',
      message: `YAML indentation: ${mistake.message}`,
      file,
      line: mistake.line,
      column: mistake.column,
      suggestion: mistake.suggestion,
    });
  const echo = (p: Diagnostic) =>
    kept[0]?.code === 'YAML_INDENTATION' &&
    p.code === 'YAML_SYNTAX' &&
    p.line !== undefined &&
    p.line >= kept[0].line! - ECHO_LINES &&
    p.line <= kept[0].line! + ECHO_LINES;
  const seenLines = new Set<number>();
  for (const p of problems) {
    if (echo(p)) continue;
    if (p.code === 'YAML_SYNTAX' && p.line !== undefined) {
      if (seenLines.has(p.line)) continue;
      seenLines.add(p.line);
    }
    kept.push(p);
  }
  return kept.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

const JSON_POSITION = /at position (\d+)|\(line (\d+) column (\d+)\)/;

/** Parses JSON with JSON.parse (fast); positions for diagnostics come from a scan of the text when asked for. */
export function parseJson(text: string, file: string): ParsedDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const match = JSON_POSITION.exec(message);
    let line: number | undefined;
    let column: number | undefined;
    if (match?.[2]) {
      line = Number(match[2]);
      column = Number(match[3]);
    } else if (match?.[1]) {
      ({line, column} = lineColumnAt(text, Number(match[1])));
    }
    const clean = message
      .replace(/^JSON\.parse: /, '')
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/, ".*$/s, '');
    throw new SynthnluError('JSON_SYNTAX', `JSON syntax error: ${clean}`, {
      location: {file, ...(line ? {line, column} : {})},
      suggestion: 'Check for a missing comma or quote, or a trailing comma, just before this position.',
    });
  }
  checkJsonStructure(text, file);
  // Built on the first diagnostic and reused: a dataset can have hundreds.
  let locateOffset: JsonLocator | undefined;
  let lineColumn: ((offset: number) => {line: number; column: number}) | undefined;
  const locate: Locator = (path, options) => {
    if (text.length > MAX_LOCATABLE_BYTES) return undefined;
    const offset = (locateOffset ??= jsonLocator(text))(path, options);
    return offset === undefined ? undefined : (lineColumn ??= lineColumnFinder(text))(offset);
  };
  return {value, locate};
}

/** JSON when the file name says so or the text starts like JSON; YAML otherwise. */
export function parseStructured(text: string, file: string): ParsedDocument {
  const json = /\.json$/i.test(file) || (/^\s*[[{]/.test(text) && !/\.ya?ml$/i.test(file));
  return json ? parseJson(text, file) : parseYaml(text, file);
}
