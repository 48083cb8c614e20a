/**
 * L lexical/semantic variation: the request said with other words from the curated service lexicon
 * (../content.ts: "cancel" -> "call off" for a booking, "top up" -> "add money to"), context the user adds where
 * it fits ("since yesterday", "on the app", "for my daughter") and spelling variants of compounds (email /
 * e-mail, log in / login). One or two words change per variant.
 *
 * WordNet synonyms (candidatesOf below, filtered for meaning, see scripts/wordnet/build-index.ts) are no longer
 * swapped: they measured harmful on every real test set (issue 27). candidatesOf stays for what reads them.
 */
import {applyEdits, type TextEdit} from '../../../generate/variation/edit.js';
import {wordTokens, type WordToken} from '../../../generate/variation/tokens.js';
import {TextAnalysisCache} from '../../../generate/variation/text-cache.js';
import type {AnnotatedText, VariationFamily} from '../../../generate/variation/types.js';
import {analyzeClause, type Clause} from '../clause.js';
import {contentCandidates, contentEdits, contextOptions, type ContentCandidate} from '../content.js';
import {
  compoundVariantsOf,
  dominantPos,
  pluralOf,
  singularOf,
  startsCompound,
  synonymsOf,
} from '../lexicon.js';
import {FUNCTION_WORDS} from './style.js';

export interface Candidate {
  start: number;
  end: number;
  original: string;
  options: string[];
}

/** What the lexical family can swap for one word, wherever it stands: the lexicon is fixed, so once a word. */
interface WordOptions {
  /** Some compound of several words starts with this word ("log" of "log in"). */
  startsCompound: boolean;
  /** Other spellings of the word itself (email -> e-mail). */
  compound: string[];
  /** False for function words and words under three letters: their synonyms are never swapped. */
  swappable: boolean;
  /** Synonyms off the verb slot (computed when first needed). */
  offVerb: string[] | undefined;
  /** Verb synonyms, for the clause's head verb (computed when first needed). */
  verb: string[] | undefined;
}

const wordOptions = new Map<string, WordOptions>();

function optionsOf(lower: string): WordOptions {
  let options = wordOptions.get(lower);
  if (!options) {
    options = {
      startsCompound: startsCompound(lower),
      compound: compoundVariantsOf(lower),
      swappable: !FUNCTION_WORDS.has(lower) && lower.length >= 3,
      offVerb: undefined,
      verb: undefined,
    };
    // Generated texts bring typos as words: bounded, like every cache on this path.
    if (wordOptions.size >= 50_000) wordOptions.clear();
    wordOptions.set(lower, options);
  }
  return options;
}

function synonymCandidates(lower: string, options: WordOptions, isHeadVerb: boolean): string[] {
  if (isHeadVerb) return (options.verb ??= synonymsOf(lower, 'v'));
  return (options.offVerb ??= offVerbCandidatesOf(lower));
}

function offVerbCandidatesOf(lower: string): string[] {
  // Off the verb slot a word is most likely a noun or modifier ("TV show"), so verb senses are not swapped there.
  const direct = dominantNonVerbSynonyms(lower);
  if (direct.length > 0 || !/[^s]s$/.test(lower)) return direct;
  // A plural noun: swap its singular's synonyms and put them back in the plural.
  const singular = singularOf(lower);
  if (!singular) return [];
  return synonymsOf(singular, 'n').flatMap((synonym) => pluralOf(synonym) ?? []);
}

function dominantNonVerbSynonyms(word: string): string[] {
  for (const pos of ['n', 'a', 'r'] as const) {
    if (dominantPos(word) === pos) return synonymsOf(word, pos);
  }
  return [];
}

const SPACE = 32;

function anyOptions(tokens: readonly WordToken[], text: string): boolean {
  for (let i = 0; i < tokens.length; i++) if (hasOptions(tokens[i]!, tokens[i + 1], text)) return true;
  return false;
}

/** Whether candidatesOf could find a candidate at this token, wherever the clause's core and head are. */
function hasOptions(token: WordToken, next: WordToken | undefined, text: string): boolean {
  if (token.inEntity) return false;
  const options = optionsOf(token.lower);
  if (options.compound.length > 0) return true;
  if (options.startsCompound && next && pairFollows(token, next, text)) {
    if (compoundVariantsOf(`${token.lower} ${next.lower}`).length > 0) return true;
  }
  if (!options.swappable) return false;
  return (
    synonymCandidates(token.lower, options, true).length > 0 ||
    synonymCandidates(token.lower, options, false).length > 0
  );
}

/** The next token is outside entities and one space after this one: the two may form a compound. */
function pairFollows(token: WordToken, next: WordToken, text: string): boolean {
  return !next.inEntity && next.start === token.end + 1 && text.charCodeAt(token.end) === SPACE;
}

/** No candidates (shared: never mutated). */
const NO_CANDIDATES: readonly Candidate[] = [];

