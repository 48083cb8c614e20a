/**
 * The parts of Dialogflow ES agent files synthnlu reads and writes; everything else is kept as-is. The file types
 * are generated from schemas/dialogflow-*.schema.json (npm run schemas:types); this module adds what the dataset
 * keeps of them in metadata.dialogflow.
 */
import type {DialogflowEntityType} from './generated/dialogflow-entity.js';
import type {DialogflowEntry} from './generated/dialogflow-entries.js';
import type {DialogflowIntent} from './generated/dialogflow-intent.js';
import type {DialogflowUserSays} from './generated/dialogflow-usersays.js';

export type {DialogflowAgent} from './generated/dialogflow-agent.js';
export type {DialogflowEntityType} from './generated/dialogflow-entity.js';
export type {DialogflowEntriesFile, DialogflowEntry} from './generated/dialogflow-entries.js';
export type {
  DialogflowIntent,
  DialogflowMessage,
  DialogflowParameter,
  DialogflowResponse,
} from './generated/dialogflow-intent.js';
export type {DialogflowPackage} from './generated/dialogflow-package.js';
export type {
  DialogflowPart,
  DialogflowUserSays,
  DialogflowUserSaysFile,
} from './generated/dialogflow-usersays.js';

/** What a canonical Intent keeps in metadata.dialogflow: the intent file minus what the model holds. */
export interface DialogflowIntentMetadata {
  intent?: Omit<DialogflowIntent, 'name'>;
  /**
   * Training phrases in other languages, by language code, kept verbatim (datasets read by synthnlu before
   * multi-language datasets; a language the dataset holds is written from its utterances instead).
   */
  otherLanguages?: Record<string, DialogflowUserSays[]>;
  /** Template-mode phrases ("@sys.number:count pizzas"), kept verbatim: they are not examples. */
  templates?: DialogflowUserSays[];
  /** The template-mode phrases of the agent's other languages, by language code. */
  templatesByLanguage?: Record<string, DialogflowUserSays[]>;
  /** Set by the exporter on the console default intents it adds (see withDefaultIntents). */
  addedDefault?: 'welcome' | 'fallback';
}

/** What a canonical Entity keeps in metadata.dialogflow. */
export interface DialogflowEntityMetadata {
  /** The entity file minus name (ids, flags such as isOverridable). */
  entity?: Omit<DialogflowEntityType, 'name'>;
  /** For system entities: the exact @sys type (sys.given-name) behind the canonical prebuilt type. */
  sys?: string;
  /** For list entities: the entries as the agent had them, written back while the values are unchanged. */
  listEntries?: DialogflowEntry[];
  /** For free-form (automated expansion) entities: the entries the agent had, which the model does not hold. */
  entries?: DialogflowEntry[];
  /** For composite (isEnum) entities: entries such as "@sys.number:count @unit:unit". */
  compositeEntries?: DialogflowEntry[];
  /**
   * The entries of the agent's other languages as read, by language code: written back while the dataset still
   * means the same (list values' forms in `synonymsByLanguage`), and verbatim for kinds the model keeps one
   * language of (regex, composite).
   */
  otherLanguages?: Record<string, DialogflowEntry[]>;
}

/** What a canonical Utterance keeps in metadata.dialogflow. */
export interface DialogflowUtteranceMetadata {
  id?: string;
  count?: number;
  updated?: number;
  /** Parts marked @sys.ignore (annotations the author removed), as [start, end) offsets. */
  ignored?: Array<[number, number]>;
  /** Parts annotated by hand (userDefined: true), as [start, end) offsets. */
  userDefined?: Array<[number, number]>;
}
