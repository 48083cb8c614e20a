/**
 * Trains the intent classifier once per dataset content and keeps it on disk, so restarting `synthnlu bot` or
 * running `synthnlu predict` again loads in milliseconds instead of retraining. The key is a SHA-256 of the
 * dataset's content and the classifier version, so any edit to the data (or a new classifier) retrains.
 */
import {createHash} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {
  CLASSIFIER_VERSION,
  loadIntentClassifier,
  trainIntentClassifier,
  type IntentClassifier,
} from '../classifier/index.js';
import {writeFileAtomic} from '../io/atomic-write.js';
import type {Dataset} from '../model/dataset.js';

const CACHE_FORMAT = 'synthnlu-model-cache/1';

/** $XDG_CACHE_HOME/synthnlu, or ~/.cache/synthnlu. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  return xdg && xdg.trim() !== '' ? join(xdg, 'synthnlu') : join(homedir(), '.cache', 'synthnlu');
}

/** The examples the classifier learns from: every utterance not held out as `split: test`. */
export function trainingExamples(dataset: Dataset): {text: string; intent: string}[] {
  return dataset.utterances.filter((u) => u.split !== 'test').map((u) => ({text: u.text, intent: u.intent}));
}

export function modelCacheKey(dataset: Dataset): string {
  return createHash('sha256')
    .update(`${CACHE_FORMAT}\n${CLASSIFIER_VERSION}\n`)
    .update(JSON.stringify(dataset))
    .digest('hex');
}

export interface CachedModel {
  classifier: IntentClassifier;
  /** Where the model is stored. */
  file: string;
  /** True when it was read from the cache, false when it was trained now. */
  fromCache: boolean;
  key: string;
  milliseconds: number;
}

export async function loadOrTrainClassifier(
  dataset: Dataset,
  options: {cacheDir?: string; seed?: number; onTraining?: (examples: number) => void} = {},
): Promise<CachedModel> {
  const started = performance.now();
  const key = modelCacheKey(dataset);
  const file = join(options.cacheDir ?? defaultCacheDir(), 'models', `${key}.json`);
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as {
      format?: unknown;
      key?: unknown;
      model?: unknown;
    };
    if (stored.format === CACHE_FORMAT && stored.key === key) {
      const classifier = loadIntentClassifier(stored.model);
      return {classifier, file, fromCache: true, key, milliseconds: performance.now() - started};
    }
  } catch {
    // Missing, unreadable or stale cache entries are simply retrained and overwritten.
  }
  const examples = trainingExamples(dataset);
  options.onTraining?.(examples.length);
  const classifier = trainIntentClassifier(examples, {seed: options.seed ?? 1});
  await writeFileAtomic(file, JSON.stringify({format: CACHE_FORMAT, key, model: classifier.toJSON()}));
  return {classifier, file, fromCache: false, key, milliseconds: performance.now() - started};
}
