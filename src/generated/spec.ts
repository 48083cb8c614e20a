/* Generated from schemas/spec.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * A BCP-47 language tag such as en, es or pt-BR.
 *
 * This interface was referenced by `Spec`'s JSON-Schema
 * via the `definition` "LanguageTag".
 */
export type LanguageTag = string;
/**
 * A variation family by name, alias or Bitext letter (the list is src/model/variation.ts; npm run schemas:check compares).
 *
 * This interface was referenced by `Spec`'s JSON-Schema
 * via the `definition` "VariationKey".
 */
export type VariationKey =
  | 'basic'
  | 'interrogative'
  | 'coordinated'
  | 'negation'
  | 'polite'
  | 'colloquial'
  | 'offensive'
  | 'keyword'
  | 'abbreviation'
  | 'lexical'
  | 'synonyms'
  | 'morphological'
  | 'noise'
  | 'typos'
  | 'B'
  | 'I'
  | 'C'
  | 'N'
  | 'P'
  | 'Q'
  | 'W'
  | 'K'
  | 'E'
  | 'L'
  | 'M'
  | 'Z';
/**
 * A string, or {text, weight} to steer how often it is chosen (default weight 1).
 *
 * This interface was referenced by `Spec`'s JSON-Schema
 * via the `definition` "WeightedText".
 */
export type WeightedText =
  | string
  | {
      text: string;
      weight?: number;
    };
/**
 * A canonical value, or {value, synonyms}.
 *
 * This interface was referenced by `Spec`'s JSON-Schema
 * via the `definition` "ListValueSpec".
 */
export type ListValueSpec =
  | string
  | {
      value: string;
      synonyms?: Synonyms | SynonymsByLanguage;
      weight?: number;
    };
/**
 * This interface was referenced by `Spec`'s JSON-Schema
 * via the `definition` "Synonyms".
 */
export type Synonyms = string[];
/**
 * Seed utterances or templates.
 *
 * @minItems 1
 *
 * This interface was referenced by `Spec`'s JSON-Schema
 * via the `definition` "Examples".
 */
export type Examples = [string, ...string[]];

/**
 * A synthnlu generation spec (synthnlu.yaml): intents with seed examples or templates, entities, aliases and the variation mix. Template syntax inside examples: (a|b) alternatives, [optional], {entity} or {entity:role} entity slots, <alias> alias references, \ escapes a special character.
 */
export interface Spec {
  $schema?: string;
  /**
   * BCP-47 language tag; selects the language pack (en). With languages, it must be the first of them.
   */
  language?: string;
  /**
   * Several languages in one spec: BCP-47 tags, the first one primary. Examples (and list values' synonyms) may then be maps from language to list; a plain list belongs to the first language. generate writes every language, each utterance carrying its language.
   *
   * @minItems 1
   */
  languages?: [LanguageTag, ...LanguageTag[]];
  /**
   * Bot / agent name used by exports.
   */
  name?: string;
  description?: string;
  /**
   * Default random seed (the --seed flag wins).
   */
  seed?: number;
  defaults?: GenerationSettings;
  provider?: ProviderSpec;
  /**
   * Named alternatives shared across intents, referenced as <name> in examples.
   */
  aliases?: {
    /**
     * @minItems 1
     */
    [k: string]: [WeightedText, ...WeightedText[]] | undefined;
  };
  entities?: EntitySpec[];
  /**
   * @minItems 1
   */
  intents: [IntentSpec, ...IntentSpec[]];
  /**
   * Adds an out-of-scope (None / fallback) intent made of neutral and out-of-domain sentences, as Azure CLU's None intent and Dialogflow's fallback expect.
   */
  none?: {
    /**
     * Utterances in the out-of-scope intent (default 50).
     */
    count?: number;
    /**
     * Its intent name (default None).
     */
    name?: string;
  };
}
/**
 * This interface was referenced by `Spec`'s JSON-Schema
 * via the `definition` "GenerationSettings".
 */
export interface GenerationSettings {
  /**
   * Target number of utterances per intent (seeds included).
   */
  count?: number;
  /**
   * Share of utterances in the train split; the rest go to test. A target: a seed and everything generated from it stay on one side, so the share is met as closely as those groups allow.
   */
  split?: number;
  /**
   * The variation mix: "auto" (the default) measures each family on the spec's own held-out seeds and keeps only those that do not lower accuracy; an explicit mix is used as given.
   */
  variations?: VariationMix | 'auto';
  /**
   * Variation families turned off (offensive is off unless enabled in variations).
   */
  disable?: string[];
}
/**
 * Share of generated utterances each variation family is applied to (0..1), by family name or Bitext letter.
 *
 * This interface was referenced by `Spec`'s JSON-Schema
 * via the `definition` "VariationMix".
 */
