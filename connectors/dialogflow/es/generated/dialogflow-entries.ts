/* Generated from schemas/dialogflow-entries.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * entities/<name>_entries_<lang>.json: values and their synonyms (a value's synonyms normally include the value itself).
 */
export type DialogflowEntriesFile = DialogflowEntry[];

export interface DialogflowEntry {
  value: string;
  synonyms?: string[];
  [k: string]: unknown | undefined;
}
