/**
 * Public API: a recognizer trained from any dataset synthnlu reads, for a Bot Framework bot or a Microsoft 365
 * Agents SDK agent.
 *
 *   const recognizer = await createSynthnluRecognizer('out/data.json'); // botbuilder
 *   const recognizer = await createSynthnluRecognizer('out/data.json', {sdk: 'agents'}); // Agents SDK
 *   const result = await recognizer.recognize(turnContext); // RecognizerResult
 *
 * The model is cached on disk by the dataset's content hash; botbuilder is loaded only for a Bot Framework
 * recognizer, and the Agents SDK recognizer loads no SDK code at all.
 */
import {loadAnyAsDataset} from '../convert/load-any.js';
import type {Diagnostic} from '../errors.js';
import type {Dataset} from '../model/dataset.js';
import {SynthnluAgentsRecognizer} from './agents-recognizer.js';
import type {SynthnluRecognizer} from './bot-recognizer.js';
import {LocalRecognizer, type LocalRecognizerOptions} from './local-recognizer.js';
import {loadOrTrainClassifier, type CachedModel} from './model-cache.js';

export type {SynthnluRecognizer} from './bot-recognizer.js';
export {SynthnluAgentsRecognizer, type AgentsTurn} from './agents-recognizer.js';
export {DEFAULT_CONFIDENCE_THRESHOLD, EntityExtractor, LocalRecognizer} from './local-recognizer.js';
export type {LocalRecognizerOptions} from './local-recognizer.js';
export {defaultCacheDir, loadOrTrainClassifier, modelCacheKey} from './model-cache.js';
export type {EntityInstance, EntityMatch, RecognizerEntities, SynthnluRecognizerResult} from './types.js';

export interface CreateRecognizerOptions extends LocalRecognizerOptions {
  /** Platform format of the input file, when detection is not enough. */
  from?: string;
  /** Where trained models are kept; default $XDG_CACHE_HOME/synthnlu or ~/.cache/synthnlu. */
  cacheDir?: string;
  /** Called before a (slow) training run, e.g. to show progress. */
  onTraining?: (examples: number) => void;
}

export interface LoadedLocalRecognizer {
  recognizer: LocalRecognizer;
  dataset: Dataset;
  model: CachedModel;
  warnings: Diagnostic[];
}

/** Loads the dataset (any format synthnlu reads), trains or loads the cached classifier, builds the extractors. */
export async function loadLocalRecognizer(
  input: string | Dataset,
  options: CreateRecognizerOptions = {},
): Promise<LoadedLocalRecognizer> {
  const loaded =
    typeof input === 'string'
      ? await loadAnyAsDataset(input, options.from ? {from: options.from} : {})
      : {dataset: input, warnings: []};
  const model = await loadOrTrainClassifier(loaded.dataset, {
    ...(options.cacheDir ? {cacheDir: options.cacheDir} : {}),
    ...(options.onTraining ? {onTraining: options.onTraining} : {}),
  });
  const recognizer = await LocalRecognizer.create(loaded.dataset, model.classifier, options);
  return {recognizer, dataset: loaded.dataset, model, warnings: [...loaded.warnings, ...recognizer.warnings]};
}

/** The SDK a recognizer is made for: Bot Framework (`botbuilder`, the default) or the Microsoft 365 Agents SDK. */
export type RecognizerSdk = 'botbuilder' | 'agents';

/** A recognizer for a Microsoft 365 Agents SDK agent (an AgentApplication's handlers) for `input`. */
export async function createAgentsRecognizer(
  input: string | Dataset,
  options: CreateRecognizerOptions = {},
): Promise<SynthnluAgentsRecognizer> {
  const {recognizer} = await loadLocalRecognizer(input, options);
  return new SynthnluAgentsRecognizer(recognizer);
}

/**
 * A recognizer for the dataset at `input` (or a Dataset object): a Bot Framework `Recognizer` by default, or for
 * the Microsoft 365 Agents SDK with `{sdk: 'agents'}`. Both return the same RecognizerResult.
 */
export async function createSynthnluRecognizer(
  input: string | Dataset,
  options: CreateRecognizerOptions & {sdk: 'agents'},
): Promise<SynthnluAgentsRecognizer>;
export async function createSynthnluRecognizer(
  input: string | Dataset,
  options?: CreateRecognizerOptions & {sdk?: 'botbuilder'},
): Promise<SynthnluRecognizer>;
export async function createSynthnluRecognizer(
  input: string | Dataset,
  options: CreateRecognizerOptions & {sdk?: RecognizerSdk} = {},
): Promise<SynthnluRecognizer | SynthnluAgentsRecognizer> {
  if (options.sdk === 'agents') return createAgentsRecognizer(input, options);
  const {recognizer} = await loadLocalRecognizer(input, options);
  const {SynthnluRecognizer} = await import('./bot-recognizer.js');
  return new SynthnluRecognizer(recognizer);
}
