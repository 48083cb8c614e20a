/**
 * The German language pack. Families: B basic, I interrogative, C coordinated, N negation, P polite (Sie and
 * du frames, never mixed with a seed's own register), Q colloquial, K keyword, E abbreviation, Z noise (QWERTZ,
 * umlauts typed as ae/oe/ue/ss). It lacks the English pack's W offensive, L lexical (synonyms) and M
 * morphological families (LACKING_FAMILIES), and slot-value agreement (German case would need the frame's
 * grammar, not only the value's gender).
 */
import type {LanguagePack} from '../../generate/variation/types.js';
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

/** The English families this pack has no German version of (the README lists them too). */
export const LACKING_FAMILIES = ['offensive', 'lexical', 'morphological'] as const;

export const germanPack: LanguagePack = {
  language: 'de',
  families: [basic, interrogative, coordinated, negation, polite, colloquial, keyword, abbreviation, noise],
};
