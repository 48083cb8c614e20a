/**
 * Register families: Q colloquial (chat spelling, dropped subjects, casual frames) and W offensive (expletives,
 * off unless a spec asks for it). As in Bitext's data, colloquial forms are real chat forms (wanna, u, ur, pls).
 */
import {applyEdits, type TextEdit} from '../../../generate/variation/edit.js';
import {wordTokens} from '../../../generate/variation/tokens.js';
import type {AnnotatedText, VariationFamily} from '../../../generate/variation/types.js';
import {COLLOQUIAL_FRAMES, OFFENSIVE_FRAMES} from '../frames.js';
import {applyFrame} from './frames.js';

/** Standard phrase -> chat forms (matched on whole words, case-insensitively). */
const CHAT_FORMS: Record<string, string[]> = {
  'want to': ['wanna'],
  'going to': ['gonna'],
  'got to': ['gotta'],
  'have to': ['gotta', 'hafta'],
  'give me': ['gimme'],
  'let me': ['lemme'],
  'do not know': ['dunno'],
  "don't know": ['dunno'],
  you: ['u', 'ya'],
  your: ['ur'],
  "you're": ['ur', 'youre'],
  please: ['pls', 'plz'],
  // Whole phrase first (longest match wins): "thanks! in advance" is not how anyone writes it.
  'thanks in advance': ['thx in advance', 'tia'],
  thanks: ['thx', 'thnx'],
  'thank you': ['thx', 'ty'],
  are: ['r'],
  because: ['cause', 'cuz'],
  tonight: ['tonite'],
  tomorrow: ['tmrw', 'tomorow'],
  okay: ['ok', 'k'],
  something: ['smth'],
  people: ['ppl'],
  what: ['wat'],
  'i am': ["i'm", 'im'],
  "i'm": ['im'],
  'can you': ['can u', 'can ya'],
  great: ['gr8'],
  later: ['l8r'],
  really: ['rly'],
};
const CHAT_PATTERN = new RegExp(
  `\\b(?:${Object.keys(CHAT_FORMS)
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/ /g, '\\s+'))
    .join('|')})\\b`,
  'gi',
);
// "I need", "I want": users drop the subject in chat ("need help with my order").
const DROPPABLE_SUBJECT = /^(?:i|we)\s+(?=(?:need|want|wanna|have|would|am looking|'m looking)\b)/i;

export const colloquial: VariationFamily = {
  tag: 'Q',
  name: 'colloquial',
  apply(input, context) {
    const {rng} = context;
    let current: AnnotatedText = input;
    if (rng.chance(0.5)) current = applyFrame(current, COLLOQUIAL_FRAMES, context, 'Q') ?? current;
    const edits: TextEdit[] = [];
    // An exec loop, not matchAll: matchAll copies the (large) pattern on every call, on the hot path.
    CHAT_PATTERN.lastIndex = 0;
    for (let match = CHAT_PATTERN.exec(current.text); match; match = CHAT_PATTERN.exec(current.text)) {
      if (!rng.chance(0.7)) continue;
      const forms = CHAT_FORMS[match[0].toLowerCase().replace(/\s+/g, ' ')];
      if (forms)
        edits.push({start: match.index, end: match.index + match[0].length, replacement: rng.pick(forms)});
    }
    const drop = DROPPABLE_SUBJECT.exec(current.text);
    if (drop && rng.chance(0.5) && !edits.some((e) => e.start < drop[0].length)) {
      edits.push({start: 0, end: drop[0].length, replacement: ''});
    }
    // Chat is lower case: "i" and the sentence start (entity text keeps its own case).
    for (const token of wordTokens(current)) {
      if (token.inEntity || edits.some((e) => e.start < token.end && e.end > token.start)) continue;
      if (token.text === 'I' || (token.start === 0 && /^\p{Lu}\p{Ll}+$/u.test(token.text))) {
        edits.push({start: token.start, end: token.end, replacement: token.lower});
      }
    }
    const trailing = /[.!]$/.exec(current.text);
    if (trailing && rng.chance(0.5) && !edits.some((e) => e.end === current.text.length)) {
      edits.push({start: trailing.index, end: current.text.length, replacement: ''});
    }
    // applyEdits carries current.framedBy over to its output.
    const result = applyEdits(current, edits) ?? current;
    return result.text !== input.text ? result : undefined;
  },
};

const EXPLETIVE_ADJECTIVES = ['damn', 'goddamn', 'bloody', 'freaking', 'fucking', 'stupid', 'effing'];
const DETERMINERS = new Set(['my', 'the', 'this', 'that', 'your', 'a', 'an', 'our', 'some']);

export const offensive: VariationFamily = {
  tag: 'W',
  name: 'offensive',
  offByDefault: true,
  apply(input, context) {
    const {rng} = context;
    const tokens = wordTokens(input);
    // An expletive goes between a determiner and the word after it ("my damn order"), as in Bitext's W rows.
    const slots = tokens.filter(
      (t, i) => DETERMINERS.has(t.lower) && !t.inEntity && tokens[i + 1] !== undefined,
    );
    if (slots.length > 0 && rng.chance(0.75)) {
      const slot = rng.pick(slots);
      const word = rng.pick(EXPLETIVE_ADJECTIVES);
      const replacement = slot.lower === 'a' && /^[aeiou]/.test(word) ? `an ${word}` : `${slot.text} ${word}`;
      const result = applyEdits(input, [{start: slot.start, end: slot.end, replacement}]);
      if (result) return result;
    }
    return applyFrame(input, OFFENSIVE_FRAMES, context, 'W');
  },
};
