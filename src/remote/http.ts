/**
 * A fault-tolerant HTTP client for the platforms' REST APIs: a timeout on every request, retries with
 * backoff and jitter on 429 (honouring Retry-After), 502/503/504, dropped connections and timeouts, a bounded
 * total time, and errors that say what to check without ever containing the key.
 */
import axios, {type AxiosInstance, type AxiosRequestConfig, type AxiosResponse} from 'axios';
import {ExitCode, SynthnluError} from '../errors.js';
import {parseRetryAfter, retryPolicy, withRetries, type RetryDecision, type RetryPolicy} from './retry.js';
import {truncateRedacted} from './secrets.js';
import type {SecretRegistry} from './types.js';

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
/**
 * Transport failures worth retrying. ECONNREFUSED is not one: nothing listens at the address (a Rasa server not
 * started, a wrong port), and retrying only hides that for seconds.
 */
const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

export interface HttpClientOptions {
  baseURL: string;
  headers: Record<string, string>;
  /** Names the platform in messages: "Azure CLU", "Rasa". */
  platform: string;
  /** What to check on 401/403, e.g. "AZURE_CONVERSATIONS_KEY and the endpoint's region". */
  authHint: string;
  /** What to do when nothing listens at the endpoint, e.g. how to start the server. */
  refusedHint?: string;
  retry?: Partial<RetryPolicy>;
  secrets: SecretRegistry;
  onRetry?: (message: string) => void;
}

export class HttpClient {
  readonly #axios: AxiosInstance;
  readonly #options: HttpClientOptions;
  readonly policy: RetryPolicy;
  /** Requests sent, retries included (reported by push and the benchmark). */
  requests = 0;
  /** Query parameters sent with every request (Rasa's token); never part of a message. */
  defaultParams: Record<string, string> = {};

