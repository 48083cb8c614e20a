/**
 * Sends each distinct test text to a recognizer once: cached answers first, then at most `concurrency` requests
 * in flight, never more than `maxRequests` in all (checked before the first request, so a run never stops half
 * paid for). Retries and backoff (429 / RESOURCE_EXHAUSTED, Retry-After) are the platform client's, through
 * src/remote/retry.ts; an error that survives them stops the run, and what was answered stays in the cache.
 */
import {ExitCode, SynthnluError} from '../errors.js';
import {withRetries, retryPolicy, type RetryPolicy} from '../remote/retry.js';
import type {Recognition} from '../remote/types.js';
import type {RecognitionCache} from './cache.js';

export interface Recognizer {
  recognize(text: string): Promise<Recognition>;
}

export interface RunnerOptions {
  concurrency: number;
  maxRequests?: number;
  cache: RecognitionCache;
  /** Called after each answer (done, total) for the progress bar. */
  onAnswer?: (done: number, total: number) => void;
  /**
   * Retries of a recognizer that does not retry itself (the platform clients do): errors marked retryable
   * (`retryable: true`, as a connector's quota-per-minute error is) are retried with backoff.
   */
  retry?: Partial<RetryPolicy>;
}

export interface RunnerResult {
  answers: Map<string, Recognition>;
  /** Texts sent to the platform in this run. */
  requests: number;
  /** Texts answered from the cache. */
  cached: number;
}

/** The distinct texts of a test set that the cache does not answer: the requests a run would make. */
export function pendingTexts(texts: readonly string[], cache: RecognitionCache): string[] {
  return [...new Set(texts)].filter((text) => cache.get(text) === undefined);
}

export function checkRequestCap(
  pending: number,
  maxRequests: number | undefined,
  what = 'the test set',
): void {
  if (maxRequests !== undefined && pending > maxRequests)
    throw new SynthnluError(
      'EVALUATE_MAX_REQUESTS',
      `${what} needs ${pending} requests, more than --max-requests ${maxRequests}; nothing was sent`,
      {
        exitCode: ExitCode.badInput,
        suggestion: `Raise --max-requests, or test on a stratified sample with --sample ${maxRequests}.`,
      },
    );
}

export async function recognizeAll(
  recognizer: Recognizer,
  texts: readonly string[],
  options: RunnerOptions,
): Promise<RunnerResult> {
  const distinct = [...new Set(texts)];
  const answers = new Map<string, Recognition>();
  for (const text of distinct) {
    const hit = options.cache.get(text);
    if (hit) answers.set(text, hit);
  }
  const pending = distinct.filter((text) => !answers.has(text));
  checkRequestCap(pending.length, options.maxRequests);
  const cached = answers.size;
  const policy = retryPolicy(options.retry);
  let next = 0;
  let requests = 0;
  let failure: unknown;
  const worker = async () => {
    while (failure === undefined && next < pending.length) {
      const text = pending[next++]!;
      try {
        const recognition = await withRetries(
          policy,
          () => {
            requests++;
            return recognizer.recognize(text);
          },
          (error) => ({retry: (error as {retryable?: boolean}).retryable === true}),
        );
        answers.set(text, recognition);
        await options.cache.put(text, recognition);
        options.onAnswer?.(answers.size, distinct.length);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(
    Array.from({length: Math.max(1, Math.min(options.concurrency, pending.length))}, () => worker()),
  );
  if (failure !== undefined) {
    if (failure instanceof SynthnluError && answers.size > cached)
      throw new SynthnluError(failure.code, failure.message, {
        exitCode: failure.exitCode,
        suggestion: `${failure.suggestion ? `${failure.suggestion} ` : ''}The ${answers.size - cached} answers received are cached: the same command resumes from there.`,
        cause: failure,
      });
    throw failure;
  }
  return {answers, requests, cached};
}
