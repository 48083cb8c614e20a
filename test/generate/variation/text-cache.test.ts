import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {TextAnalysisCache} from '../../../src/generate/variation/text-cache.js';
import type {AnnotatedText} from '../../../src/generate/variation/types.js';

/** An analysis that shows exactly what it was given: the text and its span positions. */
function describeInput(input: AnnotatedText): string {
  return `${input.text}|${input.entities.map((e) => `${e.start}-${e.end}`).join(',')}`;
}

describe('TextAnalysisCache', () => {
  it('returns what the analysis returns, whatever texts share a slot', () => {
    // Few texts, few slots: texts keep evicting each other, and the same text comes back with other spans.
    const input = fc.record({
      text: fc.constantFrom('a', 'b', 'cancel my order', 'cancel my order?', 'b a', ''),
      spans: fc.constantFrom<Array<[number, number]>>(
        [],
        [[0, 1]],
        [[1, 2]],
        [
          [0, 1],
          [2, 3],
        ],
      ),
    });
    let hits = 0;
    fc.assert(
      fc.property(
        fc.array(input, {minLength: 20, maxLength: 60}),
        fc.constantFrom(1, 2, 4, 64),
        (inputs, slots) => {
          let calls = 0;
          const cache = new TextAnalysisCache((x) => {
            calls += 1;
            return describeInput(x);
          }, slots);
          for (const {text, spans} of inputs) {
            const annotated = {text, entities: spans.map(([start, end]) => ({entity: 'e', start, end}))};
            expect(cache.get(annotated)).toBe(describeInput(annotated));
          }
          hits += inputs.length - calls;
        },
      ),
      {numRuns: 300},
    );
    // The cache did answer without the analysis, often.
    expect(hits).toBeGreaterThan(800);
  });

  it('analyses a text once while it keeps its slot', () => {
    let calls = 0;
    const cache = new TextAnalysisCache((x) => {
      calls += 1;
      return x.text.length;
    });
    const text = {text: 'track my parcel', entities: []};
    expect(cache.get(text)).toBe(15);
    expect(cache.get({...text})).toBe(15);
    expect(calls).toBe(1);
    // The same text with a span is another input.
    expect(cache.get({text: text.text, entities: [{entity: 'e', start: 9, end: 15}]})).toBe(15);
    expect(calls).toBe(2);
  });
});
