/**
 * A client for OpenAI-compatible chat completions (OpenAI, Azure OpenAI, Ollama, vLLM, llama.cpp server,
 * LM Studio): a deadline on every request, retries with backoff and jitter on 408/429/5xx (honouring
 * Retry-After and Azure's retry-after-ms), dropped connections and timeouts, and errors that name the
 * endpoint and say what to check without ever containing the key.
 */
import axios, {type AxiosInstance, type AxiosResponse} from 'axios';
import {ExitCode, SynthnluError} from '../errors.js';
import {
  parseRetryAfter,
  retryPolicy,
  withRetries,
  type RetryDecision,
  type RetryPolicy,
} from '../remote/retry.js';
import {Secrets, truncateRedacted} from '../remote/secrets.js';
import type {ProviderSettings} from './settings.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  messages: ChatMessage[];
  temperature: number;
  /** Sent as the request's seed (OpenAI, vLLM, llama.cpp and Ollama honour it). */
  seed: number;
  maxTokens: number;
}

export interface TokenUsage {
  prompt: number;
  completion: number;
}

export interface ChatAnswer {
  content: string;
  usage: TokenUsage;
}

export interface ChatClientOptions {
  retry?: Partial<RetryPolicy>;
  /** Told about each retry (message already redacted). */
  onRetry?: (message: string) => void;
}

const RETRYABLE_STATUS = new Set([408, 409, 429, 500, 502, 503, 504]);

/** A registry holding the key: the remote clients' Secrets scrub it in every encoding it may leave in. */
export function secretsFor(key: string | undefined): Secrets {
  const secrets = new Secrets();
  secrets.add(key);
  return secrets;
}

export class ChatClient {
  readonly #axios: AxiosInstance;
  readonly #settings: ProviderSettings;
  readonly #secrets: Secrets;
  readonly #onRetry: ((message: string) => void) | undefined;
  readonly policy: RetryPolicy;
  /** HTTP requests sent, retries included. */
  requests = 0;
  retries = 0;

  constructor(settings: ProviderSettings, options: ChatClientOptions = {}) {
    this.#settings = settings;
    this.#secrets = secretsFor(settings.key);
    this.#onRetry = options.onRetry;
    // Models answer slowly (a local one can take a minute), so the whole budget is larger than for platforms.
    this.policy = retryPolicy({requestTimeoutMs: 120_000, totalTimeoutMs: 10 * 60_000, ...options.retry});
    this.#axios = axios.create({
      headers: {
        'content-type': 'application/json',
        ...(settings.auth ? {[settings.auth.header]: settings.auth.value} : {}),
      },
      params: settings.params,
      timeout: this.policy.requestTimeoutMs,
      validateStatus: () => true,
      // A body past the limit is refused, not buffered.
      maxContentLength: this.policy.maxResponseBytes,
      maxRedirects: 0,
      proxy: false,
      // The body is parsed here, so that a malformed answer is reported as such and not as a network error.
      responseType: 'text',
      transformResponse: (data: unknown) => data,
    });
  }

  /** The endpoint as messages name it: the URL, never a header or a key. */
  get endpoint(): string {
    return this.#secrets.redact(this.#settings.url);
  }

  async complete(request: ChatRequest): Promise<ChatAnswer> {
    const body = {
      model: this.#settings.model,
      messages: request.messages,
      temperature: request.temperature,
      seed: request.seed,
      max_tokens: request.maxTokens,
      ...(this.#settings.jsonMode ? {response_format: {type: 'json_object'}} : {}),
    };
    return withRetries(
      this.policy,
      async () => {
        this.requests++;
        let response: AxiosResponse<string>;
        try {
          response = await this.#axios.post<string>(this.#settings.url, body, {
            // A total deadline: axios's own timeout only notices a silent socket, not a trickling one.
            signal: AbortSignal.timeout(this.policy.requestTimeoutMs),
          });
        } catch (error) {
          throw new ChatTransportError(error);
        }
        if (response.status < 200 || response.status >= 300) throw new ChatStatusError(response);
        // A model (or a proxy) can echo the request headers: the answer never carries the key onward, into
        // the cache, the dataset or a message.
        const answer = parseCompletion(response.data);
        return {...answer, content: this.#secrets.redact(answer.content)};
      },
      (error) => this.#classify(error),
      (error, delay, attempt) => {
        this.retries++;
        this.#onRetry?.(
          this.#secrets.redact(`${this.endpoint}: ${describe(error)}; retry ${attempt} in ${delay} ms`),
        );
      },
    ).catch((error: unknown) => {
      throw this.#toSynthnluError(error);
    });
  }

  #classify(error: unknown): RetryDecision {
    if (error instanceof ChatStatusError) {
      if (!RETRYABLE_STATUS.has(error.status)) return {retry: false};
      const headers = error.response.headers;
      const ms = Number(headers['retry-after-ms']);
      const retryAfterMs =
        Number.isFinite(ms) && ms >= 0 ? ms : parseRetryAfter(headers['retry-after'], this.policy.now());
      return retryAfterMs === undefined ? {retry: true} : {retry: true, retryAfterMs};
    }
    // Timeouts, resets, refused connections: the server may be starting or overloaded. An oversize answer
    // would only come again.
    if (error instanceof ChatTransportError) return {retry: !error.tooLarge};
    return {retry: false};
  }

  #toSynthnluError(error: unknown): SynthnluError {
    const where = this.endpoint;
    const redact = (text: string) => this.#secrets.redact(text);
    if (error instanceof ChatStatusError) {
      const detail = bodySummary(error.response.data, redact);
      const suffix = detail ? `: ${detail}` : '';
      if (error.status === 401 || error.status === 403)
        return new SynthnluError('LLM_AUTH', `${where} refused the API key (${error.status})${suffix}`, {
          exitCode: ExitCode.failedCheck,
          suggestion: `Check ${this.#settings.keyEnv} (the key is read from that environment variable) and that it belongs to this endpoint.`,
        });
      if (error.status === 404)
        return new SynthnluError(
          'LLM_NOT_FOUND',
          `${where} answered 404 for model "${this.#settings.model}"${suffix}`,
          {
            exitCode: ExitCode.failedCheck,
            suggestion:
              this.#settings.kind === 'azure'
                ? 'Check the deployment name (AZURE_OPENAI_DEPLOYMENT) and the resource endpoint.'
                : 'Check the base URL (it usually ends in /v1) and the model name (--model).',
          },
        );
      return new SynthnluError('LLM_HTTP', `${where} failed with ${error.status}${suffix}`, {
        exitCode: ExitCode.failedCheck,
        suggestion: RETRYABLE_STATUS.has(error.status)
          ? 'The endpoint kept failing after retries; try again later or lower --concurrency.'
          : 'Check the model name and the request settings (provider.jsonMode: false for servers without JSON mode).',
      });
    }
    if (error instanceof MalformedCompletionError)
      return new SynthnluError('LLM_BAD_RESPONSE', `${where}: ${error.message}`, {
        exitCode: ExitCode.failedCheck,
        suggestion: 'Check that the base URL points at an OpenAI-compatible chat-completions API.',
      });
    if (error instanceof ChatTransportError && error.tooLarge)
      return new SynthnluError(
        'LLM_RESPONSE_TOO_LARGE',
        redact(`${where} sent an answer over the ${this.policy.maxResponseBytes}-byte limit`),
        {
          exitCode: ExitCode.failedCheck,
          suggestion:
            'Check the base URL: a chat completion is a few kilobytes; lower max_tokens if it is genuine.',
        },
      );
    return new SynthnluError('LLM_UNREACHABLE', redact(`cannot reach ${where}: ${describe(error)}`), {
      exitCode: ExitCode.failedCheck,
      suggestion:
        'Check that the server is running and the URL is right (Ollama: http://127.0.0.1:11434/v1), and your network; retries were exhausted.',
    });
  }
}

