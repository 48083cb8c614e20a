/* Generated from schemas/dialogflow-cx-intent.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * intents/<name>/<name>.json: the intent and the parameters its training phrases annotate.
 */
export interface CxIntent {
  /**
   * The intent's id (a UUID; 00000000-0000-0000-0000-000000000000 is the Default Welcome Intent).
   */
  name?: string;
  displayName: string;
  parameters?: CxParameter[];
  priority?: number;
  isFallback?: boolean;
  labels?: unknown;
  description?: string;
  numTrainingPhrases?: number;
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `CxIntent`'s JSON-Schema
 * via the `definition` "parameter".
 */
export interface CxParameter {
  /**
   * What a training phrase part's parameterId refers to.
   */
  id: string;
  /**
   * @<entity type display name> or @sys.<system entity>.
   */
  entityType: string;
  isList?: boolean;
  /**
   * Hide the value in logs.
   */
  redact?: boolean;
  [k: string]: unknown | undefined;
}
