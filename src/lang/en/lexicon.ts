/**
 * Run-time English lexicon: the compact distillate of WordNet and compromise (lexicon.generated.ts) parsed once
 * on first use. compromise itself (about a second to load) is never loaded at run time: a verb outside the
 * precomputed table is inflected by rule.
 */
import {CONTENT_WORDS} from './dictionary.generated.js';
import {LEXICON} from './lexicon.generated.js';
import {regularGerund, regularPast} from './regular-inflection.js';

export type LexiconPos = 'n' | 'v' | 'a' | 'r';

export interface SynonymEntry {
  pos: LexiconPos;
  /** The word's most frequent part of speech is this one, so a swap without context is probably right. */
  dominant: boolean;
  synonyms: string[];
}

interface ParsedLexicon {
  synonyms: Map<string, SynonymEntry[]>;
  nominalizations: Map<string, string>;
  compounds: Map<string, string[]>;
  /** The first word of every compound of several words ("log" of "log in"). */
  compoundStarts: Set<string>;
  /** Base-form verbs: true when mostly a verb, false when mostly another part of speech (book, table). */
  verbs: Map<string, boolean>;
  conjugations: Map<string, Conjugation>;
  plurals: Map<string, string>;
  singulars: Map<string, string>;
  closedClass: Set<string>;
  infinitives: Set<string>;
  /** Past forms of the table's verbs that are neither regular (-ed) nor the base form itself (fell, broke). */
  irregularPasts: Set<string>;
}

let parsed: ParsedLexicon | undefined;

function lexicon(): ParsedLexicon {
  if (parsed) return parsed;
  const synonyms = new Map<string, SynonymEntry[]>();
  for (const entry of LEXICON.synonyms.split(';')) {
    const [word, pos, list] = entry.split(':') as [string, string, string];
    const entries = synonyms.get(word) ?? [];
    entries.push({
      pos: pos.toLowerCase() as LexiconPos,
      dominant: pos === pos.toLowerCase(),
      synonyms: list.split(','),
    });
    synonyms.set(word, entries);
  }
  const nominalizations = new Map<string, string>();
  for (const entry of LEXICON.nominalizations.split(';')) {
    const [verb, noun] = entry.split(':') as [string, string];
    nominalizations.set(verb, noun);
  }
  const compounds = new Map<string, string[]>();
  for (const group of LEXICON.compounds.split(';')) {
    const forms = group.split('|');
    for (const form of forms)
      compounds.set(
        form,
        forms.filter((other) => other !== form),
      );
  }
  const conjugations = new Map<string, Conjugation>();
  for (const entry of LEXICON.conjugations.split(';')) {
    const [verb, gerund, past] = entry.split(':') as [string, string, string];
    conjugations.set(verb, {gerund, past});
  }
  const plurals = new Map<string, string>();
  const singulars = new Map<string, string>();
  for (const entry of LEXICON.plurals.split(';')) {
    const [singular, plural] = entry.split(':') as [string, string];
    plurals.set(singular, plural);
    if (plural !== singular) singulars.set(plural, singular);
  }
  const irregularPasts = new Set<string>();
  for (const [verb, {past}] of conjugations)
    if (past !== verb && !past.endsWith('ed')) irregularPasts.add(past);
  const compoundStarts = new Set<string>();
  for (const form of compounds.keys()) {
    const space = form.indexOf(' ');
    if (space > 0) compoundStarts.add(form.slice(0, space));
  }
  parsed = {
    irregularPasts,
    synonyms,
    nominalizations,
    compounds,
    compoundStarts,
    conjugations,
    plurals,
    singulars,
    closedClass: new Set(LEXICON.closedClass.split(' ')),
    infinitives: new Set(LEXICON.infinitives.split(' ')),
    verbs: new Map(
      LEXICON.verbs.split(' ').map((v) => (v.endsWith('*') ? [v.slice(0, -1), false] : [v, true])),
    ),
  };
  return parsed;
}

/** Meaning-preserving synonyms of a base-form word; `pos` restricts to one part of speech, else only its dominant one. */
export function synonymsOf(word: string, pos?: LexiconPos): string[] {
  const entries = lexicon().synonyms.get(word);
  if (!entries) return [];
  const entry = entries.find((e) => (pos ? e.pos === pos : e.dominant));
  return entry?.synonyms ?? [];
}

/** The word's most frequent part of speech, when it has synonyms at all. */
export function dominantPos(word: string): LexiconPos | undefined {
  return lexicon()
    .synonyms.get(word)
    ?.find((e) => e.dominant)?.pos;
}

export function nominalizationOf(verb: string): string | undefined {
  return lexicon().nominalizations.get(verb);
}

/** Other spellings of a (possibly multi-word) lemma: email -> e-mail, log in -> login. */
export function compoundVariantsOf(phrase: string): string[] {
  return lexicon().compounds.get(phrase) ?? [];
}

/**
 * Whether some compound of several words starts with this word and a space: only then can a phrase starting
 * with it have compound variants (so callers skip building the phrase for the other words).
 */
export function startsCompound(word: string): boolean {
  return lexicon().compoundStarts.has(word);
}

