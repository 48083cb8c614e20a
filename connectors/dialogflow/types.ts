/** The parts of Dialogflow ES agent files synthnlu reads and writes; everything else is kept as-is. */

export interface DialogflowPart {
  text: string;
  alias?: string;
  meta?: string;
  userDefined?: boolean;
  [key: string]: unknown;
}

export interface DialogflowUserSays {
  id?: string;
  data: DialogflowPart[];
  isTemplate?: boolean;
  count?: number;
  lang?: string;
  updated?: number;
  [key: string]: unknown;
}

export interface DialogflowParameter {
  id?: string;
  required?: boolean;
  dataType?: string;
  name: string;
  value?: string;
  isList?: boolean;
  [key: string]: unknown;
}

export interface DialogflowMessage {
  type?: number | string;
  lang?: string;
  condition?: string;
  speech?: string | string[];
  [key: string]: unknown;
}

export interface DialogflowResponse {
  resetContexts?: boolean;
  action?: string;
  affectedContexts?: unknown[];
  parameters?: DialogflowParameter[];
  messages?: DialogflowMessage[];
  defaultResponsePlatforms?: Record<string, unknown>;
  speech?: unknown;
  [key: string]: unknown;
}

export interface DialogflowIntent {
  id?: string;
  name: string;
  auto?: boolean;
  contexts?: string[];
  responses?: DialogflowResponse[];
  priority?: number;
  webhookUsed?: boolean;
  webhookForSlotFilling?: boolean;
  fallbackIntent?: boolean;
  events?: Array<{name: string}>;
  [key: string]: unknown;
}

export interface DialogflowEntityType {
  id?: string;
  name: string;
  isOverridable?: boolean;
  isEnum?: boolean;
  isRegexp?: boolean;
  automatedExpansion?: boolean;
  allowFuzzyExtraction?: boolean;
  [key: string]: unknown;
}

export interface DialogflowEntry {
  value: string;
  synonyms?: string[];
  [key: string]: unknown;
}

/** What a canonical Intent keeps in metadata.dialogflow: the intent file minus what the model holds. */
export interface DialogflowIntentMetadata {
  intent?: Omit<DialogflowIntent, 'name'>;
  /** Training phrases in other languages, by language code, kept verbatim. */
  otherLanguages?: Record<string, DialogflowUserSays[]>;
  /** Template-mode phrases ("@sys.number:count pizzas"), kept verbatim: they are not examples. */
  templates?: DialogflowUserSays[];
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
