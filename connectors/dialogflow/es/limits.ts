import type {PlatformLimits} from '../../../src/connector-kit.js';

/**
 * Dialogflow ES limits, from the "Limits" table of https://cloud.google.com/dialogflow/quotas (ES agents):
 * 2,000 intents per agent, 2,000 training phrases per intent, 768 characters per training phrase and 250 custom
 * entity types per agent. Parameter aliases on annotations carry roles (two "@sys.geo-city" parts named
 * "from" and "to"); the export files have no notion of variation tags, splits, nested annotations, patterns
 * (templates are a legacy "@" mode) or phrase lists. Regex entity types exist (isRegexp).
 */
export const dialogflowLimits: PlatformLimits = {
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
    responses: true,
  },
};
