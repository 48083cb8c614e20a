import {resolve} from 'node:path';
import {Args, Flags} from '@oclif/core';
import {SynthnluCommand} from '../cli/base-command.js';
import {forceFlag, fromFormatFlag, seedFlag} from '../cli/flags.js';
import {loadAnyAsDataset} from '../convert/load-any.js';
import {
  DEFAULT_COVERAGE_OPTIONS,
  readBaseline,
  runCoverage,
  type CoverageOptions,
  type CoverageReport,
  type FailOn,
} from '../coverage/index.js';
import type {PlatformLimits} from '../connector.js';
import {ExitCode, SynthnluError} from '../errors.js';
import {writeFileAtomic} from '../io/atomic-write.js';
import {checkOutputPath} from '../io/output-path.js';
import {formatLimits, registry} from '../registry.js';
import {renderHtml} from '../report/html.js';
import {renderJunit} from '../report/junit.js';
import {renderTerminalSummary} from '../report/terminal.js';

/** --platform accepts a connector id (dialogflow) or any of its format ids (luis, lu, clu): all share the limits. */
function platformChoices(): Map<string, {id: string; limits: PlatformLimits}> {
  const choices = new Map<string, {id: string; limits: PlatformLimits}>();
  for (const connector of registry.connectors()) {
    choices.set(connector.id, {id: connector.id, limits: connector.limits});
    for (const format of connector.formats)
      choices.set(format.id, {id: format.id, limits: formatLimits(connector, format)});
  }
  return choices;
}

const PLATFORMS = platformChoices();

export default class Coverage extends SynthnluCommand<CoverageReport> {
  static override summary =
    'Check training data before deploy: coverage, conflicts, and a local classifier estimate.';
  static override description = `Runs on any dataset synthnlu can load or import (a canonical .json/.jsonl dataset, a spec, or a platform file), with no cloud account:
- structure: empty and small intents, class imbalance, and with --platform the platform's length and name limits and minimum examples;
- entities: entities never annotated, list values and synonyms no utterance uses, inconsistent annotation, spans that do not match their text, a synonym mapped to two values;
- conflicts: the same utterance in two intents, near-duplicates across intents, confusable intent pairs;
- model: a local TF-IDF + linear SVM classifier estimated by stratified k-fold cross-validation (or split=train vs split=test, or --test-set), with per-intent precision/recall/F1, the confusion matrix and the most confused pairs. Generated utterances only train: the figure is measured on the real ones (seeds, imported, --test-set), each held out with everything generated from it. Large datasets are estimated on a stratified sample per intent (--max-per-intent), reported with its size and error.

Errors fail the run by default (--fail-on error, like \`rasa data validate\`); --fail-on warning is stricter, --fail-on none only reports. The verdict line says which gates decided and what was checked.

Exit codes: 0 all gates pass, 1 a gate failed (--fail-on, --min-f1, --min-examples, --baseline with --max-f1-drop), 2 bad input.`;
  static override examples = [
    '<%= config.bin %> <%= command.id %> data.jsonl',
    '<%= config.bin %> <%= command.id %> agent.zip --platform dialogflow --min-f1 0.8',
    '<%= config.bin %> <%= command.id %> data.jsonl --fail-on none --html coverage.html',
    '<%= config.bin %> <%= command.id %> data.jsonl --json > coverage.json',
    '<%= config.bin %> <%= command.id %> data.jsonl --baseline coverage.json --max-f1-drop 0.05 --junit coverage.xml --html coverage.html',
    '<%= config.bin %> <%= command.id %> synthnlu.yaml --test-set real-users.lu',
  ];
  static override args = {
    file: Args.string({
      description: 'Dataset (.json, .jsonl), spec (.yaml), or platform file, folder or zip.',
      required: true,
    }),
  };
  static override flags = {
    from: fromFormatFlag(registry.formatIds()),
    platform: Flags.string({
      description: "Check against this platform's limits (connector or format id).",
      options: [...PLATFORMS.keys()],
    }),
    'min-examples': Flags.integer({
      description: `Warn below this many examples per intent (default ${DEFAULT_COVERAGE_OPTIONS.minExamples}); when given, fail the run too.`,
      min: 1,
    }),
    'min-f1': Flags.string({description: 'Fail when any intent’s F1 is below this (0..1).'}),
    'fail-on': Flags.string({
      description:
        'Fail when a finding of this severity or worse is found; none reports findings without failing.',
      options: ['error', 'warning', 'none'],
      default: 'error',
    }),
    baseline: Flags.string({description: 'Earlier `coverage --json` report to compare per-intent F1 with.'}),
    'max-f1-drop': Flags.string({
      description: `With --baseline: fail when an intent’s F1 dropped by more than this (default ${DEFAULT_COVERAGE_OPTIONS.maxF1Drop}).`,
    }),
    'test-set': Flags.string({description: 'Real user utterances to test on (any format synthnlu imports).'}),
    method: Flags.string({
      description: 'How to estimate the model: cross-validation, split (split=train vs split=test), or auto.',
      options: ['auto', 'cross-validation', 'split'],
      default: 'auto',
    }),
    folds: Flags.integer({
      description: 'Folds for cross-validation.',
      default: DEFAULT_COVERAGE_OPTIONS.folds,
      min: 2,
      max: 20,
    }),
    'max-per-intent': Flags.integer({
      description:
        'Estimate on a stratified sample of at most this many real and this many generated utterances per intent (0: all; default: as many as keep the estimate near 20 s).',
      min: 0,
    }),
    'no-model': Flags.boolean({
      description: 'Run the checks only; skip training the classifier.',
      default: false,
    }),
    seed: seedFlag,
    junit: Flags.string({description: 'Write a JUnit XML report to this file.'}),
    html: Flags.string({description: 'Write a self-contained HTML report to this file.'}),
    force: forceFlag,
  };

