/**
 * Offsets are where connectors break: UTF-16 vs code points, LUIS's inclusive endPos, CLU offset/length,
 * emoji (surrogate pairs), combining marks, labels at the very start and end. Random utterances must come
 * back from every format with the same spans.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {cluFormat, luFormat, luisFormat} from '../../../connectors/botframework/formats.js';
import type {ConnectorFormat} from '../../../src/connector.js';
import type {Dataset, EntitySpan} from '../../../src/model/dataset.js';
import {exportWith, importFiles, spansOf} from './helpers.js';

const WORDS = [
  'fly',
  'to',
  'Zoe\u0308',
  '😀',
  '✈️',
  'São',
  'Paulo',
  '{x}',
  'a\\b',
  '[n]',
  '(a|b)',
  '東京',
  'e\u0301',
];

/** An utterance of random words and labels on whole words (sorted, disjoint), possibly first and last. */
const utteranceArb = fc
  .tuple(
    fc.array(fc.constantFrom(...WORDS), {minLength: 1, maxLength: 8}),
    fc.array(fc.boolean(), {minLength: 8, maxLength: 8}),
  )
  .map(([words, labelled]) => {
    const entities: EntitySpan[] = [];
    let at = 0;
    words.forEach((word, i) => {
      if (labelled[i])
        entities.push({entity: i % 2 === 0 ? 'thing' : 'other', start: at, end: at + word.length});
      at += word.length + 1;
    });
    return {text: words.join(' '), entities};
  });

function datasetOf(utterances: Array<{text: string; entities: EntitySpan[]}>): Dataset {
  return {
    format: 'synthnlu-dataset/1',
    name: 'prop',
    language: 'en',
    intents: [{name: 'i'}],
    entities: [
      {name: 'thing', kind: 'ml'},
      {name: 'other', kind: 'ml'},
    ],
    utterances: utterances.map((u) => ({
      text: u.text,
      intent: 'i',
      ...(u.entities.length ? {entities: u.entities} : {}),
    })),
  };
}

const formats: ConnectorFormat[] = [luisFormat, luFormat, cluFormat];

describe('offsets survive every Bot Framework format', () => {
  for (const format of formats) {
    it(`${format.id}: random texts with emoji, combining marks and labels at both ends`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(utteranceArb, {minLength: 1, maxLength: 5}), async (utterances) => {
          const original = datasetOf(utterances);
          const back = await importFiles(format, (await exportWith(format, original)).files);
          expect(spansOf(back)).toEqual(spansOf(original));
          for (const u of back.utterances) {
            for (const s of u.entities ?? []) expect(WORDS).toContain(u.text.slice(s.start, s.end));
          }
        }),
        {numRuns: 60},
      );
    });
  }
});
