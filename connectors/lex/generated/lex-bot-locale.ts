/* Generated from schemas/lex-bot-locale.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * <bot>/BotLocales/<locale>/BotLocale.json (https://docs.aws.amazon.com/lexv2/latest/dg/import-export-format.html); identifier is the locale id (en_US).
 */
export interface LexBotLocale {
  name?: string | null;
  identifier: string;
  description?: string | null;
  nluConfidenceThreshold?: number | null;
  voiceSettings?: {} | null;
  [k: string]: unknown | undefined;
}
