/**
 * The Spanish language pack (es): frames in tú, usted and the neutral ustedes, chat forms and abbreviations,
 * keyword queries, Spanish-keyboard typos and dropped accents, and determiners that agree with a slot value.
 * It has no L lexical (synonyms) and no M morphological family: see the README's language table.
 */
import type {LanguagePack} from '../../generate/variation/types.js';
import {keyboardNoise} from '../shared/keyboard-noise.js';
import {leadInFrameFamily} from '../shared/lead-in-clause.js';
import {abbreviationFamily, colloquialFamily, keywordFamily} from '../shared/lead-in-families.js';
import {agreeSpanishDeterminers} from './agreement.js';
import {SPANISH_ABBREVIATIONS, SPANISH_CHAT} from './forms.js';
import {
  BASIC_FRAMES,
  COLLOQUIAL_FRAMES,
  COORDINATED_FRAMES,
  INTERROGATIVE_FRAMES,
  NEGATION_FRAMES,
  POLITE_FRAMES,
} from './frames.js';
import {SPANISH_GRAMMAR} from './grammar.js';
import {spanishOffensive} from './offensive.js';
import {SPANISH_OUT_OF_SCOPE} from './out-of-scope.js';

const grammar = SPANISH_GRAMMAR;

export const spanishPack: LanguagePack = {
  language: 'es',
  families: [
    leadInFrameFamily('B', 'basic', BASIC_FRAMES, grammar),
    leadInFrameFamily('I', 'interrogative', INTERROGATIVE_FRAMES, grammar),
    leadInFrameFamily('C', 'coordinated', COORDINATED_FRAMES, grammar),
    leadInFrameFamily('N', 'negation', NEGATION_FRAMES, grammar),
    leadInFrameFamily('P', 'polite', POLITE_FRAMES, grammar),
    colloquialFamily(grammar, COLLOQUIAL_FRAMES, SPANISH_CHAT),
    spanishOffensive,
    keywordFamily(grammar, {
      determiners: new Set(
        'el la los las un una unos unas mi mis tu tus su sus este esta estos estas ese esa esos esas nuestro nuestra nuestros nuestras'.split(
          ' ',
        ),
      ),
      prepositions: new Set('a de del al en con para por sin sobre desde hasta entre hacia'.split(' ')),
      dropped: /,?\s*(?:por favor|porfa)\b/gu,
      clitic: /(?:me|nos)$/,
    }),
    abbreviationFamily(SPANISH_ABBREVIATIONS),
    keyboardNoise({
      rows: ['qwertyuiop', 'asdfghjklñ', 'zxcvbnm'],
      accents: {á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u', ñ: 'n', ü: 'u'},
    }),
  ],
  recommendedMix: {
    basic: 0.2,
    interrogative: 0.25,
    coordinated: 0.1,
    negation: 0.05,
    polite: 0.25,
    colloquial: 0.2,
    keyword: 0.08,
    abbreviation: 0.1,
    noise: 0.12,
  },
  outOfScope: SPANISH_OUT_OF_SCOPE,
  agree: agreeSpanishDeterminers,
};

/** Words the families write on purpose that a dictionary does not know (chat forms, abbreviations). */
export const SPANISH_CHAT_WORDS: readonly string[] = [...SPANISH_CHAT.forms, ...SPANISH_ABBREVIATIONS.forms];
