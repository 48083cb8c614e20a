import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {seededRandom} from '../../src/classifier/random.js';
import {estimateModel, isSynthetic} from '../../src/coverage/evaluate.js';
import {DEFAULT_COVERAGE_OPTIONS, runCoverage} from '../../src/coverage/index.js';
import type {Dataset, Utterance} from '../../src/model/dataset.js';
import {SHARED} from '../helpers/cli.js';
import {atLeast} from '../helpers/at-least.js';

const INTENTS = 12;
const SEEDS = 8;

/** CLINC150 seeds: the first SEEDS train utterances of the first INTENTS intents. */
function clincSeeds(): Map<string, string[]> {
  const data = JSON.parse(readFileSync(join(SHARED, 'data/clinc150/data_full.json'), 'utf8')) as {
    train: [string, string][];
  };
  const seeds = new Map<string, string[]>();
  for (const [text, intent] of data.train) {
    if (!seeds.has(intent) && seeds.size === INTENTS) continue;
    const list = seeds.get(intent) ?? [];
    if (list.length < SEEDS) seeds.set(intent, [...list, text]);
  }
  return seeds;
}

/** Makes the k-th variant of a seed; `pool` holds every seed of the other intents. */
type Family = (seed: string, k: number, random: () => number, pool: string[]) => string;

const wrappers: Family = (seed, k) =>
  `${['please', 'can you', 'hey', 'i want to know', 'quick question'][k % 5]} ${seed} ${['', 'thanks', 'now'][k % 3]}`.trim();

/**
 * A deliberately harmful family: the seed coordinated with another intent's request ("X and also Y"), labelled
 * with the seed's intent, as a coordination family that ignores intent boundaries would write.
 */
const drifting: Family = (seed, k, random, pool) =>
  `${seed} and also ${pool[Math.floor(random() * pool.length)]!}`;

function datasetWith(family: Family | undefined, perSeed: number, withOrigin = true): Dataset {
  const random = seededRandom(5);
  const utterances: Utterance[] = [];
  const seeds = clincSeeds();
  for (const [intent, texts] of seeds) {
    const pool = [...seeds].flatMap(([other, list]) => (other === intent ? [] : list));
    for (const text of texts) {
      utterances.push({text, intent, source: 'seed'});
      for (let k = 0; family && k < perSeed; k++)
        utterances.push({
          text: family(text, k, random, pool),
          intent,
          source: 'generated',
          ...(withOrigin ? {origin: text} : {}),
        });
    }
  }
  return {
    format: 'synthnlu-dataset/1',
    language: 'en',
    intents: [...clincSeeds().keys()].map((name) => ({name})),
    entities: [],
    utterances,
  };
}

const options = {method: 'auto', folds: 4, seed: 42} as const;

