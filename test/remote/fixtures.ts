import {join} from 'node:path';
import type {Dataset} from '../../src/model/dataset.js';
import {writeDataset} from '../../src/model/write-dataset.js';

/** A small dataset with a list entity and annotations, for the HTTP platforms. */
export function smallDataset(): Dataset {
  return {
    format: 'synthnlu-dataset/1',
    language: 'en',
    intents: [{name: 'track_order'}, {name: 'greet'}],
    entities: [
      {name: 'carrier', kind: 'list', values: [{value: 'ups', synonyms: ['united parcel']}, {value: 'dhl'}]},
    ],
    utterances: [
      {
        text: 'where is my ups parcel',
        intent: 'track_order',
        entities: [{entity: 'carrier', start: 12, end: 15}],
      },
      {
        text: 'track my dhl package',
        intent: 'track_order',
        entities: [{entity: 'carrier', start: 9, end: 12}],
      },
      {text: 'hello there', intent: 'greet'},
      {text: 'hi', intent: 'greet'},
      {text: 'good morning', intent: 'greet', split: 'test'},
    ],
  };
}

export async function writeSmallDataset(dir: string, dataset = smallDataset()): Promise<string> {
  const file = join(dir, 'small.json');
  await writeDataset(file, dataset);
  return file;
}
