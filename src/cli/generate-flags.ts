/** The generate command's flags, in one list (the provider's own are in src/llm/flags.ts). */
import {Flags} from '@oclif/core';
import {providerFlags} from '../llm/flags.js';
import {forceFlag, outFlag, seedFlag} from './flags.js';

export const generateFlags = {
  out: outFlag('Output dataset: .jsonl (streamed) or .json.'),
  'per-intent': Flags.integer({
    description: 'Utterances per intent (seeds included); overrides the spec.',
    min: 1,
  }),
  seed: seedFlag,
  split: Flags.custom<number>({
    description:
      'Share of utterances in the train split (0..1), met as closely as seed groups allow (a seed and what is generated from it stay on one side); overrides the spec.',
    parse: async (input) => {
      const value = Number(input);
      if (!Number.isFinite(value) || value < 0 || value > 1)
        throw new Error(`--split must be a number from 0 to 1, got "${input}"`);
      return value;
    },
  })(),
  none: Flags.integer({
    description:
      'Add an out-of-scope intent ("None", the fallback) with this many neutral and out-of-domain utterances; overrides the spec\'s none: key.',
    min: 1,
  }),
  filter: Flags.boolean({
    description:
      'Drop generated utterances that a classifier trained on the seeds assigns to another intent or with low confidence (--no-filter keeps them).',
    default: true,
    allowNo: true,
  }),
  balance: Flags.boolean({
    description:
      "When intents fall short by different amounts, trim the fuller ones (generated utterances, never seeds) to within 10% of the median intent, relative to their counts; intents below it stay short and say why (--no-balance writes every intent's full count).",
    default: true,
    allowNo: true,
  }),
  'max-utterances': Flags.integer({
    description:
      'Refuse to generate more than this many utterances in total, the out-of-scope intent (--none) included (a typo in a count can ask for hours of work).',
    default: 1_000_000,
    min: 1,
  }),
  force: forceFlag,
  ...providerFlags,
};
