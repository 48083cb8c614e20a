/**
 * The French language pack. Families: B basic, I interrogative, C coordinated, N negation, P polite (vous and
 * tu frames, never mixed with a seed's own register), Q colloquial, K keyword, E abbreviation, Z noise (AZERTY,
 * accents left out). Frames and slot values are joined with elision and contraction (j'aimerais, d'annuler,
 * du permis), and an article before a slot value agrees with the value's gender (agree). It lacks the English
 * pack's W offensive, L lexical (synonyms) and M morphological families (LACKING_FAMILIES).
 */
import type {LanguagePack} from '../../generate/variation/types.js';
import {agreeArticles} from './agreement.js';
import {
  abbreviation,
  basic,
  colloquial,
  coordinated,
  interrogative,
  keyword,
  negation,
  noise,
  polite,
} from './families.js';

/** The English families this pack has no French version of (the README lists them too). */
export const LACKING_FAMILIES = ['offensive', 'lexical', 'morphological'] as const;

export const frenchPack: LanguagePack = {
  language: 'fr',
  families: [basic, interrogative, coordinated, negation, polite, colloquial, keyword, abbreviation, noise],
  agree: agreeArticles,
};
