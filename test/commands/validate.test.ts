import {runCommand} from '@oclif/test';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ROOT, runCli, tempDir} from '../helpers/cli.js';

describe('validate (in process)', () => {
  it('accepts the bundled example', async () => {
    const {stdout, error} = await runCommand(
      ['validate', join(ROOT, 'examples/customer-support.yaml'), '--json'],
      {root: ROOT},
    );
    expect(error).toBeUndefined();
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({kind: 'spec', valid: true, summary: {intents: 12}});
  });
});

describe('validate (child process)', () => {
  it('exits 2 on a misspelled key, naming the file, the line and the right key', () => {
    const dir = tempDir();
    const file = join(dir, 'spec.yaml');
    writeFileSync(file, 'language: en\nintents:\n  - name: greet\n    exmaples:\n      - hello\n');
    const run = runCli(['validate', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${file}:4:5`);
    expect(run.stderr).toContain('did you mean "examples"');
    expect(run.stdout).toBe('');
  });

  it('prints only JSON on stdout with --json, even on failure', () => {
    const dir = tempDir();
    const file = join(dir, 'spec.yaml');
    writeFileSync(file, 'intents:\n  - name: a\n    examples: [hi]\n  - name: a\n    examples: [yo]\n');
    const run = runCli(['validate', file, '--json']);
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.valid).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({
      code: 'SPEC_DUPLICATE_INTENT',
      line: 4,
      path: 'intents[1].name',
    });
  });

  it('init then validate succeeds, and init refuses to overwrite', () => {
    const dir = tempDir();
    expect(runCli(['init', dir]).status).toBe(0);
    expect(runCli(['validate', join(dir, 'synthnlu.yaml')]).status).toBe(0);
    const again = runCli(['init', dir]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('--force');
  });

  it('reports what coverage would call an error, with fixes; a schema error does not hide the rule checks', () => {
    const dir = tempDir();
    const file = join(dir, 'pizza.yaml');
    const spec = [
      'intents:',
      '  - name: order pizza',
      '    examples:',
      '      - order a pizza',
      '      - Note: I want it with {topping}',
      '  - name: greet',
      '    examples:',
      '      - hello',
      '      - Order a  pizza',
      'entities:',
      '  - name: topping',
      '    type: list',
      '    values:',
      '      - value: pepperoni',
      '        synonyms: [salami, pep]',
      '      - value: salami sausage',
      '        synonyms: [salami]',
    ];
    writeFileSync(file, `${spec.join('\n')}\n`);
    const run = runCli(['validate', file, '--json']);
    expect(run.status).toBe(2);
    const {diagnostics} = JSON.parse(run.stdout) as {
      diagnostics: {code: string; path?: string; line?: number; suggestion?: string}[];
    };
    const byCode = Object.fromEntries(diagnostics.map((d) => [d.code, d]));
    expect(Object.keys(byCode).sort()).toEqual([
      'SPEC_EXAMPLE_IN_TWO_INTENTS',
      'SPEC_NAME_WITH_SPACE',
      'SPEC_SYNONYM_CONFLICT',
      'SPEC_UNQUOTED_COLON',
    ]);
    expect(byCode.SPEC_NAME_WITH_SPACE).toMatchObject({path: 'intents[0].name', line: 2});
    expect(byCode.SPEC_NAME_WITH_SPACE!.suggestion).toBe('Rename it to "order_pizza".');
    expect(byCode.SPEC_UNQUOTED_COLON).toMatchObject({path: 'intents[0].examples[1]', line: 5});
    expect(byCode.SPEC_UNQUOTED_COLON!.suggestion).toBe('Quote the line: - "Note: I want it with {topping}"');
    expect(byCode.SPEC_EXAMPLE_IN_TWO_INTENTS).toMatchObject({path: 'intents[1].examples[1]', line: 9});
    expect(byCode.SPEC_SYNONYM_CONFLICT).toMatchObject({path: 'entities[0].values[1].synonyms[0]', line: 17});
    // With the schema errors fixed, the rule checks alone still fail the spec.
    writeFileSync(
      file,
      `${spec.join('\n').replace('order pizza', 'order_pizza').replace('- Note: I want it with {topping}', '- "Note: I want it with {topping}"')}\n`,
    );
    const rulesOnly = runCli(['validate', file]);
    expect(rulesOnly.status).toBe(1);
    expect(rulesOnly.stderr).toContain('SPEC_EXAMPLE_IN_TWO_INTENTS');
    expect(rulesOnly.stderr).toContain('SPEC_SYNONYM_CONFLICT');
  });

  it('suggests the closest command for a typo', () => {
    const run = runCli(['valdate']);
    expect(run.status).toBe(2);
    expect(run.stderr.replace(/\s*›\s*/g, ' ')).toContain('Did you mean "synthnlu validate"?');
  });
});
