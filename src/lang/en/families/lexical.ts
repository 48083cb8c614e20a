/**
 * L lexical/semantic variation: WordNet synonyms filtered for meaning (see wordnet/build-index.ts) and
 * spelling variants of compounds (email / e-mail, log in / login). One or two words change per variant.
 */
import {applyEdits, type TextEdit} from '../../../generate/variation/edit.js';
import {matchCase, wordTokens, type WordToken} from '../../../generate/variation/tokens.js';
import {TextAnalysisCache} from '../../../generate/variation/text-cache.js';
import type {AnnotatedText, VariationFamily} from '../../../generate/variation/types.js';
import {analyzeClause} from '../clause.js';
import {compoundVariantsOf, dominantPos, pluralOf, singularOf, synonymsOf} from '../lexicon.js';
import {FUNCTION_WORDS} from './style.js';

interface Candidate {
  start: number;
  end: number;
  original: string;
  options: string[];
}

/** Off-verb candidates by word: the lexicon is fixed, so each word's are looked up once (a hot path). */
const offVerbCandidates = new Map<string, string[]>();

function candidatesFor(token: WordToken, isHeadVerb: boolean): string[] {
  if (isHeadVerb) return synonymsOf(token.lower, 'v');
  let candidates = offVerbCandidates.get(token.lower);
  if (!candidates) {
    candidates = offVerbCandidatesOf(token);
    if (offVerbCandidates.size >= 50_000) offVerbCandidates.clear();
    offVerbCandidates.set(token.lower, candidates);
  }
  return candidates;
}

function offVerbCandidatesOf(token: WordToken): string[] {
  // Off the verb slot a word is most likely a noun or modifier ("TV show"), so verb senses are not swapped there.
  const direct = dominantNonVerbSynonyms(token.lower);
  if (direct.length > 0 || !/[^s]s$/.test(token.lower)) return direct;
  // A plural noun: swap its singular's synonyms and put them back in the plural.
  const singular = singularOf(token.lower);
  if (!singular) return [];
  return synonymsOf(singular, 'n').flatMap((synonym) => pluralOf(synonym) ?? []);
}

function dominantNonVerbSynonyms(word: string): string[] {
  for (const pos of ['n', 'a', 'r'] as const) {
    if (dominantPos(word) === pos) return synonymsOf(word, pos);
  }
  return [];
}

/** Every word or word pair of the request that has other wordings, in text order. */
function candidatesOf(input: AnnotatedText): Candidate[] {
  const tokens = wordTokens(input);
  const clause = analyzeClause(input);
  const candidates: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.inEntity) continue;
    // Only the request itself: frame words ("is there a way to") are not the user's vocabulary.
    if (clause && (token.start < clause.coreStart || token.end > clause.coreEnd)) continue;
    const next = tokens[i + 1];
    if (next && !next.inEntity && input.text.slice(token.end, next.start) === ' ') {
      const pair = compoundVariantsOf(`${token.lower} ${next.lower}`);
      if (pair.length > 0)
        candidates.push({start: token.start, end: next.end, original: token.text, options: pair});
    }
    const compound = compoundVariantsOf(token.lower);
    if (compound.length > 0)
      candidates.push({start: token.start, end: token.end, original: token.text, options: compound});
    if (FUNCTION_WORDS.has(token.lower) || token.lower.length < 3) continue;
    const isHeadVerb = clause?.kind === 'vp' && clause.head.start === token.start;
    const synonyms = candidatesFor(token, isHeadVerb);
    if (synonyms.length > 0)
      candidates.push({start: token.start, end: token.end, original: token.text, options: synonyms});
  }
  return candidates;
}

/** The candidates depend on the text and its span positions only; the random choices come after. */
const candidateEdits = new TextAnalysisCache(candidatesOf);

export const lexical: VariationFamily = {
  tag: 'L',
  name: 'lexical',
  aliases: ['synonyms'],
  swapsWords: true,
  apply(input, context) {
    const {rng} = context;
    const found = candidateEdits.get(input);
    if (found.length === 0) return undefined;
    // A copy: the cached list keeps its order for the next time this text comes by.
    const candidates = [...found];
    rng.shuffle(candidates);
    const edits: TextEdit[] = [];
    const wanted = 1 + (candidates.length > 2 && rng.chance(0.3) ? 1 : 0);
    for (const candidate of candidates) {
      if (edits.length >= wanted) break;
      if (edits.some((e) => e.start < candidate.end && e.end > candidate.start)) continue;
      edits.push({
        start: candidate.start,
        end: candidate.end,
        replacement: matchCase(candidate.original, rng.pick(candidate.options)),
      });
    }
    const result = applyEdits(input, edits);
    return result && result.text !== input.text ? result : undefined;
  },
};
