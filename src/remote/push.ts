/**
 * Push and pull, platform-independent: read the remote state, plan, confirm, back up, apply exactly the plan,
 * train, and report per intent. Connectors (src/remote/types.ts) only talk to their platform.
 */
import {ExitCode, SynthnluError} from '../errors.js';
import {intentNames, type Dataset} from '../model/dataset.js';
import {
  datasetInLanguage,
  datasetLanguages,
  isMultiLanguageDataset,
  mergeLanguages,
} from '../model/languages.js';
import {registry} from '../registry.js';
import {scrubBackupFile} from './backup-file.js';
import {
  combinePlans,
  heldLanguage,
  requireMultiLanguageRemote,
  tagLanguage,
  withoutSharedDeletes,
} from './language-plans.js';
import {computePlan} from './plan.js';
import type {
  ItemResult,
  ProgressReporter,
  PushPlan,
  RemoteConnector,
  RemoteOptions,
  RemoteSession,
} from './types.js';

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
  /** Each intent's phrases, per language when the dataset holds several. */
  intents: Array<{name: string; language?: string; phrases: string[]}>;
  entityTypes: Array<{
    name: string;
    kind: string;
    values: Array<{
      value: string;
      synonyms: string[];
      synonymsByLanguage?: Record<string, string[] | undefined>;
    }>;
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
  const languages = datasetLanguages(dataset);
  const intents = languages.flatMap((language) => {
    const part = languagePart(dataset, language);
    const phrases = new Map(intentNames(part).map((name): [string, string[]] => [name, []]));
    for (const u of part.utterances) phrases.get(u.intent)?.push(u.text);
    return [...phrases].map(([name, list]) => ({
      name,
      ...(languages.length > 1 ? {language} : {}),
      phrases: list,
    }));
  });
  return {
    intents,
    entityTypes: dataset.entities.map((e) => ({
      name: e.name,
      kind: e.kind,
      values: (e.values ?? []).map((v) => ({
        value: v.value,
        synonyms: v.synonyms ?? [],
        ...(v.synonymsByLanguage ? {synonymsByLanguage: v.synonymsByLanguage} : {}),
      })),
      ...(e.patterns ? {patterns: e.patterns} : {}),
    })),
  };
}

/** The dataset's part in one language (the whole dataset when it holds one). */
function languagePart(dataset: Dataset, language: string): Dataset {
  return isMultiLanguageDataset(dataset) ? datasetInLanguage(dataset, language) : dataset;
}

