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
import {augmentWithProvider, type ProviderReport} from './augment.js';
import {dryRunProvider, type ProviderDryRun} from './dry-run.js';
import {providerFlagSettings, type ProviderFlagValues} from './flags.js';
import {resolveProviderSettings, type ProviderKind} from './settings.js';

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
  onRetry?: (message: string) => void;
  onProgress?: (done: number, total: number) => void;
}

export type ProviderGenerateResult =
  {report: GenerationReport; provider: ProviderReport} | {report: GenerationReport; dryRun: ProviderDryRun};

export async function generateWithProvider(
  spec: Spec,
  kind: ProviderKind,
  options: ProviderGenerateOptions,
): Promise<ProviderGenerateResult> {
  const {flags} = options;
  const sendsNothing = flags.offline || flags['dry-run'];
  const settings = resolveProviderSettings(kind, spec.provider, providerFlagSettings(flags), options.env, {
    requireKey: !sendsNothing,
  });
  const pack = await languagePackFor(spec);
  const overrides = {
    file: options.file,
    pack,
    ...(options.seed === undefined ? {} : {seed: options.seed}),
    ...(options.perIntent === undefined ? {} : {perIntent: options.perIntent}),
    ...(options.split === undefined ? {} : {split: options.split}),
  };
  const {dataset, report} = await generateDataset(spec, overrides);
  const ruleBased = {utterances: dataset.utterances, report};
  const common = {
    seed: report.seed,
    language: report.language,
    cacheDir: flags['cache-dir'],
    ...(options.perIntent === undefined ? {} : {perIntent: options.perIntent}),
  };
  if (flags['dry-run'])
    return {report, dryRun: await dryRunProvider(spec, ruleBased, pack, settings, common)};
  const result = await augmentWithProvider(spec, ruleBased, pack, settings, {
    ...common,
    ...(options.split === undefined ? {} : {split: options.split}),
    offline: flags.offline,
    concurrency: flags.concurrency,
    retry: {
      baseDelayMs: flags['retry-base-ms'],
      requestTimeoutMs: flags['request-timeout-ms'] ?? flags['request-timeout'] * 1000,
    },
    ...(options.maxLength === undefined ? {} : {maxLength: options.maxLength}),
    ...(options.onRetry ? {onRetry: options.onRetry} : {}),
    ...(options.onProgress ? {onProgress: options.onProgress} : {}),
  });
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
