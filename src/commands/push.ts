import {createInterface} from 'node:readline/promises';
import {Args, Flags} from '@oclif/core';
import {SynthnluCommand} from '../cli/base-command.js';
import {fromFormatFlag, seedFlag} from '../cli/flags.js';
import {loadAnyAsDataset} from '../convert/load-any.js';
import {ExitCode, SynthnluError} from '../errors.js';
import {remoteOptionsFromFlags, remotePlatformFlags} from '../remote/flags.js';
import {formatPlan} from '../remote/plan.js';
import {stderrProgress} from '../remote/progress.js';
import {pushDataset, type PushResult} from '../remote/push.js';
import {Secrets} from '../remote/secrets.js';
import {registry} from '../registry.js';

export default class Push extends SynthnluCommand<PushResult> {
  static override summary =
    'Sync a dataset into a live Dialogflow ES or CX agent, Azure CLU project or Rasa server, safely.';
  static override description = `Like terraform plan/apply: first a plan (intents and entity types to create, update with phrases added/removed, and with --prune delete), then a backup of the remote state (its path is printed), then only the difference, in as few calls as the platform allows, then training with --train.

A second push of unchanged data changes nothing. Intents not in the dataset are left alone unless --prune. An interactive terminal asks before applying; elsewhere pass --yes. Exit 1 if any intent failed (each failure is listed), 2 for bad input.

Credentials are never printed: Dialogflow (ES and CX) uses Application Default Credentials, GOOGLE_APPLICATION_CREDENTIALS or --key-file; CLU reads AZURE_CONVERSATIONS_KEY (or --key-env NAME); Rasa reads RASA_TOKEN (or --token-env NAME).`;
  static override examples = [
    '<%= config.bin %> <%= command.id %> out/data.jsonl --to dialogflow --project my-gcp-project --dry-run',
    '<%= config.bin %> <%= command.id %> out/data.jsonl --to dialogflow --project my-gcp-project --train --yes',
    '<%= config.bin %> <%= command.id %> out/data.jsonl --to dialogflow-cx --project projects/my-gcp-project/locations/europe-west2/agents/AGENT_ID --train --yes',
    '<%= config.bin %> <%= command.id %> examples/customer-support.yaml --to clu --endpoint https://my-lang.cognitiveservices.azure.com --project support --train --yes',
    '<%= config.bin %> <%= command.id %> out/data.jsonl --to rasa --endpoint http://localhost:5005 --yes',
  ];
  static override args = {
    dataset: Args.string({
      description: 'Dataset, spec (generated first) or importable platform file.',
      required: true,
    }),
  };
  static override flags = {
    to: Flags.string({description: 'Platform to push to.', options: registry.remoteIds(), required: true}),
    from: fromFormatFlag(registry.formatIds()),
    seed: seedFlag,
    'dry-run': Flags.boolean({
      description: 'Print the plan (or return it with --json) and stop.',
      default: false,
    }),
    prune: Flags.boolean({
      description: 'Delete remote intents and entity types that are not in the dataset (after a backup).',
      default: false,
    }),
    train: Flags.boolean({description: 'Train after applying and wait for it.', default: false}),
    yes: Flags.boolean({
      char: 'y',
      description: 'Apply without asking (required when not in an interactive terminal).',
      default: false,
    }),
    'backup-dir': Flags.string({
      description: 'Where backups of the remote state are saved.',
      default: '.synthnlu/backups',
    }),
    deployment: Flags.string({description: 'CLU: deployment to update after training.'}),
    ...remotePlatformFlags,
  };

  async run(): Promise<PushResult> {
    const {args, flags} = await this.parse(Push);
    const connector = registry.connectors().find((c) => c.remote?.id === flags.to)?.remote;
    if (!connector) throw new SynthnluError('UNKNOWN_REMOTE', `unknown platform "${flags.to}"`);
    const secrets = new Secrets();
    const input = await loadAnyAsDataset(args.dataset, {
      ...(flags.from ? {from: flags.from} : {}),
      ...(flags.seed === undefined ? {} : {seed: flags.seed}),
    });
    const interactive = Boolean(process.stdin.isTTY) && !this.jsonEnabled();
    if (!flags['dry-run'] && !flags.yes && !interactive)
      throw new SynthnluError(
        'PUSH_NEEDS_YES',
        'push changes a live platform; confirm with --yes when not in an interactive terminal',
        {
          suggestion: 'Run with --dry-run to see the plan, then with --yes to apply it.',
        },
      );
    const note = (message: string) => {
      if (!this.jsonEnabled()) process.stderr.write(`${secrets.redact(message)}\n`);
    };
    let result: PushResult;
    try {
      result = await pushDataset(
        connector,
        input.dataset,
        remoteOptionsFromFlags(connector, flags, secrets),
        {
          prune: flags.prune,
          train: flags.train,
          dryRun: flags['dry-run'],
          backupDir: flags['backup-dir'],
          progress: stderrProgress(!this.jsonEnabled() && Boolean(process.stderr.isTTY)),
          note,
          confirm: async (plan) => {
            for (const line of formatPlan(plan)) this.log(line);
            if (flags.yes) return true;
            const prompt = createInterface({input: process.stdin, output: process.stderr});
            try {
              return /^y(es)?$/i.test(
                (await prompt.question(`Apply these changes to ${connector.id}? [y/N] `)).trim(),
              );
            } finally {
              prompt.close();
            }
          },
        },
      );
    } catch (error) {
      throw redactError(error, secrets);
    }
    return this.#report(secrets.redactDeep(result));
  }

  #report(result: PushResult): PushResult {
    if (result.dryRun || (!result.applied && !result.trained))
      for (const line of formatPlan(result.plan)) this.log(line);
    for (const item of result.results.filter((r) => r.status === 'failed'))
      this.log(
        `  ! ${item.action} ${item.kind === 'intent' ? 'intent' : 'entity type'} ${item.name} failed: ${item.error}`,
      );
    if (result.dryRun) return result;
    const ok = result.results.filter((r) => r.status === 'ok').length;
    const summary = `${result.target}: ${ok} changed, ${result.failed} failed, ${result.writeCalls} write calls${result.trained ? ', trained' : ''}${result.backup ? `; backup: ${result.backup}` : ''}`;
    if (result.failed > 0)
      this.failWith(
        result,
        ExitCode.failedCheck,
        `${summary}. Only the items listed as failed were not applied; run push again to retry them.`,
      );
    this.log(result.applied || result.trained ? summary : `${result.target}: up to date, nothing written.`);
    return result;
  }
}

/** Errors leave the command scrubbed of any secret a connector read. */
export function redactError(error: unknown, secrets: Secrets): unknown {
  if (error instanceof SynthnluError) {
    const json = secrets.redactDeep(error.toJSON());
    // One diagnostic carries the plain message (error.message has the location prefixed); several are kept.
    const several = error.diagnostics.length > 1;
    const message = several ? error.message : (error.diagnostics[0]?.message ?? error.message);
    return new SynthnluError(error.code, secrets.redact(message), {
      exitCode: error.exitCode,
      ...(several ? {diagnostics: json.diagnostics} : {}),
      ...(json.suggestion ? {suggestion: json.suggestion} : {}),
      location: error.location,
    });
  }
  if (error instanceof Error) {
    const clean = new Error(secrets.redact(error.message));
    return clean;
  }
  return error;
}