  constructor(options: HttpClientOptions) {
    this.#options = options;
    this.policy = retryPolicy(options.retry);
    this.#axios = axios.create({
      baseURL: options.baseURL,
      headers: options.headers,
      timeout: this.policy.requestTimeoutMs,
      // Status codes are handled here, not thrown by axios, so retry decisions see the response.
      validateStatus: () => true,
      maxRedirects: 0,
      proxy: false,
      maxContentLength: this.policy.maxResponseBytes,
      maxBodyLength: Infinity,
    });
  }

  async request<T = unknown>(config: AxiosRequestConfig): Promise<AxiosResponse<T>> {
    const label = `${(config.method ?? 'get').toUpperCase()} ${config.url ?? ''}`;
    const started = this.policy.now();
    return withRetries(
      this.policy,
      async () => {
        this.requests++;
        let response: AxiosResponse<T>;
        // An ordinary request never outlives the total retry budget (a hanging server is given up on in time).
        const left = this.policy.totalTimeoutMs - (this.policy.now() - started);
        const timeout = config.timeout ?? Math.max(1, Math.min(this.policy.requestTimeoutMs, left));
        // A deadline for the whole response: axios's own timeout only notices a silent socket, and a server
        // that trickles its answer a byte at a time would hold the request open for ever.
        const deadline = new AbortController();
        const timer = setTimeout(() => deadline.abort(), timeout);
        try {
          response = await this.#axios.request<T>({
            ...config,
            timeout,
            signal: deadline.signal,
            params: {...this.defaultParams, ...config.params},
          });
        } catch (error) {
          throw new TransportError(label, deadline.signal.aborted ? {code: 'ETIMEDOUT'} : error);
        } finally {
          clearTimeout(timer);
        }
        if (response.status >= 200 && response.status < 300) return response;
        throw new HttpStatusError(label, response);
      },
      (error) => this.#classify(error),
      (error, delay, attempt) =>
        this.#options.onRetry?.(
          this.#options.secrets.redact(`${describe(error)}; retry ${attempt} in ${delay} ms`),
        ),
    ).catch((error: unknown) => {
      throw this.#toSynthnluError(error);
    });
  }

  #classify(error: unknown): RetryDecision {
    if (error instanceof HttpStatusError) {
      if (!RETRYABLE_STATUS.has(error.status)) return {retry: false};
      const retryAfterMs = parseRetryAfter(error.response.headers['retry-after'], this.policy.now());
      return retryAfterMs === undefined ? {retry: true} : {retry: true, retryAfterMs};
    }
    if (error instanceof TransportError)
      return {retry: error.code !== undefined && RETRYABLE_CODES.has(error.code)};
    return {retry: false};
  }

  #toSynthnluError(error: unknown): SynthnluError {
    const {platform, authHint, secrets} = this.#options;
    if (error instanceof HttpStatusError) {
      const detail = bodySummary(error.response.data, (text) => secrets.redact(text));
      if (error.status === 401 || error.status === 403)
        return new SynthnluError(
          'REMOTE_AUTH',
          `${platform} refused the credentials (${error.status}) for ${error.label}${detail ? `: ${detail}` : ''}`,
          {exitCode: ExitCode.failedCheck, suggestion: `Check ${authHint}.`},
        );
      const retryAfter = parseRetryAfter(error.response.headers['retry-after'], this.policy.now());
      if (error.status === 429 && retryAfter !== undefined && retryAfter > this.policy.totalTimeoutMs)
        return new SynthnluError(
          'REMOTE_QUOTA_EXHAUSTED',
          `${platform}: ${error.label} failed with 429 and asks to wait until ${new Date(this.policy.now() + retryAfter).toISOString()}, longer than --max-retry-time: the quota is used up${detail ? `: ${detail}` : ''}`,
          {
            exitCode: ExitCode.failedCheck,
            suggestion:
              'Run again after that time (answers already received are cached), or raise the quota on the platform.',
          },
        );
      if (error.status === 404)
        return new SynthnluError(
          'REMOTE_NOT_FOUND',
          `${platform}: ${error.label} not found (404)${detail ? `: ${detail}` : ''}`,
          {
            exitCode: ExitCode.failedCheck,
            suggestion: 'Check the project name and the endpoint.',
          },
        );
      return new SynthnluError(
        'REMOTE_HTTP',
        `${platform}: ${error.label} failed with ${error.status}${detail ? `: ${detail}` : ''}`,
        {
          exitCode: ExitCode.failedCheck,
          suggestion: RETRYABLE_STATUS.has(error.status)
            ? 'The platform kept failing after retries; try again later.'
            : 'Check the request data and the platform limits.',
        },
      );
    }
    if (error instanceof TransportError && error.tooLarge)
      return new SynthnluError(
        'REMOTE_RESPONSE_TOO_LARGE',
        secrets.redact(
          `${platform}: ${error.label} sent a response over ${this.policy.maxResponseBytes} bytes`,
        ),
        {
          exitCode: ExitCode.failedCheck,
          suggestion: 'Check --endpoint; raise --max-response-mb if the answer is genuine.',
        },
      );
    if (error instanceof TransportError && (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT'))
      return new SynthnluError(
        'REMOTE_TIMEOUT',
        secrets.redact(`${platform}: ${error.label} at ${this.#options.baseURL} timed out`),
        {
          exitCode: ExitCode.failedCheck,
          suggestion:
            'The platform did not answer in time; raise --request-timeout or --max-retry-time, or try later.',
        },
      );
    if (error instanceof TransportError && error.code === 'ECONNREFUSED')
      return new SynthnluError(
        'REMOTE_UNREACHABLE',
        secrets.redact(`${platform}: nothing is listening at ${this.#options.baseURL} (${describe(error)})`),
        {
          exitCode: ExitCode.failedCheck,
          suggestion: this.#options.refusedHint ?? 'Check --endpoint: the host refused the connection.',
        },
      );
    return new SynthnluError('REMOTE_NETWORK', secrets.redact(`${platform}: ${describe(error)}`), {
      exitCode: ExitCode.failedCheck,
      suggestion: 'Check the endpoint and your network; retries were exhausted.',
    });
  }
}

export class HttpStatusError extends Error {
  readonly status: number;
  constructor(
    readonly label: string,
    readonly response: AxiosResponse,
  ) {
    super(`${label} answered ${response.status}`);
    this.status = response.status;
  }
}

/** A request that got no response: connection reset, refused, timed out. Keeps no reference to headers. */
export class TransportError extends Error {
  readonly code: string | undefined;
  /** The response was refused for passing maxResponseBytes. */
  readonly tooLarge: boolean;
  constructor(
    readonly label: string,
    cause: unknown,
  ) {
    const code = (cause as {code?: string}).code;
    super(`${label}: ${code ?? 'network error'}`);
    this.code = code;
    this.tooLarge = /maxContentLength/.test((cause as Error).message ?? '');
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The error a body carries, redacted before it is cut (a key cut in half would leak its first characters). */
function bodySummary(data: unknown, redact: (text: string) => string): string {
  if (data === undefined || data === null || data === '') return '';
  if (typeof (data as {pipe?: unknown}).pipe === 'function') return ''; // a streamed body: not read
  const error = (data as {error?: {message?: string; code?: string}}).error;
  if (error?.message)
    return truncateRedacted(redact(`${error.code ? `${error.code}: ` : ''}${error.message}`));
  return truncateRedacted(redact(typeof data === 'string' ? data : JSON.stringify(data)));
}
