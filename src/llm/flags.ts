/** The generate command's flags for a language-model provider; none of them changes anything without one. */
import {Flags} from '@oclif/core';
import {DEFAULT_CACHE_DIR} from './cache.js';
import type {ProviderFlags} from './settings.js';

export const providerFlags = {
  provider: Flags.string({
    description:
      "Let a language model write part of each intent's variants: openai (OpenAI or any OpenAI-compatible server: Ollama, vLLM, llama.cpp, LM Studio) or azure (Azure OpenAI); none ignores the spec's provider.",
    options: ['openai', 'azure', 'none'],
    helpGroup: 'MODEL',
  }),
  model: Flags.string({
    description:
      'Model (openai; default SYNTHNLU_LLM_MODEL) or deployment (azure; default AZURE_OPENAI_DEPLOYMENT).',
    helpGroup: 'MODEL',
  }),
  'base-url': Flags.string({
    description:
      'openai: base URL ending in /v1 (default OPENAI_BASE_URL, then https://api.openai.com/v1); azure: resource endpoint (default AZURE_OPENAI_ENDPOINT). https:// unless loopback.',
    helpGroup: 'MODEL',
  }),
  'api-key-env': Flags.string({
    description:
      'Name of the environment variable holding the key (default OPENAI_API_KEY / AZURE_OPENAI_API_KEY).',
    helpGroup: 'MODEL',
  }),
  'llm-share': Flags.custom<number>({
    description: "Share of each intent's non-seed utterances written by the model (default 0.5).",
    helpGroup: 'MODEL',
    parse: async (input) => {
      const value = Number(input);
      if (!Number.isFinite(value) || value < 0 || value > 1)
        throw new Error(`--llm-share must be a number from 0 to 1, got "${input}"`);
      return value;
    },
  })(),
  offline: Flags.boolean({
    description: 'Use only cached model answers; fail if one is missing. Nothing is sent.',
    default: false,
    helpGroup: 'MODEL',
  }),
  'dry-run': Flags.boolean({
    description: 'Print the prompts and an estimate of requests and tokens; send nothing, write nothing.',
    default: false,
    helpGroup: 'MODEL',
  }),
  'cache-dir': Flags.string({
    description:
      'Where model answers are cached (a rerun with the same inputs reads them: same output, no cost).',
    default: DEFAULT_CACHE_DIR,
    helpGroup: 'MODEL',
  }),
  concurrency: Flags.integer({
    description: 'Model requests in flight at once.',
    default: 4,
    min: 1,
    max: 64,
    helpGroup: 'MODEL',
  }),
  'request-timeout': Flags.integer({
    description: 'Seconds before one model request is abandoned and retried.',
    default: 120,
    min: 1,
    helpGroup: 'MODEL',
  }),
  'retry-base-ms': Flags.integer({
    description: 'Base delay of the exponential backoff.',
    default: 500,
    min: 0,
    hidden: true,
  }),
  'request-timeout-ms': Flags.integer({
    description: 'Per-request timeout in milliseconds (tests).',
    min: 1,
    hidden: true,
  }),
};

export interface ProviderFlagValues {
  provider?: string | undefined;
  model?: string | undefined;
  'base-url'?: string | undefined;
  'api-key-env'?: string | undefined;
  'llm-share'?: number | undefined;
  offline: boolean;
  'dry-run': boolean;
  'cache-dir': string;
  concurrency: number;
  'request-timeout': number;
  'retry-base-ms': number;
  'request-timeout-ms'?: number | undefined;
}

export function providerFlagSettings(flags: ProviderFlagValues): ProviderFlags {
  return {
    ...(flags.provider ? {provider: flags.provider as NonNullable<ProviderFlags['provider']>} : {}),
    ...(flags.model ? {model: flags.model} : {}),
    ...(flags['base-url'] ? {baseUrl: flags['base-url']} : {}),
    ...(flags['api-key-env'] ? {apiKeyEnv: flags['api-key-env']} : {}),
    ...(flags['llm-share'] === undefined ? {} : {share: flags['llm-share']}),
  };
}
