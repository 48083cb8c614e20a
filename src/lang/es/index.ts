/**
 * The Spanish language pack (es): frames in tú, usted and the neutral ustedes, chat forms and abbreviations,
 * keyword queries, Spanish-keyboard typos and dropped accents, and determiners that agree with a slot value.
 * It has no L lexical (synonyms) and no M morphological family: see the README's language table.
 */
import {chatWords, leadInPack, type LeadInPackParts} from '../shared/lead-in-families.js';
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

const parts: LeadInPackParts = {
  language: 'es',
  grammar: SPANISH_GRAMMAR,
  frames: {
    basic: BASIC_FRAMES,
    interrogative: INTERROGATIVE_FRAMES,
    coordinated: COORDINATED_FRAMES,
    negation: NEGATION_FRAMES,
    polite: POLITE_FRAMES,
    colloquial: COLLOQUIAL_FRAMES,
  },
  offensive: spanishOffensive,
  chat: SPANISH_CHAT,
  abbreviations: SPANISH_ABBREVIATIONS,
  keyword: {
    determiners: new Set(
      'el la los las un una unos unas mi mis tu tus su sus este esta estos estas ese esa esos esas nuestro nuestra nuestros nuestras'.split(
        ' ',
      ),
    ),
    prepositions: new Set('a de del al en con para por sin sobre desde hasta entre hacia'.split(' ')),
    dropped: /,?\s*(?:por favor|porfa)\b/gu,
    clitic: /(?:me|nos)$/,
  },
  keyboard: {
    rows: ['qwertyuiop', 'asdfghjklñ', 'zxcvbnm'],
    accents: {á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u', ñ: 'n', ü: 'u'},
  },
  outOfScope: SPANISH_OUT_OF_SCOPE,
  agree: agreeSpanishDeterminers,
};

export const spanishPack = leadInPack(parts);

/** Words the families write on purpose that a dictionary does not know (chat forms, abbreviations). */
export const SPANISH_CHAT_WORDS = chatWords(parts);
