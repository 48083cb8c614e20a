/**
 * Issue 29 item 7: one YAML error per indentation mistake, at the misplaced line and its column, with a fix
 * that names the indentation, instead of several generic parser errors (some on the line above).
 */
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {execSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import type {SynthnluError} from '../../src/errors.js';
import {parseYaml} from '../../src/load/parse-structured.js';
import {findIndentationMistake} from '../../src/load/yaml-indentation.js';
import {ROOT, SHARED} from '../helpers/cli.js';

function yamlError(text: string): SynthnluError {
  try {
    parseYaml(text, 'spec.yaml');
  } catch (error) {
    return error as SynthnluError;
  }
  throw new Error('parsed without error');
}

describe('YAML indentation mistakes', () => {
  it('a dedented list item: one error at its line and column, naming the column it needs', () => {
    const error = yamlError(
      'language: en\nintents:\n  - name: greet\n    examples:\n      - hello there\n    - hi friend\n  - name: bye\n    examples:\n      - goodbye\n',
    );
    expect(error.diagnostics).toHaveLength(1);
    expect(error.diagnostics[0]).toMatchObject({code: 'YAML_INDENTATION', line: 6, column: 5});
    expect(error.diagnostics[0]!.message).toContain(
      'list item dedented: it starts at column 5, but the other items of its list ("- hello there", line 5) start at column 7',
    );
    expect(error.diagnostics[0]!.suggestion).toBe(
      'Indent line 6 by 2 spaces so it starts at column 7, like line 5.',
    );
  });

  it('a key whose only text after the colon is a comment opens a block (the init starter spec)', () => {
    const text = [
      'defaults:',
      '  variations: # share of utterances each family is applied to',
      '    polite: 0.2',
      'intents:',
      '  - name: a',
      '    examples:',
      '      - one',
      '    - two',
      '      - three',
    ].join('\n');
    expect(findIndentationMistake(text)).toMatchObject({line: 8, column: 5});
  });

  it('a dedented synonyms: key', () => {
    const error = yamlError(
      'language: en\nentities:\n  - name: treatment\n    type: list\n    values:\n      - value: cleaning\n  synonyms: [hygiene visit]\nintents:\n  - name: greet\n    examples: [hello, hi]\n',
    );
    expect(error.diagnostics).toHaveLength(1);
    expect(error.diagnostics[0]).toMatchObject({code: 'YAML_INDENTATION', line: 7, column: 3});
    expect(error.diagnostics[0]!.message).toContain('key "synonyms" dedented');
    expect(error.diagnostics[0]!.suggestion).toBe(
      'Indent line 7 by 6 spaces so it starts at column 9, like line 6.',
    );
  });

  it('an over-indented examples: key is reported on its own line, not the line above', () => {
    const error = yamlError(
      'language: en\nintents:\n  - name: greet\n      examples:\n      - hello\n      - hi\n',
    );
    expect(error.diagnostics).toHaveLength(1);
    expect(error.diagnostics[0]).toMatchObject({code: 'YAML_INDENTATION', line: 4, column: 7});
    expect(error.diagnostics[0]!.message).toContain('key "examples" over-indented');
    expect(error.diagnostics[0]!.suggestion).toBe(
      'Dedent line 4 by 2 spaces so it starts at column 5, like line 3.',
    );
  });

  it('keeps one error per line for mistakes that are not indentation', () => {
    const error = yamlError('language: en\nintents:\n  - name: "greet\n');
    const lines = error.diagnostics.map((d) => d.line);
    expect(new Set(lines).size).toBe(lines.length);
    expect(error.diagnostics.every((d) => d.code !== 'YAML_INDENTATION')).toBe(true);
  });

  it('finds nothing to explain in valid YAML: the examples and the shared Rasa fixtures', () => {
    const files = [
      ...readdirSync(join(ROOT, 'examples'))
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => join(ROOT, 'examples', f)),
      ...execSync(`find ${join(SHARED, 'fixtures')} -name '*.yml' -o -name '*.yaml'`, {encoding: 'utf8'})
        .split('\n')
        .filter(Boolean),
    ];
    expect(files.length).toBeGreaterThan(4);
    for (const file of files)
      expect([file, findIndentationMistake(readFileSync(file, 'utf8'))]).toEqual([file, undefined]);
  });

  it('every list item of the bundled example dedented by two spaces is found at its line', () => {
    const lines = readFileSync(join(ROOT, 'examples/customer-support.yaml'), 'utf8').split('\n');
    let checked = 0;
    lines.forEach((line, n) => {
      const m = /^( {4,})- [a-z]/i.exec(line);
      const previous = lines[n - 1] ?? '';
      // Only an item that follows a sibling item (so the mistake is a dedent out of that list).
      if (!m || !previous.startsWith(`${m[1]}- `)) return;
      const broken = [...lines];
      broken[n] = line.slice(2);
      let error: SynthnluError | undefined;
      try {
        parseYaml(broken.join('\n'), 'spec.yaml');
      } catch (e) {
        error = e as SynthnluError;
      }
      if (!error) return; // Valid YAML again (the item joined the parent list): nothing to report.
      checked++;
      expect([n + 1, error.diagnostics[0]!.code, error.diagnostics[0]!.line]).toEqual([
        n + 1,
        'YAML_INDENTATION',
        n + 1,
      ]);
      expect(error.diagnostics).toHaveLength(1);
    });
    expect(checked).toBeGreaterThan(5);
  });
});