  async run(): Promise<CoverageReport> {
    const {args, flags} = await this.parse(Coverage);
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

    const inputs = [args.file, flags['test-set'], flags.baseline].filter((f): f is string => f !== undefined);
    for (const [flag, path] of [
      ['--junit report', flags.junit],
      ['--html report', flags.html],
    ] as const)
      if (path) await checkOutputPath(path, {inputs, force: flags.force, what: flag});
    const loaded = await loadAnyAsDataset(args.file, {
      ...(flags.from ? {from: flags.from} : {}),
      ...(flags.seed === undefined ? {} : {seed: flags.seed}),
    });
    // Conflicting utterances are a coverage finding of their own (with every intent named): don't say it twice.
    this.printDiagnostics(
      loaded.warnings.filter((w) => w.severity !== 'info' && w.code !== 'DATASET_CONFLICTING_UTTERANCE'),
      {limit: 10},
    );
    const testSet = flags['test-set'] ? (await loadAnyAsDataset(flags['test-set'])).dataset : undefined;
    const baseline = flags.baseline
      ? {file: flags.baseline, report: await readBaseline(flags.baseline)}
      : undefined;

    const report = await runCoverage(loaded.dataset, {
      ...DEFAULT_COVERAGE_OPTIONS,
      input: args.file,
      pathsInInput: loaded.kind === 'dataset',
      ...(flags.platform ? {platform: PLATFORMS.get(flags.platform)!} : {}),
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
      ...(testSet ? {testSet} : {}),
      ...(baseline ? {baseline} : {}),
      onProgress: (message) => {
        if (process.stderr.isTTY) process.stderr.write(`coverage: ${message}\n`);
      },
    });

    if (flags.junit)
      await writeFileAtomic(
        flags.junit,
        renderJunit(report, report.failOn === 'warning' ? {failOn: 'warning'} : {}),
      );
    if (flags.html) await writeFileAtomic(flags.html, renderHtml(report));
    for (const line of renderTerminalSummary(report)) this.log(line);
    // Where the reports went, on stderr so `--json > report.json` stays clean.
    for (const [kind, file] of [
      ['HTML', flags.html],
      ['JUnit', flags.junit],
    ] as const)
      if (file) process.stderr.write(`coverage: wrote the ${kind} report to ${resolve(file)}\n`);
    if (!report.passed) {
      const failed = report.gates.filter((g) => !g.passed);
      this.failWith(
        report,
        ExitCode.failedCheck,
        `coverage gate failed: ${failed.map((g) => `--${g.gate} (${g.message})`).join('; ')}`,
      );
    }
    return report;
  }
}

function parseFraction(value: string | undefined, flag: string): number | undefined {
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
