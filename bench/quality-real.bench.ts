/**
 * Generation quality on real user queries (the protocol of ../shared/data/clinc150/README.md): per draw, K = 10
 * real seeds per intent -> synthnlu generate -> the reference classifier (src/classifier: TF-IDF word 1-2 +
 * char 2-5 grams, linear SVM) trained on seeds alone and on seeds + generated -> accuracy on real held-out text.
 * Sets: CLINC150 (150 intents; tune on `val`, report `test` once) and Bitext customer support (27 intents, its
 * held-out part). Configurations: the default settings (`variations: auto` with the label filter), the old
 * fixed mix, and each family alone. Also the out-of-scope intent (`none:`) on CLINC150's oos lists.
 *
 * Run: npx tsx bench/run.ts quality-real. Environment:
 *   QUALITY_SETS    clinc150,bitext (default both)       QUALITY_SPLIT  val | test (default val; test = final figure)
 *   QUALITY_DRAWS   seed draws (default 3)                QUALITY_COUNT  utterances per intent incl. seeds (default: the CLI's, 50)
 *   QUALITY_ONLY    regular expression over configuration names (e.g. "default|fixed")
 *   QUALITY_PROVIDER  openai | azure (`generate --provider`): adds a "provider" configuration generating through
 *                   that endpoint (settings from the environment; see AugmentConfig.provider in quality/protocol.ts),
 *                   e.g. QUALITY_PROVIDER=openai OPENAI_BASE_URL=http://127.0.0.1:11434/v1 SYNTHNLU_LLM_MODEL=llama3.1
 */
import {trainIntentClassifier} from '../src/classifier/index.js';
import {DEFAULT_COUNT, DEFAULT_VARIATION_MIX} from '../src/generate/index.js';
import {languagePack} from '../src/lang/index.js';
import type {ProviderKind} from '../src/llm/settings.js';
import {accuracy, augment, mean, round, type AugmentConfig} from './quality/protocol.js';
import {drawSeeds, loadBitext, loadClinc150, type RealDataSet} from './quality/real-data.js';

const SEEDS_PER_INTENT = 10;
const DRAWS = Number(process.env.QUALITY_DRAWS ?? 3);
// What a user running `generate` without --per-intent or a count in the spec gets (it was 30 here before).
const COUNT = Number(process.env.QUALITY_COUNT ?? DEFAULT_COUNT);
const SPLIT = process.env.QUALITY_SPLIT === 'test' ? 'test' : 'val';
const SETS = (process.env.QUALITY_SETS ?? 'clinc150,bitext').split(',');

function configurations(): AugmentConfig[] {
  const families = languagePack('en').families.filter((f) => !f.offByDefault);
  const configs: AugmentConfig[] = [
    {name: 'default', count: COUNT},
    {
      name: 'fixed_mix_no_filter',
      count: COUNT,
      variations: {...DEFAULT_VARIATION_MIX},
      options: {filter: false},
    },
    ...families.map((f): AugmentConfig => ({
      name: `only_${f.name}`,
      count: COUNT,
      variations: {[f.name]: 1},
    })),
  ];
  if (process.env.QUALITY_PROVIDER)
    configs.push({name: 'provider', count: COUNT, provider: process.env.QUALITY_PROVIDER as ProviderKind});
  const only = process.env.QUALITY_ONLY ? new RegExp(process.env.QUALITY_ONLY) : undefined;
  return only ? configs.filter((c) => only.test(c.name)) : configs;
}

/** Out-of-scope: share of oos queries predicted as the None intent, and in-scope accuracy with None present. */
async function outOfScope(set: RealDataSet, draw: number): Promise<Record<string, number>> {
  const seeds = drawSeeds(set.pool, SEEDS_PER_INTENT, draw);
  const {examples} = await augment(seeds, {name: 'none', count: COUNT, none: {count: 100}}, draw);
  const classifier = trainIntentClassifier(examples, {seed: 1});
  const oos = SPLIT === 'test' ? set.oosTest! : set.oosVal!;
  const inScope = SPLIT === 'test' ? set.test : set.val;
  const oosRecall = oos.filter((text) => classifier.predict(text).intent === 'None').length / oos.length;
  const inScopeAccuracy =
    inScope.filter((u) => classifier.predict(u.text).intent === u.intent).length / inScope.length;
  return {oos_recall: round(100 * oosRecall), in_scope_accuracy_with_none: round(100 * inScopeAccuracy)};
}

export default async function qualityRealBench(): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {
    split: SPLIT,
    seeds_per_intent: SEEDS_PER_INTENT,
    utterances_per_intent: COUNT,
    draws: DRAWS,
  };
  for (const name of SETS) {
    const set = name === 'bitext' ? loadBitext() : loadClinc150();
    const heldOut = SPLIT === 'test' ? set.test : set.val;
    const configs = configurations();
    const baseline: number[] = [];
    const deltas = new Map<string, number[]>(configs.map((c) => [c.name, []]));
    const chosen: string[] = [];
    const familyEffects = new Map<string, number[]>();
    const oos: Array<Record<string, number>> = [];
    for (let draw = 0; draw < DRAWS; draw++) {
      const seeds = drawSeeds(set.pool, SEEDS_PER_INTENT, draw);
      const seedExamples = [...seeds].flatMap(([intent, texts]) => texts.map((text) => ({text, intent})));
      const base = accuracy(seedExamples, heldOut);
      baseline.push(base);
      for (const config of configs) {
        const {examples, report} = await augment(seeds, config, draw);
        const delta = accuracy(examples, heldOut) - base;
        deltas.get(config.name)!.push(delta);
        if (config.name === 'default' && report.autoMix) {
          chosen.push(
            `draw ${draw}: ${JSON.stringify(report.autoMix.mix)} (held-out effect ${report.autoMix.mixEffect})`,
          );
          for (const f of report.autoMix.families)
            familyEffects.set(f.family, [...(familyEffects.get(f.family) ?? []), f.effect]);
        }
        console.error(
          `${set.name} draw ${draw} ${config.name}: ${round(delta)} (${examples.length} utterances)`,
        );
      }
      if (set.oosVal) oos.push(await outOfScope(set, draw));
      console.error(`${set.name} draw ${draw}: seeds alone ${round(base)}%`);
    }
    const out: Record<string, unknown> = {
      held_out: heldOut.length,
      seeds_only_accuracy: baseline.map((b) => round(b)),
      seeds_only_mean: round(mean(baseline)),
    };
    for (const [config, values] of deltas)
      out[config] = {
        mean: round(mean(values)),
        min: round(Math.min(...values)),
        draws: values.map((v) => round(v)),
      };
    out.auto_mix_chosen = chosen;
    out.auto_family_effect_on_held_out_seeds = Object.fromEntries(
      [...familyEffects].map(([family, values]) => [family, values]),
    );
    if (oos.length)
      out.none_intent = {
        oos_recall: oos.map((o) => o.oos_recall),
        in_scope_accuracy_with_none: oos.map((o) => o.in_scope_accuracy_with_none),
      };
    result[set.name] = out;
  }
  return result;
}
