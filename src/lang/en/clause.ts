/**
 * Shallow clause analysis for English utterances: which lead-in frame an utterance uses ("I want to", "can you",
 * "how do I"...), where its core starts and ends, and whether that core is a verb phrase (book a table), a noun
 * phrase (a table for two) or a question (what is the weather). Families re-wrap the core in other frames, so
 * a plain seed sentence yields real paraphrases. The analysis is cached per distinct text: it is the only
 * per-utterance work beyond dictionary lookups.
 */
import {editTouchesEntity, applyEdits, type TextEdit} from '../../generate/variation/edit.js';
import {TextAnalysisCache} from '../../generate/variation/text-cache.js';
import {wordTokens, wordTokensBefore, type WordToken} from '../../generate/variation/tokens.js';
import type {AnnotatedText} from '../../generate/variation/types.js';
import {conjugate, isBaseVerb, isClosedClass, isIrregularPast} from './lexicon.js';
import {thirdPersonSingular} from './regular-inflection.js';

/**
 * What a seed is, as far as re-framing goes: the kind of its core.
 * - verbPhrase: a request verb phrase (book a table; "I want to | book a table").
 * - negatedVerbPhrase: the verb phrase after a negative lead-in of a problem report, what the user cannot do
 *   ("I can't | log in").
 * - nounPhrase: a noun phrase or keyword query (a table for two).
 * - directQuestion: a question in question word order (what is the weather / are you open on sunday).
 * - embeddedQuestion: a question already in statement word order after an embedding lead-in ("tell me | where
 *   my refund is").
 * - statement: a statement (the driver was rude).
 * Frames name the kind they take by a slot (FRAME_SLOT_KINDS): {vp} and {ving} (its gerund) a verb phrase,
 * {nvp} a negated verb phrase, {np} a noun phrase, {wh} a direct question, {ewh} an embedded question (and a
 * direct question that can be put in statement order), {st} a statement, {core} any.
 */
export type CoreKind =
  'verbPhrase' | 'negatedVerbPhrase' | 'nounPhrase' | 'directQuestion' | 'embeddedQuestion' | 'statement';

/** The kind of core each frame slot takes ({ving} and {core} are handled apart). */
export const FRAME_SLOT_KINDS: Readonly<Record<string, CoreKind>> = {
  vp: 'verbPhrase',
  nvp: 'negatedVerbPhrase',
  np: 'nounPhrase',
  wh: 'directQuestion',
  ewh: 'embeddedQuestion',
  st: 'statement',
};

export interface Clause {
  kind: CoreKind;
  coreStart: number;
  coreEnd: number;
  /** First word of the core. */
  head: WordToken;
  /** The lead-in found (lower case), '' for none. */
  leadIn: string;
  /**
   * The user does what the verb phrase says ("I want to pay with cash", "how do I log in"), or may do it: a
   * bare imperative typed to a bot ("pay my electricity bill") usually means "let me pay", so frames that
   * ask the bot to do it ("could you pay my electricity bill?") would change the request.
   */
  userActs: boolean;
  /**
   * The verb phrase has the bot (or the business behind it) act for the user: the seed asks it to ("could you
   * bring an extra pillow", "please X", "I need you to X"), serves the user ("schedule me a checkup", "reset my
   * password for me", "send up two coffees") or delivers or looks after the user's things ("deliver my order",
   * "clean my room"). The user is not its subject, so only frames that ask the bot ("could you ...", "please
   * ...") keep it: "how can I bring an extra pillow" asks something else.
   */
  botActs: boolean;
  /**
   * What the seed's lead-in asks for: a method ("how do I", "is there a way to") or a place ("where can I").
   * Frames that drop that question ("I want to", "can I") or ask another ("where do I") change its meaning.
   */
  asks?: 'how' | 'where';
  /** The core names a future time or a duration ("tomorrow", "for another two weeks"): urgency does not fit. */
  timed: boolean;
  /**
   * A statement of something that happened ("I was charged twice", "my tyre went flat"): "what should I do if
   * ..." would make it hypothetical; "now that ..." fits.
   */
  past: boolean;
  /** A question about the bot ("do you see children"): "do you know if you see children" asks it twice. */
  aboutYou: boolean;
  /**
   * A seed that is not a question but goes on to ask one ("I don't need the car anymore, how do I cancel?"):
   * a frame that asks a question of its own would put two questions in one line.
   */
  asksQuestion: boolean;
  /** The seed already asks for help ("my son is scared of the dentist, can you help"): "help pls" repeats it. */
  asksForHelp: boolean;
  /**
   * A statement of what the user needs or wants ("we need more towels"): a request, not a problem, so frames
   * that ask what to do about it ("what should I do now that ...") do not fit.
   */
  wants: boolean;
  /**
   * A statement that gives the bot information ("my new address is 12 Elm Street", "my name is Ana", "my
   * number is 555 0100"): no what-if, urgency, hedge, help or permission frame fits it ("what do I do if my
   * new address is ...", "I think my name is ...", "..., need help asap").
   */
  givesInfo: boolean;
  /**
   * The seed goes on with an order after a clause break ("I can't make it tomorrow, cancel it"): a frame
   * that asks a question around it would splice the imperative into the question ("what should I do if
   * ..., cancel it?").
   */
  orders: boolean;
  /** Everything above that decides which frames fit, as one number (frame lists are filtered once per shape). */
  shape: number;
  capitalized: boolean;
}

