/**
 * Train-and-test runs for an estimate: each run trains the classifier on some examples and predicts others.
 * Runs are independent, so with enough work and a spare core they go to worker threads (one classifier per
 * thread, same seed, so the predictions are the same as in-process). Workers need the compiled module
 * (dist/, as the CLI and the coverage benchmark run it).
 */
import {availableParallelism} from 'node:os';
import {Worker, type ResourceLimits} from 'node:worker_threads';
import {trainIntentClassifier} from './index.js';
import type {TrainingExample} from './types.js';

/** One run: indices into the shared example list. */
export interface TrainTestRun {
  train: Int32Array;
  test: Int32Array;
}

export interface RunPrediction {
  intent: string;
  score: number;
}

/** Below this many training examples over all runs, starting threads costs more than it saves. */
const MIN_PARALLEL_WORK = 20_000;

/** Trains and predicts one run in this thread. */
export function executeRun(
  examples: readonly TrainingExample[],
  run: TrainTestRun,
  seed: number,
): RunPrediction[] {
  const classifier = trainIntentClassifier(
    Array.from(run.train, (i) => examples[i]!),
    {seed},
  );
  return Array.from(run.test, (i) => {
    const prediction = classifier.predict(examples[i]!.text);
    return {intent: prediction.intent, score: prediction.score};
  });
}

/**
 * A small nursery for the training threads: each run allocates mostly short-lived n-gram strings, and V8's
 * default young generation let two workers hold ~90 MB more between scavenges (peak RSS of `coverage` on the
 * 100k bench input: 397-435 MB default, 343-352 MB with this; same CPU time). Only the young generation is
 * limited: the old generation keeps V8's default, so a larger input never runs a worker out of memory.
 */
export const WORKER_RESOURCE_LIMITS: ResourceLimits = {maxYoungGenerationSizeMb: 4};

const workerUrl = new URL('./cross-validate-worker.js', import.meta.url);
// Node 20 workers do not get a TypeScript loader's hooks: from source (tests, tsx) runs stay in this thread.
const canUseWorkers = import.meta.url.endsWith('.js');

/** Every run's predictions, in run order; runs go to worker threads when that helps. */
export async function executeRuns(
  examples: readonly TrainingExample[],
  runs: readonly TrainTestRun[],
  seed: number,
  options: {threads?: number; minParallelWork?: number; onRunStart?: (run: number) => void} = {},
): Promise<RunPrediction[][]> {
  const work = runs.reduce((sum, run) => sum + run.train.length, 0);
  const threads = Math.min(options.threads ?? availableParallelism(), runs.length);
  if (!canUseWorkers || threads < 2 || work < (options.minParallelWork ?? MIN_PARALLEL_WORK)) {
    return runs.map((run, index) => {
      options.onRunStart?.(index);
      return executeRun(examples, run, seed);
    });
  }
  const results = new Array<RunPrediction[]>(runs.length);
  let next = 0;
  const texts = examples.map((e) => e.text);
  const intents = examples.map((e) => e.intent);
  const drain = async (): Promise<void> => {
    const worker = new Worker(workerUrl, {
      workerData: {texts, intents, seed},
      resourceLimits: WORKER_RESOURCE_LIMITS,
    });
    try {
      while (next < runs.length) {
        const index = next++;
        options.onRunStart?.(index);
        results[index] = await new Promise<RunPrediction[]>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.postMessage(runs[index]);
        });
        worker.removeAllListeners('error');
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({length: threads}, drain));
  return results;
}
