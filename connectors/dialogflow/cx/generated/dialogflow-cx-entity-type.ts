/* Generated from schemas/dialogflow-cx-entity-type.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * KIND_MAP: values with synonyms; KIND_LIST: entries without canonical values (often references to other types); KIND_REGEXP: regular expressions.
 *
 * This interface was referenced by `CxEntityType`'s JSON-Schema
 * via the `definition` "entityKind".
 */
export type CxEntityKind = 'KIND_MAP' | 'KIND_LIST' | 'KIND_REGEXP';

/**
 * entityTypes/<name>/<name>.json: a custom entity type's kind and flags (its entries are per language under entities/).
 */
export interface CxEntityType {
  name?: string;
  displayName: string;
  kind: CxEntityKind;
  autoExpansionMode?: 'AUTO_EXPANSION_MODE_UNSPECIFIED' | 'AUTO_EXPANSION_MODE_DEFAULT';
  enableFuzzyExtraction?: boolean;
  redact?: boolean;
  [k: string]: unknown | undefined;
}
