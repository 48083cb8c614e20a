/**
 * Push/pull contract for live platforms (see the push issue). Kept separate from file import/export so a
 * connector without an API simply leaves `remote` out. The core (src/remote/push.ts) owns the safety rules:
 * plan first, back up before any write, apply only the plan, report per intent; connectors only talk to the
 * platform.
 */
import type {Dataset} from '../model/dataset.js';
import type {RetryPolicy} from './retry.js';

/**
 * A command-line flag a platform's remote declares (`--project`, `--key-env`, ...). The core merges every
 * remote's flags into push and pull, and refuses a flag the chosen platform does not declare. Flags of the
 * same name on several platforms are one CLI flag whose help lists each platform's meaning.
 */
export interface RemoteFlagSpec {
  /** The flag's name without dashes, e.g. `project`, `key-env`. */
  name: string;
  /** What the flag means on this platform (the help prefixes the platform's id). */
  description: string;
  /** An environment variable whose value is used when the flag is not given (the core reads it). */
  env?: string;
  /**
   * The flag's value is the name of an environment variable holding a secret (never the secret itself);
   * `default` is the variable read when the flag is not given. The core registers that secret for redaction
   * before the connector runs.
   */
  secretName?: {default: string};
  /** The commands the flag appears on (default: push, pull and evaluate). */
  commands?: ReadonlyArray<'push' | 'pull' | 'evaluate'>;
}

/** What a platform's remote contributes to the push and pull help. */
export interface RemoteHelp {
  /** One sentence on how the platform authenticates (never a secret), for push's description. */
  credentials?: string;
  /** Arguments after `synthnlu push`, e.g. `out/data.jsonl --to rasa --endpoint http://localhost:5005 --yes`. */
  pushExamples?: string[];
  /** Arguments after `synthnlu pull`. */
  pullExamples?: string[];
}

/**
 * The options a connector is given. `flags` holds the platform flags the user gave (or their `env` defaults),
 * only those the remote declares, so a connector reads `options.flags['key-env']`; `Name` narrows the keys to
 * the connector's own flag names.
 */
export interface RemoteOptions<Name extends string = string> {
  flags: Readonly<Partial<Record<Name, string>>>;
  env: NodeJS.ProcessEnv;
  /** Retry/backoff/timeouts; tests pass tiny delays and a fake sleep. */
  retry?: Partial<RetryPolicy>;
  /** Records every secret the connector reads so the core can scrub it from anything it prints. */
  secrets: SecretRegistry;
  /** push --dry-run: a platform without credentials may still plan against no remote state (the desired state). */
  dryRun?: boolean;
}

export interface SecretRegistry {
  add(secret: string | undefined): void;
  redact(text: string): string;
}

export interface ProgressReporter {
  start(label: string, total: number): void;
  advance(count: number): void;
  done(): void;
}

/** The changes a push will make, computed before anything is written. */
export interface PushPlan {
  target: string;
  /**
   * Where the plan came from: the live platform's state; none when the platform cannot report it (everything
   * is sent); or none because a dry run had no credentials to read it (the plan is the full desired state).
   */
  remoteState: 'read' | 'unreadable' | 'no-access';
  intents: {
    create: PlannedChange[];
    update: PlannedChange[];
    delete: PlannedChange[];
    unchanged: number;
  };
  entityTypes: {
    create: PlannedChange[];
    update: PlannedChange[];
    delete: PlannedChange[];
    unchanged: number;
  };
  /** True when the plan writes nothing (a second push of the same data). */
  empty: boolean;
  /** The language this plan writes (a plan of one language of a push). */
  language?: string;
  /** The remote does not hold this language yet: push adds it first (a Dialogflow language, a Lex locale). */
  addsLanguage?: boolean;
  /**
   * A push of several languages: one plan per language, the dataset's primary first. The lists above then
   * hold every language's changes (each naming its `language`), the counts their sum.
   */
  languages?: PushPlan[];
}

export interface PlannedChange {
  name: string;
  /** The language the change is in (a push of several languages). */
  language?: string;
  /** Training phrases (intents) or values (entity types) added and removed. */
  added: number;
  removed: number;
}

/** What happened to one intent or entity type during apply. */
export interface ItemResult {
  kind: 'intent' | 'entityType';
  name: string;
  /** The language the item was written in (a push of several languages). */
  language?: string;
  action: 'create' | 'update' | 'delete';
  status: 'ok' | 'failed' | 'skipped';
  error?: string;
}

export interface ApplyReport {
  results: ItemResult[];
  /** Write calls made to the platform (batches, imports, train jobs). */
  writeCalls: number;
  trained: boolean;
}

