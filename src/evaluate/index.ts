/**
 * `synthnlu evaluate` core: real test utterances through a live platform's recognizer (or the bundled
 * classifier), scored into the report `coverage` writes, so its terminal summary, HTML, JUnit, --json,
 * --baseline and gates work unchanged. Platform-independent: a connector only answers `recognize(text, language)`.
 * A multi-language dataset is scored per language (each asked in its own language, as coverage estimates each).
 */
import {DEFAULT_COVERAGE_OPTIONS, runCoverage, type CoverageOptions} from '../coverage/index.js';
import type {CoverageReport, IntentMetrics, ModelEstimate} from '../coverage/types.js';
import {ExitCode, SynthnluError} from '../errors.js';
import {intentNames, type Dataset} from '../model/dataset.js';
import {datasetInLanguage, datasetLanguages, utteranceLanguage} from '../model/languages.js';
import {pushedUtterances} from '../remote/plan.js';
import type {RemoteConnector, RemoteOptions, RemoteSession} from '../remote/types.js';
import {
  noCache,
  openRecognitionCache,
  recognitionKey,
  platformTarget,
  trainingFingerprint,
  type RecognitionCache,
} from './cache.js';
import {EntityExtractor} from '../recognizer/local-recognizer.js';
import {scoreEntities, type EntityMetrics} from './entities.js';
import {localRecognizer} from './local.js';
import {costEstimate, type CostEstimate} from './pricing.js';
import {checkRequestCap, pendingTexts, recognizeAll, type Recognizer} from './runner.js';
import {platformEstimate, scoreRecognitions, type Scored} from './score.js';
import type {TestSet} from './test-set.js';

export const LOCAL_PLATFORM = 'local';

/**
 * Requests in flight by default. Each is well under the platform's documented per-minute quota at the
 * response times seen in practice (README: "Evaluating on a live platform" cites each quota page).
 */
export const DEFAULT_CONCURRENCY: Record<string, number> = {
  local: 1,
  rasa: 4,
  dialogflow: 2,
  'dialogflow-cx': 4,
  clu: 4,
};
export const FALLBACK_CONCURRENCY = 2;

export interface EvaluationSummary {
  platform: string;
  /** The platform and its non-secret connection flags. */
  target: string;
  testSet: {
    source: TestSet['source'];
    file?: string;
    utterances: number;
    generatedExcluded: number;
    sample?: {utterances: number; of: number};
  };
  /** Test intents the agent does not have: named, counted, not scored. */
  unknownIntents: {intent: string; utterances: number}[];
  threshold?: number;
  /** Requests sent in this run (cached answers cost none). */
  requests: number;
  cached: number;
  fallbackRate: number;
  /** Per-entity precision / recall / F1, when the test set annotates entities. */
  entityAccuracy?: EntityMetrics[];
}

/** A coverage report (same format, so it is a --baseline for either command) with the platform's figures on top. */
export interface EvaluateReport extends CoverageReport {
  evaluation: EvaluationSummary;
  accuracy: number;
  perIntent: IntentMetrics[];
  fallbackRate: number;
  requests: number;
  /** Per-entity precision / recall / F1, when the test set annotates entities. */
  entityAccuracy?: EntityMetrics[];
}

export interface DryRun {
  dryRun: true;
  platform: string;
  target: string;
  testUtterances: number;
  /** Requests the run would send (distinct texts not yet cached). */
  requests: number;
  cached: number;
  /** Trainings it would start (A/B arms). */
  trainings: number;
  /** What the requests would cost, from the platform's published per-request price, or why there is none. */
  cost: CostEstimate;
}

/** Where the answers come from: a live platform's session, or the bundled classifier. */
export interface EvaluationTarget {
  platform: string;
  target: string;
  /** The recognizer, opened when the run needs it (never for a dry run or a fully cached one). */
  open: () => Promise<{recognizer: Recognizer; close: () => Promise<void>}>;
  /** Intents the agent has: test utterances of any other intent are named and not scored. */
  intents: Set<string>;
  trainSize: number;
  cache: RecognitionCache;
}

export interface EvaluateSettings {
  concurrency: number;
  maxRequests?: number;
  threshold?: number;
  onProgress?: (done: number, total: number) => void;
}

/** The session's recognizer, or a clear refusal when the connector cannot recognize. */
export function sessionRecognizer(remote: RemoteConnector, session: RemoteSession): Recognizer {
  const recognize = session.recognize?.bind(session);
  if (!recognize)
    throw new SynthnluError(
      'EVALUATE_UNSUPPORTED',
      `${remote.id} cannot recognize utterances yet, so it cannot be evaluated`,
      {
        suggestion: `Evaluate on local, or on a platform whose connector implements recognize().`,
      },
    );
  return {recognize};
}

