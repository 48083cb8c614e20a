/**
 * Push/pull contract for live platforms (see the push issue). Kept separate from file import/export so a
 * connector without an API simply leaves `remote` out. The core (src/remote/push.ts) owns the safety rules:
 * plan first, back up before any write, apply only the plan, report per intent; connectors only talk to the
 * platform.
 */
import type {Dataset} from '../model/dataset.js';
import type {RetryPolicy} from './retry.js';

/** Platform flags a remote understands; push/pull reject the ones a platform does not use. */
export type RemoteFlag =
  'project' | 'location' | 'endpoint' | 'key-file' | 'key-env' | 'token-env' | 'deploy';

export interface RemoteOptions {
  project?: string;
  location?: string;
  endpoint?: string;
  keyFile?: string;
  /** Name of the environment variable holding the key or token (never the secret itself). */
  keyEnv?: string;
  tokenEnv?: string;
  /** CLU: deployment to update after training. */
  deployment?: string;
  env: NodeJS.ProcessEnv;
  /** Retry/backoff/timeouts; tests pass tiny delays and a fake sleep. */
  retry?: Partial<RetryPolicy>;
  /** Records every secret the connector reads so the core can scrub it from anything it prints. */
  secrets: SecretRegistry;
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
  /** Where the plan came from: the live platform's state, or none when it cannot be read (everything is sent). */
  remoteState: 'read' | 'unreadable';
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
}

export interface PlannedChange {
  name: string;
  /** Training phrases (intents) or values (entity types) added and removed. */
  added: number;
  removed: number;
}

/** What happened to one intent or entity type during apply. */
export interface ItemResult {
  kind: 'intent' | 'entityType';
  name: string;
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

export interface RemoteSession {
  /** The platform's current training data as a canonical dataset; undefined when it cannot be read back. */
  read(): Promise<Dataset | undefined>;
  /** Saves the remote state under `dir` and returns the file path; undefined when there is nothing to back up. */
  backup(dir: string): Promise<string | undefined>;
  /** Applies exactly the plan. `remote` is what read() returned. Never throws for per-item failures. */
  apply(
    plan: PushPlan,
    desired: Dataset,
    remote: Dataset | undefined,
    progress: ProgressReporter,
  ): Promise<ApplyReport>;
  /** Trains (and waits for it); returns the write calls it made. */
  train(progress: ProgressReporter): Promise<number>;
  close(): Promise<void>;
}

export interface RemoteConnector {
  /** The value of --to for push and --from for pull: dialogflow, clu, rasa. */
  id: string;
  description: string;
  flags: RemoteFlag[];
  /** Whether `pull` can read training data back (Rasa's server cannot). */
  canPull: boolean;
  /** Whether training is a separate step (--train); Rasa always trains, since that is how it takes data. */
  trainsOnApply?: boolean;
  connect(options: RemoteOptions): Promise<RemoteSession>;
}
