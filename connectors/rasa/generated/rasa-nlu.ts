/* Generated from schemas/rasa-nlu.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * This interface was referenced by `RasaNluFile`'s JSON-Schema
 * via the `definition` "Block".
 */
export type RasaNluBlock = RasaNluIntentBlock | RasaNluSynonymBlock | RasaNluRegexBlock | RasaNluLookupBlock;

/**
 * A Rasa 2.x/3.x training data file after YAML parsing: version and an nlu list of intent, synonym, regex and lookup blocks. Other top-level keys of a Rasa data file (stories, rules, responses...) are allowed and ignored.
 */
export interface RasaNluFile {
  version?: string | number;
  nlu?: RasaNluBlock[] | null;
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `RasaNluFile`'s JSON-Schema
 * via the `definition` "IntentBlock".
 */
export interface RasaNluIntentBlock {
  intent: string | number | boolean;
  examples?: string | null | RasaNluExample[];
  metadata?: unknown;
  description?: string;
}
/**
 * This interface was referenced by `RasaNluFile`'s JSON-Schema
 * via the `definition` "Example".
 */
export interface RasaNluExample {
  text: string | number | boolean;
  metadata?: unknown;
}
/**
 * This interface was referenced by `RasaNluFile`'s JSON-Schema
 * via the `definition` "SynonymBlock".
 */
export interface RasaNluSynonymBlock {
  synonym: string | number | boolean;
  examples?: string | null;
  metadata?: unknown;
}
/**
 * This interface was referenced by `RasaNluFile`'s JSON-Schema
 * via the `definition` "RegexBlock".
 */
export interface RasaNluRegexBlock {
  regex: string | number | boolean;
  examples?: string | null;
  metadata?: unknown;
}
/**
 * This interface was referenced by `RasaNluFile`'s JSON-Schema
 * via the `definition` "LookupBlock".
 */
export interface RasaNluLookupBlock {
  lookup: string | number | boolean;
  examples?: string | null;
  metadata?: unknown;
}
