/**
 * Sends each distinct test text (per language: the same text in two languages is two requests) to a
 * recognizer once, in its language: cached answers first, then at most `concurrency` requests
 * in flight, never more than `maxRequests` in all (checked before the first request, so a run never stops half
 * paid for). Retries and backoff (429 / RESOURCE_EXHAUSTED, Retry-After) are the platform client's, through
 * src/remote/retry.ts; an error that survives them stops the run, and what was answered stays in the cache.
 */
import {ExitCode, SynthnluError} from '../errors.js';
import {withRetries, retryPolicy, type RetryPolicy} from '../remote/retry.js';
import type {Recognition} from '../remote/types.js';
import {recognitionKey, type RecognitionCache} from './cache.js';

export interface Recognizer {
  /** The answer to one utterance, asked in its dataset language (none: the platform's default). */
  recognize(text: string, language?: string): Promise<Recognition>;
}

/** One request: a text in a language. */
export interface Query {
  text: string;
  language?: string;
}

/** Each distinct (language, text) once, in first-seen order. */
function distinctQueries(queries: readonly Query[]): Query[] {
  const seen = new Map<string, Query>();
  for (const q of queries) {
    const key = recognitionKey(q.text, q.language);
    if (!seen.has(key)) seen.set(key, q);
  }
  return [...seen.values()];
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
  /** Answers by recognitionKey(text, language). */
  answers: Map<string, Recognition>;
  /** Texts sent to the platform in this run. */
  requests: number;
  /** Texts answered from the cache. */
  cached: number;
}

/** The distinct queries of a test set that the cache does not answer: the requests a run would make. */
export function pendingTexts(queries: readonly Query[], cache: RecognitionCache): Query[] {
  return distinctQueries(queries).filter((q) => cache.get(q.text, q.language) === undefined);
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
  queries: readonly Query[],
  options: RunnerOptions,
): Promise<RunnerResult> {
  const distinct = distinctQueries(queries);
  const answers = new Map<string, Recognition>();
  for (const {text, language} of distinct) {
    const hit = options.cache.get(text, language);
    if (hit) answers.set(recognitionKey(text, language), hit);
  }
  const pending = distinct.filter((q) => !answers.has(recognitionKey(q.text, q.language)));
  checkRequestCap(pending.length, options.maxRequests);
  const cached = answers.size;
  const policy = retryPolicy(options.retry);
  let next = 0;
  let requests = 0;
  let failure: unknown;
  const worker = async () => {
    while (failure === undefined && next < pending.length) {
      const {text, language} = pending[next++]!;
      try {
        const recognition = await withRetries(
          policy,
          () => {
            requests++;
            return recognizer.recognize(text, language);
          },
          (error) => ({retry: (error as {retryable?: boolean}).retryable === true}),
        );
        answers.set(recognitionKey(text, language), recognition);
        await options.cache.put(text, recognition, language);
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
