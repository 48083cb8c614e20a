/**
 * Where the model is and how to reach it, resolved from (most specific first) command flags, the spec's
 * `provider:` block and the environment. The key itself is only ever read from the environment (a flag would
 * leave it in the shell history and the process list); only the name of its variable can be configured.
 */
import {SynthnluError} from '../errors.js';
import type {ProviderSpec} from '../generated/spec.js';
import {checkEndpoint, isLoopbackHost} from '../remote/endpoint.js';

export type ProviderKind = ProviderSpec['type'];

/** The spec's `provider:` block (schemas/spec.schema.json). */
export type ProviderSpecSettings = ProviderSpec;

/** Command-line overrides (undefined: not given). */
export interface ProviderFlags {
  provider?: ProviderKind | 'none';
  model?: string;
  baseUrl?: string;
  apiKeyEnv?: string;
  share?: number;
}

export interface ProviderSettings {
  kind: ProviderKind;
  /** What the cache and the report call the model: the model name, or the Azure deployment. */
  model: string;
  /** The chat-completions URL, without query. Never contains a credential. */
  url: string;
  /** Query parameters sent with every request (Azure's api-version). */
  params: Record<string, string>;
  /** Header name and value carrying the key; absent for a local server that needs none. */
  auth?: {header: string; value: string};
  /** The key as read, only so that it can be redacted; never serialised. */
  key?: string;
  /** Environment variable the key came from, for messages. */
  keyEnv: string;
  /** Share of each intent's generated (non-seed) utterances asked of the model. */
  share: number;
  /** Variation families the model writes (names or letters); empty: every family of the intent's mix. */
  families: string[];
  temperature: number;
  batchSize: number;
  jsonMode: boolean;
}

export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_AZURE_API_VERSION = '2024-10-21';
export const DEFAULT_LLM_SHARE = 0.5;
export const DEFAULT_TEMPERATURE = 0.9;
export const DEFAULT_BATCH_SIZE = 20;

/** The provider in effect, or undefined when generation stays rule-based. */
export function providerKind(
  spec: ProviderSpecSettings | undefined,
  flags: ProviderFlags,
): ProviderKind | undefined {
  if (flags.provider === 'none') return undefined;
  return flags.provider ?? spec?.type;
}

function usageError(message: string, suggestion: string): SynthnluError {
  return new SynthnluError('LLM_SETTINGS', message, {suggestion});
}

/**
 * Resolves the settings. `requireKey` is false for --dry-run and --offline, which never send a request, so
 * that prompts can be inspected (and cached answers reused) without a key at hand.
 */
export function resolveProviderSettings(
  kind: ProviderKind,
  spec: ProviderSpecSettings | undefined,
  flags: ProviderFlags,
  env: NodeJS.ProcessEnv = process.env,
  options: {requireKey?: boolean} = {},
): ProviderSettings {
  // Where the model is only carries over from a spec for the same kind of provider; what to ask of it always does.
  const fromSpec = spec?.type === kind ? spec : undefined;
  const common = {
    share: flags.share ?? spec?.share ?? DEFAULT_LLM_SHARE,
    families: spec?.families ?? [],
    temperature: spec?.temperature ?? DEFAULT_TEMPERATURE,
    batchSize: spec?.batchSize ?? DEFAULT_BATCH_SIZE,
    jsonMode: spec?.jsonMode ?? true,
  };
  return kind === 'azure'
    ? azureSettings(fromSpec, flags, env, options.requireKey ?? true, common)
    : openaiSettings(fromSpec, flags, env, options.requireKey ?? true, common);
}

type Common = Pick<ProviderSettings, 'share' | 'families' | 'temperature' | 'batchSize' | 'jsonMode'>;

