/**
 * Stylistic families: K keyword mode (search-box queries: content words only) and E abbreviations, expansions
 * and contractions (I'm / I am, can't / cannot, information / info).
 */
import {applyEdits, tidySpaces, type TextEdit} from '../../../generate/variation/edit.js';
import {matchCase, wordTokens, type WordToken} from '../../../generate/variation/tokens.js';
import type {VariationFamily} from '../../../generate/variation/types.js';
import {analyzeClause, isSocialFormula} from '../clause.js';
import {isBaseVerb, isClosedClass} from '../lexicon.js';

/** English function words (closed classes) that keyword queries leave out. */
export const FUNCTION_WORDS = new Set(
  (
    'a an the my your our their his her its this that these those some any me i you we us it they them ' +
    'am is are was were be been being do does did have has had will would shall should can could may might must ' +
    "to of for in on at by with from about into please pls kindly hi hello hey just so very really i'm i'd i've " +
    "you're can't don't cannot want wanna need like would've let's let know how what where when which who whether " +
    "if and or but also there here help what's where's how's it's that's there's i'll we're " +
    // The wish words of a frame another family built ("I'm looking to cancel" -> "cancel", not "looking cancel").
    'looking hoping trying wondering'
  ).split(' '),
);

/** Particles that belong to the verb before them: "turn off", "log in", "sign up" lose their sense without them. */
const PARTICLES = new Set(['off', 'out', 'up', 'down', 'in', 'on', 'over', 'back', 'away']);

const COPULA = new Set(['be', 'being', 'been']);
const CLAUSE_OPENERS = new Set([
  'what',
  'which',
  'who',
  'where',
  'when',
  'how',
  'why',
  'that',
  'if',
  'whether',
]);

const PUNCTUATION_RUN = /[?!.,;:]+/g;

export const keyword: VariationFamily = {
  tag: 'K',
  name: 'keyword',
  apply(input) {
    // Stripping a question or negation frame another family just built would leave its tag on a bare query.
    if (input.framedBy && input.framedBy !== 'B') return undefined;
    // Users type requests and topics as keywords ("cancel order", "tariffs"), not reports: the content words
    // of "my lights went off an hour ago" ("lights went hour ago") or of "I can't log in" ("log in") no longer
    // say what happened.
    const clause = analyzeClause(input);
    if (clause && (clause.kind === 'statement' || clause.kind === 'negatedVerbPhrase')) return undefined;
    // "thank you so much" has no keywords ("thank much").
    if (!clause && isSocialFormula(input.text)) return undefined;
    const tokens = wordTokens(input);
    const edits: TextEdit[] = [];
    const keptWords: WordToken[] = [];
    for (const [i, token] of tokens.entries()) {
      const functional = FUNCTION_WORDS.has(token.lower) || isClosedClass(token.lower);
      const particle = PARTICLES.has(token.lower) && i > 0 && isBaseVerb(tokens[i - 1]!.lower);
      if (token.inEntity || !functional || particle) {
        keptWords.push(token);
        continue;
      }
      // "stop being a customer" -> "stop customer": without its copula the phrase says something else.
      // "pay what I owe by card" -> "pay owe card": a clause inside the query does not survive either.
      if (COPULA.has(token.lower) || (keptWords.length > 0 && CLAUSE_OPENERS.has(token.lower)))
        return undefined;
      edits.push({start: token.start, end: token.end, replacement: ''});
    }
    if (edits.length === 0 || keptWords.length === 0) return undefined;
    // A question's verb left at the end reads as clipped English ("what tariffs do you offer" -> "tariffs
    // offer"): keep such a query only when the verb leads it ("send meter reading").
    const last = keptWords[keptWords.length - 1]!;
    if (keptWords.length > 1 && !last.inEntity && isBaseVerb(last.lower) && clause?.kind !== 'verbPhrase')
      return undefined;
    // A question cut down to one word ("where is your office" -> "office") or to a verb-first phrase ("do you
    // see children" -> "see children") no longer asks anything: the second reads as an order.
    // So does a seed that asks how or where ("how do I get to the gym" -> "get gym", "I want to know where I can
    // park" -> "park car").
    if (clause?.asks) return undefined;
    if (clause?.kind === 'embeddedQuestion' && (clause.head.lower === 'where' || clause.head.lower === 'how'))
      return undefined;
    if (clause?.kind === 'directQuestion') {
      const first = keptWords[0]!;
      if (keptWords.length < 2 || (!first.inEntity && isBaseVerb(first.lower, keptWords[1]?.lower)))
        return undefined;
    }
    // Punctuation goes too: keyword queries are bare.
    PUNCTUATION_RUN.lastIndex = 0;
    for (let match = PUNCTUATION_RUN.exec(input.text); match; match = PUNCTUATION_RUN.exec(input.text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (!edits.some((e) => e.start < end && e.end > start)) edits.push({start, end, replacement: ' '});
    }
    const stripped = applyEdits(input, edits);
    if (!stripped) return undefined;
    const result = tidySpaces(stripped);
    return result.text && result.text !== input.text && /[\p{L}\p{N}]/u.test(result.text)
      ? result
      : undefined;
  },
};

/** Contracted <-> expanded forms, both directions. */
const CONTRACTIONS: Array<[string, string]> = [
  ["i'm", 'i am'],
  ["i'd", 'i would'],
  ["i've", 'i have'],
  ["i'll", 'i will'],
  ["you're", 'you are'],
  ["it's", 'it is'],
  ["what's", 'what is'],
  ["where's", 'where is'],
  ["how's", 'how is'],
  ["that's", 'that is'],
  ["there's", 'there is'],
  ["can't", 'cannot'],
  ["don't", 'do not'],
  ["doesn't", 'does not'],
  ["didn't", 'did not'],
  ["isn't", 'is not'],
  ["aren't", 'are not'],
  ["won't", 'will not'],
  ["wouldn't", 'would not'],
  ["couldn't", 'could not'],
  ["haven't", 'have not'],
  ["let's", 'let us'],
  ["we're", 'we are'],
  ["they're", 'they are'],
];
/** Common written abbreviations (both directions). */
const ABBREVIATIONS: Array<[string, string]> = [
  ['information', 'info'],
  ['account', 'acct'],
  ['number', 'no.'],
  ['appointment', 'appt'],
  ['application', 'app'],
  ['approximately', 'approx.'],
  ['as soon as possible', 'asap'],
  ['minutes', 'mins'],
  ['minute', 'min'],
  ['seconds', 'secs'],
  ['hours', 'hrs'],
  ['reservation', 'rsvn'],
  ['restaurant', 'resto'],
  ['television', 'TV'],
  ['photograph', 'photo'],
  ['picture', 'pic'],
  ['pictures', 'pics'],
  ['advertisement', 'ad'],
  ['administrator', 'admin'],
  ['temperature', 'temp'],
  ['and', '&'],
  ['with', 'w/'],
  ['without', 'w/o'],
  ['street', 'St.'],
  ['avenue', 'Ave.'],
  ['tomorrow', 'tmrw'],
  ['okay', 'OK'],
  ['versus', 'vs.'],
  ['department', 'dept.'],
  ['message', 'msg'],
  ['password', 'pwd'],
];
const FORMS = new Map<string, string[]>();
for (const [a, b] of [...CONTRACTIONS, ...ABBREVIATIONS]) {
  FORMS.set(a, [...(FORMS.get(a) ?? []), b]);
  FORMS.set(b.toLowerCase(), [...(FORMS.get(b.toLowerCase()) ?? []), a]);
}
const FORM_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...FORMS.keys()]
    .sort((a, b) => b.length - a.length)
    .map((k) =>
      k
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/'/g, "['’]")
        .replace(/ /g, '\\s+'),
    )
    .join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);
