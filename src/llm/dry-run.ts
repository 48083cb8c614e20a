/** --dry-run with a provider: the prompts that would be sent and what they would cost, with nothing sent. */
import type {GenerationReport} from '../generate/pipeline.js';
import type {LanguagePack} from '../generate/variation/types.js';
import type {Utterance} from '../model/dataset.js';
import type {Spec} from '../spec/spec.js';
import {cacheKey, ResponseCache} from './cache.js';
import type {ChatMessage} from './client.js';
import {estimatePlan, planGeneration, type PlanEstimate} from './plan.js';
import type {ProviderSettings} from './settings.js';

export interface DryRunRequest {
  intent: string;
  styles: {tag: string; count: number}[];
  count: number;
  seed: number;
  cached: boolean;
  messages: ChatMessage[];
}

export interface ProviderDryRun {
  provider: ProviderSettings['kind'];
  model: string;
  endpoint: string;
  /** Everything the plan would ask, and the share already answered in the cache (free). */
  estimate: PlanEstimate & {cachedRequests: number};
  requests: DryRunRequest[];
}

export async function dryRunProvider(
  spec: Spec,
  ruleBased: {utterances: Utterance[]; report: GenerationReport},
  pack: LanguagePack,
  settings: ProviderSettings,
  options: {seed: string; language: string; perIntent?: number; cacheDir: string},
): Promise<ProviderDryRun> {
  const plan = planGeneration(spec, ruleBased.utterances, pack, settings, options);
  const cache = new ResponseCache(options.cacheDir);
  const requests: DryRunRequest[] = [];
  for (const intent of plan.intents)
    for (const planned of intent.requests)
      requests.push({
        intent: planned.intent,
        styles: planned.styles,
        count: planned.count,
        seed: planned.request.seed,
        cached: (await cache.get(cacheKey(settings.model, planned.request))) !== undefined,
        messages: planned.request.messages,
      });
  return {
    provider: settings.kind,
    model: settings.model,
    endpoint: settings.url,
    estimate: {...estimatePlan(plan), cachedRequests: requests.filter((r) => r.cached).length},
    requests,
  };
}
