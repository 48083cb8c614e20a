/**
 * The real-data protocol (../shared/data/clinc150/README.md): K real seeds per intent, generate from them, train
 * the reference classifier (src/classifier: TF-IDF word 1-2 + char 2-5 grams, linear SVM) on seeds alone and on
 * seeds + generated, score both on the same real held-out texts.
 */
import {trainIntentClassifier, type TrainingExample} from '../../src/classifier/index.js';
import {generateDataset, type GenerateOptions, type GenerationReport} from '../../src/generate/index.js';
import {escapeTemplateText} from '../../src/generate/template/parse.js';
import {generateDatasetWithProvider} from '../../src/llm/run.js';
import type {ProviderKind} from '../../src/llm/settings.js';
import type {Spec} from '../../src/spec/spec.js';
import type {LabelledText} from './real-data.js';

/** One way of producing training data from the seeds. */
export interface AugmentConfig {
  name: string;
  /** The spec's `defaults.variations`: a mix, 'auto', or undefined for the built-in default. */
  variations?: Record<string, number> | 'auto';
  /** Utterances per intent, seeds included. */
  count: number;
  /** Generate options beyond the seed (filter on/off, ...). */
  options?: Partial<GenerateOptions>;
  /**
   * An LLM provider kind (`generate --provider`, src/llm): generation goes through it, with the endpoint, model
   * and key from the environment (OPENAI_BASE_URL, SYNTHNLU_LLM_MODEL, OPENAI_API_KEY or the AZURE_OPENAI_*
   * variables), QUALITY_PROVIDER_SHARE of the non-seed utterances from the model (default 0.5), answers cached
   * in QUALITY_CACHE_DIR (default .synthnlu/llm-bench-cache) so reruns cost nothing.
   */
  provider?: ProviderKind;
  /** The spec's `none:` (an out-of-scope intent). */
  none?: {count: number};
}

export function seedSpec(seeds: Map<string, string[]>, config: AugmentConfig): Spec {
  const intents = [...seeds].map(([name, texts]) => ({
    name,
    examples: texts.map(escapeTemplateText) as [string, ...string[]],
  }));
  const defaults: Record<string, unknown> = {count: config.count};
  if (config.variations !== undefined) defaults.variations = config.variations;
  const spec = {language: 'en', defaults, intents} as unknown as Spec;
  if (config.none) (spec as unknown as Record<string, unknown>).none = config.none;
  if (config.provider)
    spec.provider = {type: config.provider, share: Number(process.env.QUALITY_PROVIDER_SHARE ?? 0.5)};
  return spec;
}

export async function augment(
  seeds: Map<string, string[]>,
  config: AugmentConfig,
  draw: number,
): Promise<{examples: TrainingExample[]; report: GenerationReport}> {
  const spec = seedSpec(seeds, config);
  const {utterances, report} = config.provider
    ? await generateDatasetWithProvider(spec, config.provider, {
        seed: draw,
        cacheDir: process.env.QUALITY_CACHE_DIR ?? '.synthnlu/llm-bench-cache',
        onRetry: (message) => console.error(message),
      })
    : await generateDataset(spec, {seed: draw, ...config.options}).then(({dataset, report}) => ({
        utterances: dataset.utterances,
        report,
      }));
  return {examples: utterances.map((u) => ({text: u.text, intent: u.intent})), report};
}

export function accuracy(train: TrainingExample[], test: LabelledText[]): number {
  const classifier = trainIntentClassifier(train, {seed: 1});
  let correct = 0;
  for (const example of test) if (classifier.predict(example.text).intent === example.intent) correct++;
  return (100 * correct) / test.length;
}

export const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
export const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;
