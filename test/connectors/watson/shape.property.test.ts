/**
 * The mechanism behind the byte-identical re-export: any example, intent or value as Watson (or a person)
 * wrote it, whatever its keys and their order, is written back the same from what the importer keeps.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
  emptiedExample,
  exampleManaged,
  intentManaged,
  valueManaged,
} from '../../../connectors/watson/managed.js';
import {fill, shapeToKeep} from '../../../connectors/watson/shape.js';
import type {JsonObject, WatsonExample} from '../../../connectors/watson/types.js';

/** An object with the given entries in a random order, some of them left out. */
function objectOf(
  entries: Record<string, fc.Arbitrary<unknown>>,
  required: string[],
): fc.Arbitrary<JsonObject> {
  const keys = Object.keys(entries);
  return fc.tuple(fc.shuffledSubarray(keys), fc.record(entries)).map(([chosen, values]) => {
    const order = [...new Set([...chosen, ...required])];
    return Object.fromEntries(order.map((k) => [k, values[k]]));
  });
}

const stamp = fc.constantFrom('2017-04-19T13:40:06.967Z', '2020-01-01T00:00:00Z');
const mention = fc.record({
  entity: fc.constantFrom('city', 'when'),
  location: fc.tuple(fc.nat(3), fc.integer({min: 4, max: 9})),
});

describe('kept shapes (property)', () => {
  it('an example is written back as read', () => {
    fc.assert(
      fc.property(
        objectOf(
          {
            text: fc.string({minLength: 1}),
            mentions: fc.array(mention, {maxLength: 2}),
            created: stamp,
            updated: stamp,
          },
          ['text'],
        ),
        (read) => {
          const example = read as unknown as WatsonExample;
          const managed = exampleManaged(example.text, example.mentions);
          const shape = shapeToKeep(read, managed, emptiedExample(example));
          // What export computes from the dataset: new arrays with the same content.
          const again = exampleManaged(
            example.text,
            example.mentions ? structuredClone(example.mentions) : undefined,
          );
          expect(JSON.stringify(fill(shape, again))).toBe(JSON.stringify(read));
        },
      ),
      {numRuns: 300},
    );
  });

  it('an intent is written back as read (description absent, null, empty or text)', () => {
    fc.assert(
      fc.property(
        objectOf(
          {
            intent: fc.constantFrom('greet', 'order.pizza'),
            examples: fc.array(fc.record({text: fc.string({minLength: 1})}), {maxLength: 2}),
            description: fc.oneof(fc.constant(null), fc.constant(''), fc.string({minLength: 1})),
            created: stamp,
          },
          ['intent'],
        ),
        (read) => {
          const examples = (read['examples'] as unknown[] | undefined) ?? [];
          const description =
            typeof read['description'] === 'string' && read['description'] ? read['description'] : undefined;
          const shape = shapeToKeep(read, intentManaged(String(read['intent']), examples, description), {
            ...read,
            ...('examples' in read ? {examples: []} : {}),
          });
          const written = fill(
            shape,
            intentManaged(String(read['intent']), structuredClone(examples), description),
          );
          expect(JSON.stringify(written)).toBe(JSON.stringify(read));
        },
      ),
      {numRuns: 300},
    );
  });

  it('a synonym value is written back as read (with or without type and synonyms)', () => {
    fc.assert(
      fc.property(
        objectOf(
          {
            type: fc.constant('synonyms'),
            value: fc.constantFrom('Paris', 'New York'),
            synonyms: fc.array(fc.string({minLength: 1}), {maxLength: 3}),
            metadata: fc.constant(null),
          },
          ['value'],
        ),
        (read) => {
          const value = {value: String(read['value']), synonyms: read['synonyms'] as string[] | undefined};
          const shape = shapeToKeep(read, valueManaged(value), {
            ...read,
            ...('synonyms' in read ? {synonyms: []} : {}),
          });
          const written = fill(
            shape,
            valueManaged({value: value.value, type: 'synonyms', synonyms: [...(value.synonyms ?? [])]}),
          );
          expect(JSON.stringify(written)).toBe(JSON.stringify(read));
        },
      ),
      {numRuns: 300},
    );
  });
});
