import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {runCommand} from '@oclif/test';
import {beforeAll, describe, expect, it} from 'vitest';
import {ROOT, tempDir} from '../helpers/cli.js';
import {clincDataset, clincIntents, writeClincTestCsv, writeJson} from './fixtures.js';

let dir: string;
let dataset: string;
let testCsv: string;

beforeAll(() => {
  dir = tempDir('synthnlu-evaluate-');
  const intents = clincIntents(8);
  dataset = writeJson(join(dir, 'data.json'), clincDataset(intents, 3));
  testCsv = join(dir, 'real.csv');
  writeClincTestCsv(testCsv, intents, 8);
});

const run = (...args: string[]) => runCommand(['evaluate', ...args], {root: ROOT});

describe('evaluate --on local', () => {
  it('agrees with coverage --test-set on the same utterances (one report path)', async () => {
    const evaluated = await run(dataset, '--on', 'local', '--test-set', testCsv, '--json');
    const covered = await runCommand(
      ['coverage', dataset, '--test-set', testCsv, '--json', '--fail-on', 'none'],
      {
        root: ROOT,
      },
    );
    expect(evaluated.error).toBeUndefined();
    const e = JSON.parse(evaluated.stdout);
    const c = JSON.parse(covered.stdout);
    // Not a trivial agreement: the small model makes mistakes.
    expect(c.model.accuracy).toBeLessThan(0.95);
    expect(c.model.accuracy).toBeGreaterThan(0.3);
    expect(e.accuracy).toBe(c.model.accuracy);
    expect(e.model.confusion).toEqual(c.model.confusion);
    expect(e.perIntent).toEqual(c.model.perIntent);
    expect(e.model.mostConfused).toEqual(c.model.mostConfused);
    expect(e.model.lowestConfidenceCorrect).toEqual(c.model.lowestConfidenceCorrect);
    expect(e).toMatchObject({format: 'synthnlu-coverage/1', fallbackRate: 0, requests: 64});
    for (const m of e.perIntent)
      expect(Object.keys(m).sort()).toEqual(['f1', 'intent', 'precision', 'recall', 'support']);
  });

  it('tests the split=test utterances without a test set, never a generated one, and says so', async () => {
    const data = clincDataset(clincIntents(3), 6);
    data.utterances[0]!.split = 'test';
    data.utterances[7]!.split = 'test';
    data.utterances.push({
      text: 'a generated test line',
      intent: data.utterances[0]!.intent,
      split: 'test',
      source: 'generated',
    });
    const file = writeJson(join(dir, 'split.json'), data);
    const result = await run(file, '--on', 'local');
    expect(result.error).toBeUndefined();
    expect(result.stdout).toContain('evaluated on local: 2 real split=test utterances of the dataset');
    expect(result.stdout).toContain(
      '1 generated utterance left out: a generated utterance is never ground truth',
    );
    const json = JSON.parse((await run(file, '--on', 'local', '--json')).stdout);
    expect(json.evaluation.testSet).toMatchObject({
      source: 'test-split',
      utterances: 2,
      generatedExcluded: 1,
    });
    expect(json.model.testSize).toBe(2);
  });

  it('names test intents the agent lacks, counts them and does not score them', async () => {
    const file = join(dir, 'unknown.csv');
    writeFileSync(
      file,
      `text,intent\nhow do i say hello in french,translate\n"i need a refund, now",refund\nrefund me,refund\n`,
    );
    const out = await run(dataset, '--on', 'local', '--test-set', file, '--json');
    const json = JSON.parse(out.stdout);
    expect(json.evaluation.unknownIntents).toEqual([{intent: 'refund', utterances: 2}]);
    expect(json.model.unknownIntentCount).toBe(2);
    expect(json.model.testSize).toBe(1);
    expect(json.requests).toBe(1);
  });

  it('gates on --min-accuracy and --min-f1 with coverage verdict lines, and on a --baseline', async () => {
    const failing = await run(dataset, '--on', 'local', '--test-set', testCsv, '--min-accuracy', '0.99');
    expect(failing.error?.oclif?.exit).toBe(1);
    expect(failing.stdout).toMatch(/verdict: FAILED: accuracy 0\.\d+ < 0\.99 \(--min-accuracy\)/);
    const passing = await run(
      dataset,
      '--on',
      'local',
      '--test-set',
      testCsv,
      '--min-accuracy',
      '0.2',
      '--min-f1',
      '0',
    );
    expect(passing.error).toBeUndefined();
    expect(passing.stdout).toMatch(
      /verdict: passed: accuracy 0\.\d+ ≥ 0\.2 \(--min-accuracy\); every intent has F1 ≥ 0/,
    );
    // A baseline from a better model: the evaluation regressed.
    const better = writeJson(join(dir, 'better.json'), clincDataset(clincIntents(8), 40));
    const baseline = join(dir, 'baseline.json');
    writeFileSync(baseline, (await run(better, '--on', 'local', '--test-set', testCsv, '--json')).stdout);
    const regressed = await run(
      dataset,
      '--on',
      'local',
      '--test-set',
      testCsv,
      '--baseline',
      baseline,
      '--max-f1-drop',
      '0.01',
    );
    expect(regressed.error?.oclif?.exit).toBe(1);
    expect(regressed.stdout).toMatch(/FAILED: F1 dropped by more than 0\.01 for/);
  });

  it('--sample draws a stratified sample; --dry-run and --max-requests count requests before sending any', async () => {
    const sampled = JSON.parse(
      (await run(dataset, '--on', 'local', '--test-set', testCsv, '--sample', '16', '--json')).stdout,
    );
    expect(sampled.evaluation.testSet.sample).toEqual({utterances: 16, of: 64});
    expect(sampled.perIntent.map((m: {support: number}) => m.support)).toEqual(new Array(8).fill(2));
    const dry = await run(dataset, '--on', 'local', '--test-set', testCsv, '--dry-run', '--json');
    expect(JSON.parse(dry.stdout)).toMatchObject({dryRun: true, requests: 64, trainings: 0});
    const capped = await run(dataset, '--on', 'local', '--test-set', testCsv, '--max-requests', '10');
    expect(capped.error?.oclif?.exit).toBe(2);
    expect(capped.stderr).toContain('needs 64 requests, more than --max-requests 10; nothing was sent');
  });

  it('refuses a CSV without the text,intent header, naming the file and line', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'utterance,label\nhello,greet\n');
    const result = await run(dataset, '--on', 'local', '--test-set', file);
    expect(result.error?.oclif?.exit).toBe(2);
    expect(result.stderr).toContain(`${file}:1`);
    expect(result.stderr).toContain('header text,intent');
  });
});
