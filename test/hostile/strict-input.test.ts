/**
 * Strict input (issue 32 items 4 and 5): nesting deeper than any real file, refused with the file and line
 * instead of a stack overflow; duplicate keys refused in YAML and JSON, platform files included; utterances of
 * undeclared intents and entities, regex entities that would write zero-length spans, NUL bytes in examples.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, it} from 'vitest';
import {writeLuisApp} from './fixtures.js';
import {runHostileCase, type HostileCase} from './harness.js';

const DATASET_HEADER = JSON.stringify({
  $dataset: {
    format: 'synthnlu-dataset/1',
    language: 'en',
    intents: [{name: 'greet'}, {name: 'bye'}],
    entities: [],
  },
});

function write(dir: string, name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

const nested = (depth: number, open: string, close: string) => open.repeat(depth) + close.repeat(depth);

function blockMapping(levels: number): string {
  let text = 'language: en\nintents:\n';
  for (let i = 0; i < levels; i++) text += `${' '.repeat(2 + 2 * i)}k${i}:\n`;
  return `${text}${' '.repeat(2 + 2 * levels)}v\n`;
}

const cases: HostileCase[] = [
  {
    name: 'a spec nested 100,000 flow levels',
    setup: (dir) => [
      'generate',
      write(dir, 'spec.yaml', `language: en\nintents: ${nested(100_000, '[', ']')}\n`),
      '--out',
      'out.jsonl',
    ],
    exit: 2,
    code: 'YAML_TOO_DEEP',
    json: true,
    names: 'spec.yaml:2:',
    message: /nested more than 200 levels deep/,
  },
  {
    name: 'a spec nested 3,000 block-mapping levels',
    setup: (dir) => ['validate', write(dir, 'spec.yaml', blockMapping(3000))],
    exit: 2,
    names: 'spec.yaml:202:',
    message: /YAML_TOO_DEEP.*nested more than 200 levels deep/,
  },
  {
    name: 'a dataset line nested 100,000 JSON levels',
    setup: (dir) => [
      'coverage',
      write(
        dir,
        'data.jsonl',
        `${DATASET_HEADER}\n{"text":"hi","intent":"greet"}\n{"text":"bye","intent":"bye","metadata":{"x":${nested(100_000, '[', ']')}}}\n`,
      ),
      '--no-model',
    ],
    exit: 2,
    names: 'data.jsonl:3:',
    message: /data\.jsonl:3:\d+ \(metadata\.x\[0\]…\): JSON nested more than 200 levels deep/,
  },
  {
    name: 'a JSON spec nested 50,000 object levels',
    setup: (dir) => [
      'validate',
      write(
        dir,
        'spec.json',
        `{"language":"en","intents":[{"name":"a","examples":["hi"],"x":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}]}`,
      ),
    ],
    exit: 2,
    names: 'spec.json:1:',
    message: /JSON_TOO_DEEP/,
  },
  {
    name: 'a Rasa YAML file nested 100,000 flow levels',
    setup: (dir) => [
      'import',
      write(
        dir,
        'nlu.yml',
        `version: "3.1"\nnlu:\n- intent: greet\n  metadata: ${nested(100_000, '{a: ', '}')}\n  examples: |\n    - hi\n`,
      ),
      '--out',
      'out.jsonl',
    ],
    exit: 2,
    code: 'YAML_TOO_DEEP',
    json: true,
    names: 'nlu.yml:4:',
    message: /nested more than 200 levels deep/,
  },
  {
    name: 'a LUIS app nested 100,000 JSON levels',
    setup: (dir) => {
      writeLuisApp(dir);
      const app = readJsonText(dir, 'app.json').replace('"desc": ""', `"desc": ${nested(100_000, '[', ']')}`);
      return ['import', write(dir, 'app.json', app), '--from', 'luis', '--out', 'out.jsonl'];
    },
    exit: 2,
    code: 'JSON_TOO_DEEP',
    json: true,
    names: 'app.json:',
    message: /nested more than 200 levels deep/,
  },
  {
    name: 'a JSON spec with a key written twice',
    setup: (dir) => [
      'validate',
      write(dir, 'spec.json', '{"language":"en","intents":[{"name":"a","examples":["hi"],"name":"b"}]}'),
    ],
    exit: 2,
    names: 'spec.json:1:',
    message:
      /JSON_DUPLICATE_KEY: spec\.json:1:\d+ \(intents\[0\]\.name\): key "name" appears twice in one object/,
  },
  {
    name: 'a dataset line with a key written twice',
    setup: (dir) => [
      'export',
      write(dir, 'data.jsonl', `${DATASET_HEADER}\n{"text":"hi","intent":"greet","intent":"bye"}\n`),
      '--to',
      'rasa',
      '--out',
      'nlu.yml',
    ],
    exit: 2,
    names: 'data.jsonl:2:',
    message: /key "intent" appears twice/,
  },
  {
    name: 'a Rasa file with two nlu: keys',
    setup: (dir) => [
      'import',
      write(
        dir,
        'nlu.yml',
        'version: "3.1"\nnlu:\n- intent: greet\n  examples: |\n    - hi\nnlu:\n- intent: bye\n  examples: |\n    - bye\n',
      ),
      '--out',
      'out.jsonl',
    ],
    exit: 2,
    code: 'RASA_DUPLICATE_KEY',
    json: true,
    names: 'nlu.yml:6:1',
    message: /the key "nlu" appears twice in one mapping/,
  },
  {
    name: 'a dataset utterance of an intent and an entity its header does not declare',
    setup: (dir) => [
      'validate',
      write(
        dir,
        'data.jsonl',
        `${DATASET_HEADER}\n{"text":"hi","intent":"greet"}\n{"text":"book paris","intent":"book","entities":[{"entity":"city","start":5,"end":10}]}\n`,
      ),
    ],
    exit: 1,
    names: 'data.jsonl:3:1 (intent)',
    message:
      /DATASET_UNKNOWN_INTENT.*intent "book", which is not in intents[\s\S]*DATASET_UNKNOWN_ENTITY: data\.jsonl:3:1 \(entities\[0\]\.entity\)/,
  },
  {
    name: 'coverage on a dataset with an undeclared intent',
    setup: (dir) => [
      'coverage',
      write(
        dir,
        'data.jsonl',
        `${DATASET_HEADER}\n{"text":"hi","intent":"greet"}\n{"text":"bye","intent":"byee"}\n`,
      ),
      '--no-model',
    ],
    exit: 1,
    names: 'data.jsonl:3:1 (intent)',
    message: /intent "byee", which is not in intents/,
  },
  {
    name: 'a regex entity that matches nothing ([^\\s\\S]) in a spec',
    setup: (dir) => [
      'generate',
      write(
        dir,
        'spec.yaml',
        'language: en\nentities:\n  - name: code\n    type: regex\n    pattern: "[^\\\\s\\\\S]"\nintents:\n  - name: search\n    examples: ["search for {code}", "find {code} please"]\n  - name: hi\n    examples: [hello, hi there]\n',
      ),
      '--out',
      'out.jsonl',
    ],
    exit: 1,
    names: 'spec.yaml:5:14 (entities[0].pattern)',
    message: /matches no text, so \{code\} would be filled with nothing \(a zero-length span\)/,
  },
  {
    name: 'a NUL byte in a spec example (raw)',
    setup: (dir) => [
      'generate',
      write(
        dir,
        'spec.yaml',
        'language: en\nintents:\n  - name: greet\n    examples: [hel\0lo, hi there]\n  - name: bye\n    examples: [bye, see you]\n',
      ),
      '--out',
      'out.jsonl',
    ],
    exit: 1,
    names: 'spec.yaml:4:16 (intents[0].examples[0])',
    message: /contains a control character \(U\+0000, a NUL byte\)/,
  },
  {
    name: 'a NUL byte in a spec example (escaped)',
    setup: (dir) => [
      'validate',
      write(
        dir,
        'spec.yaml',
        'language: en\nintents:\n  - name: greet\n    examples: ["hel\\0lo", hi there]\n  - name: bye\n    examples: [bye, see you]\n',
      ),
    ],
    exit: 1,
    names: 'spec.yaml:4:16',
    message: /SPEC_CONTROL_CHARACTER.*NUL byte/,
  },
  {
    name: 'a NUL byte in a .lu example',
    setup: (dir) => [
      'import',
      write(dir, 'app.lu', '# greet\n- hi there\n- hel\0lo\n\n# bye\n- bye\n- see you\n'),
      '--out',
      'out.jsonl',
    ],
    exit: 2,
    code: 'LU_CONTROL_CHARACTER',
    json: true,
    names: 'app.lu:3',
    message: /contains a control character \(U\+0000, a NUL byte\)/,
  },
  {
    name: 'a NUL escape in a dataset utterance',
    setup: (dir) => [
      'export',
      write(dir, 'data.jsonl', `${DATASET_HEADER}\n{"text":"hi\\u0000 there","intent":"greet"}\n`),
      '--to',
      'rasa',
      '--out',
      'nlu.yml',
    ],
    exit: 1,
    names: 'data.jsonl:2:1 (text)',
    message: /utterance "hi\\u0000 there" contains a control character \(U\+0000, a NUL byte\)/,
  },
];

function readJsonText(dir: string, name: string): string {
  return readFileSync(join(dir, name), 'utf8');
}

describe('strict input: depth limits and duplicate keys', () => {
  for (const c of cases) it(c.name, () => void runHostileCase(c));
});

export const STRICT_INPUT_CASES = cases.length;