// "and"/"with" are only abbreviated now and then; every other form is fair game.
const RARE = new Set(['and', 'with']);
/** Abbreviated only after a name ("Main street" -> "Main St."): "my St." is not English. */
const AFTER_NAME = new Set(['street', 'avenue']);
const ENDS_WITH_NAME = /\p{Lu}\p{Ll}*\s+$/u;

export const abbreviation: VariationFamily = {
  tag: 'E',
  name: 'abbreviation',
  apply(input, context) {
    const {rng} = context;
    const edits: TextEdit[] = [];
    // An exec loop, not matchAll: matchAll copies the (large) pattern on every call, on the hot path.
    FORM_PATTERN.lastIndex = 0;
    for (let match = FORM_PATTERN.exec(input.text); match; match = FORM_PATTERN.exec(input.text)) {
      const key = match[0].toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");
      const forms = FORMS.get(key);
      if (!forms || (RARE.has(key) && !rng.chance(0.3))) continue;
      const start = match.index;
      if (AFTER_NAME.has(key) && !ENDS_WITH_NAME.test(input.text.slice(0, start))) continue;
      const end = start + match[0].length;
      // "have" of obligation or possession does not contract: "I have to" is not "I've to" (a blind reader's reject).
      if (key === 'i have' && /^\s+(?:to|a|an|the|my|no|some|any)\b/i.test(input.text.slice(end))) continue;
      if (input.entities.some((s) => start < s.end && end > s.start)) continue;
      edits.push({start, end, replacement: matchCase(match[0], rng.pick(forms))});
    }
    if (edits.length === 0) return undefined;
    // Change one or two of the candidates, not all: real users mix forms.
    rng.shuffle(edits);
    const chosen = edits.slice(0, 1 + rng.int(Math.min(2, edits.length)));
    const result = applyEdits(input, chosen);
    return result && result.text !== input.text ? result : undefined;
  },
};
