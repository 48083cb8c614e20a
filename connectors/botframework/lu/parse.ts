/**
 * .lu text -> LUIS app JSON, the same shape bf-lu's LuisBuilder produces, so the LUIS mapping is shared.
 * Reads both syntaxes real files carry: the current `@ type name` definitions and the older `$name:...` ones,
 * plus `> !# @app.*` info lines; QnA sections (`# ?`) and alterations are skipped.
 *
 * Each line kind has its reader (LINE_READERS, first match wins); definitions and headings open a block, and
 * the `- item` lines under it are read by the block's handler (block-items.ts).
 */
import {SynthnluError, textControlProblem} from '../../../src/connector-kit.js';
import type {LuisApp} from '../luis/types.js';
import {LuAppBuilder} from './app-builder.js';
import {readItem} from './block-items.js';
import {NO_BLOCK, type Block} from './blocks.js';
import {readDefinition, readLegacyDefinition} from './definitions.js';
import {resolveReferences} from './labels.js';

interface ReadState {
  builder: LuAppBuilder;
  block: Block;
  /** Base names of the .lu files read together with this one. */
  available: ReadonlySet<string>;
}

interface LineReader {
  test(line: string): boolean;
  /** `line` trimmed, `raw` as written (indentation matters for list values and ML children). */
  read(state: ReadState, line: string, raw: string): void;
}

/** `> !# @app.key = value` info lines set the app's own fields. */
const APP_INFO_KEYS = new Set([
  'name',
  'culture',
  'versionId',
  'luis_schema_version',
  'tokenizerVersion',
  'desc',
]);

const LINE_READERS: LineReader[] = [
  {
    test: (line) => line.startsWith('>'),
    read({builder}, line) {
      const info = /^>\s*!#\s*@app\.([\w.]+)\s*=\s*(.*)$/.exec(line);
      if (info && APP_INFO_KEYS.has(info[1]!))
        (builder.app as unknown as Record<string, string>)[info[1]!] = info[2]!.trim();
    },
  },
  {
    test: (line) => line.startsWith('#'),
    read(state, line) {
      const heading = line.replace(/^#+\s*/, '');
      if (heading.startsWith('?')) {
        state.block = {kind: 'skip'}; // a QnA section
        return;
      }
      if (heading.length === 0) state.builder.fail('an intent heading needs a name');
      state.builder.addIntent(heading.trim());
      state.block = {kind: 'intent', name: heading.trim()};
    },
  },
  {
    test: (line) => line.startsWith('@'),
    read(state, line, raw) {
      state.block = readDefinition(state.builder, line, raw);
    },
  },
  {
    test: (line) => line.startsWith('$'),
    read(state, line) {
      state.block = readLegacyDefinition(state.builder, line.slice(1));
    },
  },
  {
    test: (line) => /^\[[^\]]*\]\(([^)]*)\)\s*$/.test(line),
    read({builder, available}, line) {
      const target = /^\[[^\]]*\]\(([^)]*)\)\s*$/.exec(line)![1]!.trim();
      const baseName = target.split(/[\\/]/).pop()!.split('#')[0]!;
      if (!available.has(baseName))
        builder.fail(
          `imports "${target}", which synthnlu does not follow`,
          'Import the folder (or zip) that holds every referenced .lu file, or inline the referenced content; for URLs and globs use bf luis:convert first.',
        );
    },
  },
  {
    test: (line) => /^[-*+]\s?/.test(line),
    read(state, line, raw) {
      readItem(state.builder, state.block, line.replace(/^[-*+]\s?/, '').trim(), raw.search(/\S/));
    },
  },
];

/**
 * `available`: base names of the .lu files read together with this one (a folder or zip), whose imports are
 * satisfied by reading them all. Any other import is refused by line: following it is bf-lu's job (it needs the
 * referenced file or URL), and dropping it silently would lose its intents.
 */
export function parseLu(content: string, file: string, available: ReadonlySet<string> = new Set()): LuisApp {
  const state: ReadState = {builder: new LuAppBuilder(file), block: NO_BLOCK, available};
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  let fenced = false;
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!;
    const control = textControlProblem('line', raw);
    if (control)
      throw new SynthnluError('LU_CONTROL_CHARACTER', control.message, {
        location: {file, line: n + 1},
        suggestion: control.suggestion,
      });
    const line = raw.trim();
    if (line.startsWith('```')) fenced = !fenced;
    else if (!fenced && line !== '') {
      state.builder.line = n;
      LINE_READERS.find((reader) => reader.test(line))?.read(state, line, raw);
    }
  }
  resolveReferences(state.builder);
  return state.builder.app;
}