/**
 * A platform that runs one model per target (Rasa: `languages` unset) is asked one language: a test set in
 * several is refused before anything is sent.
 */
export function refuseSeveralLanguages(remote: RemoteConnector, testSet: TestSet): void {
  if (remote.languages) return;
  const languages = [...new Set(testSet.utterances.flatMap((u) => (u.language ? [u.language] : [])))];
  if (languages.length > 1)
    throw new SynthnluError(
      'EVALUATE_ONE_LANGUAGE',
      `${remote.id} runs one model per server, but the test set is in ${languages.length} languages (${languages.join(', ')})`,
      {
        exitCode: ExitCode.badInput,
        suggestion: `Evaluate one language per server: --language ${languages[0]} against the server trained on it.`,
      },
    );
}

/** The utterances the local classifier trains on: coverage's (everything, with a test set), else the train split. */
function localTraining(dataset: Dataset, testSet: TestSet) {
  const utterances = testSet.source === 'test-set' ? dataset.utterances : pushedUtterances(dataset);
  return utterances.map((u) => ({text: u.text, intent: u.intent, language: utteranceLanguage(u, dataset)}));
}

/** The local classifier of each language (a platform trains one model per language; so does coverage). */
async function localRecognizers(
  dataset: Dataset,
  examples: ReturnType<typeof localTraining>,
  seed: number,
): Promise<Recognizer> {
  const languages = datasetLanguages(dataset);
  const byLanguage = new Map<string, Recognizer>();
  for (const language of languages) {
    const own = examples.filter((e) => e.language === language).map(({text, intent}) => ({text, intent}));
    if (new Set(own.map((e) => e.intent)).size < 2) continue;
    const part = languages.length > 1 ? datasetInLanguage(dataset, language) : dataset;
    byLanguage.set(language, localRecognizer(own, seed, await EntityExtractor.create(part)));
  }
  return {
    recognize: (text, language) => {
      const recognizer = byLanguage.get(language ?? languages[0]!);
      if (recognizer) return recognizer.recognize(text, language);
      return Promise.reject(
        new SynthnluError(
          'EVALUATE_TOO_FEW_INTENTS',
          `the local classifier has no ${language} model: ${language} needs at least two intents with examples`,
          {
            suggestion: `Add ${language} examples to two or more intents, or leave ${language} out with --language.`,
          },
        ),
      );
    },
  };
}

export function localTarget(dataset: Dataset, testSet: TestSet, seed: number): EvaluationTarget {
  const examples = localTraining(dataset, testSet);
  const intents = new Set(examples.map((e) => e.intent));
  if (intents.size < 2)
    throw new SynthnluError(
      'EVALUATE_TOO_FEW_INTENTS',
      'the local classifier needs at least two intents with examples to train',
      {
        suggestion: 'Evaluate a dataset with two or more intents.',
      },
    );
  return {
    platform: LOCAL_PLATFORM,
    target: LOCAL_PLATFORM,
    intents,
    trainSize: examples.length,
    cache: noCache(),
    open: async () => ({
      recognizer: await localRecognizers(dataset, examples, seed),
      close: async () => {},
    }),
  };
}

export async function remoteTarget(
  remote: RemoteConnector,
  options: RemoteOptions,
  dataset: Dataset,
  cacheDir: string | undefined,
): Promise<EvaluationTarget> {
  const target = platformTarget(remote.id, options.flags);
  const pushed = pushedUtterances(dataset);
  return {
    platform: remote.id,
    target,
    intents: new Set([...intentNames(dataset), ...pushed.map((u) => u.intent)]),
    trainSize: pushed.length,
    cache: cacheDir
      ? await openRecognitionCache(cacheDir, target, trainingFingerprint(dataset), dataset.language)
      : noCache(),
    open: async () => {
      const session = await remote.connect(options);
      try {
        return {recognizer: sessionRecognizer(remote, session), close: () => session.close()};
      } catch (error) {
        await session.close();
        throw error;
      }
    },
  };
}

export function dryRun(target: EvaluationTarget, testSet: TestSet, trainings = 0): DryRun {
  const pending = pendingTexts(
    testSet.utterances.filter((u) => target.intents.has(u.intent)),
    target.cache,
  );
  return {
    dryRun: true,
    platform: target.platform,
    target: target.target,
    testUtterances: testSet.utterances.length,
    requests: pending.length,
    cached: new Set(testSet.utterances.map((u) => recognitionKey(u.text, u.language))).size - pending.length,
    trainings,
    cost: costEstimate(target.platform, pending.length),
  };
}

const CACHED_ONLY: Recognizer = {
  recognize: () => Promise.reject(new Error('every answer was expected in the cache')),
};

export interface Measured {
  scored: Scored;
  estimate: ModelEstimate;
  /** A test set in several languages: each language's estimate (coverage reports each on its own). */
  byLanguage?: Map<string, ModelEstimate>;
  summary: EvaluationSummary;
}

