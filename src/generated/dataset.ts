/* Generated from schemas/dataset.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * A BCP-47 language tag such as en, es or pt-BR.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "LanguageTag".
 */
export type LanguageTag = string;
/**
 * A BCP-47 language tag such as en, es or pt-BR.
 */
export type LanguageTag1 = string;
/**
 * A variation family as its Bitext letter (the list is src/model/variation.ts; npm run schemas:check compares).
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "VariationTag".
 */
export type VariationTag = 'B' | 'I' | 'C' | 'N' | 'P' | 'Q' | 'W' | 'K' | 'E' | 'L' | 'M' | 'Z';

/**
 * The canonical synthnlu dataset: every connector translates to and from this model. The JSON form is this object; the JSONL form is one Utterance per line (see definitions/Utterance), optionally preceded by one line {"$dataset": {...header without utterances}}.
 */
export interface Dataset {
  $schema?: string;
  /**
   * Marks the file as a synthnlu dataset and names the model version.
   */
  format: 'synthnlu-dataset/1';
  /**
   * Agent, app or project name.
   */
  name?: string;
  description?: string;
  /**
   * Primary language as a BCP-47 tag such as en or en-US.
   */
  language: string;
  /**
   * A dataset in several languages: every language it holds, the primary one (language) first. Absent for a one-language dataset.
   *
   * @minItems 1
   */
  languages?: [LanguageTag, ...LanguageTag[]];
  intents: Intent[];
  entities: Entity[];
  utterances: Utterance[];
  /**
   * Pattern templates (LUIS patterns, CLU does not carry them).
   */
  patterns?: Pattern[];
  /**
   * Phrase lists / lookup tables that are features rather than entities (LUIS phrase lists, Rasa lookup tables not tied to an entity).
   */
  phraseLists?: PhraseList[];
  metadata?: Metadata;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "Intent".
 */
export interface Intent {
  name: string;
  description?: string;
  /**
   * Plain text responses the platform answers with, where it has them.
   */
  responses?: string[];
  metadata?: Metadata;
}
/**
 * Free-form data a connector keeps for a lossless round trip, namespaced by connector id (e.g. {"dialogflow": {...}}).
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "Metadata".
 */
export interface Metadata {
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "Entity".
 */
export interface Entity {
  name: string;
  /**
   * list: closed list of values with synonyms; regex: pattern-matched; prebuilt: a platform system entity; ml: free-form, learned from annotated examples.
   */
  kind: 'list' | 'regex' | 'prebuilt' | 'ml';
  description?: string;
  /**
   * kind=list: canonical values and their synonyms.
   */
  values?: ListValue[];
  /**
   * kind=regex: regular expressions (ECMAScript syntax).
   */
  patterns?: string[];
  /**
   * kind=prebuilt: the canonical system type (number, ordinal, date, time, datetime, duration, email, url, phone, money, percentage, temperature, age, dimension, person, location, geography, any); connectors map it to @sys.*, LUIS prebuilt and CLU prebuilt names.
   */
  prebuilt?: string;
  roles?: string[];
  /**
   * kind=ml: child entity names (LUIS machine-learned entity structure).
   */
  children?: string[];
  /**
   * Dialogflow fuzzy extraction / automated expansion.
   */
  fuzzy?: boolean;
  metadata?: Metadata;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "ListValue".
 */
export interface ListValue {
  value: string;
  synonyms?: string[];
  /**
   * A multi-language dataset: the value's forms in each language other than the primary one (synonyms are the primary language's, where the value itself is a form too).
   */
  synonymsByLanguage?: {
    [k: string]: string[] | undefined;
  };
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "Utterance".
 */
export interface Utterance {
  text: string;
  intent: string;
  language?: LanguageTag1;
  entities?: EntitySpan[];
  /**
   * Variation families that produced the utterance, as Bitext letters (B I C N P Q W K E L M Z).
   */
  tags?: VariationTag[];
  /**
   * seed: written by a person in the spec; template: expanded from a template; generated: produced by a variation family; imported: read from a platform file.
   */
  source?: 'seed' | 'template' | 'generated' | 'imported';
  split?: 'train' | 'test';
  /**
   * Provenance of a template or generated utterance: the text of the seed (or the template, as written in the spec) it was derived from. Absent on seeds and imported utterances. Coverage holds a real utterance out together with everything whose origin is that utterance.
   */
  origin?: string;
  metadata?: Metadata;
}
/**
 * An annotated entity inside an utterance. start/end are UTF-16 code unit offsets (JavaScript string indices), end exclusive: text.slice(start, end) is the entity's text.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "EntitySpan".
 */
export interface EntitySpan {
  entity: string;
  start: number;
  end: number;
  /**
   * The canonical value (for list entities, the value the synonym maps to). Omitted when it equals the span's text.
   */
  value?: string;
  role?: string;
  /**
   * Rasa entity group.
   */
  group?: string;
  /**
   * Nested spans (LUIS/CLU machine-learned entity children); offsets are into the same utterance text.
   */
  children?: EntitySpan[];
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "Pattern".
 */
export interface Pattern {
  intent: string;
  pattern: string;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "PhraseList".
 */
export interface PhraseList {
  name: string;
  phrases: string[];
  interchangeable?: boolean;
  metadata?: Metadata;
}
