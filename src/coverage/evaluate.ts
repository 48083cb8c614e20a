/**
 * The model estimate: train the local intent classifier and score it, by stratified k-fold cross-validation,
 * on split=train vs split=test, or against a separate test set of real user utterances.
 *
 * Two rules keep the figure honest and affordable:
 * - Generated utterances (source "generated" or "template") train but are never tested: a figure measured on
 *   text made from the same templates as the training text says nothing about real users. A real utterance is
 *   held out together with everything generated from it (its `origin`), so no paraphrase of a test utterance
 *   trains the model that is tested on it.
 * - A template the user wrote ("book a {treatment} on {day}", "move my <appointment>") is a real example too:
 *   one expansion of it with the spec's own values is tested as its stand-in, held out together with everything
 *   else made from that template. An intent written only as templates is measured, not left out.
 * - An intent with nothing to test on is "not measured" (ModelEstimate.notMeasured), never scored F1 0.
 * - On large datasets the estimate runs on a stratified sample: at most `maxPerIntent` real and as many
 *   generated utterances per intent. The report says so, with the sample size and the accuracy's standard error.
 */
import {executeRuns, stratifiedFolds, type TrainTestRun} from '../classifier/index.js';
import type {TrainingExample} from '../classifier/index.js';
import {seededRandom, shuffleInPlace} from '../classifier/random.js';
import type {Dataset, Utterance} from '../model/dataset.js';
import {intentNames} from '../model/dataset.js';
import {computeMetrics, type ScoredPrediction} from './metrics.js';
import type {EstimateBasis, ModelEstimate} from './types.js';
import {indicesWhere} from './indices.js';

export type EvaluationMethod = 'auto' | 'cross-validation' | 'split';

export interface EvaluateOptions {
  method: EvaluationMethod;
  folds: number;
  seed: number;
  /** Real user utterances to test on instead (a model trained on the whole dataset). */
  testSet?: Dataset;
  /**
   * At most this many real, and this many generated, utterances per intent (a seeded stratified sample);
   * 0 = all; undefined = as many as the work budget allows (see autoMaxPerIntent).
   */
  maxPerIntent?: number;
  /** Worker threads for the training runs (default: the machine's parallelism). */
  threads?: number;
  /** Called before each training run (for progress on stderr). */
  onProgress?: (message: string) => void;
}

/** Generated or expanded from a template: written by synthnlu, not by a person. */
export function isSynthetic(utterance: Pick<Utterance, 'source'>): boolean {
  return utterance.source === 'generated' || utterance.source === 'template';
}

/** Fewer real test utterances than this (or than two per intent) make the estimate too noisy to act on. */
export const MIN_REAL_TEST_UTTERANCES = 30;

/**
 * Training one-vs-rest costs about (intents × training utterances): the budget keeps an estimate near 20 s of
 * CPU on this project's reference machine (200 intents: 25 per intent; 50 intents: 400; 20 intents: 2,500).
 */
const ESTIMATE_WORK_BUDGET = 2_000_000;
const MIN_AUTO_PER_INTENT = 20;

export function autoMaxPerIntent(intents: number): number {
  return Math.max(MIN_AUTO_PER_INTENT, Math.floor(ESTIMATE_WORK_BUDGET / (2 * intents * intents)));
}

interface Pool {
  utterances: Utterance[];
  /** Per utterance: the index of its held-out group (a real utterance and what was generated from it), or -1 for train-only. */
  group: Int32Array;
  /** The intent of each group, for stratifying folds. */
  groupIntent: string[];
  /** Per utterance: 1 for the one expansion that stands in for the template it came from (tested like a real one). */
  standIn: Uint8Array;
  basis: EstimateBasis;
}

/** A seeded stratified sample: at most `cap` real and `cap` generated utterances per intent, in dataset order. */
function sampleUtterances(utterances: readonly Utterance[], cap: number, seed: number): Utterance[] {
  const byKey = new Map<string, number[]>();
  utterances.forEach((u, i) => {
    const key = `${isSynthetic(u) ? 'g' : 'r'}\u0000${u.intent}`;
    let members = byKey.get(key);
    if (!members) byKey.set(key, (members = []));
    members.push(i);
  });
  const random = seededRandom(seed);
  const keep = new Uint8Array(utterances.length);
  for (const key of [...byKey.keys()].sort()) {
    const members = byKey.get(key)!;
    if (members.length > cap) shuffleInPlace(members, random);
    for (const i of members.slice(0, cap)) keep[i] = 1;
  }
  return utterances.filter((_, i) => keep[i]);
}