describe('coverage estimate on datasets with generated utterances', () => {
  it('tests the real utterances only and says so', async () => {
    const dataset = datasetWith(wrappers, 6);
    const estimate = (await estimateModel(dataset, options))!;
    const real = dataset.utterances.filter((u) => !isSynthetic(u));
    expect(estimate.basis).toEqual({
      tested: 'real-utterances',
      synthetic: INTENTS * SEEDS * 6,
      withoutOrigin: 0,
    });
    expect(estimate.testSize).toBe(real.length);
    expect(estimate.perIntent.reduce((sum, m) => sum + m.support, 0)).toBe(real.length);
    const realTexts = new Set(real.map((u) => u.text));
    for (const text of atLeast(1, estimate.lowestConfidenceCorrect, 'lowest-confidence examples').map(
      (x) => x.text,
    ))
      expect(realTexts.has(text)).toBe(true);
  });

  it('cross-validates the real utterances even when the generator put a few of them in split=test', async () => {
    const dataset = datasetWith(wrappers, 2);
    dataset.utterances.forEach((u, i) => (u.split = i % 7 === 0 ? 'test' : 'train'));
    const auto = (await estimateModel(dataset, options))!;
    expect(auto.method).toBe('cross-validation');
    expect(auto.testSize).toBe(INTENTS * SEEDS);
    const split = (await estimateModel(dataset, {...options, method: 'split'}))!;
    const realTest = dataset.utterances.filter((u) => !isSynthetic(u) && u.split === 'test').length;
    expect(split.testSize).toBe(realTest);
  });

  it('holds a real utterance out with everything generated from it', async () => {
    // Seeds that share no word with the rest of their intent: only a paraphrase of the seed itself can
    // recognise it, so an estimate that lets one train is right every time, and an honest one is near chance.
    const random = seededRandom(9);
    const word = () => `w${Math.floor(random() * 100_000)}`;
    const utterances: Utterance[] = [];
    for (let intent = 0; intent < 6; intent++)
      for (let s = 0; s < 8; s++) {
        const seed = `${word()} ${word()} ${word()}`;
        utterances.push({text: seed, intent: `i${intent}`, source: 'seed'});
        for (let k = 1; k <= 4; k++)
          utterances.push({
            text: `${seed}${' ok'.repeat(k)}`,
            intent: `i${intent}`,
            source: 'generated',
            origin: seed,
          });
      }
    const dataset: Dataset = {
      format: 'synthnlu-dataset/1',
      language: 'en',
      intents: [],
      entities: [],
      utterances,
    };
    const grouped = (await estimateModel(dataset, options))!;
    const withoutOrigins = {...dataset, utterances: utterances.map(({origin: _, ...u}) => u)};
    const leaky = (await estimateModel(withoutOrigins, options))!;
    expect(leaky.basis.withoutOrigin).toBe(6 * 8 * 4);
    expect(leaky.accuracy).toBe(1);
    expect(grouped.testSize).toBe(6 * 8);
    expect(grouped.accuracy).toBeLessThan(0.4);
  });

  it('shows that a harmful family (requests of other intents coordinated in) lowers the estimate', async () => {
    const helpful = (await estimateModel(datasetWith(wrappers, 10), options))!;
    const harmful = (await estimateModel(datasetWith(drifting, 10), options))!;
    expect(harmful.testSize).toBe(helpful.testSize);
    expect(harmful.accuracy).toBeLessThan(helpful.accuracy - 0.1);
  });

  it('shows no figure from generated text alone and warns when real utterances are few', async () => {
    const dataset = datasetWith(wrappers, 3);
    const generatedOnly = {...dataset, utterances: dataset.utterances.filter(isSynthetic)};
    const none = await runCoverage(generatedOnly, {...DEFAULT_COVERAGE_OPTIONS, input: 'gen.json'});
    expect(none.model).toBeUndefined();
    expect(none.findings.map((f) => f.code)).toContain('COVERAGE_NO_REAL_UTTERANCES');

    const fewSeeds = {
      ...dataset,
      utterances: dataset.utterances.filter((u) => isSynthetic(u) || u.text.length % 5 === 0),
    };
    const few = await runCoverage(fewSeeds, {...DEFAULT_COVERAGE_OPTIONS, input: 'few.json', folds: 2});
    expect(few.model?.testSize).toBeLessThan(2 * INTENTS);
    const warning = few.findings.find((f) => f.code === 'COVERAGE_FEW_REAL_UTTERANCES');
    expect(warning?.message).toMatch(new RegExp(`only ${few.model!.testSize} real utterance`));
  });

  it('samples large datasets per intent and reports the sample and its error', async () => {
    const dataset = datasetWith(wrappers, 10);
    const sampled = (await estimateModel(dataset, {...options, maxPerIntent: 6}))!;
    expect(sampled.basis.sample).toEqual({
      utterances: INTENTS * 12,
      of: dataset.utterances.length,
      maxPerIntent: 6,
    });
    expect(sampled.testSize).toBe(INTENTS * 6);
    const p = sampled.accuracy;
    expect(sampled.accuracyStandardError).toBeCloseTo(Math.sqrt((p * (1 - p)) / sampled.testSize), 2);
    expect(sampled.accuracyStandardError).toBeGreaterThan(0);
    const full = (await estimateModel(dataset, {...options, maxPerIntent: 0}))!;
    expect(full.basis.sample).toBeUndefined();
    expect(full.testSize).toBe(INTENTS * SEEDS);
  });
});
