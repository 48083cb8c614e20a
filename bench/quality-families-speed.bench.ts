/**
 * Cost of each English variation family per call, on 70 real SNIPS utterances applied 200 times each (the
 * pipeline sees few distinct seeds many times, so per-text and per-word caches are warm after the first pass),
 * plus the one-time cost of loading the language pack and its WordNet lexicon. Run: npx tsx bench/run.ts families-speed
 */
import {fileURLToPath} from 'node:url';
import {createRng} from '../src/generate/rng.js';
import {loadSnips} from './quality/snips.js';

const SNIPS = fileURLToPath(new URL('../../shared/data/snips', import.meta.url));

export default async function familiesSpeedBench(): Promise<Record<string, number | string>> {
  const loadStarted = performance.now();
  const {languagePack} = await import('../src/lang/index.js');
  const pack = languagePack('en');
  const result: Record<string, number | string> = {};
  const rng = createRng('speed');
  const pool = rng.shuffle(loadSnips(SNIPS).train).slice(0, 70);
  // The first call of each family pays for lazy lexicon parsing and compromise's first conjugations.
  for (const family of pack.families)
    family.apply({text: pool[0]!.text, entities: []}, {rng, intent: 'x', language: 'en'});
  result.packLoadMs = Math.round(performance.now() - loadStarted);
  const inputs = Array.from({length: 200}, () => pool).flat();
  for (const family of pack.families) {
    let applied = 0;
    const context = {rng, intent: 'x', language: 'en'};
    for (const u of pool) family.apply({text: u.text, entities: []}, context); // warm caches
    const started = performance.now();
    for (const u of inputs) if (family.apply({text: u.text, entities: []}, context)) applied++;
    const micros = ((performance.now() - started) * 1000) / inputs.length;
    result[`${family.name}_us_per_call`] = Math.round(micros * 10) / 10;
    result[`${family.name}_applies_pct`] = Math.round((100 * applied) / inputs.length);
  }
  return result;
}
