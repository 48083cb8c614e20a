import {closeSync, openSync, writeFileSync, ftruncateSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {inspectFile, loadSpec} from '../../src/library-load.js';
import {SynthnluError} from '../../src/errors.js';
import {tempDir} from '../helpers/cli.js';

const dir = tempDir('synthnlu-malformed-');
let counter = 0;
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, `${counter++}-${name}`);
  writeFileSync(path, content);
  return path;
}

const spec = (body: string) => `language: en\n${body}`;
const goodIntent = 'intents:\n  - name: greet\n    examples:\n      - hello there\n';

interface Case {
  name: string;
  make: () => string;
  code: string;
  line?: number;
  path?: string;
  message: RegExp;
  /** wellFormed: false means exit 2 (bad input); true means the file parsed but breaks a rule (exit 1). */
  wellFormed: boolean;
}

const cases: Case[] = [
  {
    name: 'YAML syntax error (bad indentation)',
    make: () => file('a.yaml', 'intents:\n  - name: greet\n   examples: [hi]\n'),
    code: 'YAML_INDENTATION',
    line: 3,
    message:
      /key "examples" dedented: it starts at column 4, but the other keys of its mapping \("name: greet", line 2\) start at column 5/,
    wellFormed: false,
  },
  {
    name: 'wrong type: intents is a string',
    make: () => file('a.yaml', spec('intents: greet\n')),
    code: 'SPEC_WRONG_TYPE',
    line: 2,
    path: 'intents',
    message: /must be an array, found a string/,
    wellFormed: false,
  },
  {
    name: 'misspelled key inside an intent',
    make: () => file('a.yaml', spec('intents:\n  - name: greet\n    exmaples:\n      - hi\n')),
    code: 'SPEC_UNKNOWN_KEY',
    line: 4,
    path: 'intents[0].exmaples',
    message: /unknown key "exmaples" \(did you mean "examples"\?\)/,
    wellFormed: false,
  },
  {
    name: 'misspelled top-level key',
    make: () => file('a.yaml', spec(`${goodIntent}entites: []\n`)),
    code: 'SPEC_UNKNOWN_KEY',
    line: 6,
    path: 'entites',
    message: /did you mean "entities"/,
    wellFormed: false,
  },
  {
    name: 'empty intents list',
    make: () => file('a.yaml', spec('intents: []\n')),
    code: 'SPEC_EMPTY',
    path: 'intents',
    message: /must not be empty/,
    wellFormed: false,
  },
  {
    name: 'intent with no examples',
    make: () => file('a.yaml', spec('intents:\n  - name: greet\n    examples: []\n')),
    code: 'SPEC_EMPTY',
    path: 'intents[0].examples',
    line: 4,
    message: /must not be empty/,
    wellFormed: false,
  },
  {
    name: 'duplicate intent names',
    make: () => file('a.yaml', spec(`${goodIntent}  - name: greet\n    examples: [hey]\n`)),
    code: 'SPEC_DUPLICATE_INTENT',
    path: 'intents[1].name',
    line: 6,
    message: /intent "greet" is defined twice/,
    wellFormed: true,
  },
  {
    name: 'reference to an undefined entity',
    make: () =>
      file(
        'a.yaml',
        spec(
          'entities:\n  - name: order_id\n    type: regex\n    pattern: "[0-9]{6}"\nintents:\n  - name: track\n    examples:\n      - where is {order}\n',
        ),
      ),
    code: 'SPEC_UNKNOWN_ENTITY',
    path: 'intents[0].examples[0]',
    line: 9,
    message: /\{order\} refers to an entity that is not defined \(did you mean \{order_id\}\?\)/,
    wellFormed: true,
  },
  {
    name: 'circular aliases',
    make: () => file('a.yaml', spec(`aliases:\n  a: ["x <b>"]\n  b: ["y <a>"]\n${goodIntent}`)),
    code: 'SPEC_ALIAS_CYCLE',
    message: /<a> -> <b> -> <a>/,
    wellFormed: true,
  },
  {
    name: 'duplicate YAML keys',
    make: () => file('a.yaml', spec(`${goodIntent}language: fr\n`)),
    code: 'YAML_DUPLICATE_KEY',
    line: 6,
    message: /YAML syntax error/,
    wellFormed: false,
  },
  {
    name: 'not UTF-8 (Latin-1 bytes)',
    make: () =>
      file(
        'a.yaml',
        Buffer.concat([
          Buffer.from(spec('intents:\n  - name: caf')),
          Buffer.from([0xe9]),
          Buffer.from('\n    examples: [hi]\n'),
        ]),
      ),
    code: 'FILE_NOT_UTF8',
    line: 3,
    message: /not valid UTF-8 \(byte 0xe9/,
    wellFormed: false,
  },
  {
    name: 'a 50 MB spec',
    make: () => {
      const path = join(dir, `${counter++}-huge.yaml`);
      const fd = openSync(path, 'w');
      ftruncateSync(fd, 50 * 1024 * 1024);
      closeSync(fd);
      return path;
    },
    code: 'FILE_TOO_LARGE',
    message: /50 MB, over the 10 MB limit/,
    wellFormed: false,
  },
  {
    name: 'billion laughs (YAML alias bomb)',
    make: () => {
      let yaml = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
      for (let i = 1; i <= 9; i++)
        yaml += `a${i}: &a${i} [${Array.from({length: 10}, () => `*a${i - 1}`).join(',')}]\n`;
      return file('bomb.yaml', `${yaml}intents: [{name: x, examples: ["*a9"]}]\n`);
    },
    code: 'YAML_ALIAS_BOMB',
    message: /aliases expand too much/,
    wellFormed: false,
  },
  {
    name: 'unknown variation family',
    make: () => file('a.yaml', spec(`defaults:\n  variations:\n    politeness: 0.2\n${goodIntent}`)),
    code: 'SPEC_UNKNOWN_KEY',
    path: 'defaults.variations.politeness',
    line: 4,
    message: /did you mean "polite"/,
    wellFormed: false,
  },
  {
    name: 'a share over 1',
    make: () => file('a.yaml', spec(`defaults:\n  split: 1.5\n${goodIntent}`)),
    code: 'SPEC_OUT_OF_RANGE',
    path: 'defaults.split',
    line: 3,
    message: /must be <= 1, found 1\.5/,
    wellFormed: false,
  },
  {
    name: 'invalid regular expression',
    make: () =>
      file('a.yaml', spec(`entities:\n  - name: code\n    type: regex\n    pattern: "[0-9"\n${goodIntent}`)),
    code: 'SPEC_BAD_REGEX',
    path: 'entities[0].pattern',
    line: 5,
    message: /invalid regular expression/,
    wellFormed: true,
  },
  {
    name: 'dataset JSON syntax error',
    make: () =>
      file('d.json', '{\n  "format": "synthnlu-dataset/1",\n  "language": "en"\n  "intents": []\n}\n'),
    code: 'JSON_SYNTAX',
    line: 4,
    message: /JSON syntax error/,
    wellFormed: false,
  },
  {
    name: 'dataset span outside its text',
    make: () =>
      file(
        'd.json',
        JSON.stringify(
          {
            format: 'synthnlu-dataset/1',
            language: 'en',
            intents: [{name: 'a'}],
            entities: [{name: 'n', kind: 'ml'}],
            utterances: [{text: 'hi', intent: 'a', entities: [{entity: 'n', start: 1, end: 9}]}],
          },
          null,
          2,
        ),
      ),
    code: 'DATASET_SPAN_OUT_OF_RANGE',
    path: 'utterances[0].entities[0]',
    message: /span \[1, 9\) of "n" is outside the text "hi"/,
    wellFormed: true,
  },
  {
    name: 'dataset span cutting an emoji in two',
    make: () =>
      file(
        'd.json',
        JSON.stringify({
          format: 'synthnlu-dataset/1',
          language: 'en',
          intents: [{name: 'a'}],
          entities: [{name: 'n', kind: 'ml'}],
          utterances: [{text: 'pay 😀 now', intent: 'a', entities: [{entity: 'n', start: 4, end: 5}]}],
        }),
      ),
    code: 'DATASET_SPAN_SPLITS_CHARACTER',
    message: /cuts a character/,
    wellFormed: true,
  },
  {
    name: 'JSONL line that is not an utterance',
    make: () => file('d.jsonl', '{"text":"hi","intent":"a"}\n{"text":"yo"}\n'),
    code: 'DATASET_MISSING_KEY',
    line: 2,
    message: /missing required key "intent"/,
    wellFormed: false,
  },
  {
    name: 'missing file',
    make: () => join(dir, 'does-not-exist.yaml'),
    code: 'FILE_NOT_FOUND',
    message: /no such file/,
    wellFormed: false,
  },
];

describe('loading malformed specs and datasets', () => {
  it.each(cases)('$name', async (c) => {
    const path = c.make();
    const inspection = await inspectFile(path);
    expect(inspection.wellFormed).toBe(c.wellFormed);
    const finding = inspection.diagnostics.find((d) => d.code === c.code);
    expect(finding, JSON.stringify(inspection.diagnostics, null, 2)).toBeDefined();
    expect(finding!.severity).toBe('error');
    expect(finding!.message).toMatch(c.message);
    expect(finding!.file).toBe(path);
    if (c.line !== undefined) expect(finding!.line).toBe(c.line);
    if (c.path !== undefined) expect(finding!.path).toBe(c.path);
  });

  it('accepts a file that starts with a UTF-8 byte order mark', async () => {
    const path = file('bom.yaml', `\uFEFF${spec(goodIntent)}`);
    const {spec: loaded} = await loadSpec(path);
    expect(loaded.language).toBe('en');
  });

  it('loadSpec throws one error that names the file, the line and the fix', async () => {
    const path = file('typo.yaml', spec('intents:\n  - name: greet\n    exmaples: [hi]\n'));
    const error = await loadSpec(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SynthnluError);
    const e = error as SynthnluError;
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe(
      `${path}:4:5 (intents[0].exmaples): unknown key "exmaples" (did you mean "examples"?)`,
    );
    expect(e.suggestion).toBe('Rename "exmaples" to "examples".');
  });
});
