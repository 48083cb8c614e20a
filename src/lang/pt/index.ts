/**
 * The Brazilian Portuguese language pack (pt, written as pt-BR): frames with você, vocês and o senhor, chat
 * forms (vc, pq, tb, blz) and abbreviations, keyword queries, ABNT2-keyboard typos and dropped accents, and
 * determiners that agree with a slot value. It has no L lexical and no M morphological family, and no
 * European Portuguese forms (pt-PT writes "estou a fazer", "telemóvel"): see the README's language table.
 */
import {leadInFrameFamily} from '../shared/lead-in-clause.js';
import {chatWords, leadInPack, type LeadInPackParts} from '../shared/lead-in-families.js';
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

const parts: LeadInPackParts = {
  language: 'pt',
  grammar: PORTUGUESE_GRAMMAR,
  frames: {
    basic: BASIC_FRAMES,
    interrogative: INTERROGATIVE_FRAMES,
    coordinated: COORDINATED_FRAMES,
    negation: NEGATION_FRAMES,
    polite: POLITE_FRAMES,
    colloquial: COLLOQUIAL_FRAMES,
  },
  offensive: {
    ...leadInFrameFamily('W', 'offensive', OFFENSIVE_FRAMES, PORTUGUESE_GRAMMAR),
    offByDefault: true,
  },
  chat: PORTUGUESE_CHAT,
  abbreviations: PORTUGUESE_ABBREVIATIONS,
  keyword: {
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
  },
  keyboard: {
    rows: ['qwertyuiop', 'asdfghjklç', 'zxcvbnm'],
    accents: {á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u', â: 'a', ê: 'e', ô: 'o', ã: 'a', õ: 'o', ç: 'c', à: 'a'},
  },
  outOfScope: PORTUGUESE_OUT_OF_SCOPE,
  agree: agreePortugueseDeterminers,
};

export const portuguesePack = leadInPack(parts);

/** Words the families write on purpose that a dictionary does not know (chat forms, abbreviations). */
export const PORTUGUESE_CHAT_WORDS = chatWords(parts);
