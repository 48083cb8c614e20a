import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {inspectSpecFile} from '../../src/load/inspect.js';
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
