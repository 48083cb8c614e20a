/** Flags shared by several commands, defined once so they read and behave the same everywhere. */
import {Flags} from '@oclif/core';
import {DEFAULT_MAX_MESSAGE_CHARS} from '../recognizer/limits.js';
import type {ConnectorRegistry} from '../connector-registry.js';

export const seedFlag = Flags.integer({
  description: 'Random seed: the same spec and seed give byte-identical output.',
  min: 0,
});

export const outFlag = (description: string) => Flags.string({char: 'o', description, required: true});

export const forceFlag = Flags.boolean({
  description:
    'Replace existing files that synthnlu did not write (its own datasets and reports are always replaced; an input is never overwritten).',
  default: false,
});

/** Platform file formats, from the connector registry (never a hand-typed list). */
export const toFormatFlag = (formatIds: string[]) =>
  Flags.string({description: 'Platform format to write.', options: formatIds, required: true});

export const fromFormatFlag = (formatIds: string[]) =>
  Flags.string({description: 'Platform format of the input (detected when omitted).', options: formatIds});

export const maxCharsFlag = Flags.integer({
  description: `Longest message recognised, in characters (longer ones are refused).`,
  default: DEFAULT_MAX_MESSAGE_CHARS,
  min: 1,
});

export const splitFlag = Flags.string({description: 'Export only this split.', options: ['train', 'test']});

/** predict and bot: entities beyond those the dataset declares. */
export const allSystemEntitiesFlag = Flags.boolean({
  description:
    'Also report common system entities the dataset does not declare (number, ordinal, percentage, datetime, email, url).',
  default: false,
});

/** export and convert: the flags whose help names the formats they concern, taken from the registry. */
export function exportChoiceFlags(registry: ConnectorRegistry) {
  const splitting = registry.formatsSupporting('split');
  const companions = registry
    .formats()
    .flatMap((format) => (format.companionFile ? [`--to ${format.id}: ${format.companionFile}`] : []));
  return {
    // What a format that cannot mark test utterances does with them (left out by default).
    'test-as-train': Flags.boolean({
      description: `For formats that cannot mark test utterances (all but ${splitting.join(', ') || 'none'}): export the test split as training data instead of leaving it out.`,
      default: false,
    }),
    domain: Flags.boolean({
      description: `Also write the platform's declaration file beside the training data (${companions.join('; ') || 'no format has one'}).`,
    }),
  };
}

/** --language on push, pull and evaluate: the languages of a multi-language dataset to work on. */
export const languageFlag = Flags.string({
  description:
    'Languages of a multi-language dataset to work on (comma-separated BCP-47 tags, e.g. es or en,es); default: every language the dataset holds.',
  multiple: true,
  delimiter: ',',
});
