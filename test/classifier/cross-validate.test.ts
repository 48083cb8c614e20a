import {describe, expect, it} from 'vitest';
import type {TrainTestRun} from '../../src/classifier/index.js';
import {seededRandom} from '../../src/classifier/random.js';

// Worker threads need the compiled module: this test runs the build (`npm run build` first, as `npm test` does).
const {executeRuns, WORKER_RESOURCE_LIMITS} = (await import(
  new URL('../../dist/src/classifier/cross-validate.js', import.meta.url).href
)) as typeof import('../../src/classifier/cross-validate.js');

describe('executeRuns', () => {
  it('gives the same predictions and scores on worker threads as in this thread', async () => {
    const random = seededRandom(3);
    const words = ['order', 'refund', 'track', 'cancel', 'hello', 'price', 'where', 'my', 'the', 'please'];
    const examples = Array.from({length: 600}, (_, i) => ({
      intent: `intent_${i % 4}`,
      text:
        Array.from({length: 5}, () => words[Math.floor(random() * words.length)]).join(' ') + ` k${i % 4}`,
    }));
    const runs: TrainTestRun[] = [0, 1, 2].map((fold) => ({
      train: Int32Array.from(examples.keys()).filter((i) => i % 3 !== fold),
      test: Int32Array.from(examples.keys()).filter((i) => i % 3 === fold),
    }));
    const inThread = await executeRuns(examples, runs, 7, {threads: 1});
    const started: number[] = [];
    const threaded = await executeRuns(examples, runs, 7, {
      threads: 2,
      minParallelWork: 0,
      onRunStart: (run) => started.push(run),
    });
    expect(started.sort()).toEqual([0, 1, 2]);
    expect(threaded).toEqual(inThread);
    expect(inThread.map((r) => r.length)).toEqual([200, 200, 200]);
  });

  it("limits only the workers' nursery: a run whose live data outgrows it still completes, as in this thread", async () => {
    // A fixed old-generation cap would fail inputs larger than whatever it was sized for.
    expect(WORKER_RESOURCE_LIMITS.maxOldGenerationSizeMb).toBeUndefined();
    expect(WORKER_RESOURCE_LIMITS.maxYoungGenerationSizeMb).toBeGreaterThan(0);
    // ~30,000 distinct words: the vocabulary and character n-grams alone hold well over the nursery's megabytes.
    const examples = Array.from({length: 6000}, (_, i) => ({
      intent: `intent_${i % 5}`,
      text: `w${i}x w${i * 7}y w${i * 13}z w${i * 31}q k${i % 5}`,
    }));
    const runs: TrainTestRun[] = [0, 1].map((fold) => ({
      train: Int32Array.from(examples.keys()).filter((i) => i % 2 !== fold),
      test: Int32Array.from(examples.keys()).filter((i) => i % 50 === fold),
    }));
    const threaded = await executeRuns(examples, runs, 7, {threads: 2, minParallelWork: 0});
    expect(threaded).toEqual(await executeRuns(examples, runs, 7, {threads: 1}));
    expect(threaded.map((r) => r.length)).toEqual([120, 120]);
  });
});
