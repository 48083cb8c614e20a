import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {chooseLanguages} from '../../src/model/languages.js';
import type {Dataset} from '../../src/model/dataset.js';
import {noCredentialsEnv, ROOT, runCli, tempDir} from '../helpers/cli.js';

const dataset: Dataset = {
  format: 'synthnlu-dataset/1',
  language: 'en',
  languages: ['en', 'es'],
  intents: [{name: 'greet'}],
  entities: [
    {
      name: 'kind',
      kind: 'list',
      values: [{value: 'gold', synonyms: ['golden'], synonymsByLanguage: {es: ['oro']}}],
    },
  ],
  utterances: [
    {text: 'hello', intent: 'greet', language: 'en'},
    {text: 'hola', intent: 'greet', language: 'es'},
  ],
};

describe('--language', () => {
  it('keeps the languages named, a single one as a one-language dataset in that language', () => {
    const es = chooseLanguages(dataset, ['es']);
    expect(es.language).toBe('es');
    expect(es.languages).toBeUndefined();
    expect(es.utterances).toEqual([{text: 'hola', intent: 'greet'}]);
    expect(es.entities[0]!.values).toEqual([{value: 'gold', synonyms: ['oro']}]);
    expect(chooseLanguages(dataset, undefined)).toBe(dataset);
    expect(() => chooseLanguages(dataset, ['fr'])).toThrow(/holds no fr \(its languages: en, es\)/);
  });

  it('push plans every language the dataset holds and names a language the dataset does not hold', () => {
    const dir = tempDir();
    const data = join(dir, 'bank.jsonl');
    expect(
      runCli(['generate', join(ROOT, 'examples/multilingual.yaml'), '--out', data, '--per-intent', '4'])
        .status,
    ).toBe(0);
    const env = noCredentialsEnv();
    // Without credentials a dry run plans against nothing: a section per language, every intent in each.
    const both = runCli(['push', data, '--to', 'dialogflow', '--dry-run', '--json'], {env});
    expect(both.status).toBe(0);
    const plan = JSON.parse(both.stdout).plan;
    expect(plan.languages.map((p: {language: string}) => p.language)).toEqual(['en', 'es']);
    expect(plan.intents.create.length).toBe(2 * plan.languages[0].intents.create.length);
    const text = runCli(['push', data, '--to', 'dialogflow', '--dry-run'], {env});
    expect(text.stdout.split('\n')).toEqual(expect.arrayContaining(['en:', 'es:']));
    const french = runCli(['push', data, '--to', 'dialogflow', '--dry-run', '--language', 'fr', '--json'], {
      env,
    });
    expect(french.status).toBe(2);
    expect(JSON.parse(french.stdout).error.code).toBe('LANGUAGE_NOT_IN_DATASET');
  });
});
