/**
 * What choosing the mix (`variations: auto`) costs beside generating with it (issue 27: choosing must cost less
 * than generating). The 200-intent spec of bench/clinc-scale.ts (10 real seeds per intent) at 500 per intent,
 * label filter on, seed 1:
 * - choosing cold (no cache), and again from the cache file the `generate` command keeps (.synthnlu/auto-mix;
 *   here in a temporary folder): the trials' generation runs again, no classifier is trained;
 * - generating with the chosen mix written in (no choosing), and with the pack's default mix (what generating
 *   costs when the families fill the count, for scale).
 * CPU seconds are the figure to read on a shared machine; wall seconds beside them.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {AutoMixCacheFile} from '../src/generate/auto-mix-cache.js';
import {languagePackFor} from '../src/generate/language.js';
import {generateUtterancesSync, resolveAutoMix, type GenerateOptions} from '../src/generate/pipeline.js';
import {packDefaultMix} from '../src/generate/settings.js';
import type {Spec} from '../src/spec/spec.js';
import {clincSeeds} from './clinc-scale.js';

const PER_INTENT = 500;
const SEED = 1;

function timed<T>(work: () => T): {value: T; seconds: number; cpuSeconds: number} {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(cpu);
  return {
    value,
    seconds: round((performance.now() - started) / 1000),
    cpuSeconds: round((used.user + used.system) / 1e6),
  };
}

function generate(spec: Spec, options: GenerateOptions): number {
  let utterances = 0;
  const iterator = generateUtterancesSync(spec, {...options, seed: SEED, perIntent: PER_INTENT});
  for (let step = iterator.next(); !step.done; step = iterator.next()) utterances += 1;
  return utterances;
}

export default async function autoMixCost(): Promise<Record<string, unknown>> {
  const spec: Spec = {
    language: 'en',
    intents: [...clincSeeds()].map(([name, examples]) => ({name, examples})) as Spec['intents'],
  };
  const pack = await languagePackFor(spec);
  const dir = mkdtempSync(join(tmpdir(), 'synthnlu-auto-mix-'));
  try {
    const cold = timed(() => resolveAutoMix(spec, {seed: SEED, pack}));
    const file = await AutoMixCacheFile.open(dir, spec, SEED);
    resolveAutoMix(spec, {seed: SEED, pack, autoMixCache: file});
    await file.save();
    const reopened = await AutoMixCacheFile.open(dir, spec, SEED);
    const warm = timed(() => resolveAutoMix(spec, {seed: SEED, pack, autoMixCache: reopened}));
    const report = cold.value.report!;
    const mix = report.mix;
    const chosen = timed(() => generate({...spec, defaults: {variations: mix}}, {pack}));
    const defaultMix = packDefaultMix(pack);
    const full = timed(() => generate({...spec, defaults: {variations: defaultMix}}, {pack}));
    return {
      intents: spec.intents.length,
      trialIntents: report.trialIntents,
      heldOut: report.heldOut,
      trials: report.trials,
      stoppedEarly: report.families.filter((f) => f.stoppedEarly).map((f) => f.family),
      mix,
      fallback: report.fallback,
      choose: {seconds: cold.seconds, cpuSeconds: cold.cpuSeconds},
      chooseFromCache: {
        seconds: warm.seconds,
        cpuSeconds: warm.cpuSeconds,
        trials: warm.value.report!.trials,
        sameMix: JSON.stringify(warm.value.report!.mix) === JSON.stringify(mix),
      },
      generateChosenMix: {seconds: chosen.seconds, cpuSeconds: chosen.cpuSeconds, utterances: chosen.value},
      generateDefaultMix: {seconds: full.seconds, cpuSeconds: full.cpuSeconds, utterances: full.value},
      chooseOverGenerate: round(cold.cpuSeconds / chosen.cpuSeconds),
      cachedChooseOverGenerate: round(warm.cpuSeconds / chosen.cpuSeconds),
    };
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
