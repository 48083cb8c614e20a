/**
 * `variations: auto`: choose the variation mix from the user's own seeds. The plain seeds of each intent are
 * split into folds; for each fold the seeds outside it are the training set, and each candidate family
 * generates from them alone. A family is kept only if adding its output does not lower the local classifier's
 * accuracy on the held-out seeds (mean over folds); the kept families together are then checked the same way,
 * dropping the weakest until the mix as a whole does not hurt either. Deterministic for a spec and seed.
 *
 * Why measure instead of fixing a mix: which families help depends on the data. Each family alone, 10 real
 * seeds per intent + 10 generated, reference classifier, val, mean of 3 draws (bench/quality-real.bench.ts
 * protocol): CLINC150 lowers accuracy with every family (negation -0.0, abbreviation -0.1, colloquial -0.1,
 * noise -0.2, lexical -0.2, coordinated -0.3, polite -0.3, morphological -0.4, interrogative -0.4,
 * basic -0.5, keyword -1.1; seed recombination -0.2, lead-in swaps across intents -0.3), while Bitext gains
 * (basic +1.1, colloquial +0.7, polite +0.7, coordinated +0.6, interrogative +0.3, keyword +0.2).
 */
import {trainIntentClassifier, type TrainingExample} from '../classifier/index.js';
import type {VariationTag} from '../model/dataset.js';
import type {IntentSpec, Spec, VariationMix} from '../spec/spec.js';
import {createRng} from './rng.js';
import {findFamily} from '../lang/index.js';
import {packDefaultMix} from './settings.js';
import type {LanguagePack} from './variation/types.js';

export interface FamilyEffect {
  family: string;
  tag: VariationTag;
  /** Mean change in held-out accuracy, in points, when this family's output is added to the seeds. */
  effect: number;
  /** Standard error of that mean over the folds. */
  error: number;
  kept: boolean;
}

export interface AutoMixReport {
  /** The mix chosen (empty: no family helped, only seeds and templates are written). */
  mix: Record<string, number>;
  families: FamilyEffect[];
  /** Effect of the chosen mix as a whole, in points (0 for an empty mix). */
  mixEffect: number;
  /** Seeds held out (each in one fold) and the accuracy of the seeds alone on them (mean over folds). */
  heldOut: number;
  /** Intents the trials ran on (a seeded sample when the spec has more than 50). */
  trialIntents: number;
  baselineAccuracy: number;
  folds: number;
  /** Set when the seeds were too few to measure anything: the pack's recommended mix is used as is. */
  unmeasured?: string;
}

/** Generated utterances per training seed in the trial runs: enough to show an effect, cheap to train on. */
const TRIAL_PER_SEED = 2;
const FOLDS = 5;
/** Below this many held-out seeds in all, one seed more or less right decides everything: not measured. */
const MIN_HELD_OUT = 10;
/**
 * Above this many intents the trials run on a seeded sample of them: training cost grows with intents times
 * examples. The sample must not be small: a frame's wrapper words confuse more intents the more there are.
 * With 50 of CLINC150's 150 intents, `basic` measured +0.6 ± 0.24 on the held-out seeds of one draw and was
 * kept, yet cost 0.9 points on real queries (val); measured on all 150 it was −0.0 ± 0.5 and left out.
 */
const MAX_TRIAL_INTENTS = 150;

/** Runs generation on a trial spec; supplied by the pipeline (this module must not import it: a cycle). */
export type TrialGenerator = (spec: Spec) => TrainingExample[];

interface Fold {
  train: Spec;
  heldOut: TrainingExample[];
  seeds: TrainingExample[];
}

function isPlain(example: string): boolean {
  return !/[()[\]{}<>|\\]/.test(example);
}

function trialSpec(spec: Spec, seed: string): Spec {
  if (spec.intents.length <= MAX_TRIAL_INTENTS) return spec;
  const rng = createRng(`${seed}:auto-mix-intents`);
  const chosen = new Set(rng.shuffle(spec.intents.map((_, i) => i)).slice(0, MAX_TRIAL_INTENTS));
  return {...spec, intents: spec.intents.filter((_, i) => chosen.has(i)) as Spec['intents']};
}

