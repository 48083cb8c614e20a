import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {generateDataset} from '../../src/generate/index.js';
import {agreeArticles} from '../../src/lang/en/articles.js';
import type {Spec} from '../../src/spec/spec.js';

function agreed(text: string, value: string): {text: string; slice: string} {
  const start = text.indexOf('{}');
  const filled = text.replace('{}', value);
  const out = agreeArticles({
    text: filled,
    entities: [{entity: 'procedure', start, end: start + value.length}],
  });
  const span = out.entities[0]!;
  return {text: out.text, slice: out.text.slice(span.start, span.end)};
}

describe('English: "a" or "an" agrees with the slot value after it', () => {
  it.each([
    ['how much is a {}', 'extraction', 'how much is an extraction'],
    ['I need an {}', 'filling', 'I need a filling'],
    ['An {} please', 'cleaning', 'A cleaning please'],
    ['A {} today', 'implant', 'An implant today'],
    ['AN {} NOW', 'X-RAY', 'AN X-RAY NOW'],
    ['book a {}', 'hour long session', 'book an hour long session'],
    ['book an {}', 'university visit', 'book a university visit'],
    ['get me a {}', 'MRI', 'get me an MRI'],
    ['a  {}', 'upgrade', 'an  upgrade'],
  ])('%s with %s', (template, value, expected) => {
    const {text, slice} = agreed(template, value);
    expect(text).toBe(expected);
    expect(slice).toBe(value);
  });

  it('leaves "a" that is not an article alone, and text with no slot untouched', () => {
    expect(agreed('plan{} for later', 'a').text).toBe('plana for later');
    expect(agreed('vitamin {}', 'a').text).toBe('vitamin a');
    const plain = {text: 'a apple', entities: []};
    expect(agreeArticles(plain)).toBe(plain);
  });

  it('keeps every span on its value while articles change before several of them (property)', () => {
    const values = ['extraction', 'filling', 'implant', 'cleaning', 'hour', 'x-ray', 'MRI', 'crown', 'onlay'];
    let runs = 0;
    let changed = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'an', 'A', 'An', 'the'), fc.constantFrom(...values)), {
          minLength: 1,
          maxLength: 4,
        }),
        (slots) => {
          runs += 1;
          let text = 'I want';
          const entities = [];
          for (const [article, value] of slots) {
            text += ` ${article} `;
            entities.push({entity: 'procedure', start: text.length, end: text.length + value.length});
            text += `${value} and`;
          }
          const out = agreeArticles({text, entities});
          if (out.text !== text) changed += 1;
          expect(out.entities.map((s) => out.text.slice(s.start, s.end))).toEqual(slots.map(([, v]) => v));
          expect(out.text).not.toMatch(/\ba (extraction|implant|hour|x-ray|MRI|onlay)\b/i);
          expect(out.text).not.toMatch(/\ban (filling|cleaning|crown)\b/i);
        },
      ),
      {numRuns: 300, seed: 7},
    );
    expect(runs).toBe(300);
    expect(changed).toBeGreaterThan(100);
  });

  it('generate writes "an extraction" and "a filling" from a template that says "a {procedure}"', async () => {
    const spec: Spec = {
      language: 'en',
      defaults: {count: 40},
      entities: [
        {name: 'procedure', type: 'list', values: ['extraction', 'filling', 'implant', 'cleaning', 'x-ray']},
      ],
      intents: [
        {
          name: 'price',
          examples: ['how much is a {procedure}', 'what does an {procedure} cost', 'price list'],
        },
        {name: 'hours', examples: ['when are you open', 'what are your opening hours', 'open on sunday?']},
      ],
    };
    for (const seed of [1, 2, 3]) {
      const {dataset} = await generateDataset(spec, {seed});
      const texts = dataset.utterances.map((u) => u.text);
      expect(texts.filter((t) => /\ban? (extraction|implant|x-ray)\b/i.test(t)).length).toBeGreaterThan(3);
      expect(texts.filter((t) => /\ba (extraction|implant|x-ray)\b/i.test(t))).toEqual([]);
      expect(texts.filter((t) => /\ban (filling|cleaning)\b/i.test(t))).toEqual([]);
    }
  });
});

describe('English: "a" or "an" agrees across the pieces of a template (aliases, choices, slots)', () => {
  it('fixes the article before a joint both ways, leaves a pair written together alone, and drops the joints', () => {
    const at = (text: string, word: string) => text.indexOf(word);
    const slot = 'can I get an slot';
    expect(agreeArticles({text: slot, entities: [], joints: [at(slot, 'slot')]})).toEqual({
      text: 'can I get a slot',
      entities: [],
    });
    const apple = 'I want a apple now';
    expect(agreeArticles({text: apple, entities: [], joints: [at(apple, 'apple') - 1]}).text).toBe(
      'I want an apple now',
    );
    // The article at the end of one piece, the word at the start of the next: the joint sits between them.
    const after = 'An  hour slot';
    expect(agreeArticles({text: after, entities: [], joints: [2]}).text).toBe('An  hour slot');
    expect(agreeArticles({text: 'A hour slot', entities: [], joints: [1]}).text).toBe('An hour slot');
    // No joint between the article and its word: as the spec wrote it.
    const written = 'book a hour for an <x>';
    expect(agreeArticles({text: written, entities: [], joints: [written.length]}).text).toBe(written);
    // "a" inside a word, or glued to the next piece, is not an article.
    expect(agreeArticles({text: 'banana split', entities: [], joints: [6]}).text).toBe('banana split');
    expect(agreeArticles({text: 'apple', entities: [], joints: [1]}).text).toBe('apple');
  });

  it('generate writes "a slot" and "an apple" from aliases and choices, and the seeds as written', async () => {
    const spec: Spec = {
      language: 'en',
      defaults: {count: 30, variations: {}},
      aliases: {kind: ['slot', 'appointment', 'hour', 'visit'], fruit: ['apple', 'pear', 'orange']},
      intents: [
        {
          name: 'book',
          examples: [
            'can I get an <kind>',
            'I would like a <kind> (today|tomorrow)',
            'is there (a|an) <kind> free',
            'book an hour (please|now)',
          ],
        },
        {
          name: 'order',
          examples: ['I want a <fruit>', 'give me an (apple|pear|egg)', 'an apple a day', 'a orange please'],
        },
      ],
    };
    const {dataset} = await generateDataset(spec, {seed: 3, balance: false});
    const texts = dataset.utterances.map((u) => u.text);
    const wrong = texts.filter((t) => /\ban (slot|visit|pear)\b|\ba (appointment|hour|apple|egg)\b/i.test(t));
    expect(wrong.filter((t) => t !== 'a orange please')).toEqual([]);
    for (const right of ['can I get a slot', 'can I get an appointment', 'I want an apple', 'I want a pear'])
      expect(texts).toContain(right);
    expect(texts.some((t) => /^give me an (apple|egg)$/.test(t))).toBe(true);
    expect(texts).toContain('give me a pear');
    // Plain seeds are the user's own text: kept as written, even the one a reader would correct.
    expect(texts).toContain('an apple a day');
    expect(texts).toContain('a orange please');
    expect(texts.filter((t) => t.startsWith('book an hour'))).toHaveLength(2);
  });
});
