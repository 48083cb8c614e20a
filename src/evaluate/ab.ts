/**
 * A/B on the platform: each training set (arm) is pushed in turn to a scratch target, trained, and asked the
 * same real test utterances; the report gives each arm's figures and the per-intent difference with McNemar's
 * paired test, so a gain on a few utterances is not sold as one. It never touches the push target: the scratch
 * target must differ from it, is backed up first, and is restored afterwards unless --keep.
 */
import {ExitCode, SynthnluError} from '../errors.js';
import type {Dataset} from '../model/dataset.js';
import {computePlan} from '../remote/plan.js';
import type {ProgressReporter, RemoteConnector, RemoteOptions, RemoteSession} from '../remote/types.js';
import {noCache, openRecognitionCache, platformTarget, trainingFingerprint} from './cache.js';
import {
  evaluationReport,
  localTarget,
  measure,
  remoteTarget,
  sessionRecognizer,
  type EvaluateReport,
  type EvaluateSettings,
  type EvaluationTarget,
  type Measured,
  type ReportOptions,
} from './index.js';
import {mcnemar, type McNemarResult} from './mcnemar.js';
import {checkRequestCap, pendingTexts} from './runner.js';
import type {TestSet} from './test-set.js';

/** Below this p-value a difference is called significant. */
export const SIGNIFICANCE = 0.05;

export interface ArmInput {
  file: string;
  dataset: Dataset;
}

export interface ArmResult {
  train: string;
  accuracy: number;
  macroF1: number;
  perIntent: EvaluateReport['perIntent'];
  fallbackRate: number;
  requests: number;
  /** Per-entity precision / recall / F1, when the test set annotates entities. */
  entityAccuracy?: EvaluateReport['entityAccuracy'];
  report: EvaluateReport;
}

export interface Difference extends McNemarResult {
  significant: boolean;
}

export interface AbReport {
  format: 'synthnlu-evaluate-ab/1';
  platform: string;
  target: string;
  testSet: EvaluateReport['evaluation']['testSet'];
  arms: ArmResult[];
  /** The second arm against the first: positive deltas mean the second is better. */
  difference: {
    arms: [string, string];
    accuracy: number;
    macroF1: number;
    mcnemar: Difference;
    perIntent: ({intent: string; support: number; f1: [number, number]; delta: number} & Difference)[];
  };
  /** The scratch target's backup, taken before the first write. */
  backup?: string;
  /** The scratch target was put back as it was (false with --keep, or when the platform cannot restore). */
  restored: boolean;
}

export interface AbPlatform {
  id: string;
  /** An EvaluationTarget per arm: opening it pushes the arm to the scratch target and trains. */
  targets(arms: ArmInput[]): Promise<EvaluationTarget[]>;
  finish(): Promise<{backup?: string; restored: boolean}>;
}

export function localAb(testSet: TestSet, seed: number): AbPlatform {
  return {
    id: 'local',
    targets: async (arms) => arms.map((arm) => localTarget(arm.dataset, testSet, seed)),
    finish: async () => ({restored: true}),
  };
}

const sameTarget = (a: string, b: string) =>
  a.trim().replace(/\/+$/, '').toLowerCase() === b.trim().replace(/\/+$/, '').toLowerCase();

/** The scratch target's connection options, refusing one that is the push target. */
export function scratchOptions(
  remote: RemoteConnector,
  options: RemoteOptions,
  scratch: string | undefined,
): RemoteOptions {
  const declared = remote.scratch;
  if (!declared)
    throw new SynthnluError(
      'EVALUATE_AB_UNSUPPORTED',
      `${remote.id} has no scratch target for A/B runs yet`,
      {
        suggestion: 'Run the A/B on local, or evaluate each training set after pushing it yourself.',
      },
    );
  if (!scratch)
    throw new SynthnluError('EVALUATE_NO_SCRATCH', `an A/B run on ${remote.id} needs --${declared.flag}`, {
      suggestion: `Name a ${remote.id} target the arms may be trained on (--${declared.flag}): A/B never trains on --${declared.replaces}.`,
    });
  const production = options.flags[declared.replaces] ?? declared.replacedDefault;
  if (production === undefined)
    throw new SynthnluError(
      'EVALUATE_SCRATCH_UNCHECKED',
      `an A/B run on ${remote.id} needs --${declared.replaces} as well, so that --${declared.flag} can be checked against it`,
      {
        suggestion: `Name the push target with --${declared.replaces}: A/B refuses a scratch target equal to it.`,
      },
    );
  const refused = declared.refuse?.(scratch, options.flags);
  if (refused)
    throw new SynthnluError('EVALUATE_SCRATCH_IS_TARGET', refused, {
      suggestion: `Give --${declared.flag} a separate ${remote.id} target made for experiments.`,
    });
  if (sameTarget(production, scratch))
    throw new SynthnluError(
      'EVALUATE_SCRATCH_IS_TARGET',
      `--${declared.flag} ${scratch} is the push target (--${declared.replaces}); A/B would overwrite it`,
      {suggestion: `Give --${declared.flag} a separate ${remote.id} target made for experiments.`},
    );
  return {...options, flags: {...options.flags, [declared.replaces]: scratch}};
}

