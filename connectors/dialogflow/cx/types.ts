/**
 * The parts of a Dialogflow CX agent package (JSON export) synthnlu reads and writes. The file types are generated
 * from schemas/dialogflow-cx-*.schema.json (npm run schemas:types), whose property order is the order the console
 * writes, which export keeps. Anything else in the files is kept as-is. This module adds what the dataset keeps
 * of them in metadata.dialogflowCx.
 */
import type {CxEntity} from './generated/dialogflow-cx-entities.js';
import type {CxEntityType} from './generated/dialogflow-cx-entity-type.js';
import type {CxExcludedPhrase} from './generated/dialogflow-cx-excluded-phrases.js';
import type {CxIntent} from './generated/dialogflow-cx-intent.js';
import type {CxTrainingPhrase} from './generated/dialogflow-cx-training-phrases.js';

export type {CxAgent} from './generated/dialogflow-cx-agent.js';
export type {CxEntitiesFile, CxEntity} from './generated/dialogflow-cx-entities.js';
export type {CxEntityKind, CxEntityType} from './generated/dialogflow-cx-entity-type.js';
export type {CxExcludedPhrase, CxExcludedPhrasesFile} from './generated/dialogflow-cx-excluded-phrases.js';
export type {CxIntent, CxParameter} from './generated/dialogflow-cx-intent.js';
export type {
  CxPart,
  CxTrainingPhrase,
  CxTrainingPhrasesFile,
} from './generated/dialogflow-cx-training-phrases.js';

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
