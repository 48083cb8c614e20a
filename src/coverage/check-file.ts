/**
 * The `coverage` command's work, without the command: check the flags, load the input (and the test set and
 * baseline), run the checks and the estimate, and write the JUnit and HTML reports.
 */
import type {Progress} from '../cli/progress.js';
import type {PlatformLimits} from '../connector.js';
import {loadAnyAsDataset} from '../convert/load-any.js';
import {SynthnluError, type Diagnostic} from '../errors.js';
import {writeFileAtomic} from '../io/atomic-write.js';
import {checkOutputPath} from '../io/output-path.js';
import {loadTestSetDataset} from '../evaluate/test-set.js';
import {formatLimits, type ConnectorRegistry} from '../connector-registry.js';
import {renderHtml} from '../report/html.js';
import {renderJunit} from '../report/junit.js';
import {DEFAULT_COVERAGE_OPTIONS, readBaseline, runCoverage, type CoverageOptions} from './index.js';
import type {CoverageReport, FailOn} from './types.js';

/** The coverage command's flag values (the names are the flags'). */
export interface CoverageFlagValues {
  from?: string | undefined;
  platform?: string | undefined;
  'min-examples'?: number | undefined;
  'min-f1'?: string | undefined;
  'fail-on': string;
  baseline?: string | undefined;
  'max-f1-drop'?: string | undefined;
  'test-set'?: string | undefined;
  method: string;
  folds: number;
  'max-per-intent'?: number | undefined;
  'no-model': boolean;
  seed?: number | undefined;
  junit?: string | undefined;
  html?: string | undefined;
  force: boolean;
}

export interface CoverageHooks {
  /** What loading the input found (conflicting utterances left out: they are a coverage finding of their own). */
  onLoadWarnings(warnings: Diagnostic[]): void;
  progress: Progress;
}

export interface CoverageRun {
  report: CoverageReport;
  /** The reports written, for the command to say where they went. */
  written: {kind: 'HTML' | 'JUnit'; file: string}[];
}

type PlatformChoice = {id: string; limits: PlatformLimits};

/** --platform accepts a connector id (dialogflow) or any of its format ids (luis, lu, clu): all share the limits. */
export function coveragePlatforms(registry: ConnectorRegistry): Map<string, PlatformChoice> {
  const choices = new Map<string, PlatformChoice>();
  for (const connector of registry.connectors()) {
    choices.set(connector.id, {id: connector.id, limits: connector.limits});
    for (const format of connector.formats)
      choices.set(format.id, {id: format.id, limits: formatLimits(connector, format)});
  }
  return choices;
}

/** Coverage of a file read through the command's registry (its connectors, spec readers and platform limits). */
export async function coverageOfFile(
  file: string,
  flags: CoverageFlagValues,
  hooks: CoverageHooks,
  registry: ConnectorRegistry,
): Promise<CoverageRun> {
  const options = coverageOptions(file, flags, registry);
  const inputs = [file, flags['test-set'], flags.baseline].filter((f): f is string => f !== undefined);
  await checkReportOutputs(flags, inputs);
  const loaded = await loadAnyAsDataset(file, {
    registry,
    ...(flags.from ? {from: flags.from} : {}),
    ...(flags.seed === undefined ? {} : {seed: flags.seed}),
  });
  hooks.onLoadWarnings(
    loaded.warnings.filter((w) => w.severity !== 'info' && w.code !== 'DATASET_CONFLICTING_UTTERANCE'),
  );
  const testSet = flags['test-set'] ? await loadTestSetDataset(flags['test-set'], registry) : undefined;
  const baseline = flags.baseline
    ? {file: flags.baseline, report: await readBaseline(flags.baseline)}
    : undefined;
  const report = await runCoverage(loaded.dataset, {
    ...options,
    pathsInInput: loaded.kind === 'dataset',
    ...(testSet ? {testSet} : {}),
    ...(baseline ? {baseline} : {}),
    onProgress: (message) => hooks.progress.note(`coverage: ${message}`),
  });
  return {report, written: await writeReports(report, flags)};
}

type ReportFlags = Pick<CoverageFlagValues, 'junit' | 'html' | 'force'>;

function reportOutputs(flags: ReportFlags) {
  return [
    {kind: 'JUnit', file: flags.junit, what: '--junit report'},
    {kind: 'HTML', file: flags.html, what: '--html report'},
  ] as const;
}

/** Refuses --junit / --html paths that would overwrite an input or a file synthnlu did not write, before any work. */
export async function checkReportOutputs(flags: ReportFlags, inputs: string[]): Promise<void> {
  for (const {file: path, what} of reportOutputs(flags))
    if (path) await checkOutputPath(path, {inputs, force: flags.force, what});
}

/** Writes the --junit and --html reports of a coverage (or evaluate) report. */
export async function writeReports(
  report: CoverageReport,
  flags: ReportFlags,
): Promise<CoverageRun['written']> {
  if (flags.junit) await writeFileAtomic(flags.junit, renderJunit(report));
  if (flags.html) await writeFileAtomic(flags.html, renderHtml(report));
  // Said HTML first: it is the one people open.
  return [...reportOutputs(flags)]
    .reverse()
    .flatMap(({kind, file: path}) => (path ? [{kind, file: path}] : []));
}

/** The options the flags choose, refusing flags that contradict each other before any slow work. */
function coverageOptions(
  input: string,
  flags: CoverageFlagValues,
  registry: ConnectorRegistry,
): CoverageOptions {
  const minF1 = parseFraction(flags['min-f1'], '--min-f1');
  const maxF1Drop =
    parseFraction(flags['max-f1-drop'], '--max-f1-drop') ?? DEFAULT_COVERAGE_OPTIONS.maxF1Drop;
  if (flags['no-model'] && (minF1 !== undefined || flags.baseline || flags['test-set']))
    throw new SynthnluError(
      'COVERAGE_BAD_FLAG',
      '--min-f1, --baseline and --test-set need the model estimate',
      {
        suggestion: 'Drop --no-model, or drop the flags that need the model.',
      },
    );
  return {
    ...DEFAULT_COVERAGE_OPTIONS,
    input,
    ...(flags.platform ? {platform: coveragePlatforms(registry).get(flags.platform)!} : {}),
    minExamples: flags['min-examples'] ?? DEFAULT_COVERAGE_OPTIONS.minExamples,
    gateMinExamples: flags['min-examples'] !== undefined,
    model: !flags['no-model'],
    method: flags.method as CoverageOptions['method'],
    folds: flags.folds,
    ...(flags['max-per-intent'] === undefined ? {} : {maxPerIntent: flags['max-per-intent']}),
    seed: flags.seed ?? DEFAULT_COVERAGE_OPTIONS.seed,
    maxF1Drop,
    ...(minF1 === undefined ? {} : {minF1}),
    failOn: flags['fail-on'] as FailOn,
  };
}

export function parseFraction(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (!Number.isFinite(x) || x < 0 || x > 1)
    throw new SynthnluError(
      'COVERAGE_BAD_FLAG',
      `${flag} must be a number between 0 and 1 (got "${value}")`,
      {
        suggestion: `Pass a fraction such as ${flag} 0.8.`,
      },
    );
  return x;
}
