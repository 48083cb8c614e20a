import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {FAMILY_THREW, FamilyMemo, ImpureFamilyError} from '../../src/generate/family-memo.js';
import {createRng, type Rng} from '../../src/generate/rng.js';
import type {AnnotatedText, VariationFamily} from '../../src/generate/variation/types.js';
import {englishPack} from '../../src/lang/en/index.js';
import {annotatedRequest} from './variation/arbitraries.js';

/** What a family returns when run for real: its text and spans, undefined, or 'threw'. */
function direct(family: VariationFamily, input: AnnotatedText, rng: Rng): unknown {
  try {
    return family.apply(input, {rng, intent: 'test', language: 'en'}) ?? null;
  } catch {
    return 'threw';
  }
}

function viaMemo(memo: FamilyMemo, family: VariationFamily, input: AnnotatedText): unknown {
  const outcome = memo.apply(family, memo.base(input));
  return outcome === FAMILY_THREW ? 'threw' : (outcome?.annotated ?? null);
}

describe('FamilyMemo', () => {
  it('gives what every English family gives when run for real, and leaves the Rng in the same state', () => {
    let replays = 0;
    fc.assert(
      fc.property(
        fc.array(annotatedRequest, {minLength: 1, maxLength: 3}),
        fc.integer({min: 0, max: 1_000_000}),
        (inputs, seed) => {
          const real = createRng(seed);
          const memoised = createRng(seed);
          const memo = new FamilyMemo({rng: memoised, intent: 'test', language: 'en'});
          // Many draws on few inputs: most calls replay a decision tree instead of running the family.
          for (let round = 0; round < 30; round++)
            for (const input of inputs)
              for (const family of englishPack.families) {
                const before = memo.base(input).tries?.has(family) ?? false;
                expect(viaMemo(memo, family, structuredClone(input))).toEqual(direct(family, input, real));
                if (before) replays += 1;
              }
          // The stream continues identically after everything above.
          expect(memoised.next()).toBe(real.next());
        },
      ),
      {numRuns: 25},
    );
    expect(replays).toBeGreaterThan(25 * 29 * englishPack.families.length);
  });

  it('hands out one state per distinct text and spans', () => {
    const memo = new FamilyMemo({rng: createRng(1), intent: 'test', language: 'en'});
    const a = memo.base({text: 'cancel 123', entities: [{entity: 'id', start: 7, end: 10}]});
    expect(memo.base({text: 'cancel 123', entities: [{entity: 'id', start: 7, end: 10}]})).toBe(a);
    expect(
      memo.base({text: 'cancel 123', entities: [{entity: 'id', start: 7, end: 10, value: '123'}]}),
    ).not.toBe(a);
    expect(memo.base({text: 'cancel 123', entities: [{entity: 'order', start: 7, end: 10}]})).not.toBe(a);
    expect(memo.base({text: 'cancel 123', entities: []})).not.toBe(a);
  });

  it('refuses a family whose choices differ on the same input instead of replaying the wrong output', () => {
    let calls = 0;
    const impure: VariationFamily = {
      tag: 'B',
      name: 'basic',
      apply: (input, {rng}) => {
        calls += 1;
        return {...input, text: `${input.text} ${rng.int(calls === 1 ? 2 : 3)}`};
      },
    };
    const memo = new FamilyMemo({rng: createRng(2), intent: 'test', language: 'en'});
    const state = memo.base({text: 'hello', entities: []});
    memo.apply(impure, state);
    // Draws until a result not seen before makes it run again, with another call than it made the first time.
    expect(() => {
      for (let i = 0; i < 50; i++) memo.apply(impure, state);
    }).toThrow(ImpureFamilyError);
  });
});
