/**
 * The gRPC plumbing both Dialogflow sessions (ES v2, CX v3) share: one GrpcCalls (the shared retry policy, gax's
 * own retries off) with the error hints both APIs earn alike, the read/write forwarding to it, the backup of
 * exportAgent's zip, restoreAgent from it, the evaluation session names and closing the clients. What differs
 * (batch calls against one call per item, flows to train, resource names) stays in es/ and cx/.
 */
import {randomUUID} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import {
  ExitCode,
  GrpcCalls,
  SynthnluError,
  writeBackupFile,
  type ApplyReport,
  type Dataset,
  type GrpcErrorStyle,
  type ProgressReporter,
  type PushPlan,
  type Recognition,
  type RemoteSession,
} from '../../../../src/connector-kit.js';

/** The hints an edition gives of its own: what its API means by INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION. */
export interface EditionHints {
  3: string;
  5: string;
  9: string;
}

/** gRPC error style: the edition's label, code prefix and own hints, with the hints both editions share. */
export function dialogflowGrpcStyle(label: string, codePrefix: string, own: EditionHints): GrpcErrorStyle {
  return {
    label,
    codePrefix,
    hints: {
      ...own,
      7: 'Check the service account has the "Dialogflow API Admin" role on the project, and --project/--location.',
      8: 'The Dialogflow quota was exhausted even after retries; try again later or ask for a higher quota.',
      14: 'Dialogflow stayed unavailable after retries; check the endpoint and your network, then try again.',
      16: 'Check the credentials: --key-file, GOOGLE_APPLICATION_CREDENTIALS or `gcloud auth application-default login`.',
    },
  };
}

/** What an edition says when restoring from a backup fails. */
export interface RestoreFailure {
  code: string;
  /** "the agent", or "the agent projects/…/agents/ID". */
  agent: string;
  suggestion: string;
}

/** Remote objects by display name (what the plan and the dataset name them by). */
export function byDisplayName<T extends {displayName?: string | null}>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.displayName ?? '', item]));
}

/** A session of either edition: the RemoteSession both implement, on the plumbing they share. */
export abstract class DialogflowGrpcSession implements RemoteSession {
  readonly #grpc: GrpcCalls;

  protected constructor(grpc: GrpcCalls) {
    this.#grpc = grpc;
  }

  abstract read(): Promise<Dataset>;
  abstract backup(dir: string): Promise<string>;
  abstract train(progress: ProgressReporter): Promise<number>;
  abstract restore(backup: string): Promise<void>;
  abstract recognize(text: string, language?: string): Promise<Recognition>;
  abstract close(): Promise<void>;

  /** Applies the plan (neither edition needs what read() returned: it keeps the remote objects it read). */
  apply(
    plan: PushPlan,
    desired: Dataset,
    _remote: Dataset | undefined,
    progress: ProgressReporter,
  ): Promise<ApplyReport> {
    return this.applyPlan(plan, desired, progress);
  }

  protected abstract applyPlan(
    plan: PushPlan,
    desired: Dataset,
    progress: ProgressReporter,
  ): Promise<ApplyReport>;

  /** Calls made, by method (reported by the benchmark). */
  get calls(): Map<string, number> {
    return this.#grpc.counts;
  }

  protected callOptions() {
    return this.#grpc.callOptions();
  }

  /** A read: retried, and a final failure stops the command. */
  protected call<T>(method: string, run: () => Promise<T>): Promise<T> {
    return this.#grpc.read(method, run);
  }

  /** A write: retried; a final failure is returned so the caller reports it per item. */
  protected write(
    method: string,
    run: (attempt: number) => Promise<unknown>,
  ): Promise<{attempts: number; error?: string}> {
    return this.#grpc.write(method, run);
  }

  /** exportAgent's zip written to `dir`; without content it throws `code`, and nothing is changed. */
  protected async saveBackup(
    dir: string,
    name: string,
    content: Uint8Array | string | null | undefined,
    code: string,
  ): Promise<string> {
    if (!content || typeof content === 'string' || content.length === 0)
      throw new SynthnluError(code, 'exportAgent returned no agent content; nothing was changed', {
        exitCode: ExitCode.failedCheck,
        suggestion: 'Check the service account may export the agent (Dialogflow API Admin role).',
      });
    return writeBackupFile(dir, name, '.zip', content);
  }

  /** restoreAgent with a backup() zip (`send` makes the edition's call); a failure throws `failure.code`. */
  protected async restoreFrom(
    backup: string,
    failure: RestoreFailure,
    send: (agentContent: Buffer) => Promise<void>,
  ): Promise<void> {
    const agentContent = await readFile(backup);
    const outcome = await this.write('restoreAgent', () => send(agentContent));
    if (outcome.error)
      throw new SynthnluError(
        failure.code,
        `restoring ${failure.agent} from ${backup} failed: ${outcome.error}`,
        {exitCode: ExitCode.failedCheck, suggestion: failure.suggestion},
      );
  }

  /** A new session per evaluated utterance, so no context carries over. */
  protected evaluationSession(parent: string): string {
    return `${parent}/sessions/synthnlu-evaluate-${randomUUID()}`;
  }

  protected async closeAll(clients: readonly {close(): Promise<void>}[]): Promise<void> {
    await Promise.all(clients.map((client) => client.close()));
  }
}