/** Every word or word pair of the request that has other wordings, in text order (exported for tests). */
export function candidatesOf(input: AnnotatedText): readonly Candidate[] {
  const {text} = input;
  const tokens = wordTokens(input);
  // The clause only narrows the candidates (to the core, and the head verb's sense): most texts have no word
  // with other wordings at all, and those are answered without analysing the clause.
  if (!anyOptions(tokens, text)) return NO_CANDIDATES;
  const clause = analyzeClause(input);
  const candidates: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.inEntity) continue;
    // Only the request itself: frame words ("is there a way to") are not the user's vocabulary.
    if (clause && (token.start < clause.coreStart || token.end > clause.coreEnd)) continue;
    const options = optionsOf(token.lower);
    const next = tokens[i + 1];
    // A pair is looked up only when the first word starts a compound and one space separates the two.
    if (options.startsCompound && next && pairFollows(token, next, text)) {
      const pair = compoundVariantsOf(`${token.lower} ${next.lower}`);
      if (pair.length > 0)
        candidates.push({start: token.start, end: next.end, original: token.text, options: pair});
    }
    if (options.compound.length > 0)
      candidates.push({start: token.start, end: token.end, original: token.text, options: options.compound});
    if (!options.swappable) continue;
    const isHeadVerb = clause?.kind === 'verbPhrase' && clause.head.start === token.start;
    const synonyms = synonymCandidates(token.lower, options, isHeadVerb);
    if (synonyms.length > 0)
      candidates.push({start: token.start, end: token.end, original: token.text, options: synonyms});
  }
  return candidates;
}

/** Other spellings of a word or word pair of the request's core (email / e-mail, log in / login). */
function compoundCandidates(input: AnnotatedText, clause: Clause | undefined): Candidate[] {
  const {text} = input;
  const tokens = wordTokens(input);
  const candidates: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.inEntity) continue;
    if (clause && (token.start < clause.coreStart || token.end > clause.coreEnd)) continue;
    const options = optionsOf(token.lower);
    const next = tokens[i + 1];
    if (options.startsCompound && next && pairFollows(token, next, text)) {
      const pair = compoundVariantsOf(`${token.lower} ${next.lower}`);
      if (pair.length > 0)
        candidates.push({start: token.start, end: next.end, original: token.text, options: pair});
    }
    if (options.compound.length > 0)
      candidates.push({start: token.start, end: token.end, original: token.text, options: options.compound});
  }
  return candidates;
}

interface ContentChoices {
  /** Words the curated service lexicon says otherwise, and compound spellings. */
  swaps: ContentCandidate[];
  /** Context that fits the clause, appended to its core ("since yesterday", "on the app"). */
  context: string[];
  /** Where the core ends (context goes there). */
  coreEnd: number;
}

function contentChoices(input: AnnotatedText): ContentChoices {
  const clause = analyzeClause(input);
  return {
    swaps: [...contentCandidates(input, clause), ...compoundCandidates(input, clause)].sort(
      (a, b) => a.start - b.start,
    ),
    context: contextOptions(input, clause),
    coreEnd: clause?.coreEnd ?? input.text.length,
  };
}

/** The choices depend on the text and its span positions only; the random choices come after. */
const choicesOf = new TextAnalysisCache(contentChoices);
/** Share of variants that add context when both context and word swaps fit. */
const CONTEXT_SHARE = 0.35;

export const lexical: VariationFamily = {
  tag: 'L',
  name: 'lexical',
  aliases: ['synonyms'],
  // Not `swapsWords` any more: its swaps are the curated lexicon's, checked for sense, so `variations: auto`
  // may measure it like a frame family (WordNet's swaps, which hurt on every real set, are gone).
  apply(input, context) {
    const {rng} = context;
    const found = choicesOf.get(input);
    if (found.swaps.length === 0 && found.context.length === 0) return undefined;
    if (found.context.length > 0 && (found.swaps.length === 0 || rng.chance(CONTEXT_SHARE))) {
      const addition = rng.pick(found.context);
      const at = found.coreEnd;
      return applyEdits(input, [{start: at, end: at, replacement: ` ${addition}`}]);
    }
    // A copy: the cached list keeps its order for the next time this text comes by.
    const candidates = [...found.swaps];
    rng.shuffle(candidates);
    const edits: TextEdit[] = [];
    const wanted = 1 + (candidates.length > 2 && rng.chance(0.3) ? 1 : 0);
    for (const candidate of candidates) {
      if (edits.length >= wanted) break;
      const start = candidate.articleStart ?? candidate.start;
      if (edits.some((e) => e.start < candidate.end && e.end > start)) continue;
      edits.push(...contentEdits(input, candidate, rng.pick(candidate.options)));
    }
    const result = applyEdits(input, edits);
    return result && result.text !== input.text ? result : undefined;
  },
};
