/* Generated from schemas/dialogflow-cx-agent.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * agent.json of a Dialogflow CX JSON package export. synthnlu reads the default language; every other setting is kept byte for byte.
 */
export interface CxAgent {
  displayName?: string;
  defaultLanguageCode?: string;
  supportedLanguageCodes?: string[];
  timeZone?: string;
  /**
   * Display name of the start flow.
   */
  startFlow?: string;
  startPlaybook?: string;
  [k: string]: unknown | undefined;
}
