import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {SynthnluError} from '../../src/errors.js';
import {createRng} from '../../src/generate/rng.js';
import {TemplateCompiler, tidyExpansion, type Expansion} from '../../src/generate/template/compile.js';
import {parseTemplate, templateReferences} from '../../src/generate/template/parse.js';
import type {Spec} from '../../src/spec/spec.js';

const spec: Spec = {
  intents: [{name: 'x', examples: ['x']}],
  aliases: {
    want: ['I want to', {text: 'I need to', weight: 3}],
    heavy: [{text: 'common', weight: 9}, 'rare'],
    nested: ['<want> (buy|get)'],
  },
  entities: [
    {
      name: 'colour',
      type: 'list',
      values: [{value: 'red', synonyms: ['crimson', 'scarlet']}, 'blue', 'light green'],
    },
    {name: 'order_id', type: 'regex', pattern: '[A-Z]{2}-[0-9]{4}'},
    {name: 'when', type: 'system', system: 'date'},
    {name: 'mail', type: 'system', system: 'email'},
    {name: 'thing', type: 'ml', values: ['a lamp', 'two chairs']},
  ],
};

function expand(template: string, seed = 1, times = 1): {text: string; entities: Expansion['entities']}[] {
  const compiled = new TemplateCompiler(spec).compile(template, 'test');
  const rng = createRng(seed);
  const out = [];
  for (let i = 0; i < times; i++) {
    const buffer: Expansion = {text: '', entities: []};
    compiled.sample(rng, buffer);
    out.push(tidyExpansion(buffer));
  }
  return out;
}

describe('template parser', () => {
  it('builds an AST with columns and knows plain seeds from templates', () => {
    const parsed = parseTemplate('I (want|need) [to] {colour:fav} <want> a \\(b\\)');
    expect(parsed.plain).toBe(false);
    const refs = templateReferences(parsed.root);
    expect(refs.entities).toEqual([{name: 'colour', role: 'fav', column: 20}]);
    expect(refs.aliases).toEqual([{name: 'want', column: 33}]);
    const seed = parseTemplate('how do I cancel \\(it\\) a < b');
    expect(seed.plain).toBe(true);
    expect(seed.root).toMatchObject({kind: 'text', text: 'how do I cancel (it) a < b'});
  });

  it.each([
    ['cancel (my|the order', 'TEMPLATE_SYNTAX', 8, '"(" is never closed'],
    ['cancel [my order', 'TEMPLATE_SYNTAX', 8, '"[" is never closed'],
    ['cancel {order', 'TEMPLATE_SYNTAX', 8, '"{" is never closed'],
    ['cancel a|b', 'TEMPLATE_SYNTAX', 9, 'unexpected "|"'],
    ['cancel {a:b:c}', 'TEMPLATE_SYNTAX', 8, 'not an entity slot'],
  ])('rejects %j with the column at fault', (template, code, column, message) => {
    try {
      parseTemplate(template, {file: 'spec.yaml', path: 'intents[0].examples[2]'});
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SynthnluError);
      const e = error as SynthnluError;
      expect(e.code).toBe(code);
      expect(e.message).toContain(message);
      expect(e.location).toEqual({file: 'spec.yaml', path: `intents[0].examples[2], column ${column}`});
    }
  });
});

