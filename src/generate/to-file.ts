/**
 * The `generate` command's work, without the command: check the output and the counts, generate (rule-based,
 * or with a language-model provider), write the dataset, and return the report.
 */
import type {Progress} from '../cli/progress.js';
import {SynthnluError, type Diagnostic} from '../errors.js';
import {checkOutputPath} from '../io/output-path.js';
import type {ProviderFlagValues} from '../llm/flags.js';
import {providerFlagSettings} from '../llm/flags.js';
import type {ProviderDryRun, ProviderReport} from '../llm/index.js';
import {generateWithProvider} from '../llm/run.js';
import {providerKind, type ProviderKind} from '../llm/settings.js';
import {loadSpec, type LoadContext} from '../load/inspect.js';
import type {Utterance} from '../model/dataset.js';
import {writeDataset} from '../model/write-dataset.js';
import {isMultiLanguage, oneLanguageSpec} from '../spec/languages.js';
import type {Spec, SpecDocument} from '../spec/spec.js';
import {AutoMixCacheFile, DEFAULT_AUTO_MIX_CACHE_DIR} from './auto-mix-cache.js';
import {datasetHeaderFor} from './dataset-header.js';
import {generateEveryLanguage, languageRuns} from './multi-language.js';
import type {GenerateOptions, GenerationReport} from './pipeline.js';
import {DEFAULT_NONE_COUNT} from './settings.js';
import {writeGeneratedJsonl} from './write-jsonl.js';

export interface GenerateResult extends GenerationReport {
  spec: string;
  out: string;
  /** With a provider: what the model was asked, what it cost, what was kept and why the rest was dropped. */
  provider?: ProviderReport;
  /** With --dry-run: the prompts and the estimate; nothing was sent or written. */
  dryRun?: ProviderDryRun;
}

/** The generate command's flag values (the names are the flags'). */
export interface GenerateFlagValues extends ProviderFlagValues {
  out: string;
  seed?: number | undefined;
  'per-intent'?: number | undefined;
  split?: number | undefined;
  none?: number | undefined;
  filter: boolean;
  balance?: boolean;
  'max-utterances': number;
  force: boolean;
}

/** What generation needs to know of the platforms, from the command's registry (the core knows no connector). */
export interface GenerateTargets {
  /** The shortest utterance-length limit of any platform: model answers longer than it are dropped. */
  maxUtteranceLength: number;
  /** The readers of spec formats other than YAML/JSON (Chatito, a plugin's). */
  specReaders: Pick<LoadContext, 'specReaderFor'>;
}

export interface GenerateHooks {
  /** The spec's warnings, as soon as it is read (before the possibly long generation). */
  onSpecWarnings(warnings: Diagnostic[]): void;
  /** A provider request failed and is retried. */
  onRetry?: (message: string) => void;
  progress: Progress;
}

