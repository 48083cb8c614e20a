/**
 * The real-data protocol (../shared/data/clinc150/README.md): K real seeds per intent, generate from them, train
 * the reference classifier (src/classifier: TF-IDF word 1-2 + char 2-5 grams, linear SVM) on seeds alone and on
 * seeds + generated, score both on the same real held-out texts.
 */
import {trainIntentClassifier, type TrainingExample} from '../../src/classifier/index.js';
import {generateDataset, type GenerateOptions, type GenerationReport} from '../../src/generate/index.js';
import {escapeTemplateText} from '../../src/generate/template/parse.js';
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
   * Hook for an LLM provider (issue 11: `generate --provider openai`, src/llm). When set, the bench passes it
   * to generation as the spec's `provider` key; until src/llm lands, a run with a provider fails loudly.
   */
  provider?: string;
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
  if (config.provider) (spec as unknown as Record<string, unknown>).provider = config.provider;
  return spec;
}

export async function augment(
  seeds: Map<string, string[]>,
  config: AugmentConfig,
  draw: number,
): Promise<{examples: TrainingExample[]; report: GenerationReport}> {
  const spec = seedSpec(seeds, config);
  const {dataset, report} = await generateDataset(spec, {seed: draw, ...config.options});
  return {examples: dataset.utterances.map((u) => ({text: u.text, intent: u.intent})), report};
}

export function accuracy(train: TrainingExample[], test: LabelledText[]): number {
  const classifier = trainIntentClassifier(train, {seed: 1});
  let correct = 0;
  for (const example of test) if (classifier.predict(example.text).intent === example.intent) correct++;
  return (100 * correct) / test.length;
}

export const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
export const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;
