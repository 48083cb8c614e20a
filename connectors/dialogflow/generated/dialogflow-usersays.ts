/* Generated from schemas/dialogflow-usersays.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * intents/<name>_usersays_<lang>.json: training phrases, each split into text parts; annotated parts carry meta (@entity or @sys.*) and alias (parameter name).
 */
export type DialogflowESTrainingPhrases = {
  id?: string;
  /**
   * @minItems 1
   */
  data: [
    {
      text: string;
      alias?: string;
      meta?: string;
      userDefined?: boolean;
      [k: string]: unknown | undefined;
    },
    ...{
      text: string;
      alias?: string;
      meta?: string;
      userDefined?: boolean;
      [k: string]: unknown | undefined;
    }[],
  ];
  isTemplate?: boolean;
  count?: number;
  lang?: string;
  updated?: number;
  [k: string]: unknown | undefined;
}[];
