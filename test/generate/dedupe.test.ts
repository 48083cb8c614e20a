import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {CompactKeySet, dedupeKeyHash, dedupeKeyText} from '../../src/generate/dedupe.js';
import {normalizeUtteranceText} from '../../src/model/dataset.js';

describe('dedupe keys', () => {
  it('property: the fast key equals normalizeUtteranceText for any text, ASCII or not', () => {
    const ascii = fc.string({
      unit: fc.constantFrom(...' \tabcXYZ09!?.,;:\'"-_()[]{}<>@#$%^&*+=/\\|~`'.split('')),
    });
    fc.assert(
      fc.property(fc.oneof(ascii, fc.string({unit: 'grapheme'})), (text) => {
        expect(dedupeKeyText(text)).toBe(normalizeUtteranceText(text));
      }),
    );
  });

  it('property: dedupeKeyHash(text) finds exactly what adding dedupeKeyText(text) put in the set', () => {
    const ascii = fc.string({
      unit: fc.constantFrom(...' \tabcXYZ09!?.,;:\'"-_()[]{}<>@#$%^&*+=/\\|~`'.split('')),
    });
    let empty = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.oneof(ascii, fc.string({unit: 'grapheme'})), fc.string(), (text, other) => {
        runs += 1;
        const hash = dedupeKeyHash(text);
        const key = dedupeKeyText(text);
        expect(hash === 0).toBe(key === '');
        if (hash === 0) {
          empty += 1;
          return;
        }
        const set = new CompactKeySet();
        set.add(key);
        expect(set.hasHash(hash)).toBe(true);
        expect(set.addHash(hash)).toBe(false);
        if (dedupeKeyText(other) !== key) expect(set.hasHash(dedupeKeyHash(other))).toBe(false);
        const byHash = new CompactKeySet();
        expect(byHash.addHash(hash)).toBe(true);
        expect(byHash.has(key)).toBe(true);
      }),
      {numRuns: 500},
    );
    // Most texts have a key: the checks above ran, not only the empty case.
    expect(empty).toBeLessThan(runs / 2);
  });

  it('CompactKeySet keeps every distinct key through growth and rejects repeats', () => {
    const set = new CompactKeySet();
    for (let i = 0; i < 50_000; i++) expect(set.add(`utterance number ${i}`)).toBe(true);
    expect(set.size).toBe(50_000);
    for (let i = 0; i < 50_000; i += 997) {
      expect(set.add(`utterance number ${i}`)).toBe(false);
      expect(set.has(`utterance number ${i}`)).toBe(true);
    }
    expect(set.has('utterance number 50000')).toBe(false);
  });
});
