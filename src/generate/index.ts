/**
 * Generation as a library: stream utterances from a spec, or build a whole dataset with its report.
 */
import type {Dataset, Utterance} from '../model/dataset.js';
import type {Spec, SpecDocument} from '../spec/spec.js';
import {datasetHeaderFor} from './dataset-header.js';
import {generateEveryLanguage} from './multi-language.js';
import type {GenerateOptions, GenerationReport} from './pipeline.js';

export {datasetEntities, datasetHeaderFor, datasetIntents, type DatasetHeader} from './dataset-header.js';
export {
  generateUtterancesSync,
  type GenerateOptions,
  type GenerationReport,
  type IntentReport,
} from './pipeline.js';
export {DEFAULT_COUNT, DEFAULT_SPLIT, DEFAULT_VARIATION_MIX, resolveIntentSettings} from './settings.js';
export {parseTemplate, escapeTemplateText, type TemplateNode, type ParsedTemplate} from './template/parse.js';
export {TemplateCompiler, type CompiledTemplate} from './template/compile.js';
export {createRng, type Rng} from './rng.js';
export {languagePackFor, specUsesVariation} from './language.js';
export {generateEveryLanguage, languageRuns} from './multi-language.js';
export {writeGeneratedJsonl} from './write-jsonl.js';

/**
 * Streams generated utterances. Memory stays flat in the output size: nothing but a compact hash per
 * accepted utterance is kept. The report is delivered through options.onReport when the stream ends.
 */
export async function* generateUtterances(
  spec: Spec | SpecDocument,
  options: GenerateOptions & {onReport?: (report: GenerationReport) => void} = {},
): AsyncIterable<Utterance> {
  const iterator = generateEveryLanguage(spec, options);
  for (;;) {
    const step = await iterator.next();
    if (step.done) {
      options.onReport?.(step.value);
      return;
    }
    yield step.value;
  }
}

/** Generates a whole dataset in memory (for .json output and library use) with the per-intent report. */
export async function generateDataset(
  spec: Spec | SpecDocument,
  options: GenerateOptions = {},
): Promise<{dataset: Dataset; report: GenerationReport}> {
  const utterances: Utterance[] = [];
  const iterator = generateEveryLanguage(spec, options);
  let step = await iterator.next();
  while (!step.done) {
    utterances.push(step.value);
    step = await iterator.next();
  }
  return {dataset: {...datasetHeaderFor(spec, options), utterances}, report: step.value};
}
