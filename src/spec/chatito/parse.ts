/**
 * A parser for Chatito's DSL (https://github.com/rodrigopivi/Chatito, spec.md), written from its
 * documentation: definitions start at column 0 (%[intent](args), @[slot#variation](args), ~[alias]), their
 * sentences are indented by 4 spaces and may start with a probability operator (*[20%] or *[3]); sentences
 * refer to ~[alias] and @[slot#variation], with a trailing ? for optional; `import ./file.chatito` pulls in
 * another file's definitions; lines starting with // or # are comments.
 */
import {realpath} from 'node:fs/promises';
import {dirname, isAbsolute, relative, resolve} from 'node:path';
import {SynthnluError} from '../../errors.js';
import {maxInputBytes} from '../../io/input-limits.js';
import {readBoundedFile} from '../../io/read-bounded.js';

export type ChatitoToken =
  | {kind: 'text'; text: string}
  | {kind: 'alias'; name: string; optional: boolean}
  | {kind: 'slot'; name: string; variation?: string; optional: boolean};

export interface ChatitoSentence {
  tokens: ChatitoToken[];
  /** From *[20%]: a share of the definition's draws. */
  percent?: number;
  /** From *[3]: a relative weight. */
  weight?: number;
  file: string;
  line: number;
}

export interface ChatitoDefinition {
  kind: 'intent' | 'slot' | 'alias';
  name: string;
  variation?: string;
  args: Record<string, string>;
  sentences: ChatitoSentence[];
  file: string;
  line: number;
}

export interface ChatitoDocument {
  definitions: ChatitoDefinition[];
  /** Every file read, the entry file first. */
  files: string[];
}

function fail(message: string, file: string, line: number, suggestion?: string): never {
  throw new SynthnluError('CHATITO_SYNTAX', message, {
    location: {file, line},
    ...(suggestion ? {suggestion} : {}),
  });
}

const DEFINITION = /^([%@~])\[([^\]]+)\]\s*(\(.*\))?\s*$/;
const REFERENCE = /([~@])\[([^\]]+?)\]/g;
const PROBABILITY = /^\*\[\s*([0-9]+(?:\.[0-9]+)?)\s*(%?)\s*\]\s*/;
const ARGUMENT = /\s*(['"])(.*?)\1\s*:\s*(['"])(.*?)\3\s*(,|$)/y;

function parseArgs(text: string, file: string, line: number): Record<string, string> {
  const inner = text.trim().slice(1, -1).trim();
  const args: Record<string, string> = {};
  if (!inner) return args;
  ARGUMENT.lastIndex = 0;
  while (ARGUMENT.lastIndex < inner.length) {
    const match = ARGUMENT.exec(inner);
    if (!match)
      fail(
        `cannot read the entity arguments "${text.trim()}"`,
        file,
        line,
        `Write them as ('training': '100', 'testing': '20').`,
      );
    args[match[2]!] = match[4]!;
  }
  return args;
}

function parseSentence(body: string, file: string, line: number): ChatitoSentence {
  const sentence: ChatitoSentence = {tokens: [], file, line};
  const probability = PROBABILITY.exec(body);
  if (probability) {
    const value = Number(probability[1]);
    if (probability[2]) {
      if (value <= 0 || value > 100) fail(`probability ${value}% is not between 0 and 100`, file, line);
      sentence.percent = value;
    } else {
      if (value <= 0) fail(`weight ${value} must be positive`, file, line);
      sentence.weight = value;
    }
    body = body.slice(probability[0].length);
  }
  let last = 0;
  for (const match of body.matchAll(REFERENCE)) {
    if (match.index > last) sentence.tokens.push({kind: 'text', text: body.slice(last, match.index)});
    let name = match[2]!;
    const optional = name.endsWith('?');
    if (optional) name = name.slice(0, -1);
    if (!name) fail(`empty reference "${match[0]}"`, file, line);
    if (match[1] === '~') sentence.tokens.push({kind: 'alias', name, optional});
    else {
      const [slot, variation] = name.split('#');
      sentence.tokens.push({kind: 'slot', name: slot!, ...(variation ? {variation} : {}), optional});
    }
    last = match.index + match[0].length;
  }
  if (last < body.length) sentence.tokens.push({kind: 'text', text: body.slice(last)});
  for (const token of sentence.tokens) {
    const unclosed = token.kind === 'text' ? /[~@]\[[^\]]*$/.exec(token.text) : null;
    if (unclosed)
      fail(`unclosed reference "${unclosed[0]}"`, file, line, 'Close it with "]", e.g. ~[greeting].');
  }
  if (sentence.tokens.length === 0) fail('empty sentence', file, line);
  return sentence;
}

/** Parses one file's text (imports are returned, not followed). */
export function parseChatitoText(
  text: string,
  file: string,
  options: {quoteLines?: boolean} = {},
): {definitions: ChatitoDefinition[]; imports: {path: string; line: number}[]} {
  const definitions: ChatitoDefinition[] = [];
  const imports: {path: string; line: number}[] = [];
  let current: ChatitoDefinition | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    if (raw.startsWith('//') || raw.startsWith('#')) return;
    if (raw.startsWith('import ')) {
      imports.push({path: raw.slice('import '.length).trim(), line});
      current = undefined;
      return;
    }
    if (raw.startsWith(' ') || raw.startsWith('\t')) {
      if (raw.startsWith('\t'))
        fail('sentences are indented with 4 spaces, not tabs', file, line, 'Replace the tab with 4 spaces.');
      if (!current)
        fail(
          'an indented sentence outside any definition',
          file,
          line,
          'Put sentences under a %[intent], @[slot] or ~[alias] line.',
        );
      const body = raw.trim();
      if (body.startsWith('//') || body.startsWith('#')) return;
      current.sentences.push(parseSentence(body, file, line));
      return;
    }
    const match = DEFINITION.exec(raw);
    if (!match)
      fail(
        // Lines of imported files are not quoted: an import may have pulled in a file nobody meant to print.
        options.quoteLines === false
          ? 'cannot read this line (not a Chatito definition)'
          : `cannot read "${raw.length > 40 ? `${raw.slice(0, 40)}...` : raw}"`,
        file,
        line,
        'Definitions start at column 0 with %[intent], @[slot] or ~[alias]; sentences are indented by 4 spaces.',
      );
    const kind = match[1] === '%' ? 'intent' : match[1] === '@' ? 'slot' : 'alias';
    let name = match[2]!;
    let variation: string | undefined;
    if (kind === 'slot' && name.includes('#')) [name, variation] = name.split('#') as [string, string];
    if (name.includes('?')) fail(`a ${kind} name cannot contain "?"`, file, line);
    current = {
      kind,
      name,
      ...(variation ? {variation} : {}),
      args: match[3] ? parseArgs(match[3], file, line) : {},
      sentences: [],
      file,
      line,
    };
    definitions.push(current);
  });
  for (const d of definitions)
    if (d.sentences.length === 0)
      fail(
        `${d.kind} "${d.name}" has no sentences`,
        d.file,
        d.line,
        'Indent its sentences by 4 spaces below it.',
      );
  return {definitions, imports};
}

