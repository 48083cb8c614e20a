import type {PlatformLimits} from '../../src/connector-kit.js';

/**
 * Rasa Open Source trains locally, and its documentation (https://rasa.com/docs/rasa/training-data-format/)
 * states no limits on the number of intents, examples or characters, so none are declared here.
 * What the files carry: roles and groups in the `{"entity": ..., "role": ..., "group": ...}` annotation,
 * `regex` blocks, and `lookup` tables that are not tied to an entity (phrase-list-like features).
 * There is no train/test split, variation tag, nested annotation or pattern syntax in NLU data.
 */
export const rasaLimits: PlatformLimits = {
  supports: {
    variationTags: false,
    roles: true,
    split: false,
    nestedEntities: false,
    regexEntities: true,
    patterns: false,
    phraseLists: true,
    groups: true,
  },
};
