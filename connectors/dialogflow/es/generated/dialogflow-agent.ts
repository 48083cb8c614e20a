/* Generated from schemas/dialogflow-agent.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * agent.json of a Dialogflow ES export/restore zip. Real exports carry many settings (webhook, googleAssistant...); only the fields synthnlu reads are typed. An empty object is valid (seen in real exports).
 */
export interface DialogflowAgent {
  description?: string;
  language?: string;
  supportedLanguages?: string[];
  defaultTimezone?: string;
  mlMinConfidence?: number;
  webhook?: {};
  googleAssistant?: {};
  [k: string]: unknown | undefined;
}
