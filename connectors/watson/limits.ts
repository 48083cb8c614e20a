import type {PlatformLimits} from '../../src/connector-kit.js';

/**
 * watsonx Assistant limits for a dialog skill on the Plus and Enterprise plans:
 * - 2,000 intents and 25,000 intent examples per skill; an example is at most 1,024 characters; provide at
 *   least 5 examples per intent (https://cloud.ibm.com/docs/assistant?topic=assistant-intents, "Intent limits").
 * - 1,000 entities per skill (system entities count); 100,000 entity values and 100,000 synonyms; values and
 *   synonyms at most 64 characters; at most 5 patterns of 512 characters per pattern value
 *   (https://cloud.ibm.com/docs/assistant?topic=assistant-entities, "Entity limits"). The exporter leaves out
 *   longer values and splits patterns over values, with a warning.
 * - Intent names: Unicode letters, digits, _, - and ., at most 128; entity names: letters, digits, _ and -, at
 *   most 64; neither starts with sys- (v1 API CreateIntent/CreateEntity, https://cloud.ibm.com/apidocs/assistant-v1).
 *   The exporter renames what Watson refuses and shows the mapping, so no name pattern is enforced here.
 * Examples carry contextual entity mentions (no roles, nested labels, values or split); pattern entities are
 * regex entities; the files have no patterns, phrase lists, intent responses or entity groups.
 */
export const watsonLimits: PlatformLimits = {
  maxIntents: 2000,
  maxUtterancesTotal: 25000,
  minUtterancesPerIntent: 5,
  maxUtteranceLength: 1024,
  maxEntities: 1000,
  supports: {
    variationTags: false,
    roles: false,
    split: false,
    nestedEntities: false,
    regexEntities: true,
    patterns: false,
    phraseLists: false,
    responses: false,
    groups: false,
  },
};