export function remoteAb(
  remote: RemoteConnector,
  options: RemoteOptions,
  settings: {
    cacheDir: string | undefined;
    backupDir: string;
    keep: boolean;
    progress: ProgressReporter;
    note: (m: string) => void;
  },
): AbPlatform {
  const armFlags = remote.scratch?.armFlags;
  // One session for the scratch target, or one per arm when each arm has flags of its own (CLU's deployments).
  const sessions = new Map<number, RemoteSession>();
  let first: RemoteSession | undefined;
  let backup: string | undefined;
  const armOptions = (k: number): RemoteOptions =>
    armFlags ? {...options, flags: {...options.flags, ...armFlags(k)}} : options;
  const connect = async (k: number) => {
    const key = armFlags ? k : 0;
    let session = sessions.get(key);
    if (!session) {
      session = await remote.connect(armOptions(k));
      sessions.set(key, session);
      if (!first) {
        first = session;
        backup = await session.backup(settings.backupDir);
        if (backup) settings.note(`Backup of the scratch ${remote.id} target: ${backup}`);
      }
    }
    return session;
  };
  return {
    id: remote.id,
    async targets(arms) {
      return Promise.all(
        arms.map(async (arm, k): Promise<EvaluationTarget> => {
          const own = armOptions(k);
          const base = await remoteTarget(remote, own, arm.dataset, undefined);
          const cache = settings.cacheDir
            ? await openRecognitionCache(
                settings.cacheDir,
                platformTarget(remote.id, own.flags),
                trainingFingerprint(arm.dataset),
              )
            : noCache();
          return {
            ...base,
            cache,
            open: async () => {
              const live = await connect(k);
              const recognizer = sessionRecognizer(remote, live);
              settings.note(`Training ${arm.file} on the scratch ${remote.id} target`);
              const current = await live.read();
              const plan = computePlan(remote.id, arm.dataset, current, {prune: true});
              const applied = await live.apply(plan, arm.dataset, current, settings.progress);
              const failed = applied.results.filter((r) => r.status === 'failed');
              if (failed.length)
                throw new SynthnluError(
                  'EVALUATE_AB_PUSH_FAILED',
                  `pushing ${arm.file} to the scratch target failed: ${failed[0]!.error ?? failed[0]!.name}`,
                  {exitCode: ExitCode.failedCheck},
                );
              if (!remote.trainsOnApply) await live.train(settings.progress);
              return {recognizer, close: async () => {}};
            },
          };
        }),
      );
    },
    async finish() {
      if (!first) return {restored: false};
      const opened = [...sessions.values()];
      try {
        if (settings.keep) return {...(backup ? {backup} : {}), restored: false};
        // Later arms' leftovers first (deployments, models), then the first session's, then the backup.
        for (const session of opened.reverse()) await session.discard?.();
        if (!backup) {
          const cleaned = Boolean(first.discard);
          if (cleaned) settings.note(`The scratch ${remote.id} target is removed again (it did not exist)`);
          return {restored: cleaned};
        }
        if (!first.restore) {
          settings.note(
            `${remote.id} cannot restore a backup: the scratch target keeps the last arm (backup: ${backup})`,
          );
          return {backup, restored: false};
        }
        await first.restore(backup);
        settings.note(`The scratch ${remote.id} target is back as it was`);
        return {backup, restored: true};
      } finally {
        await Promise.all(opened.map((session) => session.close()));
      }
    },
  };
}

