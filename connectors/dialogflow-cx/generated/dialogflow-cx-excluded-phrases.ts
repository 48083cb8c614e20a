/* Generated from schemas/dialogflow-cx-excluded-phrases.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * entityTypes/<name>/excludedPhrases/<language>.json: phrases the entity type must not match.
 */
export interface DialogflowCXExcludedPhrases {
  excludedPhrases: {
    value: string;
    languageCode?: string;
    [k: string]: unknown | undefined;
  }[];
  [k: string]: unknown | undefined;
}
