/**
 * Calls to gRPC platforms (the Google Dialogflow clients), shared by their connectors: every call goes through
 * the shared retry policy (gax's own retries are off so there is one policy), reads fail the command with a
 * clear message, writes report their failure so the caller can report per item, and every message is scrubbed
 * of secrets.
 */
import {ExitCode, SynthnluError} from '../errors.js';
import {isMissingCredentials, missingCredentialsError} from './google-client.js';
import {retryPolicy, withRetries, type RetryPolicy} from './retry.js';
import type {ItemResult, RemoteOptions} from './types.js';

/** gRPC status codes worth retrying: DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, UNAVAILABLE. */
const RETRYABLE_GRPC = new Set([4, 8, 10, 14]);

/** How a platform's failures read: "Dialogflow CX createIntent failed: ..." with code DIALOGFLOW_CX_GRPC_14. */
export interface GrpcErrorStyle {
  /** Platform name in messages: "Dialogflow", "Dialogflow CX". */
  label: string;
  /** Error code prefix: "DIALOGFLOW", "DIALOGFLOW_CX". */
  codePrefix: string;
  /** A suggestion per gRPC status code. */
  hints: Record<number, string>;
}

/** RESOURCE_EXHAUSTED for a quota counted per day: retrying within minutes cannot help. */
const DAY_QUOTA = /per day|daily/i;

export function classifyGrpc(error: unknown): {retry: boolean} {
  const {code, details, message} = error as {code?: unknown; details?: unknown; message?: unknown};
  if (code === 8 && DAY_QUOTA.test(`${String(details ?? '')} ${String(message ?? '')}`))
    return {retry: false};
  return {retry: typeof code === 'number' && RETRYABLE_GRPC.has(code)};
}

export function grpcError(
  method: string,
  error: unknown,
  style: GrpcErrorStyle,
  options: Omit<RemoteOptions, 'flags'>,
): SynthnluError {
  if (error instanceof SynthnluError) return error;
  if (isMissingCredentials(error)) return missingCredentialsError(style);
  const code = (error as {code?: unknown}).code;
  const detail =
    (error as {details?: string}).details ?? (error instanceof Error ? error.message : String(error));
  const message = options.secrets.redact(`${style.label} ${method} failed: ${detail}`);
  return new SynthnluError(
    `${style.codePrefix}_${typeof code === 'number' ? `GRPC_${code}` : 'CALL'}`,
    message,
    {
      exitCode: ExitCode.failedCheck,
      suggestion:
        (typeof code === 'number' && style.hints[code]) ||
        'Run again; nothing beyond the reported items changed.',
    },
  );
}

/** Retried gRPC calls with per-method counts (the push benchmark reports them). */
export class GrpcCalls {
  readonly policy: RetryPolicy;
  /** Calls made, by method. */
  readonly counts = new Map<string, number>();

  constructor(
    private readonly options: RemoteOptions,
    private readonly style: GrpcErrorStyle,
  ) {
    this.policy = retryPolicy(options.retry);
  }

  /** gax call options: gax retries off, the shared policy retries with jitter and a total time budget. */
  callOptions(): {timeout: number; retry: null; autoPaginate: true} {
    return {timeout: this.policy.requestTimeoutMs, retry: null, autoPaginate: true};
  }

  /** A read: retried, and a final failure stops the command with a clear message. */
  async read<T>(method: string, run: () => Promise<T>): Promise<T> {
    try {
      return await withRetries(this.policy, () => this.#count(method, run), classifyGrpc);
    } catch (error) {
      throw grpcError(method, error, this.style, this.options);
    }
  }

  /** A write: retried; a final failure is returned (as a redacted message) so the caller reports per item. */
  async write(
    method: string,
    run: (attempt: number) => Promise<unknown>,
  ): Promise<{attempts: number; error?: string}> {
    let attempts = 0;
    try {
      await withRetries(
        this.policy,
        (attempt) => {
          attempts++;
          return this.#count(method, () => run(attempt));
        },
        classifyGrpc,
      );
      return {attempts};
    } catch (error) {
      return {attempts, error: grpcError(method, error, this.style, this.options).message};
    }
  }

  #count<T>(method: string, run: () => Promise<T>): Promise<T> {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    return run();
  }
}

export function itemStatus(error: string | undefined): Pick<ItemResult, 'status' | 'error'> {
  return error ? {status: 'failed', error} : {status: 'ok'};
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
