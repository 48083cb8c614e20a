/**
 * Every command that reads a user file, fed each way a file can be broken (issue 32: "every message names
 * what is wrong"): missing, a folder, empty, blank, cut off mid-string, binary, tab-indented YAML, the wrong
 * top-level type, a symbolic link to itself. Each must exit 2 with one message naming the file and saying
 * what is wrong, no stack trace, no credential of the run (set in the environment) in any encoding, nothing
 * written and every file byte-identical (runHostileCase).
 */
import {mkdirSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, it} from 'vitest';
import {runHostileCase, type HostileCase} from './harness.js';

/** Credentials the run holds: none may be printed, whatever the failure. */
const CREDENTIALS = {
  OPENAI_API_KEY: 'sk-hostileMatrixCanary0123456789abcdef',
  AZURE_CONVERSATIONS_KEY: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  RASA_TOKEN: 'rasa-hostile-matrix-token-42',
};

type Defect = [name: string, make: (path: string) => void, says: RegExp];

const content = (text: string | Buffer) => (path: string) => writeFileSync(path, text);
const NOT_A_SPEC =
  /must be a mapping with at least "intents:"|neither a synthnlu spec|cannot tell which platform format/;

const YAML_DEFECTS: Defect[] = [
  ['missing', () => undefined, /no such file/],
  ['a folder', (path) => mkdirSync(path), /is a folder, expected a|cannot tell which platform format/],
  ['empty', content(''), NOT_A_SPEC],
  ['blank lines and a tab', content('  \n\n \t\n'), NOT_A_SPEC],
  [
    'cut off inside a string',
    content('{"language": "en", "intents": [{"name": "a", "exam'),
    /:1:51: YAML syntax error: Missing closing "quote|cannot tell which platform format/,
  ],
  [
    'binary (0xff first)',
    content(Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x9c, 0x80, 0x00, 0x7f, 0xc3, 0x28])),
    /:1:1: not valid UTF-8 \(byte 0xff at byte offset 0\)|cannot tell which platform format/,
  ],
  [
    'indented with tabs',
    content('language: en\nintents:\n\t- name: a\n\t  examples: [hi]\n'),
    /:3:1: YAML syntax error: Tabs are not allowed as indentation|cannot tell which platform format/,
  ],
  ['a list at the top', content('- a\n- b\n'), NOT_A_SPEC],
  ['a number at the top', content('42\n'), NOT_A_SPEC],
  ['null at the top', content('null\n'), NOT_A_SPEC],
  ['a symbolic link to itself', (path) => symlinkSync(path, path), /loops through symbolic links|\(ELOOP\)/],
];

const JSONL_DEFECTS: Defect[] = [
  ['missing', () => undefined, /no such file/],
  [
    'a folder',
    (path) => mkdirSync(path),
    /is a folder, expected a dataset|cannot tell which platform format/,
  ],
  [
    'cut off inside a string',
    content('{"language": "en", "intents": [{"name": "a", "exam'),
    /:1:51: JSON syntax error: Unterminated string/,
  ],
  [
    'binary (0xff first)',
    content(Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x9c, 0x80, 0x00, 0x7f, 0xc3, 0x28])),
    /:1:1: not valid UTF-8 \(byte 0xff at byte offset 0\)/,
  ],
  ['YAML instead of JSON lines', content('language: en\nintents:\n  - name: a\n'), /:1: JSON syntax error/],
  [
    'a YAML list instead of JSON lines',
    content('- a\n- b\n'),
    /:1:2: JSON syntax error: No number after minus sign/,
  ],
  ['a number on the first line', content('42\n'), /:1: must be an object, found an integer/],
  ['null on the first line', content('null\n'), /:1: must be an object, found a null/],
  ['a symbolic link to itself', (path) => symlinkSync(path, path), /\(ELOOP\)/],
];

const COMMANDS: [string, (file: string) => string[]][] = [
  ['validate', (file) => ['validate', file]],
  ['generate', (file) => ['generate', file, '--out', 'out.jsonl']],
  ['export', (file) => ['export', file, '--to', 'rasa', '--out', 'nlu.yml']],
  ['convert', (file) => ['convert', file, '--to', 'lu', '--out', 'x.lu']],
  ['import', (file) => ['import', file, '--out', 'd.json']],
  ['coverage', (file) => ['coverage', file, '--no-model']],
  ['predict', (file) => ['predict', file, 'hello there']],
];

function matrix(file: string, defects: Defect[], commands: string[]): HostileCase[] {
  return COMMANDS.filter(([command]) => commands.includes(command)).flatMap(([command, args]) =>
    defects.map(([defect, make, says]): HostileCase => ({
      name: `${command} on ${file}: ${defect}`,
      setup: (dir) => {
        make(join(dir, file));
        return args(file);
      },
      env: CREDENTIALS,
      exit: 2,
      names: file,
      message: says,
      secrets: Object.values(CREDENTIALS),
    })),
  );
}

const cases: HostileCase[] = [
  ...matrix(
    'spec.yaml',
    YAML_DEFECTS,
    COMMANDS.map(([command]) => command),
  ),
  ...matrix('data.jsonl', JSONL_DEFECTS, ['validate', 'export', 'coverage']),
];

describe('every command that reads a file, on every way a file can be broken', () => {
  for (const c of cases) it(c.name, () => void runHostileCase(c));
});

export const MATRIX_CASES = cases.length;
