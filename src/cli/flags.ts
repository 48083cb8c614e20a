/** Flags shared by several commands, defined once so they read and behave the same everywhere. */
import {Flags} from '@oclif/core';

export const seedFlag = Flags.integer({
  description: 'Random seed: the same spec and seed give byte-identical output.',
  min: 0,
});

export const outFlag = (description: string, required = true) =>
  Flags.string({char: 'o', description, required});

export const forceFlag = Flags.boolean({description: 'Overwrite existing files.', default: false});
