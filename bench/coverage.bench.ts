/**
 * `synthnlu coverage`, measured two ways:
 * 1. The model estimate on SNIPS (`../shared/data/snips/*\/train_<Intent>.json`, 7 × 300): cross-validated
 *    accuracy through the coverage driver (stratified 5 folds, seed 42). The folds are written to
 *    bench/results/coverage-snips-folds.json; `/usr/bin/python3 bench/sklearn_baseline.py
 *    bench/results/coverage-snips-folds.json` scores scikit-learn's TF-IDF + LinearSVC on the same folds.
 *    Measured once on 2026-11-26 (Debian python3-sklearn 1.2.1): 98.95%, see SKLEARN_CV_ACCURACY below.
 * 2. The checks (structure, entities, conflicts) and the classifier estimate on a synthetic dataset of 100,000
 *    utterances over 200 intents with a list entity annotated in every utterance.
 */
import {mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {stratifiedFolds} from '../src/classifier/index.js';
import {checkConflicts, DEFAULT_CONFLICT_OPTIONS} from '../src/coverage/conflict-checks.js';
import {checkEntities} from '../src/coverage/entity-checks.js';
import {estimateModel} from '../src/coverage/evaluate.js';
import {checkStructure} from '../src/coverage/structure-checks.js';
import type {Dataset, Utterance} from '../src/model/dataset.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const SNIPS = join(here, '..', '..', 'shared', 'data', 'snips');

/**
 * scikit-learn 1.2.1 TF-IDF (word 1-2 + char_wb 2-5, sublinear) + LinearSVC(C=1) on the same folds, measured by
 * hand once (2026-11-26): `/usr/bin/python3 bench/sklearn_baseline.py bench/results/coverage-snips-folds.json`.
 */
const SKLEARN_CV_ACCURACY = 98.95;

function snipsDataset(): Dataset {
  const utterances: Utterance[] = [];
  const intents = readdirSync(SNIPS, {withFileTypes: true})
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  for (const intent of intents) {
    // One upstream file has CESU-8 surrogates: decode leniently.
    const text = new TextDecoder('utf-8', {fatal: false}).decode(
      readFileSync(join(SNIPS, intent, `train_${intent}.json`)),
    );
    const json = JSON.parse(text) as Record<string, {data: {text: string}[]}[]>;
    for (const u of json[intent] ?? [])
      utterances.push({text: u.data.map((chunk) => chunk.text).join(''), intent});
  }
  return {
    format: 'synthnlu-dataset/1',
    language: 'en',
    intents: intents.map((name) => ({name})),
    entities: [],
    utterances,
  };
}

export function syntheticDataset(count: number, intentCount: number): Dataset {
  const filler = ['please', 'can you', 'i want to', 'could you', 'help me', 'i need to', 'now', 'today'];
  const cities = Array.from({length: 50}, (_, i) => `city${i}`);
  const utterances: Utterance[] = [];
  for (let i = 0; i < count; i++) {
    const intent = i % intentCount;
    const variant = Math.floor(i / intentCount);
    const prefix = `${filler[variant % filler.length]} verb${intent % 37} thing${intent} detail${(intent * 7 + variant) % 50} in `;
    const city = cities[(variant * 13 + intent) % cities.length]!;
    const text = `${prefix}${city} ${100000 + ((variant * 7919) % 900000)} ${filler[(variant >> 3) % filler.length]}`;
    utterances.push({
      text,
      intent: `intent_${intent}`,
      entities: [{entity: 'city', start: prefix.length, end: prefix.length + city.length}],
    });
  }
  return {
    format: 'synthnlu-dataset/1',
    language: 'en',
    intents: Array.from({length: intentCount}, (_, i) => ({name: `intent_${i}`})),
    entities: [{name: 'city', kind: 'list', values: cities.map((value) => ({value}))}],
    utterances,
  };
}

function seconds(started: number): number {
  return Number(((performance.now() - started) / 1000).toFixed(2));
}

export default async function coverageBench(): Promise<Record<string, number | string>> {
  const snips = snipsDataset();
  const folds = stratifiedFolds(
    snips.utterances.map((u) => u.intent),
    5,
    42,
  );
  mkdirSync(join(here, 'results'), {recursive: true});
  writeFileSync(
    join(here, 'results', 'coverage-snips-folds.json'),
    JSON.stringify(snips.utterances.map((u, i) => ({text: u.text, intent: u.intent, fold: folds[i]}))),
  );
  let started = performance.now();
  const snipsEstimate = estimateModel(snips, {method: 'cross-validation', folds: 5, seed: 42})!;
  const snipsSeconds = seconds(started);

  const large = syntheticDataset(100_000, 200);
  const rssBefore = process.memoryUsage().rss;
  started = performance.now();
  const structure = checkStructure(large, {minExamples: 10, maxImbalanceRatio: 10});
  const structureSeconds = seconds(started);
  started = performance.now();
  const entities = checkEntities(large);
  const entitySeconds = seconds(started);
  started = performance.now();
  const conflicts = checkConflicts(large, DEFAULT_CONFLICT_OPTIONS);
  const conflictSeconds = seconds(started);
  const checksRssMb = Math.round((process.memoryUsage().rss - rssBefore) / 1e6);
  // One train/test run (80/20 by split) bounds the model estimate; k-fold costs about k of these.
  // Every fifth variant of each intent is a test utterance (utterance i has intent i % 200, variant i / 200).
  large.utterances.forEach((u, i) => (u.split = Math.floor(i / 200) % 5 === 0 ? 'test' : 'train'));
  started = performance.now();
  const largeEstimate = estimateModel(large, {method: 'split', folds: 5, seed: 42})!;
  const largeModelSeconds = seconds(started);

  return {
    snipsExamples: snips.utterances.length,
    snipsCvAccuracy: Number((snipsEstimate.accuracy * 100).toFixed(2)),
    snipsMacroF1: snipsEstimate.macro.f1,
    snipsSklearnCvAccuracy: Number.isNaN(SKLEARN_CV_ACCURACY)
      ? 'run bench/sklearn_baseline.py'
      : SKLEARN_CV_ACCURACY,
    snipsCvSeconds: snipsSeconds,
    large100kStructureSeconds: structureSeconds,
    large100kEntitySeconds: entitySeconds,
    large100kConflictSeconds: conflictSeconds,
    large100kChecksSeconds: Number((structureSeconds + entitySeconds + conflictSeconds).toFixed(2)),
    large100kChecksRssGrowthMb: checksRssMb,
    large100kFindings: structure.length + entities.findings.length + conflicts.findings.length,
    large100kModelSplitSeconds: largeModelSeconds,
    large100kModelAccuracy: Number((largeEstimate.accuracy * 100).toFixed(2)),
  };
}
