/* Generated from schemas/rasa-domain.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * The domain.yml fragment synthnlu writes beside nlu.yml: the intents and entities (with roles and groups) the training data uses.
 */
export interface RasaDomain {
  version?: string;
  intents: (string | {})[];
  entities?: (
    | string
    | {
        [k: string]:
          | {
              roles?: string[];
              groups?: string[];
            }
          | undefined;
      }
  )[];
  [k: string]: unknown | undefined;
}
