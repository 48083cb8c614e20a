import type {Dataset} from '../model/dataset.js';

/**
 * The dataset every conformance case starts from. It uses every feature a connector can declare in
 * `limits.supports` (roles, nested children, regex entities, patterns, phrase lists, variation tags, the test
 * split, responses, groups), so each flag is checked both ways, plus what connectors get wrong: synonyms,
 * emoji and combining marks (UTF-16 offsets), entities at both ends of an utterance.
 */
export function conformanceDataset(): Dataset {
  return {
    format: 'synthnlu-dataset/1',
    name: 'conformance-bot',
    language: 'en',
    intents: [
      {name: 'book_flight', description: 'Book a flight', responses: ['Where would you like to fly?']},
      {name: 'check_order', description: 'Order status'},
      {name: 'greet'},
    ],
    entities: [
      {
        name: 'city',
        kind: 'list',
        roles: ['origin', 'destination'],
        values: [
          {value: 'New York', synonyms: ['NYC', 'big apple']},
          {value: 'Paris', synonyms: ['paris']},
          {value: 'Tokyo'},
        ],
      },
      {name: 'order_id', kind: 'regex', patterns: ['[0-9]{6}']},
      {name: 'count', kind: 'prebuilt', prebuilt: 'number'},
      {name: 'person', kind: 'ml'},
      {name: 'address', kind: 'ml', children: ['house_number', 'street']},
      {name: 'house_number', kind: 'ml'},
      {name: 'street', kind: 'ml'},
    ],
    utterances: [
      {
        text: 'fly from NYC to Paris',
        intent: 'book_flight',
        entities: [
          {entity: 'city', start: 9, end: 12, value: 'New York', role: 'origin', group: '1'},
          {entity: 'city', start: 16, end: 21, value: 'Paris', role: 'destination', group: '1'},
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
          {entity: 'city', start: 20, end: 29, value: 'New York', role: 'destination'},
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
        tags: ['Q', 'W'],
      },
      {
        text: 'deliver to 5 Main Street please',
        intent: 'check_order',
        entities: [
          {
            entity: 'address',
            start: 11,
            end: 24,
            children: [
              {entity: 'house_number', start: 11, end: 12},
              {entity: 'street', start: 13, end: 24},
            ],
          },
        ],
        source: 'seed',
        split: 'train',
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
    patterns: [{intent: 'book_flight', pattern: 'book a flight to {city}'}],
    phraseLists: [{name: 'travel_words', phrases: ['flight', 'plane', 'trip'], interchangeable: true}],
  };
}
