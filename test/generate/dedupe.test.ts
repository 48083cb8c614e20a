import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {CompactKeySet, dedupeKeyText} from '../../src/generate/dedupe.js';
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
