/* Generated from schemas/dialogflow-usersays.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * intents/<name>_usersays_<lang>.json: training phrases, each split into text parts; annotated parts carry meta (@entity or @sys.*) and alias (parameter name).
 */
export type DialogflowUserSaysFile = DialogflowUserSays[];

export interface DialogflowUserSays {
  id?: string;
  /**
   * @minItems 1
   */
  data: [DialogflowPart, ...DialogflowPart[]];
  isTemplate?: boolean;
  count?: number;
  lang?: string;
  updated?: number;
  [k: string]: unknown | undefined;
}
export interface DialogflowPart {
  text: string;
  alias?: string;
  meta?: string;
  userDefined?: boolean;
  [k: string]: unknown | undefined;
}
