/** The flags of the commands that train the local recognizer (predict, bot), and the options they choose. */
import {Flags} from '@oclif/core';
import type {CreateRecognizerOptions} from '../recognizer/index.js';
import {DEFAULT_CONFIDENCE_THRESHOLD} from '../recognizer/local-recognizer.js';
import {COMMON_SYSTEM_TYPES} from '../recognizer/system-entities.js';
import {parseThreshold} from '../recognizer/threshold.js';
import {allSystemEntitiesFlag, maxCharsFlag} from './flags.js';

/** `fallback` says what happens below the threshold, in the command's words. */
export const recognizerFlags = (fallback: string) => ({
  from: Flags.string({
    description: 'Platform format of DATASET when detection is not enough (e.g. luis, lu, rasa).',
  }),
  threshold: Flags.string({
    description: `Confidence below which ${fallback} (0-1, default ${DEFAULT_CONFIDENCE_THRESHOLD}).`,
  }),
  'all-system-entities': allSystemEntitiesFlag,
  'max-chars': maxCharsFlag,
  'cache-dir': Flags.string({
    description: 'Model cache folder (default $XDG_CACHE_HOME/synthnlu or ~/.cache/synthnlu).',
  }),
});

export interface RecognizerFlagValues {
  from?: string | undefined;
  threshold?: string | undefined;
  'all-system-entities': boolean;
  'cache-dir'?: string | undefined;
}

/** The recognizer options the flags choose; training (slow, once per dataset) is announced on stderr. */
export function recognizerOptions(flags: RecognizerFlagValues): CreateRecognizerOptions {
  const threshold = parseThreshold(flags.threshold);
  return {
    ...(flags.from ? {from: flags.from} : {}),
    ...(flags['cache-dir'] ? {cacheDir: flags['cache-dir']} : {}),
    ...(threshold === undefined ? {} : {threshold}),
    ...(flags['all-system-entities'] ? {defaultSystemTypes: COMMON_SYSTEM_TYPES} : {}),
    onTraining: (count) =>
      process.stderr.write(`Training the intent classifier on ${count} utterances (cached afterwards)…\n`),
  };
}
