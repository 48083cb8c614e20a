import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {inspectSpecFile} from '../../src/library-load.js';
import {tempDir} from '../helpers/cli.js';

async function diagnosticsOf(yaml: string) {
  const file = join(tempDir(), 'spec.yaml');
  writeFileSync(file, yaml);
  return (await inspectSpecFile(file)).diagnostics;
}

describe('checkSpec with the template parser', () => {
  it('reports a template syntax error at the example line, with the column', async () => {
    const [problem] = await diagnosticsOf(
      'intents:\n  - name: a\n    examples:\n      - fine\n      - cancel [my order\n',
    );
    expect(problem).toMatchObject({code: 'TEMPLATE_SYNTAX', line: 5, path: 'intents[0].examples[1]'});
    expect(problem!.message).toBe('"[" is never closed (column 8)');
  });

  it('names an alias cycle and finds references in escaped text correctly', async () => {
    const problems = await diagnosticsOf(
      [
        'aliases:',
        '  a: ["x <b>"]',
        '  b: ["\\\\<a\\\\> is text", "y <c>"]',
        '  c: ["<a>"]',
        'intents:',
        '  - name: a',
        '    examples: ["go <a> \\\\{not_an_entity\\\\} {thing}"]',
      ].join('\n'),
    );
    expect(problems.map((p) => p.code)).toEqual(['SPEC_ALIAS_CYCLE', 'SPEC_UNKNOWN_ENTITY']);
    expect(problems[0]!.message).toContain('<a> -> <b> -> <c> -> <a>');
    expect(problems[1]!.message).toContain('{thing}');
  });
});

describe('a word repeated across a slot boundary', () => {
  it('warns when a list value ends with the word after the slot ("veggie pizza pizzas"), at the example', async () => {
    const problems = await diagnosticsOf(
      [
        'entities:',
        '  - name: pizza',
        '    type: list',
        '    values: [margherita, {value: veggie pizza, synonyms: [vegetarian]}]',
        'intents:',
        '  - name: order',
        '    examples:',
        '      - I want two {pizza} pizzas',
        '      - one {pizza} please',
      ].join('\n'),
    );
    const repeats = problems.filter((p) => p.code === 'SPEC_REPEATED_WORD_AT_SLOT');
    expect(repeats).toHaveLength(1);
    expect(repeats[0]).toMatchObject({severity: 'warning', path: 'intents[0].examples[0]', line: 8});
    expect(repeats[0]!.message).toContain('"veggie pizza pizzas"');
  });

  it('also sees the word before the slot, and stays quiet when nothing repeats', async () => {
    const problems = await diagnosticsOf(
      [
        'entities:',
        '  - name: city',
        '    type: list',
        '    values: [new york, {value: paris, synonyms: [city of light]}]',
        'intents:',
        '  - name: fly',
        '    examples: ["fly to the city {city}", "fly to {city} today"]',
      ].join('\n'),
    );
    const repeats = problems.filter((p) => p.code === 'SPEC_REPEATED_WORD_AT_SLOT');
    expect(repeats.map((p) => [p.path, p.message.includes('"city city of light"')])).toEqual([
      ['intents[0].examples[0]', true],
    ]);
  });
});