function makeFolds(spec: Spec, seed: string): Fold[] {
  const rng = createRng(`${seed}:auto-mix`);
  const assignment = spec.intents.map((intent) => {
    const plain = intent.examples.filter(isPlain);
    const order = rng.shuffle(plain.map((_, i) => i));
    // One seed at least stays in training; an intent with a single seed is never held out.
    return plain.length >= 2
      ? new Map(order.map((p, k) => [plain[p]!, k % FOLDS]))
      : new Map<string, number>();
  });
  return Array.from({length: FOLDS}, (_, fold) => {
    const heldOut: TrainingExample[] = [];
    const seeds: TrainingExample[] = [];
    const intents = spec.intents.map((intent, i): IntentSpec => {
      const kept = intent.examples.filter((example) => {
        if (assignment[i]!.get(example) !== fold) return true;
        heldOut.push({text: example, intent: intent.name});
        return false;
      });
      for (const example of kept) if (isPlain(example)) seeds.push({text: example, intent: intent.name});
      return {...intent, examples: kept as IntentSpec['examples']};
    });
    return {train: {...spec, intents: intents as Spec['intents']}, heldOut, seeds};
  });
}

function accuracyOn(train: TrainingExample[], test: TrainingExample[]): number {
  const classifier = trainIntentClassifier(train, {seed: 1});
  let correct = 0;
  for (const example of test) if (classifier.predict(example.text).intent === example.intent) correct++;
  return (100 * correct) / test.length;
}

/*
 * Word-swapping families (`swapsWords`: lexical, morphological) are never chosen here. They change meaning
 * ("way too high" -> "fashion too high", "power" -> "powerfulness") and hurt on every real test set we have
 * (banking support -0.49 / -0.96, CLINC150 val negative alone in every draw). The user's held-out seeds cannot
 * vouch for them: with 11 families measured and the best kept, one of them clears its error by chance. On
 * CLINC150 (1,500 held-out seeds, val) morphological measured +0.53 ± 0.23 (draw 1) and +0.47 ± 0.25 (draw 2),
 * was kept alone, and scored -0.07 and 0.00 on real queries; an earlier draw kept it the same way. Bitext never
 * kept either in 3 draws. An explicit mix still uses them.
 */
/**
 * Below this many held-out seeds a family's measured gain is one or two seeds (2-3 plain seeds per intent,
 * 8 intents: 17 held out, effects of +4.17 ± 4.17). Choosing on such a gain picked a mix by chance and left
 * intents whose seeds the chosen families do not vary (problem reports) with nothing, so on small specs a
 * family is only dropped when it measurably lowers accuracy.
 */
const MIN_HELD_OUT_TO_CHOOSE = 40;

