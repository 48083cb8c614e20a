import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {wordTokens, wordTokensBefore} from '../../../src/generate/variation/tokens.js';
import type {AnnotatedText} from '../../../src/generate/variation/types.js';

/** The definition: every match of the word pattern, marked when it overlaps an entity span. */
function referenceTokens(input: AnnotatedText): ReturnType<typeof wordTokens> {
  return [...input.text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)].map((match) => {
    const start = match.index;
    const end = start + match[0].length;
    return {
      text: match[0],
      lower: match[0].toLowerCase(),
      start,
      end,
      inEntity: input.entities.some((span) => start < span.end && end > span.start),
    };
  });
}

describe('wordTokens', () => {
  it('gives the word pattern’s tokens on printable ASCII (scanned by code) and on any other text', () => {
    // Letters, digits, the joiners and their neighbours in ASCII; a few texts also get characters that take the
    // regex path.
    const asciiText = fc.array(fc.constantFrom(..."aZ9 -'.,?!_x0AM".split('')), {maxLength: 30});
    const otherText = fc.array(fc.constantFrom(..."aZ9 -'’é\t".split('')), {maxLength: 30});
    let ascii = 0;
    fc.assert(
      fc.property(
        fc.oneof(asciiText, asciiText, otherText).map((chars) => chars.join('')),
        fc.array(fc.tuple(fc.nat(30), fc.nat(5)), {maxLength: 3}),
        (text, spans) => {
          const entities = spans
            .filter(([start, length]) => length > 0 && start + length <= text.length)
            .map(([start, length]) => ({entity: 'e', start, end: start + length}));
          const input = {text, entities};
          expect(wordTokens(input)).toEqual(referenceTokens(input));
          if (/^[\x20-\x7e]*$/.test(text)) ascii += 1;
        },
      ),
      {numRuns: 500},
    );
    expect(ascii).toBeGreaterThan(250);
  });

  it('with a length, gives the tokens of the text cut there (the clause analysis reads its core so)', () => {
    const chars = fc.array(fc.constantFrom(..."aaaZ9 -'’.é,".split('')), {maxLength: 24});
    let cutInsideWord = 0;
    fc.assert(
      fc.property(
        chars.map((c) => c.join('')),
        fc.nat(24),
        fc.array(fc.tuple(fc.nat(24), fc.nat(4)), {maxLength: 2}),
        (text, cut, spans) => {
          const length = cut % (text.length + 1);
          const entities = spans
            .filter(([start, size]) => size > 0 && start + size <= length)
            .map(([start, size]) => ({entity: 'e', start, end: start + size}));
          const cutText = text.slice(0, length);
          expect(wordTokens({text, entities}, length)).toEqual(wordTokens({text: cutText, entities}));
          const full = wordTokens({text, entities});
          if (full.some((t) => t.start < length && t.end > length)) cutInsideWord += 1;
        },
      ),
      {numRuns: 600},
    );
    // The interesting case: a word (or a joiner) runs past the cut.
    expect(cutInsideWord).toBeGreaterThan(60);
  });

  it('wordTokensBefore gives the cut text’s tokens, from the whole text’s when no word runs past the cut', () => {
    const chars = fc.array(fc.constantFrom(..."aaaZ9 -'’.é,?".split('')), {maxLength: 24});
    let shared = 0;
    fc.assert(
      fc.property(
        chars.map((c) => c.join('')),
        fc.nat(24),
        (text, cut) => {
          const end = cut % (text.length + 1);
          const input = {text, entities: [{entity: 'e', start: 0, end: Math.min(2, text.length)}]};
          const all = wordTokens(input);
          const before = wordTokensBefore(input, end);
          expect(before).toEqual(wordTokens({text: text.slice(0, end), entities: input.entities}));
          if (before === all) shared += 1;
        },
      ),
      {numRuns: 600},
    );
    expect(shared).toBeGreaterThan(100);
  });

  it('tokenises again when the input it tokenised last changes', () => {
    const input = {
      text: 'cancel my order',
      entities: [] as Array<{entity: string; start: number; end: number}>,
    };
    expect(wordTokens(input)).toBe(wordTokens(input));
    input.text = 'track my parcel';
    expect(wordTokens(input).map((t) => t.text)).toEqual(['track', 'my', 'parcel']);
    input.entities.push({entity: 'item', start: 9, end: 15});
    expect(wordTokens(input).map((t) => t.inEntity)).toEqual([false, false, true]);
    input.entities = [];
    expect(wordTokens(input).map((t) => t.inEntity)).toEqual([false, false, false]);
    expect(wordTokens(input, 5).map((t) => t.text)).toEqual(['track']);
    expect(wordTokens({...input}).map((t) => t.text)).toEqual(['track', 'my', 'parcel']);
  });

  it('keeps apostrophes and inner hyphens inside a word, not at its edges', () => {
    expect(wordTokens({text: "don't e-mail -x y- o'' ok", entities: []}).map((t) => t.text)).toEqual([
      "don't",
      'e-mail',
      'x',
      'y',
      'o',
      'ok',
    ]);
  });
});