/** Every test utterance of a known intent through the target's recognizer, scored. */
export async function measure(
  target: EvaluationTarget,
  testSet: TestSet,
  labels: string[],
  settings: EvaluateSettings,
): Promise<Measured> {
  const started = performance.now();
  const scoredTexts = testSet.utterances.filter((u) => target.intents.has(u.intent));
  const pending = pendingTexts(scoredTexts, target.cache);
  // An over-cap run is refused before connecting: nothing is sent. A fully cached one never connects.
  checkRequestCap(pending.length, settings.maxRequests);
  const opened = pending.length ? await target.open() : undefined;
  let result: Awaited<ReturnType<typeof recognizeAll>>;
  try {
    result = await recognizeAll(opened?.recognizer ?? CACHED_ONLY, scoredTexts, {
      concurrency: settings.concurrency,
      cache: target.cache,
      ...(settings.maxRequests === undefined ? {} : {maxRequests: settings.maxRequests}),
      ...(settings.onProgress ? {onAnswer: settings.onProgress} : {}),
    });
  } finally {
    await opened?.close();
  }
  const scored = scoreRecognitions(testSet, result.answers, target.intents, settings.threshold);
  if (scored.predictions.length === 0)
    throw new SynthnluError(
      'EVALUATE_NO_KNOWN_INTENTS',
      `none of the test utterances has an intent the agent knows (${scored.unknownIntents.map((u) => u.intent).join(', ')})`,
      {
        exitCode: ExitCode.badInput,
        suggestion: 'Check that the test set and the dataset name intents the same way.',
      },
    );
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const estimate = platformEstimate(scored, {
    labels,
    recognizer: target.target,
    testSet,
    trainSize: target.trainSize,
    seconds,
  });
  const languages = [...new Set(testSet.utterances.flatMap((u) => (u.language ? [u.language] : [])))];
  const byLanguage = new Map<string, ModelEstimate>();
  if (languages.length > 1)
    for (const language of languages) {
      const part: TestSet = {
        ...testSet,
        utterances: testSet.utterances.filter((u) => u.language === language),
      };
      const own = scoreRecognitions(part, result.answers, target.intents, settings.threshold);
      if (own.predictions.length > 0)
        byLanguage.set(
          language,
          platformEstimate(own, {
            labels,
            recognizer: `${target.target} (${language})`,
            testSet: part,
            trainSize: target.trainSize,
            seconds,
          }),
        );
    }
  const fallbackRate = Math.round((scored.fallbacks / scored.predictions.length) * 10000) / 10000;
  const entityAccuracy = scoreEntities(testSet, result.answers, target.intents);
  return {
    scored,
    estimate,
    ...(byLanguage.size ? {byLanguage} : {}),
    summary: {
      platform: target.platform,
      target: target.target,
      testSet: {
        source: testSet.source,
        ...(testSet.file ? {file: testSet.file} : {}),
        utterances: testSet.utterances.length,
        generatedExcluded: testSet.generatedExcluded,
        ...(testSet.sample ? {sample: testSet.sample} : {}),
      },
      unknownIntents: scored.unknownIntents,
      ...(settings.threshold === undefined ? {} : {threshold: settings.threshold}),
      requests: result.requests,
      cached: result.cached,
      fallbackRate,
      ...(entityAccuracy ? {entityAccuracy} : {}),
    },
  };
}

export type ReportOptions = Pick<
  CoverageOptions,
  'input' | 'baseline' | 'maxF1Drop' | 'minF1' | 'minAccuracy' | 'pathsInInput'
>;

/** The report: coverage's checks on the dataset, the platform's figures as the model, coverage's gates. */
export async function evaluationReport(
  dataset: Dataset,
  measured: Measured,
  options: ReportOptions,
): Promise<EvaluateReport> {
  const report = await runCoverage(dataset, {
    ...DEFAULT_COVERAGE_OPTIONS,
    ...options,
    // Data findings are reported; only the platform's figures gate an evaluation.
    failOn: 'none',
    // In several languages coverage asks for each language's estimate; a language without test utterances has none.
    estimate: async (language) =>
      measured.byLanguage ? measured.byLanguage.get(language) : measured.estimate,
  });
  return {
    ...report,
    evaluation: measured.summary,
    accuracy: measured.estimate.accuracy,
    perIntent: measured.estimate.perIntent,
    fallbackRate: measured.summary.fallbackRate,
    requests: measured.summary.requests,
    ...(measured.summary.entityAccuracy ? {entityAccuracy: measured.summary.entityAccuracy} : {}),
  };
}

/** The labels of the confusion matrix: the dataset's intents in order. */
export function reportLabels(dataset: Dataset): string[] {
  return intentNames(dataset);
}