/** Requests and trainings an A/B run would make (cached arms need neither). */
export function abDryRun(
  targets: EvaluationTarget[],
  testSet: TestSet,
): {requests: number; trainings: number} {
  const pending = targets.map(
    (t) =>
      pendingTexts(
        testSet.utterances.filter((u) => t.intents.has(u.intent)),
        t.cache,
      ).length,
  );
  return {requests: pending.reduce((a, b) => a + b, 0), trainings: pending.filter((n) => n > 0).length};
}

function difference(a: readonly boolean[], b: readonly boolean[]): Difference {
  const result = mcnemar(a, b);
  return {...result, significant: result.pValue < SIGNIFICANCE};
}

/** Correct/incorrect per test utterance, aligned across arms by position in the test set. */
function outcomes(measured: Measured): boolean[] {
  return measured.scored.predictions.map((p) => p.expected === p.predicted);
}

export async function runAb(
  platform: AbPlatform,
  arms: ArmInput[],
  testSet: TestSet,
  labels: (arm: ArmInput) => string[],
  settings: EvaluateSettings,
  reportOptions: (arm: ArmInput) => ReportOptions,
): Promise<AbReport> {
  if (arms.length !== 2)
    throw new SynthnluError(
      'EVALUATE_AB_ARMS',
      `an A/B run takes exactly two --train files (got ${arms.length})`,
      {
        suggestion: 'Pass --train A --train B: the second is compared with the first.',
      },
    );
  const targets = await platform.targets(arms);
  checkRequestCap(abDryRun(targets, testSet).requests, settings.maxRequests, 'the A/B run');
  const measured: Measured[] = [];
  const reports: EvaluateReport[] = [];
  let cleanup: {backup?: string; restored: boolean} = {restored: false};
  try {
    for (const [k, arm] of arms.entries()) {
      const m = await measure(targets[k]!, testSet, labels(arm), settings);
      measured.push(m);
      reports.push(await evaluationReport(arm.dataset, m, reportOptions(arm)));
    }
  } finally {
    cleanup = await platform.finish();
  }
  // McNemar pairs the arms' answers utterance by utterance: both must have scored the same utterances.
  const [a, b] = measured as [Measured, Measured];
  const sameUtterances =
    a.scored.predictions.length === b.scored.predictions.length &&
    a.scored.predictions.every((p, i) => p.text === b.scored.predictions[i]!.text);
  if (!sameUtterances)
    throw new SynthnluError(
      'EVALUATE_AB_INTENTS_DIFFER',
      'the two arms do not have the same intents, so they cannot be compared on the same utterances',
      {
        suggestion: 'Give both training sets the same intents (the test set’s).',
      },
    );
  const [ra, rb] = reports as [EvaluateReport, EvaluateReport];
  const outA = outcomes(a);
  const outB = outcomes(b);
  const intents = ra.perIntent.filter((m) => m.support > 0).map((m) => m.intent);
  const f1Of = (r: EvaluateReport, intent: string) => r.perIntent.find((m) => m.intent === intent)?.f1 ?? 0;
  const round = (x: number) => Math.round(x * 10000) / 10000;
  return {
    format: 'synthnlu-evaluate-ab/1',
    platform: platform.id,
    target: a.summary.target,
    testSet: a.summary.testSet,
    arms: arms.map((arm, k) => {
      const r = reports[k]!;
      return {
        train: arm.file,
        accuracy: r.accuracy,
        macroF1: r.model!.macro.f1,
        perIntent: r.perIntent,
        fallbackRate: r.fallbackRate,
        requests: r.requests,
        ...(r.entityAccuracy ? {entityAccuracy: r.entityAccuracy} : {}),
        report: r,
      };
    }),
    difference: {
      arms: [arms[0]!.file, arms[1]!.file],
      accuracy: round(rb.accuracy - ra.accuracy),
      macroF1: round(rb.model!.macro.f1 - ra.model!.macro.f1),
      mcnemar: difference(outA, outB),
      perIntent: intents.map((intent) => {
        const rows = a.scored.predictions.flatMap((p, i) => (p.expected === intent ? [i] : []));
        const f1: [number, number] = [f1Of(ra, intent), f1Of(rb, intent)];
        return {
          intent,
          support: rows.length,
          f1,
          delta: round(f1[1] - f1[0]),
          ...difference(
            rows.map((i) => outA[i]!),
            rows.map((i) => outB[i]!),
          ),
        };
      }),
    },
    ...(cleanup.backup ? {backup: cleanup.backup} : {}),
    restored: cleanup.restored,
  };
}
