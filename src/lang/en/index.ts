/** The English language pack: one variation family per Bitext letter. */
import type {LanguagePack} from '../../generate/variation/types.js';
import {basic, coordinated, interrogative, negation, polite} from './families/frames.js';
import {lexical} from './families/lexical.js';
import {morphological} from './families/morphological.js';
import {noise} from './families/noise.js';
import {colloquial, offensive} from './families/register.js';
import {abbreviation, keyword} from './families/style.js';
import {OUT_OF_SCOPE_SENTENCES} from './out-of-scope.js';
import {RECOMMENDED_VARIATION_MIX} from './recommended-mix.js';
import {englishSeedValues} from './seed-values.js';
import {agreeArticles} from './articles.js';
import {dictionaryLemma, isClosedClass} from './lexicon.js';

const lemmas = new Map<string, string | undefined>();

/** dictionaryLemma, remembered per word (the variety report asks for every word of every utterance). */
function memoizedLemma(word: string): string | undefined {
  if (lemmas.has(word)) return lemmas.get(word);
  const lemma = dictionaryLemma(word);
  if (lemmas.size >= 50_000) lemmas.clear();
  lemmas.set(word, lemma);
  return lemma;
}

export const englishPack: LanguagePack = {
  language: 'en',
  families: [
    basic,
    interrogative,
    coordinated,
    negation,
    polite,
    colloquial,
    offensive,
    keyword,
    abbreviation,
    lexical,
    morphological,
    noise,
  ],
  recommendedMix: RECOMMENDED_VARIATION_MIX,
  outOfScope: OUT_OF_SCOPE_SENTENCES,
  seedValues: englishSeedValues,
  agree: agreeArticles,
  variety: {contentLemma: memoizedLemma, isFunctionWord: isClosedClass},
};