const OBJECT_START =
  /^(a|an|the|my|me|us|our|your|his|her|this|that|these|those|some|any|it|them|\d+|[a-z]+['’]s)$/;

/**
 * Can this word start an imperative verb phrase (book a table, play some jazz)? A word that is mostly a noun
 * (book, weather) counts only when an object follows it ("book a table", not "weather in Paris").
 */
export function isBaseVerb(word: string, nextWord = ''): boolean {
  if (isClosedClass(word)) return false;
  const mostlyVerb = lexicon().verbs.get(word);
  if (mostlyVerb) return true;
  // WordNet's frequencies decide (compromise lists "weather" as a verb); a word WordNet does not count as a
  // frequent verb, or counts as mostly something else, is a verb only when an object follows.
  const knownVerb =
    mostlyVerb === false || lexicon().infinitives.has(word) || prefixedVerbBase(word) !== undefined;
  return knownVerb && OBJECT_START.test(nextWord);
}

/** Prefixes that make a verb of a verb: reset, reschedule, unsubscribe, deactivate, disconnect, misspell. */
const VERB_PREFIX = /^(?:re|un|de|dis|mis|pre)(?=[a-z]{3,}$)/;

/**
 * The base of a verb the lexicon does not list but a prefix explains (reset -> set, unsubscribe -> subscribe);
 * undefined for other words. Adverbs in -ly (really, unduly) are left out.
 */
function prefixedVerbBase(word: string): string | undefined {
  const prefix = VERB_PREFIX.exec(word);
  if (!prefix || word.endsWith('ly') || lexicon().verbs.has(word)) return undefined;
  const base = word.slice(prefix[0].length);
  return !isClosedClass(base) && (lexicon().verbs.has(base) || lexicon().infinitives.has(base))
    ? base
    : undefined;
}

/** Function words (determiners, pronouns, prepositions, conjunctions, modals, question words...). */
export function isClosedClass(word: string): boolean {
  return lexicon().closedClass.has(word);
}

/** A simple past that is not -ed and not the base form (fell, broke, stole): it makes a clause finite. */
export function isIrregularPast(word: string): boolean {
  return lexicon().irregularPasts.has(word);
}

export interface Conjugation {
  gerund: string;
  past: string;
}

/** From the table (irregular verbs and doubling included); a verb outside it is inflected regularly. */
export function conjugate(verb: string): Conjugation {
  const listed = lexicon().conjugations.get(verb);
  if (listed) return listed;
  // reset -> resetting, resend -> resent: a prefixed verb inflects as its base does.
  const base = prefixedVerbBase(verb);
  if (base) {
    const prefix = verb.slice(0, verb.length - base.length);
    const {gerund, past} = conjugate(base);
    return {gerund: prefix + gerund, past: prefix + past};
  }
  return {gerund: regularGerund(verb), past: regularPast(verb)};
}

/** Plural of a noun that has synonyms (the only nouns the families re-inflect); undefined for others. */
export function pluralOf(noun: string): string | undefined {
  return lexicon().plurals.get(noun);
}

/** Singular of a plural noun that has synonyms; undefined for others. */
export function singularOf(noun: string): string | undefined {
  return lexicon().singulars.get(noun);
}

let verbBases: Map<string, string> | undefined;

/** Inflected verb forms of the table (gerund, past) -> base form, built once. */
function verbBaseOf(word: string): string | undefined {
  if (!verbBases) {
    verbBases = new Map();
    for (const [verb, {gerund, past}] of lexicon().conjugations) {
      verbBases.set(gerund, verb);
      if (!verbBases.has(past)) verbBases.set(past, verb);
    }
  }
  return verbBases.get(word);
}

let contentWords: Set<string> | undefined;
/** Service words newer than WordNet 3.1 or missing from its frequent lemmas. */
const EXTRA_CONTENT_WORDS =
  'app apps wifi sim online email invoice login logout username smartphone website voucher'.split(' ');

/** A word the lexicon knows as an open-class word (noun, verb, adjective or adverb), in its base form. */
function knownOpenClass(word: string): boolean {
  const lex = lexicon();
  contentWords ??= new Set([...CONTENT_WORDS.split(' '), ...EXTRA_CONTENT_WORDS]);
  return (
    contentWords.has(word) ||
    lex.synonyms.has(word) ||
    lex.verbs.has(word) ||
    lex.conjugations.has(word) ||
    lex.plurals.has(word) ||
    lex.infinitives.has(word)
  );
}

/**
 * The dictionary form of a content word (noun, verb, adjective or adverb) the lexicon knows, in any
 * inflection: "cancelled" -> "cancel", "parcels" -> "parcel", "refunded" -> "refund"; undefined for function
 * words, typos and words the lexicon does not know (the variety report counts only dictionary words).
 */
export function dictionaryLemma(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 2 || !/^[a-z][a-z'-]*$/.test(lower) || isClosedClass(lower)) return undefined;
  const lex = lexicon();
  const irregular = lex.singulars.get(lower) ?? verbBaseOf(lower);
  if (irregular) return irregular;
  if (knownOpenClass(lower)) return lower;
  const stems = [
    lower.replace(/ies$/, 'y'),
    lower.replace(/es$/, ''),
    lower.replace(/s$/, ''),
    lower.replace(/ing$/, ''),
    lower.replace(/ing$/, 'e'),
    lower.replace(/ed$/, ''),
    lower.replace(/ed$/, 'e'),
    lower.replace(/ied$/, 'y'),
    lower.replace(/(.)\1(?:ed|ing)$/, '$1'),
    lower.replace(/ly$/, ''),
  ];
  return stems.find((stem) => stem !== lower && stem.length > 1 && knownOpenClass(stem));
}
