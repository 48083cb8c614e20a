import {type PlatformLimits, ExitCode, SynthnluError} from '../../src/connector-kit.js';

type FormatLimits = NonNullable<import('../../src/connector-kit.js').ConnectorFormat['limits']>;

/** Names both LUIS and CLU refuse (the same rule on both limits pages cited below). */
const NAME_RULES = {
  maxIntentNameLength: 50,
  intentNamePattern: '^[^:$&%*()+~#/?]+$',
  maxEntityNameLength: 50,
  entityNamePattern: '^[^:$&%*()+~#/?]+$',
} as const;

/**
 * LUIS app limits, for LUIS app JSON and .lu (both are LUIS apps), from
 * https://learn.microsoft.com/azure/ai-services/luis/luis-limits ("Model limits"):
 * 500 intents per app (499 custom + None), 15,000 utterances per app, 500 characters per utterance, intent
 * and entity names at most 50 characters without : $ & % * ( ) + ~ # / ?. Per-kind entity limits from the same
 * table are checked by the LUIS writer (LUIS_ENTITY_LIMITS).
 */
export const luisLimits: FormatLimits = {
  maxIntents: 500,
  maxUtterancesTotal: 15000,
  maxUtteranceLength: 500,
  ...NAME_RULES,
};

/**
 * The same LUIS page, per kind: 100 parent machine-learned entities (children do not count), 50 list
 * entities, 20 regular expression entities, 10 roles per entity, 500 patterns per app.
 */
export const LUIS_ENTITY_LIMITS = {ml: 100, list: 50, regex: 20, rolesPerEntity: 10, patterns: 500} as const;

/**
 * Azure CLU data limits, from
 * https://learn.microsoft.com/azure/ai-services/language-service/conversational-language-understanding/service-limits
 * ("Data limits"): 50,000 utterances per project (copies of the page before 2024 say 25,000: regions that have
 * not moved to the new limit still refuse more than 25,000), 500 intents, 350 entities, 20 regex entity
 * components (prebuilt/list/regex "components") per project, 500 characters per utterance at authoring time,
 * names at most 50 characters without : $ & % * ( ) + ~ # / ?.
 */
export const cluLimits: FormatLimits = {
  maxIntents: 500,
  maxEntities: 350,
  maxUtterancesTotal: 50000,
  maxUtteranceLength: 500,
  ...NAME_RULES,
};
export const CLU_MAX_REGEX_ENTITIES = 20;
/** The limit older copies of the CLU page give; exports above it are warned, not refused. */
export const CLU_OLD_MAX_UTTERANCES = 25000;

/**
 * What the connector as a whole promises (used by `coverage --platform botframework`): the strictest of the
 * formats. Each format overrides with its own limits above. `supports` is what all three formats carry; each
 * format's own `supports` adds what it carries beyond that (LUIS and .lu: roles, nested ML labels, patterns,
 * phrase lists; CLU: the train/test split).
 */
export const botframeworkLimits: PlatformLimits = {
  maxIntents: 500,
  maxEntities: 350,
  maxUtterancesTotal: 15000,
  maxUtteranceLength: 500,
  ...NAME_RULES,
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

/** A count over a per-kind limit, as the error export raises (nothing is written). */
export function overLimit(platform: string, what: string, count: number, max: number): SynthnluError {
  return new SynthnluError(
    'LIMIT_TOO_MANY_ENTITIES',
    `${platform} allows at most ${max} ${what}; the export would have ${count}`,
    {
      exitCode: ExitCode.failedCheck,
      suggestion: 'Merge or remove some, or export to a format without this limit.',
    },
  );
}
