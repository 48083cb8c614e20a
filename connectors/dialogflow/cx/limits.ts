import type {PlatformLimits} from '../../../src/connector-kit.js';

/**
 * Dialogflow CX limits. The counts are Dialogflow's documented ES limits (2,000 intents and 250 custom entity
 * types per agent, 2,000 training phrases per intent, 768 characters per training phrase): the CX rows of
 * https://cloud.google.com/dialogflow/quotas were not checked in this change, so treat them as the same until
 * someone does. Real CX intent names go past 64 characters (goodbye-graffiti has 69), so none is enforced.
 * Parameter ids carry roles (two @city parts as "from" and "to"); the files have no variation tags, splits,
 * nested annotations, patterns or phrase lists. Regexp entity types exist (KIND_REGEXP).
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