/** Generates from the spec file to `flags.out`; a result with `produced: 0` means nothing could be generated. */
export async function generateToFile(
  specFile: string,
  flags: GenerateFlagValues,
  hooks: GenerateHooks,
  targets: GenerateTargets,
): Promise<GenerateResult> {
  checkOutputFormat(flags.out);
  await checkOutputPath(flags.out, {inputs: [specFile], force: flags.force});
  const {spec, warnings} = await loadSpec(specFile, targets.specReaders);
  hooks.onSpecWarnings(warnings);
  const kind = providerKind(spec.provider, providerFlagSettings(flags));
  if (!kind && (flags.offline || flags['dry-run']))
    throw new SynthnluError(
      'GENERATE_NO_PROVIDER',
      '--offline and --dry-run need a language-model provider',
      {
        suggestion: 'Add --provider openai (or azure), or a provider: block to the spec.',
      },
    );
  const counts = expectedCounts(spec, flags);
  const expected = counts.intents + counts.none;
  if (expected > flags['max-utterances'])
    throw new SynthnluError(
      'GENERATE_TOO_MANY',
      `the counts ask for ${expected} utterances${counts.none ? ` (${counts.intents} for the spec's intents, ${counts.none} for the out-of-scope intent)` : ''}, over the ${flags['max-utterances']} limit`,
      {
        location: {file: specFile},
        suggestion: `Lower --per-intent or the counts in the spec${counts.none ? ' (or --none, or none: count)' : ''}, or raise the limit with --max-utterances.`,
      },
    );
  if (kind) {
    if (isMultiLanguage(spec))
      throw new SynthnluError(
        'GENERATE_PROVIDER_ONE_LANGUAGE',
        'a language-model provider generates one language at a time; the spec has several',
        {
          location: {file: specFile},
          suggestion: 'Generate without --provider, or keep one language in languages: for the provider run.',
        },
      );
    return generateWithModel(oneLanguageSpec(spec), kind, specFile, flags, hooks, targets);
  }
  // A bar only for runs long enough to watch.
  const bar = expected >= 5_000 ? hooks.progress.bar('generating', expected) : undefined;
  // variations: auto keeps its trial outcomes (hashes and bits) so a rerun of the same spec trains nothing.
  const autoMixCache = await AutoMixCacheFile.open(
    DEFAULT_AUTO_MIX_CACHE_DIR,
    spec,
    flags.seed ?? (spec as {seed?: number | string}).seed ?? 0,
  );
  const options = {file: specFile, ...generationSettings(flags), autoMixCache};
  try {
    const report = /\.json$/i.test(flags.out)
      ? await writeJsonDataset(spec, flags.out, options, (n) => bar?.tick(n))
      : await writeGeneratedJsonl(spec, flags.out, {
          ...options,
          ...(bar ? {onProgress: (n) => bar.tick(n)} : {}),
        });
    const unsaved = await autoMixCache.save();
    if (unsaved)
      hooks.onSpecWarnings([
        {
          severity: 'warning',
          code: 'GENERATE_AUTO_MIX_CACHE',
          message: unsaved,
          file: autoMixCache.path,
          suggestion:
            'Nothing is lost: the next run measures the mix again. Check the folder can be written.',
        },
      ]);
    return {spec: specFile, out: flags.out, ...report};
  } finally {
    bar?.done();
  }
}

function checkOutputFormat(out: string): void {
  if (!/\.(jsonl|ndjson|json)$/i.test(out))
    throw new SynthnluError('GENERATE_OUTPUT_FORMAT', `cannot tell the output format of "${out}"`, {
      location: {file: out},
      suggestion:
        'Name the output .jsonl (one utterance per line, streamed) or .json (one dataset document).',
    });
}

/**
 * How many utterances the counts ask for, the spec's intents and the out-of-scope one apart (the --max-utterances
 * guard, which caps their sum, and the progress bar's end).
 */
function expectedCounts(document: SpecDocument, flags: GenerateFlagValues): {intents: number; none: number} {
  let intents = 0;
  let none = 0;
  for (const {spec} of languageRuns(document)) {
    intents += spec.intents.reduce(
      (n, i) => n + (flags['per-intent'] ?? i.count ?? spec.defaults?.count ?? 50),
      0,
    );
    none += flags.none ?? (spec.none ? (spec.none.count ?? DEFAULT_NONE_COUNT) : 0);
  }
  return {intents, none};
}

/** The flags that override the spec's generation settings. */
function generationSettings(flags: GenerateFlagValues) {
  return {
    ...(flags.seed === undefined ? {} : {seed: flags.seed}),
    ...(flags['per-intent'] === undefined ? {} : {perIntent: flags['per-intent']}),
    ...(flags.split === undefined ? {} : {split: flags.split}),
    ...(flags.none === undefined ? {} : {none: {count: flags.none}}),
    ...(flags.filter ? {} : {filter: false}),
    ...(flags.balance === false ? {balance: false} : {}),
  };
}

/** A .json dataset is one document: generate in memory, then write atomically. */
async function writeJsonDataset(
  spec: SpecDocument,
  out: string,
  options: GenerateOptions,
  onProgress: (generated: number) => void,
): Promise<GenerationReport> {
  const iterator = generateEveryLanguage(spec, options);
  const utterances: Utterance[] = [];
  let step = await iterator.next();
  while (!step.done) {
    utterances.push(step.value);
    onProgress(utterances.length);
    step = await iterator.next();
  }
  const report = step.value;
  // Nothing generated: keep whatever was at `out` (the caller reports the failure).
  if (report.produced > 0) await writeDataset(out, {...datasetHeaderFor(spec, options), utterances});
  return report;
}

async function generateWithModel(
  spec: Spec,
  kind: ProviderKind,
  specFile: string,
  flags: GenerateFlagValues,
  hooks: GenerateHooks,
  targets: GenerateTargets,
): Promise<GenerateResult> {
  const bar = hooks.progress.bar('asking the model', 0);
  try {
    const outcome = await generateWithProvider(spec, kind, {
      file: specFile,
      out: flags.out,
      flags,
      ...generationSettings(flags),
      maxLength: targets.maxUtteranceLength,
      ...(hooks.onRetry ? {onRetry: hooks.onRetry} : {}),
      onProgress: (done, total) => bar.tick(done, total),
    });
    return 'dryRun' in outcome
      ? {spec: specFile, out: flags.out, ...outcome.report, dryRun: outcome.dryRun}
      : {spec: specFile, out: flags.out, ...outcome.report, provider: outcome.provider};
  } finally {
    bar.done();
  }
}
