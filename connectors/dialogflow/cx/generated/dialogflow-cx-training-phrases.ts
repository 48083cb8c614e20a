/* Generated from schemas/dialogflow-cx-training-phrases.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * intents/<name>/trainingPhrases/<language>.json: one language's training phrases. Annotated parts name a parameter of the intent; spaces around an annotation live in the neighbouring parts.
 */
export interface CxTrainingPhrasesFile {
  trainingPhrases: CxTrainingPhrase[];
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `CxTrainingPhrasesFile`'s JSON-Schema
 * via the `definition` "trainingPhrase".
 */
export interface CxTrainingPhrase {
  id?: string;
  /**
   * @minItems 1
   */
  parts: [CxPart, ...CxPart[]];
  repeatCount?: number;
  languageCode?: string;
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `CxTrainingPhrasesFile`'s JSON-Schema
 * via the `definition` "part".
 */
export interface CxPart {
  text: string;
  parameterId?: string;
  /**
   * Annotated automatically by Dialogflow rather than by a person.
   */
  auto?: boolean;
  [k: string]: unknown | undefined;
}
