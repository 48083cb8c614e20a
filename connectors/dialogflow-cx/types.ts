/**
 * The parts of a Dialogflow CX agent package (JSON export) synthnlu reads and writes. Field order in these
 * interfaces is the order the console writes, which export keeps. Anything else in the files is kept as-is.
 */

export interface CxPart {
  text: string;
  parameterId?: string;
  auto?: boolean;
  [key: string]: unknown;
}

export interface CxTrainingPhrase {
  id?: string;
  parts: CxPart[];
  repeatCount?: number;
  languageCode?: string;
  [key: string]: unknown;
}

export interface CxTrainingPhrasesFile {
  trainingPhrases: CxTrainingPhrase[];
}

export interface CxParameter {
  id: string;
  entityType: string;
  isList?: boolean;
  redact?: boolean;
  [key: string]: unknown;
}

export interface CxIntent {
  name?: string;
  displayName: string;
  parameters?: CxParameter[];
  priority?: number;
  isFallback?: boolean;
  labels?: unknown;
  description?: string;
  numTrainingPhrases?: number;
  [key: string]: unknown;
}

export type CxEntityKind = 'KIND_MAP' | 'KIND_LIST' | 'KIND_REGEXP';

export interface CxEntityType {
  name?: string;
  displayName: string;
  kind: CxEntityKind;
  autoExpansionMode?: string;
  enableFuzzyExtraction?: boolean;
  redact?: boolean;
  [key: string]: unknown;
}

export interface CxEntity {
  value: string;
  synonyms?: string[];
  languageCode?: string;
  [key: string]: unknown;
}

export interface CxEntitiesFile {
  entities: CxEntity[];
}

export interface CxExcludedPhrase {
  value: string;
  languageCode?: string;
  [key: string]: unknown;
}

export interface CxExcludedPhrasesFile {
  excludedPhrases: CxExcludedPhrase[];
}

/** metadata.dialogflowCx of a dataset: the agent around the training data, kept verbatim. */
export interface CxAgentMetadata {
  /** agent.json as exported (its exact text). */
  agent?: string;
  /** Every file that is not training data (flows, pages, webhooks, playbooks, generators...), path → exact text. */
  files?: Record<string, string>;
}

/** metadata.dialogflowCx of an intent. */
export interface CxIntentMetadata {
  /** The intent file as read (displayName and description are taken from the canonical intent on export). */
  intent?: CxIntent;
  /** The folder name of the intent in the package (the display name, percent-encoded). */
  folder?: string;
  /** Training phrases in languages other than the dataset's, kept verbatim by language code. */
  otherLanguages?: Record<string, CxTrainingPhrase[]>;
}

/** metadata.dialogflowCx of an entity. */
export interface CxEntityMetadata {
  /** The entity type file as read (kind, autoExpansionMode, enableFuzzyExtraction, redact...). */
  entityType?: CxEntityType;
  folder?: string;
  /** For system entities: the exact @sys type behind the canonical prebuilt type. */
  sys?: string;
  /** The entries as read, so an unchanged entity is written back with its synonyms in their order. */
  entities?: CxEntity[];
  /** Phrases the entity must not match, by language. */
  excludedPhrases?: Record<string, CxExcludedPhrase[]>;
  otherLanguages?: Record<string, CxEntity[]>;
}

/** metadata.dialogflowCx of an utterance: how the phrase was cut into parts, beyond its annotations. */
export interface CxUtteranceMetadata {
  id?: string;
  repeatCount?: number;
  /** [start, end) of the parts marked auto: true (annotated by Dialogflow, not by a person). */
  auto?: Array<[number, number]>;
  /** Offsets where the export cut plain text into two parts. */
  breaks?: number[];
}
