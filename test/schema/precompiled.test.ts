/**
 * The core validators `npm run build` compiles ahead of time must judge every document exactly as the ones ajv
 * compiles at run time: same verdict, same errors (messages, paths, params), since diagnostics are built from
 * them. The built CLI must use them, and say the same about a bad file as the run-time path does.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import fc from 'fast-check';
import type {ValidateFunction} from 'ajv';
import {describe, expect, it} from 'vitest';
import {coreValidatorSource} from '../../src/schema/precompile.js';
import {PRECOMPILED_REFS, validateAgainstSchema, validatorFor} from '../../src/schema/validate.js';
import {ROOT, runCli, tempDir} from '../helpers/cli.js';

/** The module build writes, evaluated here as CommonJS (its requires resolve from the project). */
function precompiledModule(): Record<string, ValidateFunction> {
  const module = {exports: {} as Record<string, ValidateFunction>};
  const require = createRequire(join(ROOT, 'package.json'));
  new Function('require', 'module', 'exports', coreValidatorSource())(require, module, module.exports);
  return module.exports;
}

const example = JSON.parse(
  readFileSync(join(ROOT, 'test/fixtures/coverage/entities.json'), 'utf8'),
) as Record<string, unknown>;

/** Documents to judge: the example, then the example with one value somewhere replaced by something odd. */
const mutatedDatasets = fc
  .tuple(
    fc.constantFrom('utterances', 'intents', 'entities', 'format', 'language', 'metadata', 'extra'),
    fc.nat(5),
    fc.constantFrom(
      'text',
      'intent',
      'entities',
      'start',
      'name',
      'kind',
      'values',
      'tags',
      'split',
      'bogus',
    ),
    fc.oneof(fc.constant(null), fc.integer(), fc.string({maxLength: 3}), fc.constant([]), fc.constant({})),
  )
  .map(([top, index, field, odd]) => {
    const copy = structuredClone(example);
    const value = copy[top];
    if (Array.isArray(value) && value.length > 0) {
      const item = value[index % value.length] as Record<string, unknown>;
      if (item && typeof item === 'object') item[field] = odd;
      else value[index % value.length] = odd;
    } else copy[top] = odd;
    return copy;
  });

describe('ahead-of-time core validators', () => {
  const ahead = precompiledModule();

  it('exports one validator per precompiled ref', () => {
    expect(Object.keys(ahead).sort()).toEqual(Object.values(PRECOMPILED_REFS).sort());
  });

  it('judge every document as the run-time validators do, errors included', () => {
    let invalid = 0;
    fc.assert(
      fc.property(mutatedDatasets, (document) => {
        const runtime = validatorFor('dataset.schema.json');
        const valid = runtime(document);
        expect(ahead.dataset!(document)).toBe(valid);
        expect(ahead.dataset!.errors ?? null).toEqual(runtime.errors ?? null);
        if (!valid) invalid += 1;
      }),
      {numRuns: 300},
    );
    // Most mutations break the dataset: the comparison above is mostly about errors, not about `true`.
    expect(invalid).toBeGreaterThan(150);
  });

  it('judge single utterances and specs as the run-time validators do', () => {
    const utterance = (example.utterances as unknown[])[0];
    for (const value of [utterance, {...(utterance as object), start: 'x'}, {text: 3}, null]) {
      const runtime = validatorFor('dataset.schema.json#/definitions/Utterance');
      expect(ahead.datasetUtterance!(value)).toBe(runtime(value));
      expect(ahead.datasetUtterance!.errors ?? null).toEqual(runtime.errors ?? null);
    }
    for (const spec of [{intents: []}, {language: 7}, {intents: [{name: 'a', examples: ['hi']}]}]) {
      const runtime = validatorFor('spec.schema.json');
      expect(ahead.spec!(spec)).toBe(runtime(spec));
      expect(ahead.spec!.errors ?? null).toEqual(runtime.errors ?? null);
    }
  });

  it('are what the built CLI uses, with the same message for a bad dataset', () => {
    const dir = tempDir();
    const bad = structuredClone(example);
    (bad.utterances as Array<Record<string, unknown>>)[1]!.intent = 42;
    const file = join(dir, 'bad.dataset.json');
    writeFileSync(file, JSON.stringify(bad, null, 2));
    const expected = validateAgainstSchema('dataset.schema.json', bad, {file})[0]!.message;
    const run = runCli(['coverage', file]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(expected);
    // The built validate.js finds core-validators.cjs beside it.
    expect(() => readFileSync(join(ROOT, 'dist/src/schema/core-validators.cjs'))).not.toThrow();
  });
});
