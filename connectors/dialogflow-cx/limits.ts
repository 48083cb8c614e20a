import type {PlatformLimits} from '../../src/connector.js';

/**
 * Dialogflow CX limits, from the CX "Quotas and limits" page (https://cloud.google.com/dialogflow/quotas, CX
 * agents): 2,000 intents and 250 custom entity types per agent, 2,000 training phrases per intent, 768 characters
 * per training phrase. Parameter ids carry roles (two @city parts as
 * "from" and "to"); the files have no variation tags, splits, nested annotations, patterns or phrase lists.
 * Regexp entity types exist (KIND_REGEXP).
 */
export const dialogflowCxLimits: PlatformLimits = {
  maxIntents: 2000,
  maxUtterancesPerIntent: 2000,
  maxUtteranceLength: 768,
  maxEntities: 250,
  supports: {
    variationTags: false,
    roles: true,
    split: false,
    nestedEntities: false,
    regexEntities: true,
    patterns: false,
    phraseLists: false,
  },
};
