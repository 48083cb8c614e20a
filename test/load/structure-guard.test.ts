import fc from 'fast-check';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {parse as parseYamlText} from 'yaml';
import {describe, expect, it} from 'vitest';
import {checkJsonStructure, checkYamlDepth, MAX_NESTING_DEPTH} from '../../src/load/structure-guard.js';
import {SynthnluError} from '../../src/errors.js';
import {ROOT} from '../helpers/cli.js';

function codeOf(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(SynthnluError);
    return (error as SynthnluError).code;
  }
}

describe('structure guard', () => {
  it('accepts exactly MAX_NESTING_DEPTH levels of JSON and YAML, refuses one more', () => {
    const json = (d: number) => '['.repeat(d) + ']'.repeat(d);
    expect(codeOf(() => checkJsonStructure(json(MAX_NESTING_DEPTH), 'f.json'))).toBeUndefined();
    expect(codeOf(() => checkJsonStructure(json(MAX_NESTING_DEPTH + 1), 'f.json'))).toBe('JSON_TOO_DEEP');
    expect(codeOf(() => checkYamlDepth(`a: ${json(MAX_NESTING_DEPTH - 1)}`, 'f.yaml'))).toBeUndefined();
    expect(codeOf(() => checkYamlDepth(`a: ${json(MAX_NESTING_DEPTH)}`, 'f.yaml'))).toBe('YAML_TOO_DEEP');
    const block = (d: number) => Array.from({length: d}, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(codeOf(() => checkYamlDepth(block(MAX_NESTING_DEPTH), 'f.yaml'))).toBeUndefined();
    expect(codeOf(() => checkYamlDepth(block(MAX_NESTING_DEPTH + 1), 'f.yaml'))).toBe('YAML_TOO_DEEP');
    const dashes = `${'- '.repeat(MAX_NESTING_DEPTH + 1)}x\n`;
    expect(codeOf(() => checkYamlDepth(dashes, 'f.yaml'))).toBe('YAML_TOO_DEEP');
  });

  it('brackets, quotes and hashes inside scalars and comments are not nesting', () => {
    const text = `a: "${'['.repeat(500)}"\nb: '${'{'.repeat(500)} it''s'\nc: I ${'['.repeat(500)} want\n# ${'['.repeat(500)}\nd: don't [stop] ${'['.repeat(300)}\n`;
    expect(codeOf(() => checkYamlDepth(text, 'f.yaml'))).toBeUndefined();
    expect(
      codeOf(() => checkJsonStructure(JSON.stringify({a: '['.repeat(500), 'b"\\': '{'}), 'f.json')),
    ).toBeUndefined();
  });

  it('property: any JSON.stringify output passes; a repeated key is found with its path', () => {
    fc.assert(
      fc.property(fc.jsonValue({maxDepth: 8}), (value) => {
        expect(codeOf(() => checkJsonStructure(JSON.stringify(value, null, 1), 'f.json'))).toBeUndefined();
      }),
    );
    fc.assert(
      fc.property(fc.string(), fc.jsonValue({maxDepth: 3}), (key, value) => {
        const text = `{"list":[1,{"x":${JSON.stringify(value)},${JSON.stringify(key)}:1,${JSON.stringify(key)}:2}]}`;
        if (key === 'x') return;
        let error: SynthnluError | undefined;
        try {
          checkJsonStructure(text, 'f.json');
        } catch (e) {
          error = e as SynthnluError;
        }
        expect(error?.code).toBe('JSON_DUPLICATE_KEY');
        expect(error?.diagnostics[0]?.path).toBe(
          /^[A-Za-z_$][\w$]*$/.test(key) ? `list[1].${key}` : `list[1][${JSON.stringify(key)}]`,
        );
      }),
    );
  });

  it('passes every YAML file the project ships', () => {
    const files = readdirSync(join(ROOT, 'examples')).filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThan(2);
    for (const f of files) {
      const text = readFileSync(join(ROOT, 'examples', f), 'utf8');
      parseYamlText(text);
      expect(codeOf(() => checkYamlDepth(text, f))).toBeUndefined();
    }
  });
});
