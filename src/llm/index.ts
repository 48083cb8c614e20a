/**
 * Paraphrase generation through any OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI, Ollama,
 * vLLM, llama.cpp server, LM Studio), filtered like rule-based output and reproducible through an on-disk
 * answer cache.
 */
export {
  augmentWithProvider,
  type ProviderIntentReport,
  type ProviderReport,
  type ProviderRunOptions,
  type ProviderRunResult,
} from './augment.js';
export {DEFAULT_CACHE_DIR, ResponseCache, cacheKey} from './cache.js';
export {ChatClient, secretsFor, type ChatAnswer, type ChatMessage, type ChatRequest} from './client.js';
export {dryRunProvider, type ProviderDryRun} from './dry-run.js';
export {DEFAULT_MAX_UTTERANCE_LENGTH, DROP_REASONS, UtteranceFilter, type DropReason} from './filters.js';
export {parseAnswer} from './answer.js';
export {buildMessages, FAMILY_INSTRUCTIONS} from './prompt.js';
export {
  providerKind,
  resolveProviderSettings,
  type ProviderFlags,
  type ProviderKind,
  type ProviderSettings,
  type ProviderSpecSettings,
} from './settings.js';