describe('template expansion', () => {
  it('fills list slots with values or synonyms, annotating the canonical value', () => {
    const results = expand('paint it {colour} please', 3, 300);
    const texts = new Set(results.map((r) => r.text.slice(9, r.entities[0]!.end)));
    expect(texts).toEqual(new Set(['red', 'crimson', 'scarlet', 'blue', 'light green']));
    for (const r of results) {
      const span = r.entities[0]!;
      const text = r.text.slice(span.start, span.end);
      if (text === 'crimson' || text === 'scarlet') expect(span.value).toBe('red');
      else expect(span.value).toBeUndefined();
    }
  });

  it('generates regex entity values that match the pattern, reproducibly', () => {
    const first = expand('order {order_id}', 7, 50);
    for (const r of first)
      expect(r.text.slice(r.entities[0]!.start, r.entities[0]!.end)).toMatch(/^[A-Z]{2}-[0-9]{4}$/);
    expect(new Set(first.map((r) => r.text)).size).toBeGreaterThan(40);
    expect(expand('order {order_id}', 7, 50)).toEqual(first);
  });

  it('generates realistic system values', () => {
    const mails = expand('{mail}', 2, 30).map((r) => r.text);
    for (const m of mails) expect(m).toMatch(/^[a-z0-9.]+@[a-z.]+\.[a-z]+$/);
    const dates = new Set(expand('{when}', 2, 200).map((r) => r.text));
    expect(
      [...dates].some((d) => /^next (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(d)),
    ).toBe(true);
    expect(
      [...dates].some((d) =>
        /^(January|February|March|April|May|June|July|August|September|October|November|December) \d+(st|nd|rd|th)$/.test(
          d,
        ),
      ),
    ).toBe(true);
  });

  it('omits optional parts without leaving double spaces, and keeps roles', () => {
    const results = expand('[please] move {thing:item} [now] to {colour}', 5, 100);
    expect(results.some((r) => r.text.startsWith('move'))).toBe(true);
    expect(results.some((r) => r.text.startsWith('please move'))).toBe(true);
    for (const r of results) {
      expect(r.text).not.toMatch(/\s\s|^\s|\s$/);
      expect(r.entities[0]!.role).toBe('item');
    }
  });

  it('weights steer how often an alias entry is chosen', () => {
    const results = expand('<heavy>', 11, 4000);
    const common = results.filter((r) => r.text === 'common').length / results.length;
    expect(common).toBeGreaterThan(0.87);
    expect(common).toBeLessThan(0.93);
  });

  it('names the circle when aliases refer to each other', () => {
    const cyclic: Spec = {...spec, aliases: {a: ['x <b>'], b: ['y <c>'], c: ['<a>']}};
    expect(() => new TemplateCompiler(cyclic).compile('<a>', 'intents[0].examples[0]')).toThrowError(
      /<a> -> <b> -> <c> -> <a>/,
    );
  });

  it('counts what a grammar can produce', () => {
    const compiler = new TemplateCompiler(spec);
    expect(compiler.compile('(a|b) [c] <want>', 't').capacity).toBe(8);
    expect(compiler.compile('{colour}', 't').capacity).toBe(5);
    expect(compiler.compile('{order_id}', 't').capacity).toBe(Infinity);
  });

  it('property: every span covers exactly its entity text, whatever the template', () => {
    const piece = fc.oneof(
      fc.constantFrom('{colour}', '{thing}', '{order_id}', '{when}', '{mail}', '<want>', '<nested>'),
      fc.constantFrom('hello', ' ', '  ', 'to', ', ', '(a|b c|)', '[maybe ]', '[{colour} ]', '(x {thing}|y)'),
    );
    fc.assert(
      fc.property(
        fc.array(piece, {minLength: 1, maxLength: 8}),
        fc.integer({min: 0, max: 1000}),
        (pieces, seed) => {
          const template = pieces.join(' ');
          for (const r of expand(template, seed, 5)) {
            expect(r.text).not.toMatch(/\s\s|^\s|\s$/);
            let previousEnd = 0;
            for (const span of r.entities) {
              expect(span.start).toBeGreaterThanOrEqual(previousEnd);
              expect(span.end).toBeGreaterThan(span.start);
              const text = r.text.slice(span.start, span.end);
              expect(text).toBe(text.trim());
              if (span.entity === 'colour')
                expect(['red', 'crimson', 'scarlet', 'blue', 'light green']).toContain(text);
              if (span.entity === 'thing') expect(['a lamp', 'two chairs']).toContain(text);
              if (span.entity === 'order_id') expect(text).toMatch(/^[A-Z]{2}-[0-9]{4}$/);
              previousEnd = span.end;
            }
          }
        },
      ),
      {numRuns: 200},
    );
  });
});
