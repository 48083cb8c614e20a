/**
 * Spec types. The document a user writes is `SpecDocument` (schemas/spec.schema.json, which allows several
 * languages: examples and synonyms as maps from language to list). The generator, the checks and the
 * provider work on `Spec`, one language's view of it, with plain lists (src/spec/languages.ts projects it).
 */
import type {
  EntitySpec as EntitySpecDocument,
  Examples,
  IntentSpec as IntentSpecDocument,
  Spec as SpecDocument,
} from '../generated/spec.js';

export type {
  GenerationSettings,
  ProviderSpec,
  VariationMix,
  WeightedText,
  Examples,
  ExamplesByLanguage,
  SynonymsByLanguage,
  IntentSpec as IntentSpecDocument,
  EntitySpec as EntitySpecDocument,
  ListValueSpec as ListValueSpecDocument,
  Spec as SpecDocument,
} from '../generated/spec.js';

/** A list value in one language: its forms are the value and its synonyms (only the synonyms with `valueIsForm: false`). */
export type ListValueSpec =
  | string
  | {
      value: string;
      synonyms?: string[];
      weight?: number;
      /** False in a spec's second language: the value is a language-neutral key, not text of that language. */
      valueIsForm?: boolean;
    };

export type IntentSpec = Omit<IntentSpecDocument, 'examples'> & {examples: Examples};

export type EntitySpec = Omit<EntitySpecDocument, 'values'> & {values?: ListValueSpec[]};

/** One language's spec: every intent's examples a plain list. */
export type Spec = Omit<SpecDocument, 'intents' | 'entities' | 'languages'> & {
  intents: [IntentSpec, ...IntentSpec[]];
  entities?: EntitySpec[];
};
