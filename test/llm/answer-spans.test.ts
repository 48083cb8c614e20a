import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseAnswer} from '../../src/llm/answer.js';
import {checkSpans, entityRules, readMarkup, toMarkup} from '../../src/llm/spans.js';

describe('parseAnswer', () => {
  it('reads the asked-for shape without repair', () => {
    const parsed = parseAnswer('{"utterances": [{"seed": 2, "text": "cancel it"}, "stop my order"]}');
    expect(parsed).toEqual({
      items: [{seed: 2, text: 'cancel it'}, {text: 'stop my order'}],
      droppedItems: 0,
      unusable: false,
      repaired: false,
    });
  });

  it('repairs code fences, prose around the JSON and trailing commas', () => {
    const parsed = parseAnswer(
      'Sure! Here you go:\n```json\n{"utterances": [{"seed": "1", "text": "a b"},],}\n```\nEnjoy.',
    );
    expect(parsed.items).toEqual([{seed: 1, text: 'a b'}]);
    expect(parsed.repaired).toBe(true);
    expect(parsed.unusable).toBe(false);
  });

  it('accepts a bare array or another key, and drops items that are not utterances', () => {
    expect(parseAnswer('["x y", "z"]').items.map((i) => i.text)).toEqual(['x y', 'z']);
    const parsed = parseAnswer(
      '{"paraphrases": ["ok", 3, {"txt": "no"}, {"text": "  "}, {"text": "yes", "seed": 0}]}',
    );
    expect(parsed.items).toEqual([{text: 'ok'}]);
    expect(parsed.droppedItems).toBe(4);
  });

  it('calls an answer without JSON unusable', () => {
    expect(parseAnswer("Sorry, I can't help with that.")).toMatchObject({items: [], unusable: true});
    expect(parseAnswer('{"utterances": [')).toMatchObject({unusable: true});
  });

  it('gets every utterance back from a fenced, prose-wrapped answer (property)', () => {
    const text = fc.string({minLength: 1, maxLength: 30}).filter((s) => s.trim().length > 0);
    let runs = 0;
    fc.assert(
      fc.property(fc.array(text, {minLength: 1, maxLength: 8}), fc.boolean(), (texts, trailingComma) => {
        runs++;
        let json = JSON.stringify({utterances: texts.map((t, i) => ({seed: i + 1, text: t}))}, null, 1);
        if (trailingComma) json = json.replace(/}\n]/, '},\n]');
        const parsed = parseAnswer(`Here are they:\n\`\`\`json\n${json}\n\`\`\``);
        expect(parsed.items.map((i) => i.text)).toEqual(texts.map((t) => t.trim()));
      }),
    );
    expect(runs).toBe(100);
  });
});

const SPEC = {
  entities: [
    {name: 'card', type: 'list' as const, values: [{value: 'visa', synonyms: ['Visa card']}, 'amex']},
    {name: 'order_id', type: 'regex' as const, pattern: '[0-9]{6}'},
    {name: 'city', type: 'ml' as const},
  ],
};
const RULES = entityRules(SPEC);
const ALLOWED = new Set(['card', 'order_id']);

describe('entity markup and span checks', () => {
  it('turns markup into spans, maps a synonym to its canonical value, checks patterns', () => {
    const annotated = readMarkup('pay order [123456](order_id) with my [Visa card](card)')!;
    expect(annotated.text).toBe('pay order 123456 with my Visa card');
    const checked = checkSpans(annotated, RULES, ALLOWED);
    expect(checked).toEqual({
      ok: true,
      recovered: 0,
      annotated: {
        text: 'pay order 123456 with my Visa card',
        entities: [
          {entity: 'order_id', start: 10, end: 16},
          {entity: 'card', start: 25, end: 34, value: 'visa'},
        ],
      },
    });
  });

  it('drops unknown values, pattern mismatches and entities the intent does not use', () => {
    expect(checkSpans(readMarkup('with [mastercard](card)')!, RULES, ALLOWED)).toMatchObject({ok: false});
    expect(checkSpans(readMarkup('order [12ab](order_id)')!, RULES, ALLOWED)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('pattern'),
    });
    expect(checkSpans(readMarkup('fly to [Paris](city)')!, RULES, ALLOWED)).toMatchObject({ok: false});
  });

  it('refuses broken markup and unfilled slots', () => {
    expect(readMarkup('cancel [123456](order_id')).toBeUndefined();
    expect(readMarkup('cancel order {order_id}')).toBeUndefined();
  });

  it('recovers a known list value the model left unmarked', () => {
    const checked = checkSpans(readMarkup('charge it to my amex please')!, RULES, ALLOWED);
    expect(checked).toMatchObject({
      ok: true,
      recovered: 1,
      annotated: {entities: [{entity: 'card', start: 16, end: 20}]},
    });
    // Not inside another word.
    expect(checkSpans(readMarkup('the camexo thing')!, RULES, ALLOWED)).toMatchObject({recovered: 0});
  });

  it('reads back what toMarkup writes (property)', () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,6}$/);
    let runs = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(word, fc.boolean()), {minLength: 1, maxLength: 8}), (parts) => {
        runs++;
        let text = '';
        const entities: {entity: string; start: number; end: number}[] = [];
        for (const [w, isEntity] of parts) {
          if (text) text += ' ';
          if (isEntity) entities.push({entity: 'e', start: text.length, end: text.length + w.length});
          text += w;
        }
        expect(readMarkup(toMarkup(text, entities))).toEqual({text, entities});
      }),
    );
    expect(runs).toBe(100);
  });
});
