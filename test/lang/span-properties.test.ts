import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {createRng} from '../../src/generate/rng.js';
import type {AnnotatedText} from '../../src/generate/variation/types.js';
import {languagePack} from '../../src/lang/index.js';
import {annotatedRequest, annotatedText} from '../generate/variation/arbitraries.js';

const pack = languagePack('en');

function assertSpansSurvive(input: AnnotatedText, output: AnnotatedText | undefined, family: string): void {
  if (!output) return;
  expect(output.text, family).not.toBe(input.text);
  expect(output.entities, family).toHaveLength(input.entities.length);
  output.entities.forEach((span, i) => {
    const original = input.entities[i]!;
    expect(Number.isInteger(span.start) && Number.isInteger(span.end), family).toBe(true);
    expect(span.start, family).toBeGreaterThanOrEqual(0);
    expect(span.end, family).toBeLessThanOrEqual(output.text.length);
    expect(span.entity, family).toBe(original.entity);
    expect(output.text.slice(span.start, span.end), family).toBe(
      input.text.slice(original.start, original.end),
    );
  });
}

describe('every family preserves entity spans', () => {
  for (const family of pack.families) {
    it(`${family.name} (${family.tag}) on English-like requests`, () => {
      fc.assert(
        fc.property(annotatedRequest, fc.string({maxLength: 6}), (input, seed) => {
          const output = family.apply(input, {rng: createRng(seed), intent: 'test', language: 'en'});
          assertSpansSurvive(input, output, family.name);
        }),
        {numRuns: 300},
      );
    });

    it(`${family.name} (${family.tag}) on arbitrary text`, () => {
      fc.assert(
        fc.property(annotatedText, fc.string({maxLength: 6}), (input, seed) => {
          const output = family.apply(input, {rng: createRng(seed), intent: 'test', language: 'en'});
          assertSpansSurvive(input, output, family.name);
        }),
        {numRuns: 200},
      );
    });
  }

  it('chains of families (as the pipeline applies them) keep spans too', () => {
    fc.assert(
      fc.property(annotatedRequest, fc.string({maxLength: 6}), (input, seed) => {
        const rng = createRng(seed);
        let current = input;
        for (const family of pack.families) {
          if (!rng.chance(0.4)) continue;
          const next = family.apply(current, {rng, intent: 'test', language: 'en'});
          if (next) {
            assertSpansSurvive(current, next, family.name);
            current = next;
          }
        }
      }),
      {numRuns: 300},
    );
  });
});
