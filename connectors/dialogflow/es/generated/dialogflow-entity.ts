/* Generated from schemas/dialogflow-entity.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * entities/<name>.json: an entity type's settings (isRegexp: entries are regular expressions; isEnum: composite/list entity).
 */
export interface DialogflowEntityType {
  id?: string;
  name: string;
  isOverridable?: boolean;
  isEnum?: boolean;
  isRegexp?: boolean;
  automatedExpansion?: boolean;
  allowFuzzyExtraction?: boolean;
  [k: string]: unknown | undefined;
}