/** The per-language plans as the push's plan: the one plan of a one-language push, else their sum. */
function pushPlan(target: string, plans: PushPlan[]): PushPlan {
  return plans.length === 1 ? plans[0]! : combinePlans(target, plans);
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
  const languages = datasetLanguages(dataset);
  const plans = languages.map((language) => {
    const plan = {
      ...computePlan(connector.id, languagePart(dataset, language), undefined, {prune}),
      remoteState: 'no-access' as const,
    };
    return languages.length > 1 ? tagLanguage(plan, language) : plan;
  });
  return {
    target: connector.id,
    dryRun: true,
    plan: pushPlan(connector.id, plans),
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

/** What push read of one language and planned for it. */
interface LanguageStep {
  language: string;
  desired: Dataset;
  remote: Dataset | undefined;
  plan: PushPlan;
}

/**
 * Reads the remote in each of the dataset's languages and plans each: a language the remote does not hold
 * yet is planned against nothing (everything is created) and marked to be added; on a platform whose
 * languages share their intents, a deletion is planned once, in the primary language.
 */
async function planLanguages(
  connector: RemoteConnector,
  session: RemoteSession,
  dataset: Dataset,
  prune: boolean,
): Promise<LanguageStep[]> {
  const languages = datasetLanguages(dataset);
  const held = session.languages ? await session.languages() : undefined;
  const steps: LanguageStep[] = [];
  for (const [index, language] of languages.entries()) {
    // The remote's own code for the language (an agent's en-US for the dataset's en), else the dataset's.
    const code = (held && heldLanguage(held, language)) ?? language;
    const desired =
      code === language
        ? languagePart(dataset, language)
        : {...languagePart(dataset, language), language: code};
    // A session that cannot add a language takes any as it is (a CLU project: utterances carry theirs).
    const adds = !!session.addLanguages && held !== undefined && heldLanguage(held, language) === undefined;
    const remote = adds ? emptyDataset(code) : await session.read(code);
    let plan = computePlan(connector.id, desired, remote, {prune});
    if (adds) plan = {...plan, language: code, addsLanguage: true, empty: false};
    if (languages.length > 1) {
      if (index > 0 && connector.languages === 'shared') plan = withoutSharedDeletes(plan);
      plan = tagLanguage(plan, language);
    }
    steps.push({language, desired, remote, plan});
  }
  return steps;
}

function emptyDataset(language: string): Dataset {
  return {format: 'synthnlu-dataset/1', language, intents: [], entities: [], utterances: []};
}

export async function pushDataset(
  connector: RemoteConnector,
  dataset: Dataset,
  remoteOptions: RemoteOptions,
  options: PushOptions,
): Promise<PushResult> {
  requireMultiLanguageRemote(connector, dataset, 'push');
  let session;
  try {
    session = await connector.connect(remoteOptions);
  } catch (error) {
    if (options.dryRun && isMissingAccess(error))
      return offlineDryRun(connector, dataset, error, options.prune);
    throw error;
  }
  try {
    let steps;
    try {
      steps = await planLanguages(connector, session, dataset, options.prune);
    } catch (error) {
      if (options.dryRun && isMissingAccess(error))
        return offlineDryRun(connector, dataset, error, options.prune);
      throw error;
    }
    const plan = pushPlan(
      connector.id,
      steps.map((s) => s.plan),
    );
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
      // One backup covers every language: each platform exports the whole agent, bot or project.
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
      const added = steps.filter((s) => s.plan.addsLanguage).map((s) => s.desired.language);
      if (added.length > 0 && session.addLanguages) {
        options.note(`Adding ${added.join(', ')} to the ${connector.id} target`);
        result.writeCalls += await session.addLanguages(added);
      }
      const several = steps.length > 1;
      for (const step of steps) {
        if (step.plan.empty) continue;
        // Another language was read (or written) since this one was planned: the session reads this one
        // again so it writes over what is there now (an intent an earlier language created is updated).
        const remote =
          several || step.plan.addsLanguage ? await session.read(step.desired.language) : step.remote;
        const report = await session.apply(step.plan, step.desired, remote, options.progress);
        result.applied = true;
        result.results.push(
          ...(several ? report.results.map((r) => ({...r, language: step.language})) : report.results),
        );
        result.writeCalls += report.writeCalls;
        result.trained ||= report.trained;
      }
    }
    result.failed = result.results.filter((r) => r.status === 'failed').length;
    if (options.train && !connector.trainsOnApply && result.failed === 0) {
      result.writeCalls += await session.train(
        options.progress,
        steps.map((s) => s.desired.language),
      );
      result.trained = true;
    }
    return result;
  } finally {
    await session.close();
  }
}

/**
 * The remote's training data as a dataset: the languages asked for (default: every language the remote
 * holds), each read on its own and put together as one multi-language dataset.
 */
export async function pullDataset(
  connector: RemoteConnector,
  remoteOptions: RemoteOptions,
  wanted: readonly string[] = [],
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
    const held = session.languages ? await session.languages() : undefined;
    const languages = wanted.length > 0 ? [...wanted] : (held ?? []);
    const missing = held ? languages.filter((l) => heldLanguage(held, l) === undefined) : [];
    if (missing.length > 0)
      throw new SynthnluError(
        'PULL_LANGUAGE_MISSING',
        `${connector.id} holds no ${missing.join(', ')} (its languages: ${held!.join(', ') || 'none'})`,
        {
          exitCode: ExitCode.badInput,
          suggestion: held!.length
            ? `Pass --language ${held!.join(',')} or a part of them, or leave --language out to pull them all.`
            : 'Push to it first, or check the target flags.',
        },
      );
    const parts: Array<{language: string; dataset: Dataset}> = [];
    for (const language of languages.length > 0 ? languages : [undefined]) {
      const dataset = await session.read(
        language && held ? (heldLanguage(held, language) ?? language) : language,
      );
      if (!dataset)
        throw new SynthnluError('PULL_UNSUPPORTED', `${connector.id} returned no training data`, {
          exitCode: ExitCode.failedCheck,
        });
      parts.push({language: language ?? dataset.language, dataset});
    }
    return mergeLanguages(parts);
  } finally {
    await session.close();
  }
}
