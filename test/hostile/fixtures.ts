/** Small, valid inputs the hostile cases start from (each case then breaks one thing). */
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';

export const SPEC_YAML = `language: en
intents:
  - name: greet
    examples: [hello there, hi friend, good morning to you]
  - name: bye
    examples: [goodbye now, see you later, bye bye then]
`;

export function writeSpec(dir: string, name = 'spec.yaml', text = SPEC_YAML): string {
  writeFileSync(join(dir, name), text);
  return name;
}

/** A canonical JSONL dataset with two intents and, optionally, extra entities. */
export function writeDataset(dir: string, name = 'data.jsonl', entities: object[] = []): string {
  const header = {
    $dataset: {
      format: 'synthnlu-dataset/1',
      language: 'en',
      intents: [{name: 'greet'}, {name: 'bye'}],
      entities,
    },
  };
  const texts: [string, string][] = [
    ['hello there', 'greet'],
    ['hi friend', 'greet'],
    ['good morning to you', 'greet'],
    ['hey how are you', 'greet'],
    ['goodbye now', 'bye'],
    ['see you later', 'bye'],
    ['bye bye then', 'bye'],
    ['talk to you soon', 'bye'],
  ];
  const lines = [header, ...texts.map(([text, intent]) => ({text, intent}))].map((l) => JSON.stringify(l));
  writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
  return name;
}

/** A LUIS app JSON (a platform file) with two intents. */
export function writeLuisApp(dir: string, name = 'app.json'): string {
  const app = {
    luis_schema_version: '7.0.0',
    versionId: '0.1',
    name: 'hostile',
    desc: '',
    culture: 'en-us',
    intents: [{name: 'greet'}, {name: 'bye'}, {name: 'None'}],
    entities: [],
    utterances: [
      {text: 'hello there', intent: 'greet', entities: []},
      {text: 'hi friend', intent: 'greet', entities: []},
      {text: 'goodbye now', intent: 'bye', entities: []},
      {text: 'see you later', intent: 'bye', entities: []},
    ],
  };
  writeFileSync(join(dir, name), JSON.stringify(app, null, 2));
  return name;
}
