/**
 * The French variation families: frames (B, I, C, N, P), Q colloquial (chat forms, "ne" dropped, casual
 * frames), K keyword mode, E abbreviations (svp, stp, jsp, pk, slt, rdv...) and Z typos on an AZERTY keyboard
 * with accents left out (é -> e).
 */
import type {TextEdit} from '../../generate/variation/edit.js';
import {wordTokens} from '../../generate/variation/tokens.js';
import type {AnnotatedText, VariationFamily} from '../../generate/variation/types.js';
import {applyLanguageFrame, languageFrameFamily, lowerFirstEdit} from '../shared/frame-families.js';
import {keyboardTypoFamily} from '../shared/keyboard-typos.js';
import {chatFormFamily, keywordFamily, phraseFormFamily} from '../shared/word-families.js';
import {FUNCTION_WORDS, french} from './clause.js';
import {
  BASIC_FRAMES,
  COLLOQUIAL_FRAMES,
  COORDINATED_FRAMES,
  INTERROGATIVE_FRAMES,
  NEGATION_FRAMES,
  POLITE_FRAMES,
} from './frames.js';

export const basic = languageFrameFamily(french, 'B', 'basic', BASIC_FRAMES);
export const interrogative = languageFrameFamily(french, 'I', 'interrogative', INTERROGATIVE_FRAMES);
export const coordinated = languageFrameFamily(french, 'C', 'coordinated', COORDINATED_FRAMES);
export const negation = languageFrameFamily(french, 'N', 'negation', NEGATION_FRAMES);
export const polite = languageFrameFamily(french, 'P', 'polite', POLITE_FRAMES);

/** Standard phrase -> the forms people type in a chat (whole words, any case). */
export const CHAT_FORMS: Record<string, string[]> = {
  'je ne peux pas': ['je peux pas'],
  'je ne sais pas': ['je sais pas'],
  "je n'arrive pas": ["j'arrive pas"],
  "je n'ai pas": ["j'ai pas"],
  "ce n'est pas": ["c'est pas"],
  'il y a': ['y a'],
  'est-ce que je peux': ['je peux'],
  'est-ce que vous pouvez': ['vous pouvez'],
  'est-ce que tu peux': ['tu peux'],
  'je voudrais': ['je veux'],
  cela: ['ça'],
  'tu es': ["t'es"],
};

export const colloquial: VariationFamily = chatFormFamily({
  forms: CHAT_FORMS,
  frame: (input, context) => applyLanguageFrame(french, input, COLLOQUIAL_FRAMES, context, 'Q'),
  lowerFirst: (input: AnnotatedText): TextEdit[] =>
    lowerFirstEdit(wordTokens(input)[0], (word) => /^\p{Lu}{2,}/u.test(word)),
});

export const keyword: VariationFamily = keywordFamily({
  functionWords: FUNCTION_WORDS,
  prepositions: new Set(['pour', 'avec', 'de', 'à', 'sur', 'chez']),
  fits: (input) => {
    const clause = french.analyze(input);
    return (clause?.kind === 'vp' || clause?.kind === 'np') && !clause.asks;
  },
});

/** Long form <-> abbreviation, both directions, as written in French chats and texts. */
export const ABBREVIATIONS: Array<[string, string]> = [
  ["s'il vous plaît", 'svp'],
  ["s'il te plaît", 'stp'],
  ['je ne sais pas', 'jsp'],
  ['je sais pas', 'jsp'],
  ['pourquoi', 'pk'],
  ['salut', 'slt'],
  ['bonjour', 'bjr'],
  ['rendez-vous', 'rdv'],
  ['beaucoup', 'bcp'],
  ['quelque chose', 'qqch'],
  ["quelqu'un", 'qqn'],
  ['toujours', 'tjrs'],
  ['information', 'info'],
  ['informations', 'infos'],
  ['numéro', 'n°'],
  ['problème', 'pb'],
  ['pour', 'pr'],
  ['dans', 'ds'],
  ['tout', 'tt'],
  ['et', '&'],
];

export const abbreviation: VariationFamily = phraseFormFamily({
  pairs: ABBREVIATIONS.filter(([a, b]) => a !== b),
  rare: new Set(['pour', 'dans', 'tout', 'et']),
  // Nothing to shorten: "svp" / "stp" at the end, as French chats add it.
  // Never after a statement: "la facture est trop élevée svp" asks nothing (a blind review's reject).
  signOff: (input) => {
    const clause = french.analyze(input);
    if (clause?.kind === 'st' || clause?.kind === 'nvp') return [];
    return clause?.register === 'informal' ? [' stp'] : [' svp'];
  },
  signOffBeforePunctuation: true,
});

export const noise: VariationFamily = keyboardTypoFamily({
  rows: ['azertyuiop', 'qsdfghjklm', 'wxcvbn'],
  accentFolds: {
    é: ['e'],
    è: ['e'],
    ê: ['e'],
    à: ['a'],
    â: ['a'],
    ç: ['c'],
    ô: ['o'],
    î: ['i'],
    û: ['u'],
    ù: ['u'],
  },
});