/** Folders imports may read besides the spec's own: SYNTHNLU_CHATITO_IMPORT_ROOTS, separated by ":". */
function extraImportRoots(): string[] {
  return (process.env.SYNTHNLU_CHATITO_IMPORT_ROOTS ?? '')
    .split(':')
    .filter((root) => root !== '')
    .map((root) => resolve(root));
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

async function readImport(path: string): Promise<string> {
  return (await readBoundedFile(path, {maxBytes: maxInputBytes('spec'), what: 'Chatito file'})).toString(
    'utf8',
  );
}

/**
 * Reads a .chatito file and everything it imports (paths relative to the importing file). Imports must be
 * .chatito files inside the spec's folder (or a folder named in SYNTHNLU_CHATITO_IMPORT_ROOTS), so a spec
 * cannot make synthnlu read, or print a line of, /etc/passwd or a .env file.
 */
export async function readChatito(
  text: string,
  file: string,
  readText: (path: string) => Promise<string> = readImport,
): Promise<ChatitoDocument> {
  const roots = [dirname(resolve(file)), ...extraImportRoots()];
  const realRoots = await Promise.all(roots.map((root) => realpath(root).catch(() => root)));
  const files: string[] = [];
  const definitions: ChatitoDefinition[] = [];
  const visiting = new Set<string>();
  const load = async (source: string, path: string, isImport: boolean) => {
    const absolute = resolve(path);
    if (files.includes(absolute)) return;
    files.push(absolute);
    visiting.add(absolute);
    const parsed = parseChatitoText(source, path, {quoteLines: !isImport});
    for (const imported of parsed.imports) {
      const target = resolve(dirname(path), imported.path);
      if (visiting.has(target)) continue;
      if (!/\.chatito$/i.test(target))
        fail(
          `imports must name .chatito files ("${imported.path}" does not)`,
          path,
          imported.line,
          'Import only Chatito files.',
        );
      const real = await realpath(target).catch(() => target);
      if (!roots.some((root) => isInside(root, target)) || !realRoots.some((root) => isInside(root, real)))
        fail(
          `the import "${imported.path}" is outside the spec's folder`,
          path,
          imported.line,
          `Keep imported files in ${roots[0]} (or allow another folder with SYNTHNLU_CHATITO_IMPORT_ROOTS).`,
        );
      let importedText: string;
      try {
        importedText = await readText(target);
      } catch (error) {
        fail(
          `cannot read the imported file "${imported.path}"${error instanceof SynthnluError ? ` (${error.diagnostics[0]?.message ?? ''})` : ''}`,
          path,
          imported.line,
          `Check the path; it is relative to ${dirname(path)}.`,
        );
      }
      await load(importedText, target, true);
    }
    definitions.push(...parsed.definitions);
    visiting.delete(absolute);
  };
  await load(text, file, false);
  const seen = new Map<string, ChatitoDefinition>();
  for (const d of definitions) {
    const key = `${d.kind}:${d.name}#${d.variation ?? ''}`;
    const first = seen.get(key);
    if (first)
      fail(
        `${d.kind} "${d.name}${d.variation ? `#${d.variation}` : ''}" is defined twice (first at ${first.file}:${first.line})`,
        d.file,
        d.line,
      );
    seen.set(key, d);
  }
  return {definitions, files};
}
