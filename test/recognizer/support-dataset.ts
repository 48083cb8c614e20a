/** A small customer-support dataset for recognizer and bot tests (canonical form, as `synthnlu generate` writes). */
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Dataset} from '../../src/model/dataset.js';

const examples: Record<string, string[]> = {
  cancel_order: [
    'I want to cancel my order 123456',
    'please cancel order 654321',
    'cancel the order I placed yesterday',
    'how do I cancel the purchase I made',
    'call off my order 222333',
    'can I still cancel my last order',
    'I need to cancel an order',
    'stop my order 998877 please',
  ],
  track_order: [
    'where is my order 123456',
    'track my recent order',
    'has my order 555666 shipped yet',
    'what is the status of order 111222',
    'when will my package arrive',
    'where is my parcel',
    'trace my order please',
    'is my delivery on the way',
  ],
  change_plan: [
    'upgrade my plan to premium',
    'switch me to the gold plan',
    'I want the business plan',
    'downgrade to the free tier',
    'change my subscription to standard',
    'move my account to the pro plan',
    'can I get a corporate plan',
    'put me on the basic plan',
  ],
  get_refund: [
    'I want a refund for order 123456',
    'how do I get my money back',
    'refund my paypal payment',
    'when will I get my refund',
    'claim a refund for my order',
    'refund the credit card payment for order 444555',
    'I would like my money returned',
    'request a refund please',
  ],
  greet: ['hello', 'hi there', 'good morning', 'hey', 'hello bot', 'hi', 'good evening', 'howdy'],
};

export function supportDataset(): Dataset {
  return {
    format: 'synthnlu-dataset/1',
    language: 'en',
    intents: Object.keys(examples).map((name) => ({name})),
    entities: [
      {name: 'order_id', kind: 'regex', patterns: ['\\b[0-9]{6}\\b']},
      {
        name: 'account_type',
        kind: 'list',
        values: [
          {value: 'premium', synonyms: ['gold', 'pro', 'premium plus']},
          {value: 'standard', synonyms: ['basic', 'regular']},
          {value: 'free', synonyms: ['free tier', 'gratis']},
          {value: 'business', synonyms: ['company', 'corporate']},
        ],
      },
      {
        name: 'payment_method',
        kind: 'list',
        values: [
          {value: 'credit card', synonyms: ['card', 'visa']},
          {value: 'paypal', synonyms: ['pay pal']},
        ],
      },
      {name: 'delivery_date', kind: 'prebuilt', prebuilt: 'date'},
    ],
    utterances: Object.entries(examples).flatMap(([intent, texts]) => texts.map((text) => ({text, intent}))),
  };
}

export function writeSupportDataset(dir: string): string {
  const file = join(dir, 'support.json');
  writeFileSync(file, JSON.stringify(supportDataset(), null, 2));
  return file;
}
