/**
 * Retries with exponential backoff and full jitter, honouring a server's Retry-After, within a bounded total
 * time. Used by the HTTP client and the Dialogflow gRPC calls alike; the clock and sleep are injectable so
 * tests run in milliseconds.
 */
export interface RetryPolicy {
  /** Attempts including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry starts after this much time since the first attempt. */
  totalTimeoutMs: number;
  /** Per-request timeout. */
  requestTimeoutMs: number;
  /** Timeout of the few requests that legitimately run for minutes (Rasa training). */
  longRequestTimeoutMs: number;
  /** Largest response body accepted; a bigger one is refused, not buffered. */
  maxResponseBytes: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  totalTimeoutMs: 2 * 60_000,
  requestTimeoutMs: 60_000,
  longRequestTimeoutMs: 60 * 60_000,
  maxResponseBytes: 64 * 1024 * 1024,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
  random: Math.random,
};

export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return {...DEFAULT_RETRY_POLICY, ...overrides};
}

/** How a failed attempt should be handled. */
export interface RetryDecision {
  retry: boolean;
  /** The server asked for this wait (Retry-After). */
  retryAfterMs?: number;
}

/** The delay before attempt `attempt + 1` (attempt counts from 1): full jitter over an exponential ceiling. */
export function backoffDelay(policy: RetryPolicy, attempt: number, retryAfterMs?: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.round(ceiling * policy.random());
  return retryAfterMs === undefined ? jittered : Math.max(retryAfterMs, jittered);
}

/**
 * Runs `attempt` until it succeeds, `classify` says the error is final, the attempts run out, or the next wait
 * would pass the total time budget. The last error is thrown.
 */
export async function withRetries<T>(
  policy: RetryPolicy,
  attempt: (attemptNumber: number) => Promise<T>,
  classify: (error: unknown) => RetryDecision,
  onRetry?: (error: unknown, delayMs: number, attemptNumber: number) => void,
): Promise<T> {
  const started = policy.now();
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt(attemptNumber);
    } catch (error) {
      const decision = classify(error);
      if (!decision.retry || attemptNumber >= policy.maxAttempts) throw error;
      const delay = backoffDelay(policy, attemptNumber, decision.retryAfterMs);
      if (policy.now() - started + delay > policy.totalTimeoutMs) throw error;
      onRetry?.(error, delay, attemptNumber);
      await policy.sleep(delay);
    }
  }
}

/** Parses Retry-After (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
