/* Generated from schemas/lex-bot.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * <bot>/Bot.json of a Lex JSON export (https://docs.aws.amazon.com/lexv2/latest/dg/import-export-format.html). Kept verbatim; only what an import needs is checked.
 */
export interface LexBot {
  /**
   * CreateBot botName: 1-100 characters, letters and digits with single _ or - between (https://docs.aws.amazon.com/lexv2/latest/APIReference/API_CreateBot.html).
   */
  name: string;
  version?: string | null;
  description?: string | null;
  identifier?: string | null;
  idleSessionTTLInSeconds?: number;
  dataPrivacy?: {} | null;
  [k: string]: unknown | undefined;
}