/** Lead-ins followed by a base-form verb phrase. Longest first matters: "can you help me" before "can you". */
const VERB_LEAD_INS = [
  'i would be grateful if you could help me',
  "i'd appreciate it if you could",
  'would you be so kind as to',
  'is there any way i can',
  'what do i have to do to',
  'what do i need to do to',
  'i would like you to',
  'could you please help me',
  'can you please help me',
  'can you help me to',
  'could you help me',
  'can you help me',
  'i need help to',
  'is there a way to',
  'is it possible to',
  'would it be possible to',
  'i would like to',
  "i'd like to",
  'i would love to',
  "i'd love to",
  'i am trying to',
  "i'm trying to",
  'i am looking to',
  "i'm looking to",
  'i want you to',
  'i need you to',
  'i want to',
  'i wanna',
  'i need to',
  'i have to',
  'i gotta',
  'i must',
  'i wish to',
  'i would',
  'where can i',
  'how can i',
  'how do i',
  'how to',
  'can you please',
  'could you please',
  'would you please',
  'can you',
  'could you',
  'would you',
  'will you',
  'can i',
  'could i',
  'may i',
  'help me to',
  'help me',
  'let me',
  'wanna',
  'need to',
  'want to',
  'please',
  'pls',
];
/** Negative lead-ins of a problem report: what follows is the verb phrase the user cannot do. */
const NEGATIVE_LEAD_INS = [
  "i can't",
  'i cannot',
  'i can not',
  "i'm unable to",
  'i am unable to',
  "i'm not able to",
  'i am not able to',
  "i couldn't",
  'i could not',
  "i haven't been able to",
  "i don't know how to",
  'i do not know how to',
  "why can't i",
  "it won't let me",
];
/** Lead-ins followed by an embedded question in statement order ("tell me where my refund is"). */
const EMBEDDED_LEAD_INS = [
  'can you tell me',
  'could you tell me',
  'could you please tell me',
  'please tell me',
  'tell me',
  'let me know',
  'do you know',
  'i want to know',
  'i would like to know',
  "i'd like to know",
  'i need to know',
  'i wonder',
  "i'm wondering",
];
/** Lead-ins followed by a noun phrase (what the user wants). */
const NOUN_LEAD_INS = [
  "i'm looking for",
  'i am looking for',
  'i would like',
  "i'd like",
  'can i get',
  'can i have',
  'could i have',
  'i want',
  'i need',
  'give me',
  'find me',
  'get me',
];
/**
 * Words that open a direct question, question words and auxiliaries: with no lead-in, such an utterance is a
 * question core ("what is the weather", "do you ship abroad").
 */
const QUESTION_OPENERS = new Set([
  'what',
  "what's",
  'whats',
  'when',
  'where',
  'which',
  'who',
  'whose',
  'how',
  'why',
  'is',
  'are',
  'will',
  'does',
  'do',
  'did',
  'was',
  'should',
  'has',
  'have',
  'had',
  'can',
  'could',
  'would',
  'may',
  'were',
  'am',
]);

