import type {PlatformLimits} from '../../src/connector.js';

/**
 * One set of limits for the three formats, so the strictest platform wins:
 * - LUIS model limits (https://learn.microsoft.com/azure/ai-services/luis/luis-limits): 500 intents per app
 *   (499 + None), 15,000 utterances per app, utterance text at most 500 characters, intent and entity names
 *   at most 50 characters without the characters : $ & % * ( ) + ~ # / ?.
 * - CLU data limits (https://learn.microsoft.com/azure/ai-services/language-service/conversational-language-understanding/service-limits):
 *   500 intents, 350 entities, 25,000 utterances per project (50,000 in newer regions), 500 characters per
 *   utterance at authoring time, intent/entity names at most 50 characters without : $ & % * ( ) + ~ # / ?.
 * `supports` is what all three formats carry; each format's own `supports` adds what it carries beyond that
 * (LUIS and .lu: roles, nested ML labels, patterns, phrase lists; CLU: the train/test split).
 */
export const botframeworkLimits: PlatformLimits = {
  maxIntents: 500,
  maxEntities: 350,
  maxUtterancesTotal: 15000,
  maxUtteranceLength: 500,
  maxIntentNameLength: 50,
  intentNamePattern: '^[^:$&%*()+~#/?]+$',
  maxEntityNameLength: 50,
  entityNamePattern: '^[^:$&%*()+~#/?]+$',
  supports: {
    variationTags: false,
    roles: false,
    split: false,
    nestedEntities: false,
    regexEntities: true,
    patterns: false,
    phraseLists: false,
  },
};
