/**
 * The German variation families: frames (B, I, C, N, P), Q colloquial (chat forms and casual frames), K keyword
 * mode, E abbreviations and Z typos on a QWERTZ keyboard with umlauts typed as ae/oe/ue/ss.
 */
import type {TextEdit} from '../../generate/variation/edit.js';
import {wordTokens} from '../../generate/variation/tokens.js';
import type {AnnotatedText, VariationFamily} from '../../generate/variation/types.js';
import {keyboardTypoFamily} from '../shared/keyboard-typos.js';
import {applyLanguageFrame, languageFrameFamily, lowerFirstEdit} from '../shared/frame-families.js';
import {chatFormFamily, keywordFamily, phraseFormFamily} from '../shared/word-families.js';
import {FUNCTION_WORDS, german, keepsCapital} from './clause.js';
import {
  BASIC_FRAMES,
  COLLOQUIAL_FRAMES,
  COORDINATED_FRAMES,
  INTERROGATIVE_FRAMES,
  NEGATION_FRAMES,
  POLITE_FRAMES,
} from './frames.js';

export const basic = languageFrameFamily(german, 'B', 'basic', BASIC_FRAMES);
export const interrogative = languageFrameFamily(german, 'I', 'interrogative', INTERROGATIVE_FRAMES);
export const coordinated = languageFrameFamily(german, 'C', 'coordinated', COORDINATED_FRAMES);
export const negation = languageFrameFamily(german, 'N', 'negation', NEGATION_FRAMES);
export const polite = languageFrameFamily(german, 'P', 'polite', POLITE_FRAMES);

/** Standard phrase -> the forms people type in a chat (whole words, any case). */
export const CHAT_FORMS: Record<string, string[]> = {
  'ich habe': ['hab', 'ich hab'],
  habe: ['hab'],
  nicht: ['nich'],
  eine: ['ne'],
  einen: ['nen'],
  einem: ['nem'],
  ist: ['is'],
  gerne: ['gern'],
  etwas: ['was'],
  'ich möchte': ['möchte', 'will'],
  'ich brauche': ['brauche', 'brauch'],
  'ich muss': ['muss'],
  danke: ['thx', 'danke dir'],
  hallo: ['hi', 'hey', 'hallöchen'],
};

export const colloquial: VariationFamily = chatFormFamily({
  forms: CHAT_FORMS,
  frame: (input, context) => applyLanguageFrame(german, input, COLLOQUIAL_FRAMES, context, 'Q'),
  lowerFirst: (input: AnnotatedText): TextEdit[] => lowerFirstEdit(wordTokens(input)[0], keepsCapital),
});

export const keyword: VariationFamily = keywordFamily({
  functionWords: FUNCTION_WORDS,
  prepositions: new Set(['für', 'mit', 'von', 'zu', 'an', 'bei', 'über']),
  // Reports and questions lose what they say as keywords ("Fahrlehrer heute gekommen").
  fits: (input) => {
    const clause = german.analyze(input);
    return (clause?.kind === 'vp' || clause?.kind === 'np') && !clause.asks;
  },
});

/** Long form <-> abbreviation, both directions, as written in German chats and e-mails. */
export const ABBREVIATIONS: Array<[string, string]> = [
  ['vielleicht', 'vllt'],
  ['beziehungsweise', 'bzw.'],
  ['zum Beispiel', 'z. B.'],
  ['Informationen', 'Infos'],
  ['Information', 'Info'],
  ['ungefähr', 'ca.'],
  ['Nummer', 'Nr.'],
  ['Telefonnummer', 'Tel.'],
  ['Minuten', 'Min.'],
  ['Stunden', 'Std.'],
  ['und', '&'],
  ['mit freundlichen Grüßen', 'MfG'],
  ['liebe Grüße', 'LG'],
  ['viele Grüße', 'VG'],
  ['Danke', 'Thx'],
];

export const abbreviation: VariationFamily = phraseFormFamily({
  pairs: ABBREVIATIONS,
  rare: new Set(['und']),
  // Nothing to shorten: a sign-off as people add it in a chat (LG, VG; MfG to someone they call Sie).
  signOff: (input) => {
    const clause = german.analyze(input);
    return clause?.register === 'formal' ? [' MfG', ' VG'] : [' LG', ' VG'];
  },
});

export const noise: VariationFamily = keyboardTypoFamily({
  rows: ['qwertzuiopü', 'asdfghjklöä', 'yxcvbnm'],
  accentFolds: {ä: ['ae'], ö: ['oe'], ü: ['ue'], ß: ['ss']},
});