/** The first choice's text and the token usage, from a chat-completions response body. */
function parseCompletion(body: string): ChatAnswer {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new MalformedCompletionError('the response is not JSON');
  }
  const response = json as {
    choices?: {message?: {content?: unknown}}[];
    usage?: {prompt_tokens?: unknown; completion_tokens?: unknown};
  };
  const content = response.choices?.[0]?.message?.content;
  if (typeof content !== 'string')
    throw new MalformedCompletionError('the response has no choices[0].message.content');
  const count = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : 0);
  return {
    content,
    usage: {
      prompt: count(response.usage?.prompt_tokens),
      completion: count(response.usage?.completion_tokens),
    },
  };
}

class ChatStatusError extends Error {
  readonly status: number;
  constructor(readonly response: AxiosResponse<string>) {
    super(`answered ${response.status}`);
    this.status = response.status;
  }
}

/** No response: refused, reset, timed out. Keeps no reference to the request (its headers hold the key). */
class ChatTransportError extends Error {
  /** The answer was refused for passing the response size limit. */
  readonly tooLarge: boolean;
  constructor(cause: unknown) {
    const code = (cause as {code?: string}).code;
    const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'ERR_CANCELED';
    super(timedOut ? 'no answer before the request timeout' : (code ?? 'network error'));
    this.tooLarge = /maxContentLength/.test((cause as Error).message ?? '');
  }
}

class MalformedCompletionError extends Error {}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The error a body carries, redacted before it is cut (a key cut in half would leak its first characters). */
function bodySummary(data: unknown, redact: (text: string) => string): string {
  if (typeof data !== 'string' || data === '') return '';
  let text = data;
  try {
    const error = (JSON.parse(data) as {error?: {message?: string; code?: string} | string}).error;
    if (typeof error === 'string') text = error;
    else if (error?.message) text = `${error.code ? `${error.code}: ` : ''}${error.message}`;
  } catch {
    // Not JSON: show the start of the text.
  }
  return truncateRedacted(redact(text));
}
