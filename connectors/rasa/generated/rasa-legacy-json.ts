/* Generated from schemas/rasa-legacy-json.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * The rasa_nlu_data JSON format of Rasa 1.x and earlier. Entity start/end are Python string indices (Unicode code points), end exclusive.
 */
export interface RasaLegacyJson {
  rasa_nlu_data: {
    common_examples?: RasaLegacyExample[];
    intent_examples?: RasaLegacyExample[];
    entity_examples?: RasaLegacyExample[];
    entity_synonyms?: {
      value: string;
      synonyms: string[];
      [k: string]: unknown | undefined;
    }[];
    regex_features?: {
      name: string;
      pattern: string;
      [k: string]: unknown | undefined;
    }[];
    lookup_tables?: {
      name: string;
      elements?: string[] | string;
      /**
       * Rasa 1.x: a file of elements, one per line, instead of elements.
       */
      file_path?: string;
      [k: string]: unknown | undefined;
    }[];
    [k: string]: unknown | undefined;
  };
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `RasaLegacyJson`'s JSON-Schema
 * via the `definition` "Example".
 */
export interface RasaLegacyExample {
  text: string;
  intent?: string;
  entities?: {
    start: number;
    end: number;
    value?: unknown;
    entity: string;
    role?: string;
    group?: string;
    extractor?: string;
    [k: string]: unknown | undefined;
  }[];
  /**
   * Rasa 2.x+: anything attached to the example, kept as-is.
   */
  metadata?: {
    [k: string]: unknown | undefined;
  };
  [k: string]: unknown | undefined;
}
