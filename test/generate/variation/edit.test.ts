import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
  applyEdits,
  insertAt,
  replaceRange,
  tidySpaces,
  type TextEdit,
} from '../../../src/generate/variation/edit.js';
import type {AnnotatedText} from '../../../src/generate/variation/types.js';
import {annotatedText} from './arbitraries.js';

describe('applyEdits', () => {
  it('shifts spans after an edit and keeps those before it', () => {
    const input: AnnotatedText = {
      text: 'cancel order 42 for Ann',
      entities: [
        {entity: 'id', start: 13, end: 15},
        {entity: 'name', start: 20, end: 23},
      ],
    };
    const out = applyEdits(input, [
      {start: 0, end: 6, replacement: 'please call off'},
      {start: 16, end: 19, replacement: 'on behalf of'},
    ])!;
    expect(out.text).toBe('please call off order 42 on behalf of Ann');
    expect(out.entities.map((s) => out.text.slice(s.start, s.end))).toEqual(['42', 'Ann']);
  });

  it('moves a span with everything it carries (value, role, group, nested spans)', () => {
    const child = {entity: 'city', start: 8, end: 13};
    const input: AnnotatedText = {
      text: 'fly to Paris, France',
      entities: [
        {entity: 'place', start: 7, end: 20, value: 'paris-fr', role: 'to', group: 'g1', children: [child]},
      ],
    };
    const output = applyEdits(input, [{start: 0, end: 0, replacement: 'please '}])!;
    expect(output.text).toBe('please fly to Paris, France');
    // Nested spans keep their offsets, as before (they are not re-based by an edit).
    expect(output.entities).toEqual([
      {entity: 'place', start: 14, end: 27, value: 'paris-fr', role: 'to', group: 'g1', children: [child]},
    ]);
  });

  it('refuses edits inside an entity or overlapping one another', () => {
    const input: AnnotatedText = {text: 'order 12345 now', entities: [{entity: 'id', start: 6, end: 11}]};
    expect(replaceRange(input, 7, 9, 'xx')).toBeUndefined();
    expect(replaceRange(input, 4, 7, 'xx')).toBeUndefined();
    expect(insertAt(input, 8, 'x')).toBeUndefined();
    expect(
      applyEdits({text: 'abcdef', entities: []}, [
        {start: 0, end: 3, replacement: ''},
        {start: 2, end: 4, replacement: ''},
      ]),
    ).toBeUndefined();
  });

  it('inserts at an entity boundary outside the entity', () => {
    const input: AnnotatedText = {text: 'order 12345', entities: [{entity: 'id', start: 6, end: 11}]};
    const before = insertAt(input, 6, 'number ')!;
    expect(before.text.slice(before.entities[0]!.start, before.entities[0]!.end)).toBe('12345');
    const after = insertAt(input, 11, ' please')!;
    expect(after.text).toBe('order 12345 please');
    expect(after.entities[0]).toMatchObject({start: 6, end: 11});
  });

  it('tidySpaces collapses runs outside entities only', () => {
    const out = tidySpaces({
      text: '  cancel   my  A  B order ?',
      entities: [{entity: 'x', start: 15, end: 19}],
    });
    expect(out.text).toBe('cancel my A  B order?');
    expect(out.text.slice(out.entities[0]!.start, out.entities[0]!.end)).toBe('A  B');
  });

  it('property: any accepted batch of edits keeps every entity text and valid offsets', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        annotatedText,
        fc.array(fc.record({a: fc.nat(), b: fc.nat(), replacement: fc.string({maxLength: 5})}), {
          maxLength: 4,
        }),
        (input, raw) => {
          const edits: TextEdit[] = raw.map(({a, b, replacement}) => {
            const x = a % (input.text.length + 1);
            const y = b % (input.text.length + 1);
            return {start: Math.min(x, y), end: Math.max(x, y), replacement};
          });
          const out = applyEdits(input, edits);
          if (!out) return;
          if (edits.length > 0) accepted++;
          expect(out.entities).toHaveLength(input.entities.length);
          out.entities.forEach((span, i) => {
            const original = input.entities[i]!;
            expect(span.start).toBeGreaterThanOrEqual(0);
            expect(span.end).toBeLessThanOrEqual(out.text.length);
            expect(out.text.slice(span.start, span.end)).toBe(input.text.slice(original.start, original.end));
          });
          const net = edits.reduce((sum, e) => sum + e.replacement.length - (e.end - e.start), 0);
          expect(out.text.length).toBe(input.text.length + net);
        },
      ),
      {numRuns: 500},
    );
    // Batches that touch an entity or overlap are refused (most of them); enough real edits must get through.
    expect(accepted).toBeGreaterThanOrEqual(15);
  });

  it('property: an edit that avoids every entity is always accepted', () => {
    fc.assert(
      fc.property(annotatedText, fc.nat(), fc.string({maxLength: 4}), (input, at, insertion) => {
        const position = at % (input.text.length + 1);
        const inside = input.entities.some((s) => position > s.start && position < s.end);
        expect(insertAt(input, position, insertion) === undefined).toBe(inside);
      }),
    );
  });
});
