/* Generated from schemas/dialogflow-cx-entities.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * entityTypes/<name>/entities/<language>.json: one language's entries of an entity type.
 */
export interface CxEntitiesFile {
  entities: CxEntity[];
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `CxEntitiesFile`'s JSON-Schema
 * via the `definition` "entity".
 */
export interface CxEntity {
  value: string;
  synonyms?: string[];
  languageCode?: string;
  [k: string]: unknown | undefined;
}
