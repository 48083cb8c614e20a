/* Generated from schemas/lex-manifest.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * Manifest.json at the root of a Lex JSON export (https://docs.aws.amazon.com/lexv2/latest/dg/import-export-format.html). Real exports write the camel-cased metaData key and resourceType BOT; the documentation shows metadata and Bot / BotLocale: both are accepted.
 */
export type LexManifest =
  | {
      metaData: LexManifestMetadata;
    }
  | {
      metadata: LexManifestMetadata;
    };

export interface LexManifestMetadata {
  schemaVersion: string;
  fileFormat: 'LexJson';
  resourceType?: 'BOT' | 'BOT_LOCALE' | 'Bot' | 'BotLocale' | 'CUSTOM_VOCABULARY';
  importType?: string;
  [k: string]: unknown | undefined;
}
