import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {createRng} from '../../src/generate/rng.js';
import type {AnnotatedText} from '../../src/generate/variation/types.js';
import {languagePack} from '../../src/lang/index.js';
import {annotatedProblem, annotatedRequest, annotatedText} from '../generate/variation/arbitraries.js';

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

/** The share of runs in which a family must produce a variant: below it, the property checked too little. */
const MIN_SHARE_ENGLISH = 0.15;
/** On arbitrary (mostly non-English) text many families rightly decline; all of them together must not. */
const MIN_SHARE_ARBITRARY = 0.1;

describe('every family preserves entity spans', () => {
  for (const family of pack.families) {
    it(`${family.name} (${family.tag}) on English-like requests and problem reports`, () => {
      const runs = 300;
      let produced = 0;
      fc.assert(
        fc.property(
          fc.oneof(annotatedRequest, annotatedProblem),
          fc.string({maxLength: 6}),
          (input, seed) => {
            const output = family.apply(input, {rng: createRng(seed), intent: 'test', language: 'en'});
            if (output) produced++;
            assertSpansSurvive(input, output, family.name);
          },
        ),
        {numRuns: runs},
      );
      expect(produced, `${family.name}: runs that produced a variant`).toBeGreaterThanOrEqual(
        runs * MIN_SHARE_ENGLISH,
      );
    });
  }

  it('every family on arbitrary text', () => {
    const runs = 200;
    let produced = 0;
    for (const family of pack.families)
      fc.assert(
        fc.property(annotatedText, fc.string({maxLength: 6}), (input, seed) => {
          const output = family.apply(input, {rng: createRng(seed), intent: 'test', language: 'en'});
          if (output) produced++;
          assertSpansSurvive(input, output, family.name);
        }),
        {numRuns: runs},
      );
    expect(produced, 'runs that produced a variant').toBeGreaterThanOrEqual(
      runs * pack.families.length * MIN_SHARE_ARBITRARY,
    );
  });

  it('chains of families (as the pipeline applies them) keep spans too', () => {
    const runs = 300;
    let applied = 0;
    fc.assert(
      fc.property(annotatedRequest, fc.string({maxLength: 6}), (input, seed) => {
        const rng = createRng(seed);
        let current = input;
        for (const family of pack.families) {
          if (!rng.chance(0.4)) continue;
          const next = family.apply(current, {rng, intent: 'test', language: 'en'});
          if (next) {
            applied++;
            assertSpansSurvive(current, next, family.name);
            current = next;
          }
        }
      }),
      {numRuns: runs},
    );
    // About 0.4 x 12 families x their rate: well over one family applied per chain on average.
    expect(applied, 'family applications in all chains').toBeGreaterThanOrEqual(runs);
  });
});