function buildPool(dataset: Dataset, options: EvaluateOptions): Pool {
  const all = dataset.utterances;
  const synthetic = all.filter(isSynthetic).length;
  const perIntent = new Map<string, number>();
  for (const u of all) perIntent.set(u.intent, (perIntent.get(u.intent) ?? 0) + 1);
  const cap = options.maxPerIntent ?? autoMaxPerIntent(perIntent.size);
  const sampled = cap > 0 && [...perIntent.values()].some((n) => n > cap);
  const utterances = sampled ? sampleUtterances(all, cap, options.seed) : [...all];

  const group = new Int32Array(utterances.length).fill(-1);
  const groupIntent: string[] = [];
  const groupOf = new Map<string, number>();
  const keyOf = (intent: string, text: string) => `${intent}\u0000${text}`;
  utterances.forEach((u, i) => {
    if (isSynthetic(u)) return;
    // Without generated data every utterance is its own group, so folds are exactly the per-utterance ones.
    const key = synthetic > 0 ? keyOf(u.intent, u.text) : String(i);
    let id = groupOf.get(key);
    if (id === undefined) groupOf.set(key, (id = groupIntent.push(u.intent) - 1));
    group[i] = id;
  });
  // A generated utterance whose origin is no real utterance of the dataset came from a template the user wrote.
  const realTexts = new Set(all.filter((u) => !isSynthetic(u)).map((u) => keyOf(u.intent, u.text)));
  const standIn = new Uint8Array(utterances.length);
  const templateGroups = new Map<string, number>();
  const hasStandIn = new Set<number>();
  let withoutOrigin = 0;
  let standIns = 0;
  utterances.forEach((u, i) => {
    if (!isSynthetic(u)) return;
    if (u.origin === undefined) {
      withoutOrigin++;
      return;
    }
    const key = keyOf(u.intent, u.origin);
    const real = groupOf.get(key);
    if (real !== undefined || realTexts.has(key) || u.origin === u.text) {
      // A seed's paraphrase (train-only when the sample left its seed out), or text that is its own origin
      // (an out-of-scope sentence from the language pack: not written by the user).
      group[i] = real ?? -1;
      return;
    }
    let id = templateGroups.get(key);
    if (id === undefined) templateGroups.set(key, (id = groupIntent.push(u.intent) - 1));
    group[i] = id;
    // The template's first plain expansion (the spec's own values, no variation family) stands in for it.
    if (!hasStandIn.has(id) && u.source === 'template' && !u.tags?.length) {
      hasStandIn.add(id);
      standIn[i] = 1;
      standIns++;
    }
  });
  return {
    utterances,
    group,
    groupIntent,
    standIn,
    basis: {
      tested: synthetic > 0 ? 'real-utterances' : 'all-utterances',
      synthetic,
      withoutOrigin,
      ...(standIns > 0 ? {templateStandIns: standIns} : {}),
      ...(sampled ? {sample: {utterances: utterances.length, of: all.length, maxPerIntent: cap}} : {}),
    },
  };
}

/** The train/test runs for the pool: k folds of held-out groups, or the real split=test utterances. */
function plannedRuns(pool: Pool, useSplit: boolean, options: EvaluateOptions): TrainTestRun[] {
  const {utterances, group} = pool;
  const n = utterances.length;
  const testable = (i: number) => group[i]! >= 0 && (pool.standIn[i] === 1 || !isSynthetic(utterances[i]!));
  if (useSplit) {
    const heldOut = new Uint8Array(pool.groupIntent.length);
    utterances.forEach((u, i) => {
      if (testable(i) && u.split === 'test') heldOut[group[i]!] = 1;
    });
    const test = indicesWhere(n, (i) => testable(i) && heldOut[group[i]!] === 1);
    const train = indicesWhere(n, (i) => group[i]! < 0 || heldOut[group[i]!] === 0);
    return test.length && train.length ? [{train, test}] : [];
  }
  const folds = stratifiedFolds(pool.groupIntent, options.folds, options.seed);
  const runs: TrainTestRun[] = [];
  for (let fold = 0; fold < options.folds; fold++) {
    const inFold = (i: number) => group[i]! >= 0 && folds[group[i]!] === fold;
    const test = indicesWhere(n, (i) => testable(i) && inFold(i));
    const train = indicesWhere(n, (i) => !inFold(i));
    const trainIntents = new Set(Array.from(train, (i) => utterances[i]!.intent));
    if (test.length > 0 && trainIntents.size >= 2) runs.push({train, test});
  }
  return runs;
}

/**
 * Binomial standard error of an accuracy measured on `n` predictions. On a sample it also bounds how far the
 * figure may sit from the one on all the data (whose own error is smaller).
 */
