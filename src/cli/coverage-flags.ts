/** The coverage command's flags, in one list. */
import {Flags} from '@oclif/core';
import {coveragePlatforms} from '../coverage/check-file.js';
import {DEFAULT_COVERAGE_OPTIONS} from '../coverage/index.js';
import {registry} from '../registry.js';
import {forceFlag, fromFormatFlag, seedFlag} from './flags.js';

export const coverageFlags = {
  from: fromFormatFlag(registry.formatIds()),
  platform: Flags.string({
    description: "Check against this platform's limits (connector or format id).",
    options: [...coveragePlatforms(registry).keys()],
  }),
  'min-examples': Flags.integer({
    description: `Warn below this many examples per intent (default ${DEFAULT_COVERAGE_OPTIONS.minExamples}); when given, fail the run too.`,
    min: 1,
  }),
  'min-f1': Flags.string({description: 'Fail when any intent’s F1 is below this (0..1).'}),
  'fail-on': Flags.string({
    description:
      'Fail when a finding of this severity or worse is found; none reports findings without failing.',
    options: ['error', 'warning', 'none'],
    default: 'error',
  }),
  baseline: Flags.string({description: 'Earlier `coverage --json` report to compare per-intent F1 with.'}),
  'max-f1-drop': Flags.string({
    description: `With --baseline: fail when an intent’s F1 dropped by more than this (default ${DEFAULT_COVERAGE_OPTIONS.maxF1Drop}).`,
  }),
  'test-set': Flags.string({
    description:
      'Real user utterances to test on (any format synthnlu imports, or a CSV with the header text,intent).',
  }),
  method: Flags.string({
    description: 'How to estimate the model: cross-validation, split (split=train vs split=test), or auto.',
    options: ['auto', 'cross-validation', 'split'],
    default: 'auto',
  }),
  folds: Flags.integer({
    description: 'Folds for cross-validation.',
    default: DEFAULT_COVERAGE_OPTIONS.folds,
    min: 2,
    max: 20,
  }),
  'max-per-intent': Flags.integer({
    description:
      'Estimate on a stratified sample of at most this many real and this many generated utterances per intent (0: all; default: as many as keep the estimate near 20 s).',
    min: 0,
  }),
  'no-model': Flags.boolean({
    description: 'Run the checks only; skip training the classifier.',
    default: false,
  }),
  seed: seedFlag,
  junit: Flags.string({description: 'Write a JUnit XML report to this file.'}),
  html: Flags.string({description: 'Write a self-contained HTML report to this file.'}),
  force: forceFlag,
};
