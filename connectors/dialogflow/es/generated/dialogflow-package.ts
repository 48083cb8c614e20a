/* Generated from schemas/dialogflow-package.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * package.json of a Dialogflow ES export: the export format version.
 */
export interface DialogflowPackage {
  version: string;
  [k: string]: unknown | undefined;
}