export function standardError(accuracy: number, n: number): number {
  if (n === 0) return 0;
  // Laplace's estimate of the rate, so 2 of 2 right does not claim an error of zero.
  const p = (accuracy * n + 1) / (n + 2);
  return Math.round(Math.sqrt((p * (1 - p)) / n) * 10000) / 10000;
}

/** Undefined when there is nothing to learn from (fewer than two intents) or no real utterance to test on. */
export async function estimateModel(
  dataset: Dataset,
  options: EvaluateOptions,
): Promise<ModelEstimate | undefined> {
  const started = performance.now();
  const labels = intentNames(dataset);
  const trainable = new Set(dataset.utterances.map((u) => u.intent));
  if (trainable.size < 2) return undefined;
  const pool = buildPool(dataset, options);
  const examples: TrainingExample[] = pool.utterances.map((u) => ({text: u.text, intent: u.intent}));
  let method: ModelEstimate['method'];
  let predictions: ScoredPrediction[];
  let trainSize: number;
  let unknownIntentCount = 0;
  const progress = options.onProgress;

  if (options.testSet) {
    method = 'test-set';
    const test = options.testSet.utterances.map((u) => ({text: u.text, intent: u.intent}));
    unknownIntentCount = test.filter((t) => !trainable.has(t.intent)).length;
    progress?.(`training on ${examples.length} utterances, testing on ${test.length}`);
    const combined = [...examples, ...test];
    const [scored] = await executeRuns(
      combined,
      [
        {
          train: indicesWhere(examples.length, () => true),
          test: Int32Array.from(test, (_, k) => examples.length + k),
        },
      ],
      options.seed,
      options.threads === undefined ? {} : {threads: options.threads},
    );
    predictions = test.map((t, k) => ({
      text: t.text,
      expected: t.intent,
      predicted: scored![k]!.intent,
      score: scored![k]!.score,
    }));
    trainSize = examples.length;
    pool.basis = {...pool.basis, tested: 'test-set'};
  } else {
    // A generator's split lands on a few seeds by chance: with generated data, auto cross-validates the real ones.
    const hasSplit =
      pool.basis.synthetic === 0 &&
      pool.utterances.some((u) => u.split === 'test') &&
      pool.utterances.some((u) => u.split !== 'test');
    const useSplit = options.method === 'split' || (options.method === 'auto' && hasSplit);
    method = useSplit ? 'split' : 'cross-validation';
    if (!pool.utterances.some((u, i) => pool.standIn[i] === 1 || !isSynthetic(u))) return undefined;
    const runs = plannedRuns(pool, useSplit, options);
    const results = await executeRuns(examples, runs, options.seed, {
      ...(options.threads === undefined ? {} : {threads: options.threads}),
      onRunStart: (index) =>
        progress?.(
          useSplit
            ? `training on ${runs[index]!.train.length} split=train utterances, testing on ${runs[index]!.test.length}`
            : `cross-validation fold ${index + 1}/${runs.length}`,
        ),
    });
    predictions = runs.flatMap((run, r) =>
      Array.from(run.test, (i, k) => ({
        text: examples[i]!.text,
        expected: examples[i]!.intent,
        predicted: results[r]![k]!.intent,
        score: results[r]![k]!.score,
      })),
    );
    trainSize = runs.length
      ? Math.round(runs.reduce((sum, run) => sum + run.train.length, 0) / runs.length)
      : 0;
  }

  const metrics = computeMetrics(predictions, labels);
  // An intent with no tested utterance has no F1 at all: it is listed as not measured, never scored 0.
  const notMeasured = metrics.perIntent.filter((m) => m.support === 0).map((m) => m.intent);
  return {
    method,
    ...(method === 'cross-validation' ? {folds: options.folds} : {}),
    trainSize,
    testSize: predictions.length,
    ...metrics,
    perIntent: metrics.perIntent.filter((m) => m.support > 0),
    notMeasured,
    accuracyStandardError: standardError(metrics.accuracy, predictions.length),
    basis: pool.basis,
    unknownIntentCount,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

/**
 * The cross-validation runs an estimate would make (after sampling and grouping), for comparing other
 * classifiers on exactly the same folds (bench/sklearn_baseline.py).
 */
export function crossValidationPlan(
  dataset: Dataset,
  options: EvaluateOptions,
): {examples: TrainingExample[]; runs: TrainTestRun[]} {
  const pool = buildPool(dataset, options);
  return {
    examples: pool.utterances.map((u) => ({text: u.text, intent: u.intent})),
    runs: plannedRuns(pool, false, options),
  };
}
