import {resolve} from 'node:path';
import {Args} from '@oclif/core';
import {SynthnluCommand} from '../cli/base-command.js';
import {evaluateFlags} from '../cli/evaluate-flags.js';
import {loadAnyAsDataset} from '../convert/load-any.js';
import {chooseLanguages} from '../model/languages.js';
import {readBaseline} from '../coverage/baseline.js';
import {checkReportOutputs, parseFraction, writeReports} from '../coverage/check-file.js';
import {DEFAULT_COVERAGE_OPTIONS} from '../coverage/index.js';
import {ExitCode, SynthnluError} from '../errors.js';
import {
  abDryRun,
  localAb,
  remoteAb,
  runAb,
  scratchOptions,
  type AbPlatform,
  type AbReport,
} from '../evaluate/ab.js';
import {stderrProgress} from '../remote/progress.js';
import type {RemoteConnector} from '../remote/types.js';
import {
  DEFAULT_CONCURRENCY,
  dryRun,
  evaluationReport,
  FALLBACK_CONCURRENCY,
  LOCAL_PLATFORM,
  localTarget,
  measure,
  refuseSeveralLanguages,
  remoteTarget,
  reportLabels,
  type DryRun,
  type EvaluateReport,
} from '../evaluate/index.js';
import {renderAbHtml} from '../evaluate/ab-html.js';
import {costEstimate, costLine} from '../evaluate/pricing.js';
import {writeFileAtomic} from '../io/atomic-write.js';
import {abLines, evaluationLines, refuseRemoteFlagsOnLocal} from '../evaluate/terminal.js';
import {loadTestSet, sampleTestSet} from '../evaluate/test-set.js';
import {remoteOptionsFromFlags} from '../remote/flags.js';
import {Secrets, withSecretsRedacted} from '../remote/secrets.js';
import {renderTerminalSummary} from '../report/terminal.js';
import {gateFailureMessage} from '../report/verdict.js';

export default class Evaluate extends SynthnluCommand<EvaluateReport | DryRun | AbReport> {
  static override summary =
    'Measure a dataset on the platform you deploy to: real test utterances through its live recognizer.';
  static override description = `Sends real test utterances to the platform's recognizer (or the bundled classifier with --on local) and reports what coverage reports, from the platform's own answers: accuracy, per-intent precision/recall/F1, the confusion matrix and most-confused pairs, the fallback rate (the platform's no-match), the lowest-confidence correct answers and the requests made.

Several languages: each test utterance is asked in its own language (Dialogflow languageCode, a Lex locale, CLU's conversation item language; one local classifier per language) and the report, --json (languages[].model) and the gates show each language's accuracy; --language es evaluates one. Rasa runs one model per server: a test set in several languages needs --language. A CSV test set may carry a language column.

What it tests: --test-set FILE (any importable format, or a CSV with the header text,intent), else the dataset's split=test utterances. Generated utterances are never ground truth: they are left out, and the report says how many. --sample N tests a stratified sample. A test intent the agent lacks is named and counted, not scored.

Quotas and money: --dry-run prints the requests a run would make; --max-requests refuses a bigger run before sending anything; 429 / RESOURCE_EXHAUSTED are retried with backoff honouring Retry-After; answers are cached under --cache-dir by (platform target, training fingerprint, language, text), so an interrupted run resumes without paying twice. Connection flags and credentials are push's; keys never appear in output, caches or reports.

Gates as coverage's: --min-accuracy, --min-f1, --baseline with --max-f1-drop. Exit codes: 0 all gates pass, 1 a gate failed or the platform failed, 2 bad input.`;
  static override examples = [
    '<%= config.bin %> <%= command.id %> data.jsonl --on local --test-set real.csv',
    '<%= config.bin %> <%= command.id %> --on local --train seeds.jsonl --train generated.jsonl --test-set real.csv',
    '<%= config.bin %> <%= command.id %> --on rasa --scratch-endpoint http://localhost:5006 --train seeds.jsonl --train generated.jsonl --test-set real.csv --json',
    '<%= config.bin %> <%= command.id %> data.jsonl --on rasa --endpoint http://localhost:5005 --test-set real.csv --min-accuracy 0.85',
    '<%= config.bin %> <%= command.id %> data.jsonl --on clu --endpoint https://my-lang.cognitiveservices.azure.com --project support --deployment production --test-set real.csv --json > eval.json',
    '<%= config.bin %> <%= command.id %> data.jsonl --on dialogflow --project my-agent --test-set real.csv --dry-run',
    '<%= config.bin %> <%= command.id %> data.jsonl --on dialogflow-cx --project p --location global --agent AGENT_ID --test-set real.csv --baseline eval.json --html eval.html',
  ];
  static override args = {
    dataset: Args.string({
      description: 'The training data the agent was built from (dataset, spec or platform file).',
      required: false,
    }),
  };
  static override flags = evaluateFlags;

