/**
 * The contract between the generator pipeline and the variation families of a language pack. A family takes
 * an annotated utterance and returns a variant whose entity spans still point at the entity text, or
 * undefined when it does not apply (e.g. negation of a question).
 */
import type {EntitySpan, VariationTag} from '../../model/dataset.js';
import type {FamilyName} from '../../model/variation.js';
import type {Rng} from '../rng.js';
import type {SeedValueFinder} from './seed-value-types.js';

export interface AnnotatedText {
  text: string;
  /** Spans into text, end exclusive (UTF-16 code units), as in the dataset model. */
  entities: EntitySpan[];
  /**
   * Set on a template expansion only (tidyExpansion): where one piece of it (an alias, a choice, a slot) meets
   * another, so the pack's `agree` can make "a"/"an" agree across them; `agree` returns the text without it.
   */
  joints?: readonly number[];
  /**
   * Set by a family that put the text in a new sentence frame (a question, a negation...), so that a later
   * family does not silently replace that frame and leave a tag the text no longer shows. Optional: pipelines
   * need not set or read it; they only pass a family's output on to the next family.
   */
  framedBy?: VariationTag;
}

export interface VariationContext {
  rng: Rng;
  intent: string;
  /** Canonical language of the spec (en, en-US...). */
  language: string;
}

export interface VariationFamily {
  /** Bitext letter. */
  tag: VariationTag;
  /** Name used in specs: polite, colloquial, interrogative... (the one list is src/model/variation.ts). */
  name: FamilyName;
  /** Other names accepted in specs (typos for noise, synonyms for lexical): those src/model/variation.ts gives. */
  aliases?: string[];
  /** Off unless a spec asks for it (offensive). */
  offByDefault?: boolean;
  /**
   * Replaces the user's own words (synonyms, inflections) rather than wrapping or restyling them: `variations:
   * auto` never chooses such a family, only an explicit mix does (see src/generate/auto-mix.ts for why).
   */
  swapsWords?: boolean;
  apply(input: AnnotatedText, context: VariationContext): AnnotatedText | undefined;
}

/** Everything language-specific the generator needs; a new language is a new pack. */
export interface LanguagePack {
  /** Primary language subtag: en. */
  language: string;
  families: VariationFamily[];
  /**
   * The variation mix measured to help most for this language (bench/quality.bench.ts), for specs that do not
   * set one. Optional: a new pack can start without.
   */
  recommendedMix?: Readonly<Record<string, number>>;
  /**
   * Which strings of the seeds are slot values (order numbers, names) that generated utterances may draw from
   * every intent's seeds (src/generate/seed-values.ts); optional: without it values stay as written.
   */
  seedValues?: SeedValueFinder;
  /** Neutral and out-of-domain sentences for the out-of-scope intent (`none:`); optional per pack. */
  outOfScope?: readonly string[];
  /**
   * Makes the words around a filled slot agree with its value (English: "a"/"an"), applied to every template
   * expansion and to every text whose slot values were swapped; optional: without it texts stay as expanded.
   */
  agree?: (text: AnnotatedText) => AnnotatedText;
  /**
   * Tells content words (and their dictionary forms) from function words and typos, for the generate report's
   * variety figures (src/generate/variety.ts); optional: without it the report has none.
   */
  variety?: VarietyLanguage;
}

/** What the meter needs of a language: the dictionary form of a content word, and whether a word is one. */
export interface VarietyLanguage {
  contentLemma(word: string): string | undefined;
  /** A real word that is not a content word (a function word): counted in added sets, never as new. */
  isFunctionWord(word: string): boolean;
}
