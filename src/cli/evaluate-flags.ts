/** The evaluate command's flags: what to test, how hard to ask the platform, the gates and the reports. */
import {Flags, type Interfaces} from '@oclif/core';
import {registry} from '../registry.js';
import {remoteCommandFlags} from '../remote/flags.js';
import {DEFAULT_CACHE_DIR} from '../evaluate/cache.js';
import {LOCAL_PLATFORM} from '../evaluate/index.js';
import {coverageFlags} from './coverage-flags.js';
import {fromFormatFlag, languageFlag, seedFlag} from './flags.js';

export const evaluateFlags = {
  on: Flags.string({
    description: `Platform whose recognizer answers: ${LOCAL_PLATFORM} (the bundled classifier) or a live platform.`,
    options: [LOCAL_PLATFORM, ...registry.remoteIds()],
    required: true,
  }),
  from: fromFormatFlag(registry.formatIds()),
  'test-set': Flags.string({
    description:
      'Real user utterances to test on: any format synthnlu imports, or a CSV with the header text,intent (default: the dataset’s split=test utterances, generated ones left out).',
  }),
  sample: Flags.integer({description: 'Test on a stratified sample of this many utterances.', min: 1}),
  threshold: Flags.string({
    description: 'Count an answer below this confidence (0..1) as the platform’s no-match.',
  }),
  concurrency: Flags.integer({
    description:
      'Requests in flight (default per platform: local 1, rasa 4, dialogflow 2, dialogflow-cx 4, clu 4).',
    min: 1,
    max: 64,
  }),
  'max-requests': Flags.integer({
    description: 'Refuse to start a run that would send more requests than this (cached answers cost none).',
    min: 0,
  }),
  'dry-run': Flags.boolean({
    description: 'Print how many requests (and trainings) the run would make, and stop.',
    default: false,
  }),
  'cache-dir': Flags.string({
    description: 'Where answers are cached, by platform target, training fingerprint and text.',
    default: DEFAULT_CACHE_DIR,
  }),
  'no-cache': Flags.boolean({description: 'Ask the platform again for every utterance.', default: false}),
  'min-accuracy': Flags.string({description: 'Fail when the accuracy is below this (0..1).'}),
  'min-f1': coverageFlags['min-f1'],
  baseline: Flags.string({
    description: 'Earlier `evaluate --json` or `coverage --json` report to compare per-intent F1 with.',
  }),
  'max-f1-drop': coverageFlags['max-f1-drop'],
  seed: seedFlag,
  junit: coverageFlags.junit,
  html: coverageFlags.html,
  force: coverageFlags.force,
  train: Flags.string({
    description:
      'A/B: a training set to push to the scratch target, train and evaluate; give two (--train A --train B, with --test-set).',
    multiple: true,
  }),
  keep: Flags.boolean({
    description:
      'A/B: leave the scratch target as the last arm left it (default: restore it from its backup).',
    default: false,
  }),
  'backup-dir': Flags.string({
    description: 'A/B: where the scratch target is backed up before the first arm is pushed.',
    default: '.synthnlu/backups',
  }),
  ...scratchFlags(),
  language: languageFlag,
  ...remoteCommandFlags(registry, 'evaluate'),
};

/** The scratch-target flags the remotes declare (`--scratch-endpoint` for Rasa ...), for A/B runs. */
function scratchFlags() {
  const described = new Map<string, string[]>();
  for (const remote of registry.remotes())
    if (remote.scratch)
      described.set(remote.scratch.flag, [
        ...(described.get(remote.scratch.flag) ?? []),
        `${remote.id}: ${remote.scratch.description}`,
      ]);
  const flags: Record<string, Interfaces.OptionFlag<string | undefined>> = {};
  for (const [flag, meanings] of described)
    flags[flag] = Flags.string({description: `A/B, ${meanings.join(' ')}`});
  return flags;
}
