/**
 * Push and pull, platform-independent: read the remote state, plan, confirm, back up, apply exactly the plan,
 * train, and report per intent. Connectors (src/remote/types.ts) only talk to their platform.
 */
import {ExitCode, SynthnluError} from '../errors.js';
import {intentNames, type Dataset} from '../model/dataset.js';
import {registry} from '../registry.js';
import {scrubBackupFile} from './backup-file.js';
import {computePlan} from './plan.js';
import type {ItemResult, ProgressReporter, PushPlan, RemoteConnector, RemoteOptions} from './types.js';

export interface PushOptions {
  prune: boolean;
  train: boolean;
  dryRun: boolean;
  backupDir: string;
  /** Asked once the plan is known and before anything is written; false cancels the push. */
  confirm: (plan: PushPlan) => Promise<boolean>;
  progress: ProgressReporter;
  /** Human progress notes (stderr). */
  note: (message: string) => void;
}

export interface PushResult {
  target: string;
  dryRun: boolean;
  plan: PushPlan;
  /**
   * A dry run without credentials: why the live state was not read and how to give read access. The plan
   * is then the full desired state, listed item by item in `desired`.
   */
  access?: {reason: string; code: string; suggestion?: string};
  /** Every intent's phrases and entity type's values push would write (a dry run without credentials). */
  desired?: DesiredState;
  /** Path of the backup of the remote state taken before the first write. */
  backup?: string;
  applied: boolean;
  trained: boolean;
  writeCalls: number;
  results: ItemResult[];
  failed: number;
}

export interface DesiredState {
  intents: Array<{name: string; phrases: string[]}>;
  entityTypes: Array<{
    name: string;
    kind: string;
    values: Array<{value: string; synonyms: string[]}>;
    patterns?: string[];
  }>;
}

/** Missing credentials or settings (a connector's `*_NO_CREDENTIALS`, `*_MISSING_SETTINGS`): no read access. */
function isMissingAccess(error: unknown): error is SynthnluError {
  return error instanceof SynthnluError && /_(NO_CREDENTIALS|MISSING_SETTINGS)$/.test(error.code);
}

/** The fix: the error's own, or each missing setting's (CLU names several at once). */
function howToGiveAccess(error: SynthnluError): string | undefined {
  if (error.suggestion) return error.suggestion;
  const fixes = error.diagnostics.filter((d) => d.suggestion).map((d) => `${d.message}: ${d.suggestion}`);
  return fixes.length > 0 ? fixes.join(' ') : undefined;
}

function desiredState(dataset: Dataset): DesiredState {
  const phrases = new Map(intentNames(dataset).map((name): [string, string[]] => [name, []]));
  for (const u of dataset.utterances) phrases.get(u.intent)?.push(u.text);
  return {
    intents: [...phrases].map(([name, list]) => ({name, phrases: list})),
    entityTypes: dataset.entities.map((e) => ({
      name: e.name,
      kind: e.kind,
      values: (e.values ?? []).map((v) => ({value: v.value, synonyms: v.synonyms ?? []})),
      ...(e.patterns ? {patterns: e.patterns} : {}),
    })),
  };
}

/**
 * A dry run without credentials still shows what push would write: the plan against an empty platform (every
 * intent and entity type), the full desired state, and that the diff against the live agent needs read access.
 */
function offlineDryRun(
  connector: RemoteConnector,
  dataset: Dataset,
  error: SynthnluError,
  prune: boolean,
): PushResult {
  const plan = {...computePlan(connector.id, dataset, undefined, {prune}), remoteState: 'no-access' as const};
  return {
    target: connector.id,
    dryRun: true,
    plan,
    access: {
      reason: error.message,
      code: error.code,
      ...(howToGiveAccess(error) ? {suggestion: howToGiveAccess(error)} : {}),
    },
    desired: desiredState(dataset),
    applied: false,
    trained: false,
    writeCalls: 0,
    results: [],
    failed: 0,
  };
}

export async function pushDataset(
  connector: RemoteConnector,
  dataset: Dataset,
  remoteOptions: RemoteOptions,
  options: PushOptions,
): Promise<PushResult> {
  let session;
  try {
    session = await connector.connect(remoteOptions);
  } catch (error) {
    if (options.dryRun && isMissingAccess(error))
      return offlineDryRun(connector, dataset, error, options.prune);
    throw error;
  }
  try {
    let remote;
    try {
      remote = await session.read();
    } catch (error) {
      if (options.dryRun && isMissingAccess(error))
        return offlineDryRun(connector, dataset, error, options.prune);
      throw error;
    }
    const plan = computePlan(connector.id, dataset, remote, {prune: options.prune});
    const result: PushResult = {
      target: connector.id,
      dryRun: options.dryRun,
      plan,
      applied: false,
      trained: false,
      writeCalls: 0,
      results: [],
      failed: 0,
    };
    if (options.dryRun) return result;
    if (plan.empty && !options.train) return result;
    if (!(await options.confirm(plan)))
      throw new SynthnluError('PUSH_CANCELLED', 'push cancelled; nothing was changed', {
        exitCode: ExitCode.failedCheck,
      });

    if (!plan.empty) {
      // The backup comes before the first write, always; a prune without one would lose data irrecoverably.
      const backup = await session.backup(options.backupDir);
      if (backup) {
        await scrubBackupFile(backup, remoteOptions.secrets);
        result.backup = backup;
        options.note(`Backup of the current ${connector.id} state: ${backup}`);
      } else if (plan.intents.delete.length + plan.entityTypes.delete.length > 0)
        throw new SynthnluError(
          'PUSH_NO_BACKUP',
          `${connector.id}: no backup could be taken, so nothing is deleted`,
          {
            exitCode: ExitCode.failedCheck,
            suggestion: 'Push without --prune, or export the agent by hand first.',
          },
        );
      const report = await session.apply(plan, dataset, remote, options.progress);
      result.applied = true;
      result.results = report.results;
      result.writeCalls += report.writeCalls;
      result.trained = report.trained;
    }
    result.failed = result.results.filter((r) => r.status === 'failed').length;
    if (options.train && !connector.trainsOnApply && result.failed === 0) {
      result.writeCalls += await session.train(options.progress);
      result.trained = true;
    }
    return result;
  } finally {
    await session.close();
  }
}

export async function pullDataset(
  connector: RemoteConnector,
  remoteOptions: RemoteOptions,
): Promise<Dataset> {
  if (!connector.canPull)
    throw new SynthnluError(
      'PULL_UNSUPPORTED',
      `${connector.id} cannot report its training data, so it cannot be pulled`,
      {
        suggestion: `Pull from ${registry
          .remotes()
          .filter((r) => r.canPull)
          .map((r) => r.id)
          .join(' or ')}, or read the ${connector.id} project files with \`synthnlu import\`.`,
      },
    );
  const session = await connector.connect(remoteOptions);
  try {
    const dataset = await session.read();
    if (!dataset)
      throw new SynthnluError('PULL_UNSUPPORTED', `${connector.id} returned no training data`, {
        exitCode: ExitCode.failedCheck,
      });
    return dataset;
  } finally {
    await session.close();
  }
}
