/**
 * `variations: auto` remembers its trial outcomes between runs of the `generate` command: one file per spec and
 * seed under .synthnlu/auto-mix, named by a hash of the spec (without its provider settings), the seed and the
 * synthnlu version. Inside, each entry is keyed by the hash of what decides it (the classifier's version, its
 * training examples and the held-out seeds: auto-mix.ts trialKey) and holds one bit per held-out seed. A rerun of
 * the same spec trains no classifier; a changed spec or generator gives other trial sets, whose keys simply miss,
 * so a stale entry is never used. The file holds hashes and bits only: no text of the spec, no settings, no key.
 */
import {createHash} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {writeFileAtomic} from '../io/atomic-write.js';
import {packageRoot} from '../io/package-root.js';
import type {Spec, SpecDocument} from '../spec/spec.js';
import type {TrialOutcomeCache} from './auto-mix.js';

export const DEFAULT_AUTO_MIX_CACHE_DIR = '.synthnlu/auto-mix';
const FORMAT = 'synthnlu-auto-mix-cache/1';

interface CacheFile {
  format: string;
  /** trialKey -> one character per held-out seed: 1 right, 0 wrong. */
  trials: Record<string, string>;
}

let version: string | undefined;

async function synthnluVersion(): Promise<string> {
  version ??= (JSON.parse(await readFile(join(packageRoot(), 'package.json'), 'utf8')) as {version: string})
    .version;
  return version;
}

/** The cache file's name: the spec as the generator reads it (provider settings left out), the seed, the version. */
export async function autoMixCacheName(spec: Spec | SpecDocument, seed: string | number): Promise<string> {
  const {provider: _provider, ...rest} = spec as Spec & {provider?: unknown};
  return createHash('sha256')
    .update(
      JSON.stringify({format: FORMAT, version: await synthnluVersion(), seed: String(seed), spec: rest}),
    )
    .digest('hex');
}

export class AutoMixCacheFile implements TrialOutcomeCache {
  readonly #trials = new Map<string, string>();
  /** Entries read or added by this run: the only ones saved, so outdated trials do not pile up. */
  readonly #used = new Set<string>();
  #changed = false;

  private constructor(readonly path: string) {}

  /** Opens the spec's cache file (a missing or damaged one is an empty cache: its trials are run again). */
  static async open(
    dir: string,
    spec: Spec | SpecDocument,
    seed: string | number,
  ): Promise<AutoMixCacheFile> {
    const cache = new AutoMixCacheFile(join(dir, `${await autoMixCacheName(spec, seed)}.json`));
    try {
      const file = JSON.parse(await readFile(cache.path, 'utf8')) as Partial<CacheFile>;
      if (file.format === FORMAT && file.trials && typeof file.trials === 'object')
        for (const [key, bits] of Object.entries(file.trials))
          if (typeof bits === 'string' && /^[01]*$/.test(bits)) cache.#trials.set(key, bits);
    } catch {
      // Missing or unreadable: start empty; save() writes it whole.
    }
    return cache;
  }

  get size(): number {
    return this.#trials.size;
  }

  get(key: string): Uint8Array | undefined {
    const bits = this.#trials.get(key);
    if (bits === undefined) return undefined;
    this.#used.add(key);
    return Uint8Array.from(bits, (bit) => (bit === '1' ? 1 : 0));
  }

  set(key: string, correct: Uint8Array): void {
    this.#trials.set(key, correct.join(''));
    this.#used.add(key);
    this.#changed = true;
  }

  /**
   * Writes the file (temp + rename) when a trial was added, with the entries this run used; returns a warning
   * when it cannot be written (the cache only saves time: the run itself is not lost).
   */
  async save(): Promise<string | undefined> {
    if (!this.#changed) return undefined;
    const trials = Object.fromEntries([...this.#used].map((key) => [key, this.#trials.get(key)!]));
    const file: CacheFile = {format: FORMAT, trials};
    try {
      await writeFileAtomic(this.path, `${JSON.stringify(file)}\n`);
      this.#changed = false;
      return undefined;
    } catch (error) {
      return `could not save the auto-mix cache ${this.path}: ${(error as Error).message}`;
    }
  }
}
