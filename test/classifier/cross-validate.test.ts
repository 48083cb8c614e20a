import {describe, expect, it} from 'vitest';
import type {TrainTestRun} from '../../src/classifier/index.js';
import {seededRandom} from '../../src/classifier/random.js';

// Worker threads need the compiled module: this test runs the build (`npm run build` first, as `npm test` does).
const {executeRuns} = (await import(
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
});
