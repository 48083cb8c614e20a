/* Generated from schemas/lex-intent.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * <bot>/BotLocales/<locale>/Intents/<name>/Intent.json. Exports say name where the API says intentName, and slotPriorities name the slot (slotName) where the API gives its id. Prompts, code hooks and conditional branching are kept verbatim.
 */
export interface LexIntent {
  /**
   * CreateIntent intentName: 1-100 characters, ^([0-9a-zA-Z][_-]?){1,100}$ (https://docs.aws.amazon.com/lexv2/latest/APIReference/API_CreateIntent.html).
   */
  name: string;
  identifier?: string | null;
  description?: string | null;
  /**
   * AMAZON.FallbackIntent for the fallback intent, another AMAZON.* built-in, or null.
   */
  parentIntentSignature?: string | null;
  /**
   * At most 1,500 per intent (https://docs.aws.amazon.com/lexv2/latest/dg/quotas.html).
   *
   * @maxItems 1500
   */
  sampleUtterances?: LexSampleUtterance[] | null;
  slotPriorities?: LexSlotPriority[] | null;
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `LexIntent`'s JSON-Schema
 * via the `definition` "sampleUtterance".
 */
export interface LexSampleUtterance {
  /**
   * At most 500 characters (https://docs.aws.amazon.com/lexv2/latest/dg/quotas.html); {SlotName} names a slot of the intent.
   */
  utterance: string;
}
/**
 * This interface was referenced by `LexIntent`'s JSON-Schema
 * via the `definition` "slotPriority".
 */
export interface LexSlotPriority {
  priority: number;
  slotName?: string;
  slotId?: string;
  [k: string]: unknown | undefined;
}