  async run(): Promise<EvaluateReport | DryRun | AbReport> {
    const {args, flags} = await this.parse(Evaluate);
    const registry = await this.registry();
    const minAccuracy = parseFraction(flags['min-accuracy'], '--min-accuracy');
    const minF1 = parseFraction(flags['min-f1'], '--min-f1');
    const threshold = parseFraction(flags.threshold, '--threshold');
    const maxF1Drop =
      parseFraction(flags['max-f1-drop'], '--max-f1-drop') ?? DEFAULT_COVERAGE_OPTIONS.maxF1Drop;
    const arms = flags.train ?? [];
    if (arms.length > 0 && !flags['test-set'])
      throw new SynthnluError('EVALUATE_AB_NO_TEST_SET', 'an A/B run (--train) needs --test-set', {
        suggestion: 'Both arms are scored on the same real utterances: pass --test-set real.csv.',
      });
    const singleOnly = ['junit', 'baseline', 'min-accuracy', 'min-f1'] as const;
    const given = singleOnly.filter((name) => flags[name] !== undefined);
    if (arms.length > 0 && given.length > 0)
      throw new SynthnluError(
        'EVALUATE_AB_FLAG',
        `${given.map((n) => `--${n}`).join(', ')} do not apply to an A/B run yet`,
        {
          suggestion:
            'Read the A/B result with --json (arms[], difference), or evaluate one training set at a time for reports and gates.',
        },
      );
    if (arms.length === 0 && !args.dataset)
      throw new SynthnluError(
        'EVALUATE_NO_DATASET',
        'name the dataset to evaluate, or two --train files for an A/B run',
        {
          suggestion: 'synthnlu evaluate data.jsonl --on local --test-set real.csv',
        },
      );
    const scratchFlags = new Map<string, string[]>();
    for (const remote of registry.remotes())
      if (remote.scratch)
        scratchFlags.set(remote.scratch.flag, [...(scratchFlags.get(remote.scratch.flag) ?? []), remote.id]);
    for (const [scratchFlag, owners] of scratchFlags)
      if (
        (flags as Record<string, unknown>)[scratchFlag] !== undefined &&
        (!owners.includes(flags.on) || arms.length === 0)
      )
        throw new SynthnluError(
          'REMOTE_FLAG_UNUSED',
          `--${scratchFlag} applies only to an A/B run on ${owners.join(' or ')}`,
          {
            suggestion: `Use --${scratchFlag} with --on ${owners[0]} --train A --train B.`,
          },
        );
    const inputs = [args.dataset, ...arms, flags['test-set'], flags.baseline].filter(
      (f): f is string => f !== undefined,
    );
    await checkReportOutputs(flags, inputs);
    const seed = flags.seed ?? DEFAULT_COVERAGE_OPTIONS.seed;
    const load = async (file: string) => {
      const input = await loadAnyAsDataset(file, {
        registry,
        ...(flags.from ? {from: flags.from} : {}),
        ...(flags.seed === undefined ? {} : {seed: flags.seed}),
      });
      return {...input, dataset: chooseLanguages(input.dataset, flags.language)};
    };
    const secrets = new Secrets();
    const settings = (label: string, total: number) => {
      const bar = this.progress().bar(label, total);
      return {
        bar,
        settings: {
          concurrency: flags.concurrency ?? DEFAULT_CONCURRENCY[flags.on] ?? FALLBACK_CONCURRENCY,
          ...(flags['max-requests'] === undefined ? {} : {maxRequests: flags['max-requests']}),
          ...(threshold === undefined ? {} : {threshold}),
          onProgress: (done: number, all: number) => bar.tick(done, all),
        },
      };
    };
    const remoteOptions = (remote: RemoteConnector) =>
      remoteOptionsFromFlags(registry, remote, 'evaluate', flags, secrets);
    const note = (message: string) =>
      this.jsonEnabled() || process.stderr.write(`${secrets.redact(message)}\n`);

    if (arms.length > 0) {
      const armInputs = await Promise.all(
        arms.map(async (file) => ({file, dataset: (await load(file)).dataset})),
      );
      let testSet = await loadTestSet(armInputs[0]!.dataset, flags['test-set'], registry);
      if (flags.sample !== undefined) testSet = sampleTestSet(testSet, flags.sample, seed);
      return withSecretsRedacted(secrets, async () => {
        let platform: AbPlatform;
        if (flags.on === LOCAL_PLATFORM) {
          refuseRemoteFlagsOnLocal(flags, registry);
          platform = localAb(testSet, seed);
        } else {
          const remote = registry.remote(flags.on);
          refuseSeveralLanguages(remote, testSet);
          const scratch = remote.scratch
            ? (flags as Record<string, unknown>)[remote.scratch.flag]
            : undefined;
          platform = remoteAb(
            remote,
            scratchOptions(remote, remoteOptions(remote), scratch as string | undefined),
            {
              cacheDir: flags['no-cache'] ? undefined : flags['cache-dir'],
              backupDir: flags['backup-dir'],
              keep: flags.keep,
              progress: stderrProgress(!this.jsonEnabled() && Boolean(process.stderr.isTTY)),
              note,
            },
          );
        }
        if (flags['dry-run']) {
          const plan = abDryRun(await platform.targets(armInputs), testSet);
          const cost = costEstimate(flags.on, plan.requests);
          this.log(
            `${flags.on}: ${plan.requests} requests and ${plan.trainings} trainings for ${armInputs.length} arms`,
          );
          this.log(costLine(cost));
          return {
            dryRun: true,
            platform: flags.on,
            target: flags.on,
            testUtterances: testSet.utterances.length,
            cached: 0,
            ...plan,
            cost,
          };
        }
        const {bar, settings: run} = settings(`A/B on ${flags.on}`, testSet.utterances.length);
        const report = await runAb(
          platform,
          armInputs,
          testSet,
          (arm) => reportLabels(arm.dataset),
          run,
          (arm) => ({input: arm.file, maxF1Drop}),
        ).finally(() => bar.done());
        for (const line of abLines(report)) this.log(line);
        if (flags.html) {
          await writeFileAtomic(flags.html, renderAbHtml(report));
          process.stderr.write(`evaluate: wrote the HTML report to ${resolve(flags.html)}\n`);
        }
        return report;
      });
    }

    const loaded = await load(args.dataset!);
    let testSet = await loadTestSet(loaded.dataset, flags['test-set'], registry);
    if (flags.sample !== undefined) testSet = sampleTestSet(testSet, flags.sample, seed);
    const baseline = flags.baseline
      ? {file: flags.baseline, report: await readBaseline(flags.baseline)}
      : undefined;
    return withSecretsRedacted(secrets, async () => {
      let target;
      if (flags.on === LOCAL_PLATFORM) {
        refuseRemoteFlagsOnLocal(flags, registry);
        target = localTarget(loaded.dataset, testSet, seed);
      } else {
        const remote = registry.remote(flags.on);
        refuseSeveralLanguages(remote, testSet);
        target = await remoteTarget(
          remote,
          remoteOptions(remote),
          loaded.dataset,
          flags['no-cache'] ? undefined : flags['cache-dir'],
        );
      }
      if (flags['dry-run']) {
        const plan = dryRun(target, testSet);
        this.log(
          `${plan.target}: ${plan.requests} requests for ${plan.testUtterances} test utterances (${plan.cached} answered from the cache), 0 trainings`,
        );
        this.log(costLine(plan.cost));
        return plan;
      }
      const {bar, settings: run} = settings(`evaluating on ${flags.on}`, testSet.utterances.length);
      const measured = await measure(target, testSet, reportLabels(loaded.dataset), run).finally(() =>
        bar.done(),
      );
      const report = await evaluationReport(loaded.dataset, measured, {
        input: args.dataset!,
        pathsInInput: loaded.kind === 'dataset',
        maxF1Drop,
        ...(baseline ? {baseline} : {}),
        ...(minF1 === undefined ? {} : {minF1}),
        ...(minAccuracy === undefined ? {} : {minAccuracy}),
      });
      for (const line of evaluationLines(report.evaluation)) this.log(line);
      for (const line of renderTerminalSummary(report)) this.log(line);
      for (const {kind, file} of await writeReports(report, flags))
        process.stderr.write(`evaluate: wrote the ${kind} report to ${resolve(file)}\n`);
      if (!report.passed) this.failWith(report, ExitCode.failedCheck, gateFailureMessage(report));
      return report;
    });
  }
}
