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

/**
 * The small dataset in English and Spanish: every intent in both languages, the list entity with its Spanish
 * forms, annotations in both, a test-split utterance in each (never pushed).
 */
export function bilingualDataset(): Dataset {
  return {
    format: 'synthnlu-dataset/1',
    language: 'en',
    languages: ['en', 'es'],
    intents: [{name: 'track_order'}, {name: 'greet'}],
    entities: [
      {
        name: 'carrier',
        kind: 'list',
        values: [
          {value: 'ups', synonyms: ['united parcel'], synonymsByLanguage: {es: ['ups', 'paquete ups']}},
          {value: 'dhl', synonymsByLanguage: {es: ['dhl']}},
        ],
      },
    ],
    utterances: [
      {
        text: 'where is my ups parcel',
        intent: 'track_order',
        language: 'en',
        entities: [{entity: 'carrier', start: 12, end: 15}],
      },
      {text: 'hello there', intent: 'greet', language: 'en'},
      {text: 'hi', intent: 'greet', language: 'en'},
      {text: 'good morning', intent: 'greet', language: 'en', split: 'test'},
      {
        text: 'dónde está mi paquete dhl',
        intent: 'track_order',
        language: 'es',
        entities: [{entity: 'carrier', start: 22, end: 25}],
      },
      {text: 'rastrear mi pedido', intent: 'track_order', language: 'es'},
      {text: 'hola', intent: 'greet', language: 'es'},
      {text: 'buenos días', intent: 'greet', language: 'es', split: 'test'},
    ],
  };
}
