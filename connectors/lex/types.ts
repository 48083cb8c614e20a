/**
 * The files of a Lex V2 JSON export synthnlu reads and writes (types generated from schemas/lex-*.schema.json),
 * and what the dataset keeps of them in metadata.lex so an export back to Lex gives the same files.
 */
export type {LexBot} from './generated/lex-bot.js';
export type {LexBotLocale} from './generated/lex-bot-locale.js';
export type {LexIntent, LexSampleUtterance, LexSlotPriority} from './generated/lex-intent.js';
export type {LexManifest} from './generated/lex-manifest.js';
export type {LexSlot} from './generated/lex-slot.js';
export type {LexSlotType, LexSlotTypeValue} from './generated/lex-slot-type.js';

export const LEX_METADATA_KEY = 'lex';

/** metadata.lex of a dataset. */
export interface LexBotMetadata {
  /** The bot folder's name. */
  botFolder?: string;
  /** Exact texts of Manifest.json, Bot.json and the locale's BotLocale.json. */
  manifest?: string;
  bot?: string;
  localeFile?: string;
  /** The locale the dataset holds (en_US). */
  locale?: string;
  /** Every other file (custom vocabulary, extra files): path from the export's root → exact text. */
  files?: Record<string, string>;
  /** A bot with several locales: the files of each locale other than `locale` (en_US → its files), by locale. */
  locales?: Record<string, LexLocaleMetadata>;
}

/** What a dataset keeps of a locale other than its primary one (the primary's live on the intents and entities). */
export interface LexLocaleMetadata {
  /** BotLocale.json as exported (exact text). */
  localeFile?: string;
  /** By canonical intent name: its metadata.lex in that locale. */
  intents: Record<string, LexIntentMetadata>;
  /** By canonical entity name: its metadata.lex in that locale. */
  entities: Record<string, LexEntityMetadata>;
}

/** metadata.lex of an intent. */
export interface LexIntentMetadata {
  lexName?: string;
  folder?: string;
  /** Intent.json as exported (exact text). */
  text?: string;
  /** Slot name → its folder and Slot.json text. */
  slots?: Record<string, {folder: string; text: string}>;
}

/** metadata.lex of an entity: a custom slot type's file, or the built-in type a prebuilt entity came from. */
export interface LexEntityMetadata {
  lexName?: string;
  folder?: string;
  text?: string;
  slotType?: string;
  /** The slot a prebuilt entity was read from (its name when free). */
  slot?: string;
}

/** metadata.lex of an utterance: the template it was filled from. */
export interface LexUtteranceMetadata {
  template?: string;
}

export function lexMeta<T>(owner: {metadata?: Record<string, unknown>}): T | undefined {
  return owner.metadata?.[LEX_METADATA_KEY] as T | undefined;
}