export function chooseAutoMix(
  fullSpec: Spec,
  pack: LanguagePack,
  seed: string,
  generate: TrialGenerator,
): AutoMixReport {
  const spec = trialSpec(fullSpec, seed);
  const candidates = Object.entries(packDefaultMix(pack))
    .map(([name, share]) => ({name, share: share ?? 0, family: findFamily(pack, name)}))
    .filter((c) => c.family && !c.family.offByDefault && !c.family.swapsWords && c.share > 0);
  const recommended = Object.fromEntries(candidates.map((c) => [c.name, c.share]));
  /**
   * Shares scaled up so the families together can fill the count (each may still tag at most its share):
   * the pack's shares say how the families compare, the count says how many utterances are wanted.
   */
  const scaled = (names: string[]): Record<string, number> => {
    const total = names.reduce((sum, name) => sum + recommended[name]!, 0);
    const scale = total > 0 && total < 1 ? 1 / total : 1;
    return Object.fromEntries(names.map((name) => [name, round(recommended[name]! * scale)]));
  };
  /**
   * Equal shares, for families the held-out seeds chose: the pack's shares were tuned on SNIPS and say little
   * about a user's data, and a family the measurement kept should not be starved by them (interrogative 0.48
   * beside basic 0.06). Bitext val, 3 draws, the auto choice written with equal instead of scaled shares: +0.60
   * against +0.48 at 30 per intent, +0.93 against +0.62 at 50 (the CLI default); CLINC150 keeps no family
   * either way. Small specs (few held-out seeds) keep the pack's shares: there the seeds choose nothing.
   */
  const equal = (names: string[]): Record<string, number> =>
    Object.fromEntries(names.map((name) => [name, round(1 / names.length)]));
  const folds = makeFolds(spec, seed).filter((f) => f.heldOut.length > 0);
  // Each held-out seed is in exactly one fold: the measurement rests on this many real utterances.
  const heldOut = folds.reduce((n, f) => n + f.heldOut.length, 0);
  const intentsWithSeeds = new Set(folds.flatMap((f) => f.heldOut.map((e) => e.intent)));
  if (folds.length === 0 || heldOut < MIN_HELD_OUT || spec.intents.length < 2 || intentsWithSeeds.size < 2)
    return {
      mix: scaled(Object.keys(recommended)),
      families: [],
      mixEffect: 0,
      heldOut,
      trialIntents: spec.intents.length,
      baselineAccuracy: 0,
      folds: folds.length,
      unmeasured:
        'too few plain seeds to hold any out: the recommended mix is used unmeasured, without word-swapping families',
    };
  const filling = heldOut < MIN_HELD_OUT_TO_CHOOSE ? scaled : equal;
  const trialAccuracy = (fold: Fold, mix: VariationMix): number => {
    const perIntent = Math.max(
      1,
      Math.round((TRIAL_PER_SEED * fold.seeds.length) / Math.max(1, spec.intents.length)),
    );
    const trial: Spec = {
      ...fold.train,
      defaults: {...fold.train.defaults, variations: mix, count: perIntent + seedsPerIntent(fold)},
      intents: fold.train.intents.map(({count: _c, variations: _v, ...rest}) => rest) as Spec['intents'],
    };
    return accuracyOn(generate(trial), fold.heldOut);
  };
  // Seeds and template expansions without any family: what every family is compared with.
  const baselines = folds.map((f) => trialAccuracy(f, {}));
  /** Mean change over folds and its standard error. */
  const measure = (mix: VariationMix): {effect: number; error: number} => {
    const deltas = folds.map((fold, k) => trialAccuracy(fold, mix) - baselines[k]!);
    const effect = deltas.reduce((a, b) => a + b, 0) / deltas.length;
    const variance = deltas.reduce((a, d) => a + (d - effect) ** 2, 0) / Math.max(1, deltas.length - 1);
    return {effect, error: Math.sqrt(variance / deltas.length)};
  };
  const effectOf = (mix: VariationMix): number => measure(mix).effect;
  // With enough held-out seeds, a family is kept when it does not lower held-out accuracy by more than chance
  // allows in the other direction: its mean effect must be at least one standard error above zero (a
  // zero-mean family that happens to score +0.1 is noise, and the measured cost of keeping a harmful family
  // is larger than the cost of dropping a neutral one).
  const families: FamilyEffect[] = candidates.map((c) => {
    const {effect, error} = measure({[c.name]: 1});
    return {
      family: c.name,
      tag: c.family!.tag,
      effect: round(effect),
      error: round(error),
      kept:
        heldOut < MIN_HELD_OUT_TO_CHOOSE ? !(effect < 0 && -effect >= error) : effect > 0 && effect >= error,
    };
  });
  // The kept families as a mix, best first; drop the weakest while the mix as a whole lowers accuracy.
  const kept = families.filter((f) => f.kept).sort((a, b) => b.effect - a.effect);
  let mixEffect = 0;
  while (kept.length > 0) {
    mixEffect = effectOf(filling(kept.map((f) => f.family)));
    if (mixEffect >= 0) break;
    const weakest = kept.pop()!;
    weakest.kept = false;
    mixEffect = 0;
  }
  return {
    mix: filling(kept.map((f) => f.family)),
    families,
    mixEffect: round(mixEffect),
    heldOut,
    trialIntents: spec.intents.length,
    baselineAccuracy: round(baselines.reduce((a, b) => a + b, 0) / baselines.length),
    folds: folds.length,
  };
}

function seedsPerIntent(fold: Fold): number {
  return Math.ceil(fold.seeds.length / Math.max(1, fold.train.intents.length));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
