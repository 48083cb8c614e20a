/**
 * `generate` with a provider: rule-based generation in memory, then the model's paraphrases (or, with
 * --dry-run, only the plan), then the dataset written atomically as .jsonl or .json.
 */
import {datasetHeaderFor} from '../generate/dataset-header.js';
import {generateDataset} from '../generate/index.js';
import type {GenerationReport} from '../generate/pipeline.js';
import {languagePackFor} from '../generate/language.js';
import {writeFileAtomic} from '../io/atomic-write.js';
import type {Utterance} from '../model/dataset.js';
import {writeDataset} from '../model/write-dataset.js';
import type {Spec} from '../spec/spec.js';
import {
  augmentWithProvider,
  type ProviderReport,
  type ProviderRunOptions,
  type ProviderRunResult,
} from './augment.js';
import {dryRunProvider, type ProviderDryRun} from './dry-run.js';
import {providerFlagSettings, type ProviderFlagValues} from './flags.js';
import {resolveProviderSettings, type ProviderFlags, type ProviderKind} from './settings.js';

export interface ProviderGenerateOptions {
  file: string;
  out: string;
  seed?: number;
  perIntent?: number;
  split?: number;
  flags: ProviderFlagValues;
  env?: NodeJS.ProcessEnv;
  /** The strictest utterance length of the platforms the dataset may go to. */
  maxLength?: number;
  none?: {count?: number};
  filter?: boolean;
  onRetry?: (message: string) => void;
  onProgress?: (done: number, total: number) => void;
}

export type ProviderGenerateResult =
  {report: GenerationReport; provider: ProviderReport} | {report: GenerationReport; dryRun: ProviderDryRun};

/** What the in-memory generation with a provider needs (the command's flags, or a library caller's choices). */
export interface ProviderDatasetOptions extends Omit<
  ProviderRunOptions,
  'seed' | 'language' | 'perIntent' | 'split'
> {
  file?: string;
  seed?: number | string;
  perIntent?: number;
  split?: number;
  /** Overrides of the spec's provider block (model, base URL, key variable, share). */
  provider?: ProviderFlags;
  env?: NodeJS.ProcessEnv;
  /** The generator's out-of-scope intent (--none). */
  none?: {count?: number};
  /** false: no label-preservation filter, for the rule-based variants and the model's alike (--no-filter). */
  filter?: boolean;
}

async function prepare(spec: Spec, kind: ProviderKind, options: ProviderDatasetOptions, requireKey: boolean) {
  const settings = resolveProviderSettings(kind, spec.provider, options.provider ?? {}, options.env, {
    requireKey,
  });
  const pack = await languagePackFor(spec);
  const {dataset, report} = await generateDataset(spec, {
    pack,
    ...(options.file === undefined ? {} : {file: options.file}),
    ...(options.seed === undefined ? {} : {seed: options.seed}),
    ...(options.perIntent === undefined ? {} : {perIntent: options.perIntent}),
    ...(options.split === undefined ? {} : {split: options.split}),
    ...(options.none === undefined ? {} : {none: options.none}),
    ...(options.filter === false ? {filter: false} : {}),
  });
  const common = {
    seed: report.seed,
    language: report.language,
    cacheDir: options.cacheDir,
    ...(options.perIntent === undefined ? {} : {perIntent: options.perIntent}),
  };
  return {settings, pack, ruleBased: {utterances: dataset.utterances, report}, common};
}

/** Rule-based generation plus the model's paraphrases, in memory (library use and benchmarks). */
export async function generateDatasetWithProvider(
  spec: Spec,
  kind: ProviderKind,
  options: ProviderDatasetOptions,
): Promise<ProviderRunResult> {
  const {settings, pack, ruleBased, common} = await prepare(spec, kind, options, !options.offline);
  const {
    file: _file,
    seed: _seed,
    perIntent: _perIntent,
    provider: _provider,
    env: _env,
    none: _none,
    filter,
    ...run
  } = options;
  return augmentWithProvider(spec, ruleBased, pack, settings, {
    ...run,
    ...common,
    ...(filter === false ? {labelFilter: false} : {}),
  });
}

export async function generateWithProvider(
  spec: Spec,
  kind: ProviderKind,
  options: ProviderGenerateOptions,
): Promise<ProviderGenerateResult> {
  const {flags} = options;
  const datasetOptions: ProviderDatasetOptions = {
    file: options.file,
    provider: providerFlagSettings(flags),
    cacheDir: flags['cache-dir'],
    offline: flags.offline,
    concurrency: flags.concurrency,
    retry: {
      baseDelayMs: flags['retry-base-ms'],
      requestTimeoutMs: flags['request-timeout-ms'] ?? flags['request-timeout'] * 1000,
    },
    ...(options.env === undefined ? {} : {env: options.env}),
    ...(options.seed === undefined ? {} : {seed: options.seed}),
    ...(options.perIntent === undefined ? {} : {perIntent: options.perIntent}),
    ...(options.split === undefined ? {} : {split: options.split}),
    ...(options.maxLength === undefined ? {} : {maxLength: options.maxLength}),
    ...(options.none === undefined ? {} : {none: options.none}),
    ...(options.filter === undefined ? {} : {filter: options.filter}),
    ...(options.onRetry ? {onRetry: options.onRetry} : {}),
    ...(options.onProgress ? {onProgress: options.onProgress} : {}),
  };
  if (flags['dry-run']) {
    const {settings, pack, ruleBased, common} = await prepare(spec, kind, datasetOptions, false);
    return {report: ruleBased.report, dryRun: await dryRunProvider(spec, ruleBased, pack, settings, common)};
  }
  const result = await generateDatasetWithProvider(spec, kind, datasetOptions);
  await writeUtterances(spec, options.out, result.utterances);
  return {report: result.report, provider: result.provider};
}

async function writeUtterances(spec: Spec, out: string, utterances: Utterance[]): Promise<void> {
  if (/\.json$/i.test(out)) {
    await writeDataset(out, {...datasetHeaderFor(spec), utterances});
    return;
  }
  const lines = [
    JSON.stringify({$dataset: datasetHeaderFor(spec)}),
    ...utterances.map((u) => JSON.stringify(u)),
  ];
  await writeFileAtomic(out, `${lines.join('\n')}\n`);
}
