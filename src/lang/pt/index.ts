/**
 * The Brazilian Portuguese language pack (pt, written as pt-BR): frames with você, vocês and o senhor, chat
 * forms (vc, pq, tb, blz) and abbreviations, keyword queries, ABNT2-keyboard typos and dropped accents, and
 * determiners that agree with a slot value. It has no L lexical and no M morphological family, and no
 * European Portuguese forms (pt-PT writes "estou a fazer", "telemóvel"): see the README's language table.
 */
import type {LanguagePack} from '../../generate/variation/types.js';
import {keyboardNoise} from '../shared/keyboard-noise.js';
import {leadInFrameFamily} from '../shared/lead-in-clause.js';
import {abbreviationFamily, colloquialFamily, keywordFamily} from '../shared/lead-in-families.js';
import {agreePortugueseDeterminers} from './agreement.js';
import {PORTUGUESE_ABBREVIATIONS, PORTUGUESE_CHAT} from './forms.js';
import {
  BASIC_FRAMES,
  COLLOQUIAL_FRAMES,
  COORDINATED_FRAMES,
  INTERROGATIVE_FRAMES,
  NEGATION_FRAMES,
  OFFENSIVE_FRAMES,
  POLITE_FRAMES,
} from './frames.js';
import {PORTUGUESE_GRAMMAR} from './grammar.js';
import {PORTUGUESE_OUT_OF_SCOPE} from './out-of-scope.js';

const grammar = PORTUGUESE_GRAMMAR;

export const portuguesePack: LanguagePack = {
  language: 'pt',
  families: [
    leadInFrameFamily('B', 'basic', BASIC_FRAMES, grammar),
    leadInFrameFamily('I', 'interrogative', INTERROGATIVE_FRAMES, grammar),
    leadInFrameFamily('C', 'coordinated', COORDINATED_FRAMES, grammar),
    leadInFrameFamily('N', 'negation', NEGATION_FRAMES, grammar),
    leadInFrameFamily('P', 'polite', POLITE_FRAMES, grammar),
    colloquialFamily(grammar, COLLOQUIAL_FRAMES, PORTUGUESE_CHAT),
    {...leadInFrameFamily('W', 'offensive', OFFENSIVE_FRAMES, grammar), offByDefault: true},
    keywordFamily(grammar, {
      determiners: new Set(
        'o a os as um uma uns umas meu minha meus minhas seu sua seus suas este esta estes estas esse essa esses essas nosso nossa nossos nossas'.split(
          ' ',
        ),
      ),
      prepositions: new Set(
        'a de do da dos das em no na nos nas com para pra por pelo pela sem sobre até'.split(' '),
      ),
      dropped: /,?\s*(?:por favor|por gentileza)\b/gu,
      clitic: /-(?:me|nos)$/,
      proclitics: new Set(['me', 'nos']),
    }),
    abbreviationFamily(PORTUGUESE_ABBREVIATIONS),
    keyboardNoise({
      rows: ['qwertyuiop', 'asdfghjklç', 'zxcvbnm'],
      accents: {
        á: 'a',
        é: 'e',
        í: 'i',
        ó: 'o',
        ú: 'u',
        â: 'a',
        ê: 'e',
        ô: 'o',
        ã: 'a',
        õ: 'o',
        ç: 'c',
        à: 'a',
      },
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
  outOfScope: PORTUGUESE_OUT_OF_SCOPE,
  agree: agreePortugueseDeterminers,
};

/** Words the families write on purpose that a dictionary does not know (chat forms, abbreviations). */
export const PORTUGUESE_CHAT_WORDS: readonly string[] = [
  ...PORTUGUESE_CHAT.forms,
  ...PORTUGUESE_ABBREVIATIONS.forms,
];
