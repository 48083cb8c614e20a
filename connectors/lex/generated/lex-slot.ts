/* Generated from schemas/lex-slot.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * <intent folder>/Slots/<name>/Slot.json. The elicitation prompts are kept verbatim.
 */
export interface LexSlot {
  /**
   * CreateSlot slotName (https://docs.aws.amazon.com/lexv2/latest/APIReference/API_CreateSlot.html).
   */
  name: string;
  identifier?: string | null;
  description?: string | null;
  /**
   * A custom slot type of the locale or an AMAZON.* built-in.
   */
  slotTypeName: string;
  valueElicitationSetting?: {
    slotConstraint?: 'Required' | 'Optional';
    [k: string]: unknown | undefined;
  } | null;
  [k: string]: unknown | undefined;
}
