/**
 * `synthnlu coverage` core: runs the structure, entity and conflict checks, the classifier estimate, the
 * baseline comparison and the gates, and returns one CoverageReport. No I/O beyond what the caller passes in.
 */
import {appendAll} from '../model/append.js';
import type {PlatformLimits} from '../connector.js';
import {countBySeverity, type Severity} from '../errors.js';
import type {Dataset} from '../model/dataset.js';
import {intentNames} from '../model/dataset.js';
import {compareWithBaseline} from './baseline.js';
import {checkConflicts, DEFAULT_CONFLICT_OPTIONS} from './conflict-checks.js';
import {checkEntities} from './entity-checks.js';
import {estimateModel, type EvaluationMethod} from './evaluate.js';
import {estimateBasisFindings, modelFindings} from './model-findings.js';
import {runGates} from './gates.js';
import {checkStructure} from './structure-checks.js';
import type {CoverageReport, FailOn, Finding, ModelEstimate} from './types.js';

export type * from './types.js';
export {readBaseline} from './baseline.js';

export interface CoverageOptions {
  input: string;
  /** The input is a canonical dataset, so finding paths (utterances[3]) point into that file: name it. */
  pathsInInput?: boolean;
  platform?: {id: string; limits: PlatformLimits};
  minExamples: number;
  /** --min-examples was given: an intent under it fails the run, not just warns. */
  gateMinExamples?: boolean;
  maxImbalanceRatio: number;
  nearDuplicateThreshold: number;
  confusableThreshold: number;
  /** Skip training the classifier (checks only). */
  model: boolean;
  method: EvaluationMethod;
  folds: number;
  seed: number;
  /** The estimate runs on at most this many real and this many generated utterances per intent; 0 = all; default: by work budget. */
  maxPerIntent?: number;
  testSet?: Dataset;
  baseline?: {file: string; report: CoverageReport};
  maxF1Drop: number;
  /** Gates: undefined (or failOn 'none') means the gate is off. */
  minF1?: number;
  minAccuracy?: number;
  failOn?: FailOn;
  /**
   * Measures the model another way than the local estimate (`synthnlu evaluate` asks a live platform); the
   * checks, baseline, gates and reports stay the same.
   */
  estimate?: () => Promise<ModelEstimate | undefined>;
  onProgress?: (message: string) => void;
}

export const DEFAULT_COVERAGE_OPTIONS = {
  minExamples: 10,
  maxImbalanceRatio: 10,
  nearDuplicateThreshold: DEFAULT_CONFLICT_OPTIONS.nearDuplicateThreshold,
  confusableThreshold: DEFAULT_CONFLICT_OPTIONS.confusableThreshold,
  model: true,
  method: 'auto',
  folds: 5,
  seed: 42,
  maxF1Drop: 0.05,
} as const satisfies Partial<CoverageOptions>;

const RANK: Record<Severity, number> = {error: 0, warning: 1, info: 2};

/** Worst first: severity, then the group order people fix things in, then the finding's own score. */
export function sortFindings(findings: Finding[]): Finding[] {
  const groupRank = {conflicts: 0, structure: 1, entities: 2, baseline: 3, model: 4};
  return [...findings].sort(
    (a, b) => RANK[a.severity] - RANK[b.severity] || groupRank[a.group] - groupRank[b.group],
  );
}

function time<T>(timings: Record<string, number>, name: string, run: () => T): T {
  const started = performance.now();
  const value = run();
  timings[name] = Math.round(performance.now() - started) / 1000;
  return value;
}

/** Examples per intent, and how many are in each split. */
function intentSizes(dataset: Dataset): CoverageReport['intents'] {
  const intentRows = intentNames(dataset).map((intent) => ({intent, examples: 0, train: 0, test: 0}));
  const rowOf = new Map(intentRows.map((r) => [r.intent, r]));
  for (const u of dataset.utterances) {
    const row = rowOf.get(u.intent)!;
    row.examples++;
    if (u.split === 'test') row.test++;
    else row.train++;
  }
  return intentRows;
}

export async function runCoverage(dataset: Dataset, options: CoverageOptions): Promise<CoverageReport> {
  const timings: Record<string, number> = {};
  const findings: Finding[] = [];
  findings.push(
    ...time(timings, 'structure', () =>
      checkStructure(dataset, {
        minExamples: options.minExamples,
        maxImbalanceRatio: options.maxImbalanceRatio,
        ...(options.platform ? {platform: options.platform} : {}),
      }),
    ),
  );
  const entities = time(timings, 'entities', () => checkEntities(dataset));
  appendAll(findings, entities.findings);
  const conflicts = time(timings, 'conflicts', () =>
    checkConflicts(dataset, {
      ...DEFAULT_CONFLICT_OPTIONS,
      nearDuplicateThreshold: options.nearDuplicateThreshold,
      confusableThreshold: options.confusableThreshold,
    }),
  );
  appendAll(findings, conflicts.findings);

  let model: ModelEstimate | undefined;
  if (options.model) {
    const started = performance.now();
    model = options.estimate
      ? await options.estimate()
      : await estimateModel(dataset, {
          method: options.method,
          folds: options.folds,
          seed: options.seed,
          ...(options.maxPerIntent === undefined ? {} : {maxPerIntent: options.maxPerIntent}),
          ...(options.testSet ? {testSet: options.testSet} : {}),
          ...(options.onProgress ? {onProgress: options.onProgress} : {}),
        });
    timings.model = Math.round(performance.now() - started) / 1000;
    if (!options.estimate)
      appendAll(findings, estimateBasisFindings(dataset, model, options.testSet !== undefined));
  }
  if (model) appendAll(findings, modelFindings(model, {weakF1: 0.5, minConfusedCount: 2}));

  let baseline: CoverageReport['baseline'];
  if (options.baseline && model) {
    const compared = compareWithBaseline(
      options.baseline.file,
      options.baseline.report,
      model,
      options.maxF1Drop,
    );
    baseline = compared.comparison;
    appendAll(findings, compared.findings);
  }

  const counts = countBySeverity(findings);
  const gates = runGates({dataset, options, counts, model, baseline});

  const intentRows = intentSizes(dataset);
  return {
    format: 'synthnlu-coverage/1',
    input: options.input,
    ...(options.platform ? {platform: options.platform.id} : {}),
    counts,
    dataset: {
      ...(dataset.name ? {name: dataset.name} : {}),
      language: dataset.language,
      intents: intentRows.length,
      entities: dataset.entities.length,
      utterances: dataset.utterances.length,
    },
    intents: intentRows,
    entityCoverage: entities.coverage,
    // Paths point into the input's own arrays: name the file so editors can jump there.
    findings: sortFindings(
      options.pathsInInput ? findings.map((f) => (f.path ? {...f, file: options.input} : f)) : findings,
    ),
    ...(model ? {model} : {}),
    ...(baseline ? {baseline} : {}),
    gates,
    failOn: options.failOn ?? 'none',
    passed: gates.every((g) => g.passed),
    timings,
  };
}
