/* Generated from schemas/dialogflow-cx-excluded-phrases.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * entityTypes/<name>/excludedPhrases/<language>.json: phrases the entity type must not match.
 */
export interface CxExcludedPhrasesFile {
  excludedPhrases: CxExcludedPhrase[];
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `CxExcludedPhrasesFile`'s JSON-Schema
 * via the `definition` "excludedPhrase".
 */
export interface CxExcludedPhrase {
  value: string;
  languageCode?: string;
  [k: string]: unknown | undefined;
}
