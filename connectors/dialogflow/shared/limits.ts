import type {PlatformLimits} from '../../../src/connector-kit.js';

/**
 * The agent limits both Dialogflow editions are held to, from the "Limits" table of
 * https://cloud.google.com/dialogflow/quotas: 2,000 intents per agent, 2,000 training phrases per intent,
 * 768 characters per training phrase and 250 custom entity types per agent.
 */
export const DIALOGFLOW_AGENT_LIMITS = {
  maxIntents: 2000,
  maxUtterancesPerIntent: 2000,
  maxUtteranceLength: 768,
  maxEntities: 250,
} as const satisfies Partial<PlatformLimits>;

/**
 * What the agent files of both editions carry: roles (as parameter aliases or ids: two "@sys.geo-city" parts
 * named "from" and "to") and regex entity types; no variation tags, splits, nested annotations, patterns or
 * phrase lists.
 */
export const DIALOGFLOW_SUPPORTS = {
  variationTags: false,
  roles: true,
  split: false,
  nestedEntities: false,
  regexEntities: true,
  patterns: false,
  phraseLists: false,
} as const satisfies PlatformLimits['supports'];
