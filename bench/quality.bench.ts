/**
 * Generation quality on SNIPS (7 intents): 10 real seed utterances per intent -> synthnlu generate -> the
 * project's TF-IDF linear classifier -> accuracy on SNIPS's own validate split. Compared with training on the
 * seeds alone, for the default mix, the recommended mix and each family on its own, over several random seed
 * draws so that one lucky draw does not decide. Run: npx tsx bench/run.ts quality
 * Environment: QUALITY_DRAWS (default 5), QUALITY_COUNT (utterances per intent incl. seeds, default 100),
 * QUALITY_MIX (a JSON variation mix to try as "custom_mix"), QUALITY_ONLY (a regular expression: run only the configurations it matches, e.g. "mix" while tuning).
 */
import {fileURLToPath} from 'node:url';
import {trainIntentClassifier, type TrainingExample} from '../src/classifier/index.js';
import {createRng, DEFAULT_VARIATION_MIX, generateDataset} from '../src/generate/index.js';
import {escapeTemplateText} from '../src/generate/template/parse.js';
import {languagePack} from '../src/lang/index.js';
import {RECOMMENDED_VARIATION_MIX} from '../src/lang/en/recommended-mix.js';
import type {Spec} from '../src/spec/spec.js';
import {loadSnips, type SnipsUtterance} from './quality/snips.js';

const SNIPS = fileURLToPath(new URL('../../shared/data/snips', import.meta.url));
const SEEDS_PER_INTENT = 10;
const DRAWS = Number(process.env.QUALITY_DRAWS ?? 5);
const COUNT = Number(process.env.QUALITY_COUNT ?? 100);

function drawSeeds(pool: SnipsUtterance[], draw: number): Map<string, string[]> {
  const byIntent = new Map<string, string[]>();
  for (const u of pool) byIntent.set(u.intent, [...(byIntent.get(u.intent) ?? []), u.text]);
  const rng = createRng(`snips-seeds-${draw}`);
  const seeds = new Map<string, string[]>();
  for (const [intent, texts] of byIntent)
    seeds.set(intent, rng.shuffle([...texts]).slice(0, SEEDS_PER_INTENT));
  return seeds;
}

async function generated(
  seeds: Map<string, string[]>,
  mix: Record<string, number>,
  draw: number,
): Promise<TrainingExample[]> {
  const intents = [...seeds].map(([name, texts]) => ({
    name,
    examples: texts.map(escapeTemplateText) as [string, ...string[]],
  }));
  const spec: Spec = {
    language: 'en',
    defaults: {count: COUNT, variations: mix},
    intents: intents as Spec['intents'],
  };
  const {dataset} = await generateDataset(spec, {seed: draw});
  return dataset.utterances.map((u) => ({text: u.text, intent: u.intent}));
}

function accuracy(train: TrainingExample[], test: SnipsUtterance[]): number {
  const classifier = trainIntentClassifier(train, {seed: 1});
  let correct = 0;
  for (const example of test) if (classifier.predict(example.text).intent === example.intent) correct++;
  return (100 * correct) / test.length;
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
const round = (value: number): number => Math.round(value * 100) / 100;

export default async function qualityBench(): Promise<Record<string, number | string>> {
  const {train: pool, validate} = loadSnips(SNIPS);
  const families = languagePack('en').families.filter((f) => !f.offByDefault);
  const configs: Array<[string, Record<string, number>]> = [
    ['default_mix', {...DEFAULT_VARIATION_MIX}],
    ['recommended_mix', {...RECOMMENDED_VARIATION_MIX}],
    ...(process.env.QUALITY_MIX
      ? [
          ['custom_mix', JSON.parse(process.env.QUALITY_MIX) as Record<string, number>] as [
            string,
            Record<string, number>,
          ],
        ]
      : []),
    ...families.map((f): [string, Record<string, number>] => [`only_${f.name}`, {[f.name]: 1}]),
  ];
  const only = process.env.QUALITY_ONLY ? new RegExp(process.env.QUALITY_ONLY) : undefined;
  if (only) configs.splice(0, configs.length, ...configs.filter(([name]) => only.test(name)));
  const baseline: number[] = [];
  const deltas = new Map<string, number[]>(configs.map(([name]) => [name, []]));
  const sizes = new Map<string, number[]>(configs.map(([name]) => [name, []]));
  for (let draw = 0; draw < DRAWS; draw++) {
    const seeds = drawSeeds(pool, draw);
    const seedExamples = [...seeds].flatMap(([intent, texts]) => texts.map((text) => ({text, intent})));
    const base = accuracy(seedExamples, validate);
    baseline.push(base);
    for (const [name, mix] of configs) {
      const examples = await generated(seeds, mix, draw);
      deltas.get(name)!.push(accuracy(examples, validate) - base);
      sizes.get(name)!.push(examples.length);
    }
    console.error(`draw ${draw}: seeds alone ${round(base)}%`);
  }
  const result: Record<string, number | string> = {
    seeds_per_intent: SEEDS_PER_INTENT,
    utterances_per_intent: COUNT,
    draws: DRAWS,
    test_utterances: validate.length,
    seeds_only_accuracy_mean: round(mean(baseline)),
  };
  for (const [name, values] of deltas) {
    result[`${name}_delta_mean`] = round(mean(values));
    result[`${name}_delta_min`] = round(Math.min(...values));
    result[`${name}_wins`] = `${values.filter((v) => v > 0).length}/${values.length}`;
    result[`${name}_deltas`] = values.map(round).join(' ');
    result[`${name}_train_size_mean`] = Math.round(mean(sizes.get(name)!));
  }
  return result;
}