function leadInPattern(list: string[]): RegExp {
  const alternatives = [...list]
    .sort((a, b) => b.length - a.length)
    .map((l) => l.replace(/'/g, "['’]?").replace(/ /g, '\\s+'));
  return new RegExp(`^(?:${alternatives.join('|')})\\b\\s*`, 'i');
}
const VERB_LEAD_IN = leadInPattern(VERB_LEAD_INS);
const NEGATIVE_LEAD_IN = leadInPattern(NEGATIVE_LEAD_INS);
/** Verb lead-ins that ask the bot to act (the rest, "I want to", "how do I", have the user act). */
const BOT_LEAD_INS =
  /^(?:(?:can|could|would|will) you(?: please)?|please|pls|i (?:want|need|would like) you to)$/i;
const EMBEDDED_LEAD_IN = leadInPattern(EMBEDDED_LEAD_INS);
/** Finite verbs and subject pronouns: a core without a lead-in that has one is a statement, not a noun phrase. */
const FINITE_MARKERS = new Set(
  (
    "is was are were am isn't wasn't aren't weren't has have had hasn't haven't hadn't does did doesn't didn't " +
    "don't can't cannot won't wouldn't couldn't shouldn't keeps kept got gets came arrived broke works worked " +
    "says said charged sent went need needs i i'm i've i'd we we're they it it's he she there's there're " +
    "that's here's he's she's they're you're we've they've"
  ).split(' '),
);
const DETERMINERS = new Set(['a', 'an', 'the', 'my', 'your', 'our', 'this', 'that', 'some', 'any', 'no']);
/** Adverbs between a lead-in and its verb ("can I still cancel", "I just want to"). */
const LEAD_ADVERBS = new Set([
  'still',
  'just',
  'also',
  'really',
  'actually',
  'quickly',
  'now',
  'already',
  'even',
]);
/** Finite past forms that make a statement a report of something that happened. */
const PAST_MARKERS = new Set(
  "was were wasn't weren't did didn't had hadn't got came went sent charged arrived broke".split(' '),
);
/** Lead-ins that ask for a method or for a place (Clause.asks). */
const HOW_LEAD_IN =
  /^(?:how (?:do|can|could) i|how to|what do i (?:have|need) to do to|is there (?:a|any) way (?:to|i can)|i don't know how to|i do not know how to)$/;
const WHERE_LEAD_IN = /^where (?:can|do) i$/;
/** Future times and durations ("for another two weeks", "tomorrow", "at 6am"); past ones ("last night") are not. */
const TIMED =
  /\b(?:today|tonight|tomorrow|tmrw|next|later|soon|upcoming|until|till|weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|morning|afternoon|evening|noon|days?|weeks?|months?|years?|hours?|minutes?|\d+(?::\d+)?\s*(?:am|pm))\b/i;
/** Object pronouns right after the verb: "book me a ride" has the bot act for the user. */
const BENEFICIARY = new Set(['me', 'us']);
/**
 * Verbs that, as a bare imperative to a business, ask it to carry or look after the user's things ("bring two
 * towels", "deliver my order", "clean my room", "hold my bags"): the user would not ask a bot to do them himself.
 */
const SERVICE_VERBS = new Set(
  'bring deliver fetch carry come clean tidy vacuum wash launder iron hold store refill repair'.split(' '),
);
/** Words after "send" that make it a dispatch to the user ("send up two coffees", "send someone over"). */
const DISPATCH = new Set(['up', 'over', 'round', 'around', 'someone', 'somebody', 'anyone', 'help']);
/**
 * A benefactive phrase (the verb phrase is done for the user or brought to the user's place), or a closing
 * "please" ("change the sheets, please"), which asks someone else as an opening one does.
 */
const FOR_THE_USER =
  /[\s,]+(?:please|pls|plz)\b[\s.!?]*$|\b(?:for (?:me|us)|(?:up|over) to|to (?:my|our) (?:room|home|house|door|office|apartment|flat|suite|table|cabin|place|address))\b/i;
/**
 * A question inside a seed that is not one: after a clause break (", how do I cancel", ". is that possible")
 * or the user asking what to do ("... what should I do").
 */
const ASKS_QUESTION =
  /[,;:.!?]\s*(?:what|how|who|where|when|why|which|can|could|would|will|should|is|are|do|does|any)\b(?!['’]t| not)|\b(?:what|how) (?:should|do|can|could) (?:i|we)\b/i;
/** A statement whose subject needs or wants something ("we need more towels", "my son needs a new racket"). */
const WANTS =
  /^(?:i|we|they|(?:my|our|the) \w+)\s+(?:(?:really|also|still|just)\s+)?(?:need|needs|want|wants|would like|['’]d like|require|requires)\b/i;
/**
 * A statement giving a piece of information: a name, address, number or the like, then a copula ("my new
 * address is", "the name on the booking is", "my phone number's", "our zip code will be"), or "I live at",
 * "I moved to", "it's under the name".
 */
const GIVES_INFO =
  /\b(?:address|name|(?:phone|mobile|cell|account|card|member(?:ship)?|order|booking|reference|confirmation|policy|flight|plate|registration|licen[cs]e|room|seat|id|contact) (?:number|no|#)|number|e-?mail|postcode|post code|zip(?: code)?|date of birth|birthday|username|user name|surname|plate)(?: (?:on|for|of|in) (?:the|my|our) \w+)?(?:['’]s| is| was| will be| are| has changed to| changed to)\b|^(?:i|we) (?:live|moved|now live|am staying|'m staying) (?:at|in|to)\b|\bunder the name\b/i;
/** An order after a clause break: ", cancel it", ". please send it", "; book me in" (a base verb and its object). */
const ORDERS_AFTER_BREAK =
  /[,;.!]\s*(?:(?:so |and |then |just |please |pls )?(?:please |pls )?)(\p{L}+)\s+(?:it|them|that|this|me|us|my|our|the|a|an|one)\b/iu;
/** Verbs whose "me" object is the user acting or being helped, not served: "help me log in", "let me know". */
const SELF_VERBS = new Set(['help', 'let', 'tell', 'show', 'remind', 'teach']);

/**
 * A word that makes a determiner-less core a statement: a finite auxiliary or subject pronoun, a past form
 * ("my tyre went flat", "arrived damaged") or a verb after a plural noun ("my gears need fixing"). After a
 * determiner such words are modifiers ("a used bike", "a full service").
 */
function looksFinite(token: WordToken, previous: WordToken | undefined): boolean {
  if (FINITE_MARKERS.has(token.lower)) return true;
  if (!previous || DETERMINERS.has(previous.lower)) return false;
  if (/[^e]ed$/.test(token.lower) && token.lower.length > 4) return true;
  // An irregular past after a noun: "my filling fell out", "a piece of my tooth broke off".
  if (isIrregularPast(token.lower) && !isClosedClass(previous.lower)) return true;
  return /[^s]s$/.test(previous.lower) && isBaseVerb(token.lower);
}

const WH_QUESTION_WORDS = new Set(['what', 'when', 'where', 'which', 'who', 'whose', 'how', 'why']);
const SUBJECT_PRONOUNS = new Set(['i', 'you', 'we', 'they', 'it', 'he', 'she', 'there']);
const INVERTIBLE_AUX = new Set([
  'is',
  'are',
  'was',
  'were',
  'will',
  'can',
  'could',
  'should',
  'would',
  'has',
  'have',
]);
const NOUN_LEAD_IN = leadInPattern(NOUN_LEAD_INS);
const GREETING = /^(?:(?:hey|hi|hello|ok|okay|so|yo)\b[,!]?\s+)?/i;
/** The letters a GREETING word starts with, either case (/i without /u folds no other character to them). */
const GREETING_INITIALS = new Set('hHoOsSyY');

/**
 * Length of the greeting the text starts with (0 for none). Most texts start with another letter: they are
 * answered without running the pattern (whose match is an array allocated on every call). Exported for tests.
 */
export function greetingLength(text: string): number {
  return GREETING_INITIALS.has(text.charAt(0)) ? GREETING.exec(text)![0].length : 0;
}
const TRAILER = /(?:[\s,]+(?:please|pls|plz|thanks|thank you|thx|for me)\b)*\s*[?.!]*\s*$/i;

/**
 * ASCII characters a TRAILER match can contain: its words' letters in either case, whitespace, comma, ?.!
 * (past ASCII only whitespace: without the u flag, /i matches no other letter to an ASCII one).
 */
const IN_TRAILER = (() => {
  const table = new Uint8Array(128);
  for (const ch of 'pleaszthnkyouxfrmPLEASZTHNKYOUXFRM,?.! \t\n\v\f\r') table[ch.charCodeAt(0)] = 1;
  return table;
})();

/**
 * Where TRAILER matches (it always does, if only at the end). Run on the text's tail of characters a
 * trailer can have, not on the whole text: unanchored, the regex would be tried at every position.
 */
function trailerStart(text: string): number {
  let from = text.length;
  while (from > 0) {
    const code = text.charCodeAt(from - 1);
    if (code < 128 ? IN_TRAILER[code] === 0 : !/\s/.test(text.charAt(from - 1))) break;
    from--;
  }
  return from + TRAILER.exec(text.slice(from))!.index;
}

const cache = new TextAnalysisCache<Clause | undefined>((input) => analyze(input));
/** The last input asked about: families on one text ask several times in a row. */
let lastInput: AnnotatedText | undefined;
let lastClause: Clause | undefined;

/** The analysis depends on the text and on where its entity spans are, nothing else. */
export function analyzeClause(input: AnnotatedText): Clause | undefined {
  if (input === lastInput) return lastClause;
  const clause = cache.get(input);
  lastInput = input;
  lastClause = clause;
  return clause;
}

/**
 * Words of greetings, thanks, goodbyes and acknowledgements ("hello there", "thanks a lot", "see you later",
 * "have a nice day"): a seed made only of them is a social formula, not a request, a question or a report.
 */
const SOCIAL_WORDS = new Set(
  (
    'hi hello hey hiya howdy yo good morning afternoon evening night day greetings thanks thank you thx ty ' +
    'cheers bye goodbye see ya later soon take care have a nice great lovely ok okay yes yeah yep no nope sure ' +
    'perfect awesome cool there everyone all again so much very lot bunch for your help talk to'
  ).split(' '),
);

const SOCIAL_WORD = /[\p{L}']+/gu;

/** A seed that is only a social formula: no frame fits it ("I want hello", "could I have thanks a lot"). */
export function isSocialFormula(text: string): boolean {
  // Word by word, stopping at the first other word (most texts): every text is checked on the hot path.
  const lower = text.toLowerCase();
  SOCIAL_WORD.lastIndex = 0;
  let words = 0;
  for (let match = SOCIAL_WORD.exec(lower); match; match = SOCIAL_WORD.exec(lower)) {
    if (!SOCIAL_WORDS.has(match[0])) return false;
    words += 1;
  }
  return words > 0;
}

/**
 * Whether a bare imperative asks the business to serve the user rather than to let the user act: a service
 * verb with an object, "send" with a dispatch word, or a benefactive phrase ("reset my password for me", "take
 * my bags up to my room"). `rest` is the text from the core on, the trailer included ("... for me, please").
 */
function servesTheUser(head: WordToken, object: WordToken | undefined, rest: string): boolean {
  if (head.inEntity || !object) return false;
  if (SERVICE_VERBS.has(head.lower)) return true;
  if (head.lower === 'send' && !object.inEntity && DISPATCH.has(object.lower)) return true;
  return FOR_THE_USER.test(rest);
}

/**
 * A verb followed by its object opens an imperative even when a finite clause comes later ("iron the shirts
 * but don't starch them", "print a new card and post it"): a statement opens with its subject.
 */
function startsImperative(head: WordToken, next: WordToken | undefined): boolean {
  if (head.inEntity || !next || next.inEntity || FINITE_MARKERS.has(head.lower)) return false;
  if (!DETERMINERS.has(next.lower) && !BENEFICIARY.has(next.lower)) return false;
  return isBaseVerb(head.lower, next.lower);
}

/** Words before a determiner that still head a noun phrase ("all my orders", "half the price"). */
const PREDETERMINERS = new Set('all both half twice such quite rather only just even'.split(' '));
/** Determiners that start a verb's object. */
const OBJECT_DETERMINERS = new Set(['the', 'a', 'an', 'my', 'our', 'your', 'this', 'these', 'those']);

/**
 * Whether an open-class word followed by a determiner is a verb taking its object: a noun phrase's head is not
 * followed by one. Plurals and -ly adverbs are left out ("tickets the day after", "apparently the app").
 */
function opensObject(head: WordToken, next: WordToken | undefined): boolean {
  if (head.inEntity || !next || next.inEntity || !OBJECT_DETERMINERS.has(next.lower)) return false;
  const word = head.lower;
  return (
    /^\p{L}+$/u.test(word) && !/(?:ly|s)$/.test(word) && !PREDETERMINERS.has(word) && !isClosedClass(word)
  );
}

/** Subjects that open a statement when a verb follows: "you forgot my drinks", "someone hit my car". */
const YOU = new Set(['you', 'ya', 'u', 'someone', 'somebody', 'nobody', 'he', 'she', 'they', 'we']);

/** Some core token (tokens[from...]) is a finite verb or subject: the core is a statement. */
function anyLooksFinite(tokens: readonly WordToken[], from: number): boolean {
  // "you forgot my drinks": a core that opens with "you" and a verb is a statement, not a noun phrase.
  const first = tokens[from];
  const second = tokens[from + 1];
  if (first && second && !first.inEntity && YOU.has(first.lower) && !isClosedClass(second.lower)) return true;
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i]!;
    // The core's first token has no previous one, even when a lead-in word comes before it.
    if (!token.inEntity && looksFinite(token, i > from ? tokens[i - 1] : undefined)) return true;
  }
  return false;
}

/** Some core token (tokens[from...]) is a past form: a report of something that happened. */
function anyPastForm(tokens: readonly WordToken[], from: number): boolean {
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.inEntity) continue;
    if (PAST_MARKERS.has(token.lower)) return true;
    if (
      i > from &&
      !DETERMINERS.has(tokens[i - 1]!.lower) &&
      (isIrregularPast(token.lower) || /[^e]ed$/.test(token.lower))
    )
      return true;
  }
  return false;
}

/** An imperative after a clause break in the core ("..., cancel it"): a base verb that is not a question word. */
function ordersAfterBreak(core: string): boolean {
  const match = ORDERS_AFTER_BREAK.exec(core);
  if (!match) return false;
  const verb = match[1]!.toLowerCase();
  return !isClosedClass(verb) && !QUESTION_OPENERS.has(verb) && isBaseVerb(verb, 'the');
}

/** "you" or "your" among tokens[from] to tokens[to - 1]. */
function namesYou(tokens: readonly WordToken[], from: number, to: number): boolean {
  for (let i = from; i < to && i < tokens.length; i++) {
    const lower = tokens[i]!.lower;
    if (lower === 'you' || lower === 'your') return true;
  }
  return false;
}

/** Clause.shape's low three bits: the kind of core. */
const KIND_CODES: Record<CoreKind, number> = {
  verbPhrase: 0,
  negatedVerbPhrase: 1,
  nounPhrase: 2,
  directQuestion: 3,
  embeddedQuestion: 4,
  statement: 5,
};

/**
 * Clause.shape: the fields that decide which frames fit, packed into one small integer (a number key is
 * cheaper to build and look up than a string, once per analysed text).
 */
function shapeOf(
  kind: CoreKind,
  userActs: boolean,
  botActs: boolean,
  asks: 'how' | 'where' | undefined,
  timed: boolean,
  past: boolean,
  aboutYou: boolean,
  asksQuestion: boolean,
  asksForHelp: boolean,
  wants: boolean,
  givesInfo: boolean,
  orders: boolean,
): number {
  const asksCode = asks === undefined ? 0 : asks === 'how' ? 1 : 2;
  return (
    KIND_CODES[kind] |
    (asksCode << 3) |
    (Number(userActs) << 5) |
    (Number(botActs) << 6) |
    (Number(timed) << 7) |
    (Number(past) << 8) |
    (Number(aboutYou) << 9) |
    (Number(asksQuestion) << 10) |
    (Number(wants) << 11) |
    (Number(asksForHelp) << 12) |
    (Number(givesInfo) << 13) |
    (Number(orders) << 14)
  );
}

/** The lead-in an utterance opens with (as written, '' for none) and the kind of core it takes. */
interface LeadIn {
  text: string;
  takes: CoreKind | undefined;
}

const NO_LEAD_IN: LeadIn = {text: '', takes: undefined};

/**
 * The lead-in at the start of `rest`: the longest match wins ("can you tell me", an embedded question, over "can
 * you", a request); on a tie, the first in the order negative, embedding, verb, noun. None when it would cut
 * into an entity.
 */
function findLeadIn(input: AnnotatedText, from: number, rest: string): LeadIn {
  let leadIn = NO_LEAD_IN;
  const negative = NEGATIVE_LEAD_IN.exec(rest);
  if (negative && negative[0].length > leadIn.text.length)
    leadIn = {text: negative[0], takes: 'negatedVerbPhrase'};
  const embedding = EMBEDDED_LEAD_IN.exec(rest);
  if (embedding && embedding[0].length > leadIn.text.length)
    leadIn = {text: embedding[0], takes: 'embeddedQuestion'};
  const verb = VERB_LEAD_IN.exec(rest);
  if (verb && verb[0].length > leadIn.text.length) leadIn = {text: verb[0], takes: 'verbPhrase'};
  const noun = NOUN_LEAD_IN.exec(rest);
  if (noun && noun[0].length > leadIn.text.length) leadIn = {text: noun[0], takes: 'nounPhrase'};
  if (leadIn.text && editTouchesEntity(input.entities, from, from + leadIn.text.length)) return NO_LEAD_IN;
  return leadIn;
}

/** The index of the first token at or after `coreStart`, or undefined when the core has none. */
function firstTokenFrom(tokens: readonly WordToken[], coreStart: number): number | undefined {
  let index = 0;
  while (index < tokens.length && tokens[index]!.start < coreStart) index++;
  return index < tokens.length ? index : undefined;
}

/**
 * An adverb after a verb lead-in goes with the lead-in: in "can I still cancel my order" the verb heads the core
 * (not "stilling").
 */
function skipsLeadAdverb(
  tokens: readonly WordToken[],
  headIndex: number,
  takes: CoreKind | undefined,
): boolean {
  const head = tokens[headIndex]!;
  return (
    (takes === 'verbPhrase' || takes === 'negatedVerbPhrase') &&
    LEAD_ADVERBS.has(head.lower) &&
    tokens[headIndex + 1] !== undefined &&
    !head.inEntity
  );
}

/**
 * After an embedding lead-in: "tell me where my refund is" is an embedded question; "tell me a joke" is a
 * request, too unsure to re-wrap.
 */
function coreAfterEmbedding(head: WordToken): CoreKind | undefined {
  if (head.inEntity) return undefined;
  const opensQuestion = WH_QUESTION_WORDS.has(head.lower) || head.lower === 'if' || head.lower === 'whether';
  return opensQuestion ? 'embeddedQuestion' : undefined;
}

/** After a negative lead-in ("I can't"): the verb phrase the user cannot do, when an open-class word heads it. */
function coreAfterNegation(head: WordToken): CoreKind | undefined {
  return head.inEntity || isClosedClass(head.lower) ? undefined : 'negatedVerbPhrase';
}

/**
 * After a verb lead-in ("can you", "how do I"): a verb phrase when its head is a verb, or any open-class word
 * (our lexicons do not know every verb: "reset"); otherwise too unsure to re-wrap. A verb phrase cannot start
 * inside an entity.
 */
function coreAfterVerbLeadIn(head: WordToken, next: WordToken | undefined): CoreKind | undefined {
  if (head.inEntity) return undefined;
  if (isBaseVerb(head.lower, next?.lower)) return 'verbPhrase';
  return !isClosedClass(head.lower) && /^\p{L}+$/u.test(head.lower) ? 'verbPhrase' : undefined;
}

/**
 * With no lead-in: a question when a question word opens it, a verb phrase when it opens as an imperative, a
 * statement when a finite verb or a subject shows, else a verb phrase or a noun phrase by its first words.
 */
function coreWithoutLeadIn(tokens: readonly WordToken[], headIndex: number): CoreKind {
  const head = tokens[headIndex]!;
  const next = tokens[headIndex + 1];
  if (head.inEntity) return 'nounPhrase';
  if (QUESTION_OPENERS.has(head.lower)) return 'directQuestion';
  if (startsImperative(head, next)) return 'verbPhrase';
  if (anyLooksFinite(tokens, headIndex)) return 'statement';
  if (isBaseVerb(head.lower, next?.lower)) return 'verbPhrase';
  // A noun phrase does not go on with a determiner ("swap the oat milk", not "all the orders"): a word our
  // lexicons do not know as a verb is one there.
  return opensObject(head, next) ? 'verbPhrase' : 'nounPhrase';
}

/** The kind of the core that starts at tokens[headIndex], given what its lead-in takes; undefined: too unsure. */
function coreKind(
  tokens: readonly WordToken[],
  headIndex: number,
  takes: CoreKind | undefined,
): CoreKind | undefined {
  const head = tokens[headIndex]!;
  switch (takes) {
    case 'embeddedQuestion':
      return coreAfterEmbedding(head);
    case 'negatedVerbPhrase':
      return coreAfterNegation(head);
    case 'verbPhrase':
      return coreAfterVerbLeadIn(head, tokens[headIndex + 1]);
    case 'nounPhrase':
      return 'nounPhrase';
    default:
      return coreWithoutLeadIn(tokens, headIndex);
  }
}

/** Who acts in a verb-phrase core, and what its lead-in asks for (Clause.userActs, botActs, asks). */
interface VerbPhraseRoles {
  userActs: boolean;
  botActs: boolean;
  asks: 'how' | 'where' | undefined;
}

const NOT_A_VERB_PHRASE: VerbPhraseRoles = {userActs: false, botActs: false, asks: undefined};

/**
 * The bot acts when the verb serves the user ("book me a ride", not "help me log in"), when the lead-in asks
 * it to ("could you"), or, with no lead-in, when a bare imperative asks the business to serve the user. `rest` is
 * the text from the core on, the trailer included.
 */
function verbPhraseRoles(
  head: WordToken,
  object: WordToken | undefined,
  lead: string,
  rest: string,
): VerbPhraseRoles {
  const botActs =
    (object !== undefined &&
      !object.inEntity &&
      BENEFICIARY.has(object.lower) &&
      !SELF_VERBS.has(head.lower)) ||
    BOT_LEAD_INS.test(lead) ||
    (lead === '' && servesTheUser(head, object, rest));
  const asks = HOW_LEAD_IN.test(lead) ? 'how' : WHERE_LEAD_IN.test(lead) ? 'where' : undefined;
  return {userActs: !botActs, botActs, asks};
}

/** Where a core lies: its tokens are tokens[headIndex...] (indices instead of a filtered copy: no allocation). */
interface CoreSpan {
  tokens: readonly WordToken[];
  headIndex: number;
  start: number;
  end: number;
}

/**
 * The analysis in steps: not a social formula; the core ends before a trailer ("..., please") and starts after
 * a greeting and a lead-in; its kind follows from what the lead-in takes and its first words; then the fields
 * frames are chosen by.
 */
function analyze(input: AnnotatedText): Clause | undefined {
  const {text, entities} = input;
  if (isSocialFormula(text)) return undefined;
  const trailer = trailerStart(text);
  const end = editTouchesEntity(entities, trailer, text.length) ? text.length : trailer;
  const greetingEnd = greetingLength(text);
  const leadIn = findLeadIn(input, greetingEnd, text.slice(greetingEnd, end));
  let start = greetingEnd + leadIn.text.length;
  if (start >= end) return undefined;
  const tokens = wordTokensBefore(input, end);
  let headIndex = firstTokenFrom(tokens, start);
  if (headIndex === undefined) return undefined;
  if (skipsLeadAdverb(tokens, headIndex, leadIn.takes)) {
    headIndex += 1;
    start = tokens[headIndex]!.start;
  }
  const kind = coreKind(tokens, headIndex, leadIn.takes);
  if (kind === undefined) return undefined;
  const firstChar = text.charAt(greetingEnd);
  const capitalized = firstChar !== firstChar.toLowerCase();
  return describeClause(input, kind, {tokens, headIndex, start, end}, leadIn.text, capitalized);
}

/** The clause of a core of this kind, with every field frames are chosen by. */
function describeClause(
  input: AnnotatedText,
  kind: CoreKind,
  span: CoreSpan,
  leadIn: string,
  capitalized: boolean,
): Clause {
  const {tokens, headIndex} = span;
  const head = tokens[headIndex]!;
  const lead = leadIn && normalizedLeadIn(leadIn);
  const {userActs, botActs, asks} =
    kind === 'verbPhrase'
      ? verbPhraseRoles(head, tokens[headIndex + 1], lead, input.text.slice(span.start))
      : NOT_A_VERB_PHRASE;
  const core = input.text.slice(span.start, span.end);
  const question = kind === 'directQuestion' || kind === 'embeddedQuestion';
  const timed = TIMED.test(core);
  const past = kind === 'statement' && anyPastForm(tokens, headIndex);
  const asksQuestion = !question && ASKS_QUESTION.test(core);
  const asksForHelp = /\bhelp\b/i.test(core);
  const wants = kind === 'statement' && WANTS.test(core);
  const aboutYou = kind === 'directQuestion' && namesYou(tokens, headIndex, headIndex + 3);
  const givesInfo = kind === 'statement' && GIVES_INFO.test(core);
  const orders = !question && ordersAfterBreak(core);
  const clause: Clause = {
    kind,
    coreStart: span.start,
    coreEnd: span.end,
    head,
    leadIn: lead,
    userActs,
    botActs,
    timed,
    past,
    aboutYou,
    asksQuestion,
    asksForHelp,
    wants,
    givesInfo,
    orders,
    shape: shapeOf(
      kind,
      userActs,
      botActs,
      asks,
      timed,
      past,
      aboutYou,
      asksQuestion,
      asksForHelp,
      wants,
      givesInfo,
      orders,
    ),
    capitalized,
  };
  // Set after the literal: a conditional spread inside it is a slow object copy on this hot path.
  if (asks) clause.asks = asks;
  return clause;
}

/** Lead-ins as matched (any case and spacing) -> lower case, single spaces, straight apostrophes. */
const normalizedLeadIns = new Map<string, string>();

/** A lead-in in lower case with single spaces and straight apostrophes; lead-ins recur, so each is done once. */
function normalizedLeadIn(leadIn: string): string {
  let lead = normalizedLeadIns.get(leadIn);
  if (lead === undefined) {
    lead = leadIn.trim().toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");
    if (normalizedLeadIns.size >= 10_000) normalizedLeadIns.clear();
    normalizedLeadIns.set(leadIn, lead);
  }
  return lead;
}

/**
 * Re-wraps the clause's core in a frame: `{vp}` (base verb phrase), `{ving}` (its gerund form), `{np}`, `{wh}`,
 * or `{core}` (any kind). Returns undefined if the frame does not fit the core's kind or an edit would touch an
 * entity.
 */
export function rewrap(input: AnnotatedText, clause: Clause, frame: string): AnnotatedText | undefined {
  const match = frameSlot(frame);
  if (!match) return undefined;
  const slot = match[1]!;
  if (slot === 'vp' || slot === 'ving') {
    if (clause.kind !== 'verbPhrase') return undefined;
  } else if (slot === 'ewh' && clause.kind === 'directQuestion') {
    return embedQuestion(input, clause, frame, match);
  } else if (slot !== 'core' && FRAME_SLOT_KINDS[slot] !== clause.kind) return undefined;
  const framePrefix = frame.slice(0, match.index);
  // Capitalise in the same edit batch when the frame starts the text (one applyEdits on the hot path, not two).
  const capitalizeInPrefix = clause.capitalized && framePrefix !== '';
  const prefix = capitalizeInPrefix
    ? framePrefix.charAt(0).toUpperCase() + framePrefix.slice(1)
    : framePrefix;
  const suffix = frame.slice(match.index + match[0].length);
  const edits: TextEdit[] = [{start: 0, end: clause.coreStart, replacement: prefix}];
  const {head} = clause;
  if (slot === 'ving') {
    if (head.inEntity) return undefined;
    edits.push({start: head.start, end: head.end, replacement: conjugate(head.lower).gerund});
  } else if (
    !head.inEntity &&
    head.start === 0 &&
    prefix !== '' &&
    head.text !== 'I' &&
    /^\p{Lu}\p{Ll}*$/u.test(head.text)
  ) {
    edits.push({start: head.start, end: head.end, replacement: head.lower});
  }
  edits.push({start: clause.coreEnd, end: input.text.length, replacement: suffix});
  const wrapped = applyEdits(input, edits);
  if (!wrapped) return undefined;
  return clause.capitalized && !capitalizeInPrefix ? capitalizeFirst(wrapped) : wrapped;
}

const FRAME_SLOT = /\{(vp|ving|nvp|np|wh|ewh|st|core)\}/;
/** Frames are a fixed set of strings: each one's slot is found once (this is on the hot path). */
const frameSlots = new Map<string, RegExpExecArray | null>();

function frameSlot(frame: string): RegExpExecArray | null {
  let slot = frameSlots.get(frame);
  if (slot === undefined) {
    slot = FRAME_SLOT.exec(frame);
    if (frameSlots.size >= 10_000) frameSlots.clear();
    frameSlots.set(frame, slot);
  }
  return slot;
}

/**
 * Words that start the predicate after a copula's subject: "why is my bill | so high", "when is the clinic |
 * open on saturday", "where is the car park | near the station". A participle (-ed) does too ("is teeth
 * whitening | covered by my plan"). "of" and "for" belong to the subject ("the price of a large pizza").
 */
const PREDICATE_STARTERS = new Set(
  (
    'so too very really still not always usually never already also open closed available free busy ready ' +
    'due late wrong high low expensive cheap full empty valid possible necessary required needed ok okay done ' +
    'safe normal different enough broken missing down in on at near by during after before from here there'
  ).split(' '),
);
const MODALS = new Set(['can', 'could', 'will', 'would', 'should']);
const DO_FORMS = new Set(['do', 'does', 'did']);
/** Copulas a wh-question can move after its subject ("why was my card declined" -> "why my card was declined"). */
const COPULAS = new Set(['is', 'are', 'was', 'were']);
const QUESTION_AUX = new Set([...COPULAS, ...MODALS, ...DO_FORMS]);

/**
 * Where a subject that starts at `tokens[from]` ends: before a predicate starter (copula) or before the first
 * base verb (modal), at least one word in; the end of the core when none comes (copula only).
 */
function subjectEnd(tokens: WordToken[], from: number, copula: boolean): number | undefined {
  let skipped = false;
  for (let i = from + 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    // Right after a determiner a word is part of the subject ("the spin class", "my locker key").
    if (token.inEntity || DETERMINERS.has(tokens[i - 1]!.lower)) continue;
    if (copula) {
      if (PREDICATE_STARTERS.has(token.lower) || (/[^e]ed$/.test(token.lower) && token.lower.length > 4))
        return i;
      continue;
    }
    // In a compound ("a puncture repair cost") a verb-like noun is followed by another: the last one is the verb.
    const next = tokens[i + 1];
    const verbLike = isBaseVerb(token.lower, next?.lower) || (skipped && isBaseVerb(token.lower, 'the'));
    if (!verbLike) continue;
    if (next && !next.inEntity && !isClosedClass(next.lower) && isBaseVerb(next.lower, 'the')) skipped = true;
    else return i;
  }
  if (copula) return tokens.length;
  // A question's verb often ends it ("how much does a session cost"): a word that can be a verb there is one.
  const last = tokens.length - 1;
  return last > from && !tokens[last]!.inEntity && isBaseVerb(tokens[last]!.lower, 'the') ? last : undefined;
}

/**
 * Puts a direct question in statement order for an embedding frame ("can you tell me {ewh}?"), or undefined
 * when that needs more than a simple move: "what is X" -> "what X is", "why is my bill so high" -> "why my
 * bill is so high", "are you open" -> "if you are open", "do you ship abroad" -> "if you ship abroad",
 * "is teeth whitening covered" -> "if teeth whitening is covered", "where can I park" -> "where I can park".
 * "how old does one need to be" is left alone (it would need agreement: "how old one needs to be").
 */
function embedQuestion(
  input: AnnotatedText,
  clause: Clause,
  frame: string,
  match: RegExpExecArray,
): AnnotatedText | undefined {
  const tokens = wordTokens(input, clause.coreEnd).filter((t) => t.start >= clause.coreStart);
  const [first, second] = tokens;
  if (!first || !second || first.inEntity || second.inEntity) return undefined;
  const edits = WH_QUESTION_WORDS.has(first.lower)
    ? whQuestionInStatementOrder(tokens, clause.coreEnd)
    : yesNoQuestionInStatementOrder(tokens, clause.coreEnd);
  if (!edits) return undefined;
  const prefix = frame.slice(0, match.index);
  const suffix = frame.slice(match.index + match[0].length);
  edits.push({start: 0, end: clause.coreStart, replacement: prefix});
  edits.push({start: clause.coreEnd, end: input.text.length, replacement: suffix});
  const wrapped = applyEdits(input, edits);
  if (!wrapped) return undefined;
  return clause.capitalized ? capitalizeFirst(wrapped) : wrapped;
}

/**
 * A wh-question in statement order: the wh-phrase ("what" or "what time", "how much", "how long": one word more
 * when an auxiliary follows it) stays first and its auxiliary moves after the subject, or drops out with "do".
 */
function whQuestionInStatementOrder(tokens: WordToken[], coreEnd: number): TextEdit[] | undefined {
  const second = tokens[1]!;
  const third = tokens[2];
  const whLength = third && !QUESTION_AUX.has(second.lower) && QUESTION_AUX.has(third.lower) ? 2 : 1;
  const aux = tokens[whLength]!;
  const subject = tokens[whLength + 1];
  if (COPULAS.has(aux.lower)) return copulaAfterSubject(tokens, whLength, coreEnd);
  // "where can I park my car" -> "where I can park my car".
  if (MODALS.has(aux.lower) && subject && SUBJECT_PRONOUNS.has(subject.lower))
    return auxMoved(tokens, aux, whLength + 2, '', coreEnd);
  if (DO_FORMS.has(aux.lower) && subject) return withoutDoSupport(tokens, whLength);
  return undefined;
}

/**
 * "what is the weather" -> "what the weather is"; "where are my keys" -> "where my keys are". "how is the repair
 * going" would become "how the repair going is": progressive forms stay direct.
 */
function copulaAfterSubject(tokens: WordToken[], whLength: number, coreEnd: number): TextEdit[] | undefined {
  const subject = tokens[whLength + 1];
  if (!subject || tokens.some((t) => /ing$/.test(t.lower))) return undefined;
  // "how much is it to add a driver" -> "how much it is to add a driver": "it" is the whole subject.
  const itSubject = subject.lower === 'it' ? whLength + 2 : undefined;
  return auxMoved(
    tokens,
    tokens[whLength]!,
    itSubject ?? subjectEnd(tokens, whLength + 1, true)!,
    '',
    coreEnd,
  );
}

/**
 * "when does the yoga class start" -> "when the yoga class starts"; "what time do you open" -> "what time you
 * open": "do" drops out and the verb takes its person and tense.
 */
function withoutDoSupport(tokens: WordToken[], whLength: number): TextEdit[] | undefined {
  const aux = tokens[whLength]!;
  const subject = tokens[whLength + 1]!;
  const end = subjectEnd(tokens, whLength + 1, false);
  if (end === undefined) return undefined;
  const verb = tokens[end]!;
  if (aux.lower === 'does' && SUBJECT_PRONOUNS.has(subject.lower) && subject.lower !== 'it') return undefined;
  const form =
    aux.lower === 'does'
      ? thirdPersonSingular(verb.lower)
      : aux.lower === 'did'
        ? conjugate(verb.lower).past
        : verb.lower;
  return [
    {start: aux.start, end: subject.start, replacement: ''},
    {start: verb.start, end: verb.end, replacement: form},
  ];
}

/**
 * A yes/no question as an "if" clause: "do you ship abroad" -> "if you ship abroad", "are you open" -> "if you
 * are open", "is teeth whitening covered by my plan" -> "if teeth whitening is covered by my plan", "can my son
 * get a checkup" -> "if my son can get a checkup". Without a clear end of the subject, undefined.
 */
function yesNoQuestionInStatementOrder(tokens: WordToken[], coreEnd: number): TextEdit[] | undefined {
  const first = tokens[0]!;
  const second = tokens[1]!;
  if (first.lower === 'do' && SUBJECT_PRONOUNS.has(second.lower) && second.lower !== 'it')
    return [{start: first.start, end: second.start, replacement: 'if '}];
  if (INVERTIBLE_AUX.has(first.lower) && SUBJECT_PRONOUNS.has(second.lower)) {
    if (first.lower === 'are' && second.lower !== 'you' && second.lower !== 'we' && second.lower !== 'they')
      return undefined;
    return [{start: first.start, end: second.end, replacement: `if ${second.text} ${first.lower}`}];
  }
  if ((first.lower === 'is' || first.lower === 'are' || MODALS.has(first.lower)) && tokens[2]) {
    const end = subjectEnd(tokens, 1, !MODALS.has(first.lower));
    if (end === undefined || end >= tokens.length) return undefined;
    return auxMoved(tokens, first, end, 'if ', coreEnd);
  }
  return undefined;
}

/** Edits that move the auxiliary `aux` to just before tokens[at] (or the core's end), with `lead` in its place. */
function auxMoved(
  tokens: WordToken[],
  aux: WordToken,
  at: number,
  lead: string,
  coreEnd: number,
): TextEdit[] {
  const next = tokens[tokens.indexOf(aux) + 1]!;
  const before = tokens[at];
  return [
    {start: aux.start, end: next.start, replacement: lead},
    before
      ? {start: before.start, end: before.start, replacement: `${aux.lower} `}
      : {start: coreEnd, end: coreEnd, replacement: ` ${aux.lower}`},
  ];
}

export function capitalizeFirst(input: AnnotatedText): AnnotatedText {
  const first = input.text.charAt(0);
  if (!first || first === first.toUpperCase()) return input;
  return applyEdits(input, [{start: 0, end: 1, replacement: first.toUpperCase()}]) ?? input;
}
