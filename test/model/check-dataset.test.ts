/** The dataset rules JSON Schema cannot express (src/model/check-dataset.ts): each one found, in order, where it is. */
import {describe, expect, it} from 'vitest';
import type {Dataset} from '../../src/model/dataset.js';
import {checkDataset} from '../../src/model/check-dataset.js';

const dataset = {
  version: 1,
  language: 'en',
  intents: [{name: 'greet'}, {name: 'order'}, {name: 'greet'}, {name: 'bad\u0007name'}],
  entities: [
    {name: 'city', kind: 'list', values: [{value: 'Paris', synonyms: ['paname']}]},
    {name: 'empty', kind: 'list', values: []},
    {name: 'code', kind: 'regex', patterns: ['[A-Z]{2}', '(a']},
    {name: 'city', kind: 'ml'},
    {name: 'addr', kind: 'ml'},
  ],
  utterances: [
    {text: 'hello', intent: 'greet'},
    {text: 'Hello!', intent: 'greet'},
    {text: 'hello', intent: 'order'},
    {text: 'hi', intent: 'wave'},
    {text: 'hey', intent: 'wave'},
    {text: 'to london', intent: 'order', entities: [{entity: 'city', start: 3, end: 9}]},
    {text: 'to paris ', intent: 'order', entities: [{entity: 'city', start: 3, end: 9}]},
    {text: 'to rome', intent: 'order', entities: [{entity: 'city', start: 3, end: 7, value: 'paris'}]},
    {text: 'at 😀 x', intent: 'order', entities: [{entity: 'town', start: 3, end: 4}]},
    {
      text: 'at x',
      intent: 'order',
      entities: [{entity: 'addr', start: 3, end: 9, children: [{entity: 'nope', start: 0, end: 1}]}],
    },
    {
      text: 'at 1 main',
      intent: 'order',
      entities: [
        {
          entity: 'addr',
          start: 3,
          end: 9,
          children: [
            {entity: 'nope', start: 5, end: 9},
            {entity: 'addr', start: 2, end: 3},
          ],
        },
      ],
    },
  ],
} as unknown as Dataset;

describe('checkDataset', () => {
  it('reports every rule once where it applies, in file order, and stops at a span outside its text', () => {
    const found = checkDataset(dataset, {file: 'd.json'});
    expect(found.map((d) => `${d.severity} ${d.code} ${d.path}`)).toEqual([
      'error DATASET_DUPLICATE_INTENT intents[2].name',
      'error DATASET_BAD_NAME intents[3].name',
      'warning DATASET_EMPTY_LIST_ENTITY entities[1]',
      'error DATASET_BAD_REGEX entities[2].patterns[1]',
      'error DATASET_DUPLICATE_ENTITY entities[3].name',
      'info DATASET_DUPLICATE_UTTERANCE utterances[1]',
      'warning DATASET_CONFLICTING_UTTERANCE utterances[2]',
      'error DATASET_UNKNOWN_INTENT utterances[3].intent',
      'warning DATASET_SPAN_NOT_IN_LIST utterances[5].entities[0]',
      'warning DATASET_SPAN_WHITESPACE utterances[6].entities[0]',
      'warning DATASET_SPAN_NOT_IN_LIST utterances[6].entities[0]',
      'error DATASET_UNKNOWN_ENTITY utterances[8].entities[0].entity',
      'error DATASET_SPAN_SPLITS_CHARACTER utterances[8].entities[0]',
      'info DATASET_DUPLICATE_UTTERANCE utterances[9]',
      'error DATASET_SPAN_OUT_OF_RANGE utterances[9].entities[0]',
      'error DATASET_UNKNOWN_ENTITY utterances[10].entities[0].children[0].entity',
      'warning DATASET_SPAN_WHITESPACE utterances[10].entities[0].children[1]',
    ]);
    expect(found.every((d) => d.file === 'd.json')).toBe(true);
    expect(found[0]).toEqual({
      severity: 'error',
      code: 'DATASET_DUPLICATE_INTENT',
      message: 'intent "greet" is defined twice (first at intents[0])',
      path: 'intents[2].name',
      file: 'd.json',
      suggestion: 'Merge the two intents or rename one.',
    });
    expect(found[8]).toEqual({
      severity: 'warning',
      code: 'DATASET_SPAN_NOT_IN_LIST',
      message: '"london" is annotated as list entity "city" but is none of its values or synonyms',
      path: 'utterances[5].entities[0]',
      file: 'd.json',
      suggestion: 'Add "london" as a synonym of the value it means, or set the span\'s value.',
    });
  });

  it('places utterance findings on their JSONL line', () => {
    const found = checkDataset(dataset, {file: 'd.jsonl', utterancePath: (i) => ({path: [], line: i + 2})});
    const unknownIntent = found.find((d) => d.code === 'DATASET_UNKNOWN_INTENT')!;
    expect(unknownIntent).toMatchObject({file: 'd.jsonl', line: 5, column: 1, path: 'intent'});
    const child = found.filter((d) => d.code === 'DATASET_UNKNOWN_ENTITY')[1]!;
    expect(child).toMatchObject({line: 12, path: 'entities[0].children[0].entity'});
  });
});
