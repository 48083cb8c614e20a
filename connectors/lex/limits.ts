import type {PlatformLimits} from '../../src/connector-kit.js';

/**
 * Amazon Lex V2 build-time quotas (https://docs.aws.amazon.com/lexv2/latest/dg/quotas.html): 1,000 intents per
 * locale in en-AU/en-GB/en-US (250 in the others; the lower figure is not enforced here), 250 custom slot types
 * per locale (100 outside English), 1,500 sample utterances per intent, 500 characters per sample utterance
 * (Unicode code units), 10,000 values and synonyms per slot type of 500 characters each, 100 slots per intent.
 * Names: ^([0-9a-zA-Z][_-]?){1,100}$ (Lex V2 API reference, CreateIntent / CreateSlotType:
 * https://docs.aws.amazon.com/lexv2/latest/APIReference/API_CreateIntent.html); a dataset name Lex cannot
 * take is written Lex-safe with the original in the resource's description, so it is not refused here.
 * Slot names carry roles; Lex files have no variation tags, test split, nested or overlapping annotations,
 * patterns or phrase lists; a slot type can carry one regular expression (regexFilter, at most 300 characters).
 */
export const LEX_MAX_SAMPLES_PER_INTENT = 1500;
export const LEX_MAX_UTTERANCE_LENGTH = 500;
export const LEX_MAX_SLOT_TYPE_VALUES = 10_000;
export const LEX_MAX_VALUE_LENGTH = 500;
export const LEX_MAX_REGEX_LENGTH = 300;
export const LEX_MAX_SLOTS_PER_INTENT = 100;

export const lexLimits: PlatformLimits = {
  maxIntents: 1000,
  maxEntities: 250,
  maxUtterancesPerIntent: LEX_MAX_SAMPLES_PER_INTENT,
  maxUtteranceLength: LEX_MAX_UTTERANCE_LENGTH,
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
