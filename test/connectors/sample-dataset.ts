import type {Dataset} from '../../src/model/dataset.js';

/**
 * A small dataset for connector unit tests: synonyms, emoji, entities at both ends. It has no roles, nested
 * labels, patterns or phrase lists; the conformance suite starts from src/conformance/sample-dataset.ts, which has.
 */
export function sampleDataset(): Dataset {
  return {
    format: 'synthnlu-dataset/1',
    name: 'conformance-bot',
    language: 'en',
    intents: [
      {name: 'book_flight', description: 'Book a flight'},
      {name: 'check_order', description: 'Order status'},
      {name: 'greet'},
    ],
    entities: [
      {
        name: 'city',
        kind: 'list',
        values: [
          {value: 'New York', synonyms: ['NYC', 'big apple']},
          {value: 'Paris', synonyms: ['paris']},
          {value: 'Tokyo'},
        ],
      },
      {name: 'order_id', kind: 'regex', patterns: ['[0-9]{6}']},
      {name: 'count', kind: 'prebuilt', prebuilt: 'number'},
      {name: 'person', kind: 'ml'},
    ],
    utterances: [
      {
        text: 'fly from NYC to Paris',
        intent: 'book_flight',
        entities: [
          {entity: 'city', start: 9, end: 12, value: 'New York'},
          {entity: 'city', start: 16, end: 21, value: 'Paris'},
        ],
        source: 'seed',
        split: 'train',
      },
      {
        text: 'Tokyo please',
        intent: 'book_flight',
        entities: [{entity: 'city', start: 0, end: 5, value: 'Tokyo'}],
        source: 'template',
        split: 'train',
        tags: ['P'],
      },
      {
        text: 'book 2 seats to the big apple',
        intent: 'book_flight',
        entities: [
          {entity: 'count', start: 5, end: 6},
          {entity: 'city', start: 20, end: 29, value: 'New York'},
        ],
        source: 'generated',
        split: 'test',
        tags: ['L'],
      },
      {
        text: 'I want a flight ✈️ to Paris',
        intent: 'book_flight',
        entities: [{entity: 'city', start: 22, end: 27, value: 'Paris'}],
        source: 'seed',
        split: 'train',
      },
      {
        text: 'where is order 123456',
        intent: 'check_order',
        entities: [{entity: 'order_id', start: 15, end: 21}],
        source: 'seed',
        split: 'train',
      },
      {
        text: '😀 status of 654321',
        intent: 'check_order',
        entities: [{entity: 'order_id', start: 13, end: 19}],
        source: 'generated',
        split: 'train',
        tags: ['Q'],
      },
      {text: 'has my order shipped?', intent: 'check_order', source: 'seed', split: 'test'},
      {
        text: 'hi, I am Zoe\u0308',
        intent: 'greet',
        entities: [{entity: 'person', start: 9, end: 13}],
        source: 'seed',
        split: 'train',
      },
      {text: 'hello there', intent: 'greet', source: 'seed', split: 'train'},
      {text: 'good morning', intent: 'greet', source: 'seed', split: 'test'},
    ],
  };
}
