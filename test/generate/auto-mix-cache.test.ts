import {readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {AutoMixCacheFile} from '../../src/generate/auto-mix-cache.js';
import type {Spec} from '../../src/spec/spec.js';
import {tempDir} from '../helpers/cli.js';

const spec = {
  language: 'en',
  provider: {kind: 'openai', model: 'gpt-4o-mini', apiKey: 'sk-secret-never-written'},
  intents: [{name: 'track', examples: ['where is my parcel 12345']}],
} as unknown as Spec;

describe('the auto-mix cache file (.synthnlu/auto-mix)', () => {
  it('keeps trial outcomes between runs, as hashes and bits only, and only the trials a run used', async () => {
    const dir = tempDir();
    const first = await AutoMixCacheFile.open(dir, spec, 1);
    expect(first.get('k1')).toBeUndefined();
    first.set('k1', Uint8Array.from([1, 0, 1]));
    first.set('k2', Uint8Array.from([0]));
    expect(await first.save()).toBeUndefined();
    const [name] = readdirSync(dir);
    expect(name).toMatch(/^[0-9a-f]{64}\.json$/);
    const text = readFileSync(join(dir, name!), 'utf8');
    expect(text).not.toContain('parcel');
    expect(text).not.toContain('sk-secret');
    expect(text).not.toContain('gpt-4o');

    const second = await AutoMixCacheFile.open(dir, spec, 1);
    expect([...second.get('k1')!]).toEqual([1, 0, 1]);
    // Nothing new: the file is not rewritten.
    expect(await second.save()).toBeUndefined();
    second.set('k3', Uint8Array.from([1]));
    await second.save();
    const third = await AutoMixCacheFile.open(dir, spec, 1);
    expect(third.size).toBe(2);
    expect(third.get('k2')).toBeUndefined();

    // Another seed or another spec is another file; the provider settings do not count.
    expect((await AutoMixCacheFile.open(dir, spec, 2)).size).toBe(0);
    const {provider: _p, ...withoutProvider} = spec as Spec & {provider?: unknown};
    expect((await AutoMixCacheFile.open(dir, withoutProvider as Spec, 1)).size).toBe(2);
  });

  it('reads a damaged file as an empty cache, and says so when it cannot save', async () => {
    const dir = tempDir();
    const cache = await AutoMixCacheFile.open(dir, spec, 1);
    writeFileSync(cache.path, '{"format": "synthnlu-auto-mix-cache/1", "trials": {"k": "01x"');
    expect((await AutoMixCacheFile.open(dir, spec, 1)).size).toBe(0);
    writeFileSync(cache.path, '{"format": "synthnlu-auto-mix-cache/1", "trials": {"k": "01x", "j": "10"}}');
    const read = await AutoMixCacheFile.open(dir, spec, 1);
    expect(read.get('k')).toBeUndefined();
    expect([...read.get('j')!]).toEqual([1, 0]);
    // A file where the folder should be: the cache cannot be written, the run goes on.
    const blocked = join(tempDir(), 'file');
    writeFileSync(blocked, 'x');
    const unwritable = await AutoMixCacheFile.open(join(blocked, 'auto-mix'), spec, 1);
    unwritable.set('k', Uint8Array.from([1]));
    expect(await unwritable.save()).toMatch(/could not save the auto-mix cache .*auto-mix/);
  });
});
