import {Args, Flags} from '@oclif/core';
import {SynthnluCommand} from '../cli/base-command.js';
import {fromFormatFlag, languageFlag, seedFlag} from '../cli/flags.js';
import {loadAnyAsDataset} from '../convert/load-any.js';
import {ExitCode} from '../errors.js';
import {chooseLanguages} from '../model/languages.js';
import {pushFlags, remoteCommandFlags, remoteOptionsFromFlags} from '../remote/flags.js';
import {pushHelp} from '../cli/platform-help.js';
import {formatPlan} from '../remote/plan.js';
import {stderrProgress} from '../remote/progress.js';
import {pushDataset, type PushResult} from '../remote/push.js';
import {askToApply, pushReport, requirePushConsent} from '../remote/push-report.js';
import {Secrets, withSecretsRedacted} from '../remote/secrets.js';
import {registry as builtins} from '../registry.js';

const help = pushHelp(builtins);

export default class Push extends SynthnluCommand<PushResult> {
  static override summary = help.summary;
  static override description = help.description;
  static override examples = help.examples;
  static override args = {
    dataset: Args.string({
      description: 'Dataset, spec (generated first) or importable platform file.',
      required: true,
    }),
  };
  static override flags = {
    to: Flags.string({description: 'Platform to push to.', options: builtins.remoteIds(), required: true}),
    from: fromFormatFlag(builtins.formatIds()),
    seed: seedFlag,
    language: languageFlag,
    ...pushFlags,
    ...remoteCommandFlags(builtins, 'push'),
  };

  async run(): Promise<PushResult> {
    const {args, flags} = await this.parse(Push);
    const registry = await this.registry();
    const remote = registry.remote(flags.to);
    const input = await loadAnyAsDataset(args.dataset, {
      registry,
      ...(flags.from ? {from: flags.from} : {}),
      ...(flags.seed === undefined ? {} : {seed: flags.seed}),
    });
    // Every language the dataset holds (or those --language names); the core plans and writes each.
    const dataset = chooseLanguages(input.dataset, flags.language);
    const interactive = Boolean(process.stdin.isTTY) && !this.jsonEnabled();
    requirePushConsent({dryRun: flags['dry-run'], yes: flags.yes, interactive});
    const secrets = new Secrets();
    const result = await withSecretsRedacted(secrets, () =>
      pushDataset(
        remote,
        dataset,
        {...remoteOptionsFromFlags(registry, remote, 'push', flags, secrets), dryRun: flags['dry-run']},
        {
          prune: flags.prune,
          train: flags.train,
          dryRun: flags['dry-run'],
          backupDir: flags['backup-dir'],
          progress: stderrProgress(!this.jsonEnabled() && Boolean(process.stderr.isTTY)),
          note: (message) => this.jsonEnabled() || process.stderr.write(`${secrets.redact(message)}\n`),
          confirm: async (plan) => {
            for (const line of formatPlan(plan)) this.log(line);
            return flags.yes || askToApply(remote.id);
          },
        },
      ),
    );
    const report = pushReport(result);
    for (const line of report.lines) this.log(line);
    if (report.failure) this.failWith(result, ExitCode.failedCheck, report.failure);
    return result;
  }
}
