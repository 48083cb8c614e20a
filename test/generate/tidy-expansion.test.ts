import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {EntitySpan} from '../../src/model/dataset.js';
import {tidyExpansion} from '../../src/generate/template/compile.js';

/**
 * The definition, one character at a time: runs of space, tab and line breaks become one space, none at the
 * edges; spans shrink past whitespace at their edges and move with the characters they cover.
 */
function referenceTidy(text: string, entities: EntitySpan[]): {text: string; entities: EntitySpan[]} {
  const map = new Int32Array(text.length + 1);
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      map[i] = out.length;
      if (out.length > 0) pendingSpace = true;
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    map[i] = out.length;
    out += ch;
  }
  map[text.length] = out.length;
  const spans = entities.map((e) => {
    let start = e.start;
    let end = e.end;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    const mappedStart = start < text.length ? map[start]! : out.length;
    const mappedEnd = end > start ? map[end - 1]! + 1 : mappedStart;
    return {...e, start: mappedStart, end: mappedEnd};
  });
  return {text: out, entities: spans};
}

describe('tidyExpansion', () => {
  it('gives the character-by-character definition’s text and spans', () => {
    let untidy = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'Bc', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\v', '\f', 'é', ','), {
          maxLength: 12,
        }),
        fc.array(fc.tuple(fc.nat(30), fc.nat(8)), {maxLength: 3}),
        (parts, spans) => {
          const text = parts.join('');
          const entities = spans
            .filter(([start, length]) => length > 0 && start + length <= text.length)
            .map(([start, length]) => ({entity: 'e', start, end: start + length}));
          const expected = referenceTidy(text, entities);
          const actual = tidyExpansion({text, entities: entities.map((e) => ({...e}))});
          expect(actual).toEqual(expected);
          if (actual.text !== text) untidy += 1;
        },
      ),
      {numRuns: 500},
    );
    expect(untidy).toBeGreaterThan(200);
  });
});

describe('tidyExpansion on text that is already tidy', () => {
  it('still trims a span that ends on a space', () => {
    const tidy = tidyExpansion({text: 'a a', entities: [{entity: 'e', start: 0, end: 2}]});
    expect(tidy).toEqual({text: 'a a', entities: [{entity: 'e', start: 0, end: 1}]});
  });
});
