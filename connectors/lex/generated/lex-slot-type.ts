/* Generated from schemas/lex-slot-type.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * <bot>/BotLocales/<locale>/SlotTypes/<name>/SlotType.json: values with synonyms (null or [{value}]), valueSelectionSetting (resolutionStrategy upper-cased in exports, regexFilter), or a built-in parent (AMAZON.AlphaNumeric).
 */
export interface LexSlotType {
  /**
   * CreateSlotType slotTypeName (https://docs.aws.amazon.com/lexv2/latest/APIReference/API_CreateSlotType.html).
   */
  name: string;
  identifier?: string | null;
  description?: string | null;
  /**
   * @maxItems 10000
   */
  slotTypeValues?: LexSlotTypeValue[] | null;
  parentSlotTypeSignature?: string | null;
  valueSelectionSetting?: null | LexValueSelectionSetting;
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `LexSlotType`'s JSON-Schema
 * via the `definition` "slotTypeValue".
 */
export interface LexSlotTypeValue {
  sampleValue: LexSampleValue;
  synonyms?: LexSampleValue[] | null;
}
/**
 * This interface was referenced by `LexSlotType`'s JSON-Schema
 * via the `definition` "sampleValue".
 */
export interface LexSampleValue {
  /**
   * At most 500 characters (https://docs.aws.amazon.com/lexv2/latest/dg/quotas.html).
   */
  value: string;
}
/**
 * This interface was referenced by `LexSlotType`'s JSON-Schema
 * via the `definition` "valueSelectionSetting".
 */
export interface LexValueSelectionSetting {
  resolutionStrategy:
    | 'ORIGINAL_VALUE'
    | 'TOP_RESOLUTION'
    | 'CONCATENATION'
    | 'OriginalValue'
    | 'TopResolution'
    | 'Concatenation';
  regexFilter?: null | {
    pattern: string;
  };
  [k: string]: unknown | undefined;
}