function openaiSettings(
  spec: ProviderSpecSettings | undefined,
  flags: ProviderFlags,
  env: NodeJS.ProcessEnv,
  requireKey: boolean,
  common: Common,
): ProviderSettings {
  const base = checkBaseUrl(
    flags.baseUrl ?? spec?.baseUrl ?? nonEmpty(env.OPENAI_BASE_URL) ?? DEFAULT_OPENAI_BASE_URL,
  ).url;
  const model = flags.model ?? spec?.model ?? nonEmpty(env.SYNTHNLU_LLM_MODEL);
  if (!model)
    throw usageError(
      'no model named for --provider openai',
      'Pass --model (e.g. gpt-4o-mini, or llama3.1 for Ollama), set SYNTHNLU_LLM_MODEL, or add provider.model to the spec.',
    );
  const keyEnv = flags.apiKeyEnv ?? spec?.apiKeyEnv ?? 'OPENAI_API_KEY';
  const key = nonEmpty(env[keyEnv]);
  // Local servers (Ollama, llama.cpp, vLLM, LM Studio) usually take no key; the OpenAI cloud always does.
  if (!key && requireKey && !isLoopbackUrl(base))
    throw usageError(
      `${keyEnv} is not set; ${base} needs an API key`,
      `Export ${keyEnv}=<your key> (or name another variable with --api-key-env); local servers on 127.0.0.1 need none.`,
    );
  return {
    kind: 'openai',
    model,
    url: `${base}/chat/completions`,
    params: {},
    ...(key ? {auth: {header: 'Authorization', value: `Bearer ${key}`}, key} : {}),
    keyEnv,
    ...common,
  };
}

function azureSettings(
  spec: ProviderSpecSettings | undefined,
  flags: ProviderFlags,
  env: NodeJS.ProcessEnv,
  requireKey: boolean,
  common: Common,
): ProviderSettings {
  const given = flags.baseUrl ?? spec?.baseUrl ?? nonEmpty(env.AZURE_OPENAI_ENDPOINT);
  if (!given)
    throw usageError(
      'no Azure OpenAI endpoint',
      'Set AZURE_OPENAI_ENDPOINT=https://<resource>.openai.azure.com (or pass --base-url, or provider.baseUrl in the spec).',
    );
  const {url: endpoint, params} = checkBaseUrl(given, ['api-version']);
  // A full deployment URL (…/openai/deployments/<name>[/chat/completions]) names the deployment itself.
  const inUrl = /\/openai\/deployments\/([^/?#]+)/.exec(endpoint);
  const deployment =
    flags.model ?? spec?.deployment ?? spec?.model ?? inUrl?.[1] ?? nonEmpty(env.AZURE_OPENAI_DEPLOYMENT);
  if (!deployment)
    throw usageError(
      'no Azure OpenAI deployment named',
      'Set AZURE_OPENAI_DEPLOYMENT (or pass --model <deployment>, or provider.deployment in the spec).',
    );
  const root = endpoint.replace(/\/openai(\/.*)?$/, '');
  const keyEnv = flags.apiKeyEnv ?? spec?.apiKeyEnv ?? 'AZURE_OPENAI_API_KEY';
  const key = nonEmpty(env[keyEnv]);
  if (!key && requireKey)
    throw usageError(
      `${keyEnv} is not set`,
      `Export ${keyEnv}=<key from the Azure portal, Keys and Endpoint>, or name another variable with --api-key-env.`,
    );
  return {
    kind: 'azure',
    model: deployment,
    url: `${root}/openai/deployments/${encodeURIComponent(deployment)}/chat/completions`,
    params: {
      'api-version':
        spec?.apiVersion ??
        params['api-version'] ??
        nonEmpty(env.AZURE_OPENAI_API_VERSION) ??
        DEFAULT_AZURE_API_VERSION,
    },
    ...(key ? {auth: {header: 'api-key', value: key}, key} : {}),
    keyEnv,
    ...common,
  };
}

/**
 * checkEndpoint, and no query string but the parameters named in `allowed` (Azure's target URI carries
 * api-version): a base URL is extended with /chat/completions, and keys go in headers, never in the URL.
 */
function checkBaseUrl(given: string, allowed: string[] = []): {url: string; params: Record<string, string>} {
  const url = new URL(checkEndpoint(given, '--base-url'));
  const params: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    if (!allowed.includes(name))
      throw usageError(
        `--base-url must not have a query string (got ${url.origin}${url.pathname}?…)`,
        'Give the base URL only (e.g. https://api.openai.com/v1); the key is read from an environment variable and sent as a header.',
      );
    params[name] = value;
  }
  url.search = '';
  return {url: url.toString().replace(/\/+$/, ''), params};
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function isLoopbackUrl(url: string): boolean {
  return isLoopbackHost(new URL(url).hostname);
}