/** What a live platform's recognizer answered for one utterance (`synthnlu evaluate`). */
export interface Recognition {
  /** The matched intent's name as in the dataset, or undefined for the platform's no-match / fallback. */
  intent: string | undefined;
  /** The platform's confidence in [0, 1], when it returns one. */
  confidence?: number;
  /** Entities / parameters / slots the platform extracted, when it returns them. */
  entities?: Array<{entity: string; value: string; start?: number; end?: number}>;
}

export interface RemoteSession {
  /** Puts the remote back as a backup() file recorded it (`evaluate` A/B cleans its scratch target up). */
  restore?(backup: string): Promise<void>;
  /**
   * The languages the remote holds, its default first, as dataset language codes (Dialogflow's supported
   * languages, Lex's locales, the languages of a CLU project's utterances). Pull without --language reads each.
   */
  languages?(): Promise<string[]>;
  /**
   * Adds languages the remote does not hold yet (a Dialogflow supported language, a Lex locale); push calls it
   * after the backup and before applying. Returns the write calls it made. A session without it takes any
   * language as it is (CLU: utterances carry their language).
   */
  addLanguages?(languages: readonly string[]): Promise<number>;
  /**
   * The platform's current training data in one language (default: the remote's default language) as a
   * one-language canonical dataset; undefined when it cannot be read back. apply() works on what was read last.
   */
  read(language?: string): Promise<Dataset | undefined>;
  /** Saves the remote state under `dir` and returns the file path; undefined when there is nothing to back up. */
  backup(dir: string): Promise<string | undefined>;
  /**
   * Applies exactly the plan, in `desired.language`. `remote` is what read() of that language returned. Never
   * throws for per-item failures.
   */
  apply(
    plan: PushPlan,
    desired: Dataset,
    remote: Dataset | undefined,
    progress: ProgressReporter,
  ): Promise<ApplyReport>;
  /** Trains (and waits for it) the given languages (a Lex locale each); returns the write calls it made. */
  train(progress: ProgressReporter, languages?: readonly string[]): Promise<number>;
  close(): Promise<void>;
  /**
   * What the platform recognizes in one utterance, in a new session or conversation per call, asked in the
   * utterance's dataset language (default: the remote's default language).
   */
  recognize?(text: string, language?: string): Promise<Recognition>;
  /**
   * Removes what this session made besides the training data (`evaluate` A/B cleanup): CLU deletes the
   * deployment and trained model it made, or the whole project when there was none before it.
   */
  discard?(): Promise<void>;
}

/** Where `evaluate --train A --train B` may train its arms (see RemoteConnector.scratch). */
export interface ScratchTarget {
  /** The flag naming the scratch target (`scratch-project`). */
  flag: string;
  /** The connection flag it stands in for (`project`), whose value it must differ from. */
  replaces: string;
  description: string;
  /** The value `replaces` has when the flag is not given (Rasa's default endpoint). */
  replacedDefault?: string;
  /** Flags each arm's session gets on top (CLU: a deployment per arm); each arm then has a session of its own. */
  armFlags?: (arm: number) => Record<string, string>;
  /**
   * Checks the scratch value against the connection flags beyond an equal string: a message when it is the
   * push target or cannot be checked (CX: an agent in the location --project names by project id).
   */
  refuse?: (scratch: string, flags: Readonly<Partial<Record<string, string>>>) => string | undefined;
}

export interface RemoteConnector {
  /** The value of --to for push and --from for pull: dialogflow, clu, rasa. */
  id: string;
  description: string;
  /** The platform flags this remote reads; any other platform flag given with --to/--from it is refused. */
  flags: RemoteFlagSpec[];
  /** Help text and examples for push and pull. */
  help?: RemoteHelp;
  /** Whether `pull` can read training data back (Rasa's server cannot). */
  canPull: boolean;
  /**
   * How the platform holds several languages: `shared` intents and entity types whose phrases and values are
   * per language (Dialogflow ES and CX, CLU), or `separate` models per language (Lex locales). Absent: one
   * language per target (a Rasa server runs one model), so a push of several languages is refused.
   */
  languages?: 'shared' | 'separate';
  /** Whether training is a separate step (--train); Rasa always trains, since that is how it takes data. */
  trainsOnApply?: boolean;
  /** Where `evaluate --train A --train B` may train its arms; A/B on a platform without one is refused. */
  scratch?: ScratchTarget;
  connect(options: RemoteOptions): Promise<RemoteSession>;
}