export interface VariationMix {
  [k: string]: number | undefined;
}
/**
 * A language model that writes part of each intent's variants (generate --provider overrides it). Any OpenAI-compatible chat-completions endpoint: OpenAI, Azure OpenAI, Ollama, vLLM, llama.cpp server, LM Studio. The key is read from an environment variable, never from the spec.
 *
 * This interface was referenced by `Spec`'s JSON-Schema
 * via the `definition` "ProviderSpec".
 */
export interface ProviderSpec {
  /**
   * openai: OpenAI or any OpenAI-compatible server; azure: Azure OpenAI (deployment URL and api-key header).
   */
  type: 'openai' | 'azure';
  /**
   * Model name (openai; default SYNTHNLU_LLM_MODEL) or deployment (azure).
   */
  model?: string;
  /**
   * openai: base URL ending in /v1 (default OPENAI_BASE_URL, then https://api.openai.com/v1); azure: the resource endpoint or a deployment URL (default AZURE_OPENAI_ENDPOINT). https:// unless loopback.
   */
  baseUrl?: string;
  /**
   * azure: deployment name (default AZURE_OPENAI_DEPLOYMENT).
   */
  deployment?: string;
  /**
   * azure: api-version query parameter (default 2024-10-21).
   */
  apiVersion?: string;
  /**
   * Name of the environment variable holding the key (default OPENAI_API_KEY, or AZURE_OPENAI_API_KEY for azure).
   */
  apiKeyEnv?: string;
  /**
   * Share of each intent's generated (non-seed) utterances written by the model (default 0.5); rule-based variants fill the rest.
   */
  share?: number;
  /**
   * Variation families the model writes, each utterance tagged with its letter (default: the intent's variation mix).
   */
  families?: VariationKey[];
  /**
   * Sampling temperature (default 0.9).
   */
  temperature?: number;
  /**
   * Utterances asked for per request (default 20).
   */
  batchSize?: number;
  /**
   * Send response_format json_object (default true); turn off for servers that reject it.
   */
  jsonMode?: boolean;
}
/**
 * This interface was referenced by `Spec`'s JSON-Schema
 * via the `definition` "EntitySpec".
 */
export interface EntitySpec {
  name: string;
  /**
   * list: values with synonyms; regex: pattern, values generated from it; system: a platform system entity (numbers, dates...); ml: free-form, values given in examples.
   */
  type: 'list' | 'regex' | 'system' | 'ml';
  description?: string;
  /**
   * list: the values; ml and regex: sample values to fill {entity} slots.
   */
  values?: ListValueSpec[];
  /**
   * regex: ECMAScript regular expression; also used to generate values.
   */
  pattern?: string;
  /**
   * system: canonical system type.
   */
  system?:
    | 'number'
    | 'ordinal'
    | 'date'
    | 'time'
    | 'datetime'
    | 'duration'
    | 'email'
    | 'url'
    | 'phone'
    | 'money'
    | 'percentage'
    | 'temperature'
    | 'age'
    | 'person'
    | 'location';
  roles?: string[];
  /**
   * list and ml: the values are templates (alternatives, optional parts, <alias> references), expanded each time the slot is filled; a {value, synonyms} entry fills the slot from its synonyms and annotates value as the canonical value. Chatito slots read this way.
   */
  templates?: boolean;
  /**
   * The entity name written in the generated annotations, when several spec entities are variants of one entity (Chatito slot variations @[slot#variation]).
   */
  annotateAs?: string;
}
/**
 * Synonyms by language (a spec with languages:). In the first language the value itself is a form too; in another language only its listed synonyms are (the value alone when none are listed).
 *
 * This interface was referenced by `Spec`'s JSON-Schema
 * via the `definition` "SynonymsByLanguage".
 */
export interface SynonymsByLanguage {
  [k: string]: Synonyms | undefined;
}
/**
 * This interface was referenced by `Spec`'s JSON-Schema
 * via the `definition` "IntentSpec".
 */
export interface IntentSpec {
  name: string;
  description?: string;
  /**
   * Seed utterances or templates: a list, or (with languages:) a map from language to list.
   */
  examples: Examples | ExamplesByLanguage;
  responses?: string[];
  count?: number;
  split?: number;
  variations?: VariationMix;
  disable?: string[];
}
/**
 * Seed utterances or templates by language (a spec with languages:), e.g. {en: [what's my balance], es: [cuál es mi saldo]}.
 *
 * This interface was referenced by `Spec`'s JSON-Schema
 * via the `definition` "ExamplesByLanguage".
 */
export interface ExamplesByLanguage {
  [k: string]: Examples | undefined;
}
