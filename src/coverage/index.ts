/**
 * `synthnlu coverage` core: runs the structure, entity and conflict checks, the classifier estimate, the
 * baseline comparison and the gates, and returns one CoverageReport. No I/O beyond what the caller passes in.
 */
import {appendAll} from '../model/append.js';
import type {PlatformLimits} from '../connector.js';
import {countBySeverity, type Severity} from '../errors.js';
import type {Dataset} from '../model/dataset.js';
import {intentNames} from '../model/dataset.js';
import {datasetInLanguage, datasetLanguages, utteranceLanguage} from '../model/languages.js';
import {compareWithBaseline} from './baseline.js';
import {checkConflicts, DEFAULT_CONFLICT_OPTIONS} from './conflict-checks.js';
import {checkEntities} from './entity-checks.js';
import {estimateModel, type EvaluationMethod} from './evaluate.js';
import {estimateBasisFindings, modelFindings} from './model-findings.js';
import {runGates} from './gates.js';
import {checkStructure} from './structure-checks.js';
import type {CoverageReport, FailOn, Finding, GateResult, ModelEstimate} from './types.js';

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
   * checks, baseline, gates and reports stay the same. Called once per language (the language's estimate).
   */
  estimate?: (language: string) => Promise<ModelEstimate | undefined>;
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

/**
 * Coverage of a dataset. In several languages, each language is checked and estimated on its own (a platform
 * trains one model per language), and an intent with no or too few examples in one language while another
 * has enough is a finding.
 */
export async function runCoverage(dataset: Dataset, options: CoverageOptions): Promise<CoverageReport> {
  const languages = datasetLanguages(dataset);
  if (languages.length < 2) return runOneLanguageCoverage(dataset, options);
  const reports: CoverageReport[] = [];
  for (const language of languages) {
    options.onProgress?.(`checking ${language}`);
    const testSet = options.testSet && datasetInLanguage(options.testSet, language);
    reports.push(
      await runOneLanguageCoverage(datasetInLanguage(dataset, language), {
        ...options,
        // Paths of one language's findings point into its part, not into the input file.
        pathsInInput: false,
        ...(testSet && testSet.utterances.length > 0 ? {testSet} : {}),
      }),
    );
  }
  const findings: Finding[] = [
    ...languageGapFindings(dataset, options.minExamples),
    ...reports.flatMap((report, i) =>
      report.findings.map(({path: _path, line: _line, column: _column, ...f}) => ({
        ...f,
        language: languages[i]!,
        message: `[${languages[i]!}] ${f.message}`,
      })),
    ),
  ];
  const gateFindings = findings.filter((f) => f.code.startsWith('LANGUAGE_'));
  const gates: GateResult[] = reports.flatMap((report, i) =>
    report.gates.map((g) => ({...g, language: languages[i]!, message: `[${languages[i]!}] ${g.message}`})),
  );
  if (
    options.failOn &&
    options.failOn !== 'none' &&
    gateFindings.some((f) => RANK[f.severity] <= RANK[options.failOn as Severity])
  )
    gates.push({gate: 'fail-on', passed: false, message: `a language gap is a ${options.failOn} or worse`});
  const first = reports[0]!;
  return {
    ...first,
    input: options.input,
    counts: countBySeverity(findings),
    dataset: {
      ...first.dataset,
      language: languages[0]!,
      languages,
      intents: intentNames(dataset).length,
      utterances: dataset.utterances.length,
    },
    findings: sortFindings(findings),
    gates,
    passed: gates.every((g) => g.passed),
    languages: reports.map((report, i) => ({
      language: languages[i]!,
      utterances: report.dataset.utterances,
      counts: report.counts,
      intents: report.intents,
      ...(report.model ? {model: report.model} : {}),
      passed: report.passed,
    })),
  };
}

/** An intent with examples in one language and none, or fewer than the minimum, in another. */
function languageGapFindings(dataset: Dataset, minExamples: number): Finding[] {
  const languages = datasetLanguages(dataset);
  const counts = new Map(
    intentNames(dataset).map((intent) => [intent, new Map(languages.map((l) => [l, 0]))]),
  );
  for (const u of dataset.utterances) {
    const row = counts.get(u.intent)!;
    const language = utteranceLanguage(u, dataset);
    row.set(language, (row.get(language) ?? 0) + 1);
  }
  const findings: Finding[] = [];
  for (const [intent, row] of counts) {
    const most = Math.max(...row.values());
    if (most === 0) continue;
    const best = [...row].find(([, n]) => n === most)![0];
    for (const [language, n] of row) {
      if (n >= minExamples || n === most) continue;
      findings.push({
        severity: 'warning',
        code: n === 0 ? 'LANGUAGE_MISSING_INTENT' : 'LANGUAGE_FEW_EXAMPLES',
        group: 'structure',
        language,
        intents: [intent],
        utterances: [],
        score: n,
        message:
          n === 0
            ? `intent "${intent}" has ${most} examples in ${best} and none in ${language}: the ${language} bot cannot recognise it`
            : `intent "${intent}" has ${n} example${n === 1 ? '' : 's'} in ${language} (under ${minExamples}) and ${most} in ${best}`,
        suggestion: `Add ${language} examples to "${intent}" (examples: {${language}: [...]} in the spec).`,
      });
    }
  }
  return findings;
}

async function runOneLanguageCoverage(dataset: Dataset, options: CoverageOptions): Promise<CoverageReport> {
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
      ? await options.estimate(dataset.language)
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
