/**
 * Lex carries annotations as {Slot} templates plus the literal text: random annotated utterances (words with
 * emoji, combining marks and non-Latin scripts, list values and synonyms and free-form values at any place,
 * roles) must come back from a Lex export with the same text, spans, values and roles, and with no warning.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {project} from '../../../src/conformance/projection.js';
import {createConnectorContext} from '../../../src/convert/context.js';
import type {Dataset, EntitySpan, Utterance} from '../../../src/model/dataset.js';
import {registry} from '../../../src/registry.js';
import {memorySource} from '../../helpers/memory-source.js';

const {format, connector} = registry.format('lex');
const WORDS = ['please', 'book', 'to', 'Zoe\u0308', '😀', '✈️', 'São', '東京', 'e\u0301', 'the', 'now'];
const CITY = [
  {value: 'New York', synonyms: ['NYC', 'big apple']},
  {value: 'Paris', synonyms: ['paname']},
  {value: 'Tōkyō'},
];
const FREE = ['Zoë', 'Ana María', 'Lee'];

type Part = {word: string} | {city: number; form: number; role?: 'from' | 'to'} | {person: number};

const partArb: fc.Arbitrary<Part> = fc.oneof(
  fc.constantFrom(...WORDS).map((word) => ({word})),
  fc
    .record({
      city: fc.nat(2),
      form: fc.nat(2),
      role: fc.constantFrom(undefined, 'from' as const, 'to' as const),
    })
    .map(({city, form, role}) => (role ? {city, form, role} : {city, form})),
  fc.nat(2).map((person) => ({person})),
);

function utterance(parts: Part[], intent: string): Utterance | undefined {
  let text = '';
  const entities: EntitySpan[] = [];
  const roles = new Set<string>();
  for (const part of parts) {
    if (text) text += ' ';
    const start = text.length;
    if ('word' in part) {
      text += part.word;
      continue;
    }
    if ('person' in part) {
      text += FREE[part.person]!;
      entities.push({entity: 'person', start, end: text.length});
      continue;
    }
    const city = CITY[part.city]!;
    const forms = [city.value, ...(city.synonyms ?? [])];
    const surface = forms[part.form % forms.length]!;
    text += surface;
    // Lex: one slot per role in an utterance.
    const role = part.role && !roles.has(part.role) ? part.role : undefined;
    if (role) roles.add(role);
    entities.push({
      entity: 'city',
      start,
      end: text.length,
      ...(surface !== city.value ? {value: city.value} : {}),
      ...(role ? {role} : {}),
    });
  }
  if (!entities.length) return undefined;
  return {text, intent, entities};
}

describe('lex round trip (property)', () => {
  it('annotated utterances come back with the same texts, spans, values and roles', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(partArb, {minLength: 1, maxLength: 6}), {minLength: 1, maxLength: 8}),
        async (sentences) => {
          const utterances = sentences
            .map((parts, i) => utterance(parts, i % 2 ? 'book_trip' : 'greet'))
            .filter((u): u is Utterance => u !== undefined);
          const seen = new Set<string>();
          const unique = utterances.filter(
            (u) => !seen.has(`${u.intent}\u0000${u.text}`) && seen.add(`${u.intent}\u0000${u.text}`),
          );
          // Two utterances that differ only by the role of one span would share a template: not what this checks.
          const dataset: Dataset = {
            format: 'synthnlu-dataset/1',
            language: 'en',
            intents: [{name: 'book_trip'}, {name: 'greet'}],
            entities: [
              {name: 'city', kind: 'list', values: CITY},
              {name: 'person', kind: 'ml'},
            ],
            utterances: unique,
          };
          const context = createConnectorContext();
          const {files} = await format.exportDataset(dataset, context, {});
          const back = (
            await format.importDataset(
              memorySource(Object.fromEntries(files.map((f) => [f.path, f.content])), {
                kind: 'folder',
                path: 'bot',
              }),
              createConnectorContext(),
            )
          ).dataset;
          const supports = connector.limits.supports;
          expect(project(back, supports).utterances).toEqual(project(dataset, supports).utterances);
          expect(context.warnings.map((w) => w.code)).not.toContain('LEX_SLOT_TEMPLATES');
        },
      ),
      {numRuns: 150, seed: 28},
    );
  });
});
