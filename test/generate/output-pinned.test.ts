/**
 * The bundled example's output for a seed, pinned by hash. Speed work on the generator must leave every
 * utterance, span, tag and split as it was (the quality figures in the README were measured on this output);
 * a change that alters generation on purpose updates these hashes and says why in its commit.
 */
import {createHash} from 'node:crypto';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {languagePackFor} from '../../src/generate/index.js';
import {generateUtterancesSync} from '../../src/generate/pipeline.js';
import {loadSpec} from '../../src/library-load.js';
import {ROOT} from '../helpers/cli.js';

async function outputHash(filter: boolean): Promise<{count: number; hash: string}> {
  const {spec} = await loadSpec(join(ROOT, 'examples/customer-support.yaml'));
  const pack = await languagePackFor(spec);
  const hash = createHash('sha256');
  const iterator = generateUtterancesSync(spec, {seed: 1, pack, filter, perIntent: 400});
  let count = 0;
  let step = iterator.next();
  for (; !step.done; step = iterator.next()) {
    hash.update(`${JSON.stringify(step.value)}\n`);
    count += 1;
  }
  hash.update(JSON.stringify(step.value));
  return {count, hash: hash.digest('hex').slice(0, 16)};
}

describe('generation output for a seed', () => {
  it('is the pinned output without the label filter', async () => {
    expect(await outputHash(false)).toEqual({count: 4800, hash: '57ea1967cdc2f294'});
  });

  it('is the pinned output with the label filter', async () => {
    expect(await outputHash(true)).toEqual({count: 4800, hash: 'b8add202bddb00a3'});
  });
});
