/** "Did you mean": only typos close for their length are suggested (commands, flags, schema keys, entity names). */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {closestMatch, typoDistance} from '../../src/schema/suggest.js';

const COMMANDS = [
  'bot',
  'convert',
  'coverage',
  'export',
  'generate',
  'import',
  'init',
  'predict',
  'pull',
  'push',
];

describe('closestMatch', () => {
  it('suggests nothing for a short word two edits from every command ("foo" is not "bot")', () => {
    expect(closestMatch('foo', COMMANDS)).toBeUndefined();
    expect(closestMatch('xyz', COMMANDS)).toBeUndefined();
    expect(closestMatch('abcd', COMMANDS)).toBeUndefined();
  });

  it('still suggests real typos: a swap, a dropped letter, a prefix', () => {
    expect(closestMatch('bto', COMMANDS)).toBe('bot');
    expect(closestMatch('pusj', COMMANDS)).toBe('push');
    expect(closestMatch('valdate', ['validate', 'version'])).toBe('validate');
    expect(closestMatch('gen', COMMANDS)).toBe('generate');
    expect(closestMatch('order', ['order_id', 'city'])).toBe('order_id');
    expect(closestMatch('per-intnet', ['per-intent', 'seed'])).toBe('per-intent');
  });

  it('counts a swap of neighbouring letters as one edit', () => {
    expect(typoDistance('bto', 'bot')).toBe(1);
    expect(typoDistance('foo', 'bot')).toBe(2);
    expect(typoDistance('ab', 'ba')).toBe(1);
    expect(typoDistance('abc', 'cba')).toBe(2);
  });

  const word = fc.string({unit: fc.constantFrom(...'abcdefghij'), minLength: 3, maxLength: 12});

  it('property: a word with every letter changed is never suggested', () => {
    let runs = 0;
    fc.assert(
      fc.property(word, (candidate) => {
        runs++;
        // Letters from a disjoint alphabet: every position differs and neither word is a prefix of the other.
        const typed = [...candidate].map((c) => String.fromCharCode(c.charCodeAt(0) + 16)).join('');
        expect(closestMatch(typed, [candidate])).toBeUndefined();
      }),
    );
    expect(runs).toBe(100);
  });

  it('property: one edit (swap, substitution, deletion) of a word of 3+ letters is always found', () => {
    let runs = 0;
    fc.assert(
      fc.property(word, fc.nat(), fc.constantFrom('swap', 'substitute', 'delete'), (candidate, at, edit) => {
        runs++;
        const i = at % (candidate.length - 1);
        const chars = [...candidate];
        if (edit === 'swap') [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
        else if (edit === 'substitute') chars[i] = 'z';
        else chars.splice(i, 1);
        expect(closestMatch(chars.join(''), [candidate, 'qqqqqqqqqqqqqqqq'])).toBe(candidate);
      }),
    );
    expect(runs).toBe(100);
  });
});
