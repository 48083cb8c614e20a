/**
 * Shallow clause analysis for English utterances: which lead-in frame an utterance uses ("I want to", "can you",
 * "how do I"...), where its core starts and ends, and whether that core is a verb phrase (book a table), a noun
 * phrase (a table for two) or a question (what is the weather). Families re-wrap the core in other frames, so
 * a plain seed sentence yields real paraphrases. The analysis is cached per distinct text: it is the only
 * per-utterance work beyond dictionary lookups.
 */
import {editTouchesEntity, applyEdits, type TextEdit} from '../../generate/variation/edit.js';
import {TextAnalysisCache} from '../../generate/variation/text-cache.js';
import {wordTokens, type WordToken} from '../../generate/variation/tokens.js';
import type {AnnotatedText} from '../../generate/variation/types.js';
import {conjugate, isBaseVerb, isClosedClass} from './lexicon.js';

/**
 * What a seed is, as far as re-framing goes: a request verb phrase (book a table), a negated verb phrase of a
 * problem report (I can't log in -> "log in"), a noun phrase or keyword query (a table for two), a direct
 * question (what is the weather / are you open on sunday), an embedded question already in statement word
 * order (tell me where my refund is -> "where my refund is"), or a statement (the driver was rude).
 * Each frame slot accepts one kind: {vp}/{ving} vp, {nvp} nvp, {np} np, {wh} wh, {ewh} ewh (and wh cores
 * that can be put in statement order), {st} st, {core} any.
 */
export type CoreKind = 'vp' | 'nvp' | 'np' | 'wh' | 'ewh' | 'st';

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
/** Words that open a question: with no lead-in, such an utterance is a question core ("do you ship abroad"). */
const WH_WORDS = new Set([
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

/**
 * A word that makes a determiner-less core a statement: a finite auxiliary or subject pronoun, a past form
 * ("my tyre went flat", "arrived damaged") or a verb after a plural noun ("my gears need fixing"). After a
 * determiner such words are modifiers ("a used bike", "a full service").
 */
function looksFinite(token: WordToken, previous: WordToken | undefined): boolean {
  if (FINITE_MARKERS.has(token.lower)) return true;
  if (!previous || DETERMINERS.has(previous.lower)) return false;
  if (/[^e]ed$/.test(token.lower) && token.lower.length > 4) return true;
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
const TRAILER = /(?:[\s,]+(?:please|pls|plz|thanks|thank you|thx|for me)\b)*\s*[?.!]*\s*$/i;

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

function analyze(input: AnnotatedText): Clause | undefined {
  const {text, entities} = input;
  let coreEnd = text.length;
  const trailer = TRAILER.exec(text);
  if (trailer && !editTouchesEntity(entities, trailer.index, text.length)) coreEnd = trailer.index;
  const greetingEnd = GREETING.exec(text)![0].length;
  let cursor = greetingEnd;
  let leadIn = '';
  let expect: CoreKind | undefined;
  const rest = text.slice(cursor, coreEnd);
  const negativeLeadIn = NEGATIVE_LEAD_IN.exec(rest);
  const embeddedLeadIn = EMBEDDED_LEAD_IN.exec(rest);
  const verbLeadIn = VERB_LEAD_IN.exec(rest);
  const nounLeadIn = NOUN_LEAD_IN.exec(rest);
  // The longest lead-in wins: "can you tell me" (embedded question) over "can you" (request).
  const found: Array<[RegExpExecArray | null, CoreKind]> = [
    [negativeLeadIn, 'nvp'],
    [embeddedLeadIn, 'ewh'],
    [verbLeadIn, 'vp'],
    [nounLeadIn, 'np'],
  ];
  for (const [match, kind] of found) {
    if (match && match[0].length > leadIn.length) {
      leadIn = match[0];
      expect = kind;
    }
  }
  if (leadIn && editTouchesEntity(entities, cursor, cursor + leadIn.length)) {
    leadIn = '';
    expect = undefined;
  }
  cursor += leadIn.length;
  const coreStart = cursor;
  if (coreStart >= coreEnd) return undefined;
  const tokens = wordTokens({text: text.slice(0, coreEnd), entities});
  const head = tokens.find((t) => t.start >= coreStart);
  if (!head) return undefined;
  let kind: CoreKind;
  const coreTokens = tokens.filter((t) => t.start >= coreStart);
  if (expect === 'ewh') {
    // "tell me where my refund is": an embedded question; "tell me a joke" is a request, too unsure.
    if (
      head.inEntity ||
      !(WH_QUESTION_WORDS.has(head.lower) || head.lower === 'if' || head.lower === 'whether')
    )
      return undefined;
    kind = 'ewh';
  } else if (expect === 'nvp') {
    if (head.inEntity || isClosedClass(head.lower)) return undefined;
    kind = 'nvp';
  } else if (head.inEntity) kind = expect === 'vp' ? 'vp' : 'np';
  else if (!expect && WH_WORDS.has(head.lower)) kind = 'wh';
  else if (!expect && coreTokens.some((t, i) => !t.inEntity && looksFinite(t, coreTokens[i - 1])))
    kind = 'st';
  else if (expect !== 'np' && isBaseVerb(head.lower, tokens[tokens.indexOf(head) + 1]?.lower)) kind = 'vp';
  // After "can you", "how do I"... an open-class word is the verb even when our lexicons do not know it (reset).
  else if (expect === 'vp' && !isClosedClass(head.lower) && /^\p{L}+$/u.test(head.lower)) kind = 'vp';
  else if (expect === 'vp')
    return undefined; // "can you ... <not a verb>": too unsure to re-wrap
  else kind = 'np';
  if ((kind === 'vp' || kind === 'nvp') && head.inEntity) return undefined;
  const firstChar = text.charAt(greetingEnd);
  return {
    kind,
    coreStart,
    coreEnd,
    head,
    leadIn: leadIn.trim().toLowerCase(),
    userActs: kind === 'vp' && !BOT_LEAD_INS.test(leadIn.trim()),
    capitalized: firstChar !== firstChar.toLowerCase(),
  };
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
    if (clause.kind !== 'vp') return undefined;
  } else if (slot === 'ewh' && clause.kind === 'wh') {
    return embedQuestion(input, clause, frame, match);
  } else if (slot !== 'core' && slot !== clause.kind) return undefined;
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
 * Puts a direct question in statement order for an embedding frame ("can you tell me {ewh}?"), or undefined
 * when that needs more than a simple move: "what is X" -> "what X is", "are you open" -> "if you are open",
 * "do you ship abroad" -> "if you ship abroad". "how old does one need to be" is left alone (it would need
 * agreement: "how old one needs to be").
 */
function embedQuestion(
  input: AnnotatedText,
  clause: Clause,
  frame: string,
  match: RegExpExecArray,
): AnnotatedText | undefined {
  const tokens = wordTokens({text: input.text.slice(0, clause.coreEnd), entities: input.entities}).filter(
    (t) => t.start >= clause.coreStart,
  );
  const [first, second, third] = tokens;
  if (!first || !second || first.inEntity || second.inEntity) return undefined;
  const edits: TextEdit[] = [];
  if (WH_QUESTION_WORDS.has(first.lower) && (second.lower === 'is' || second.lower === 'are')) {
    // "what is the weather" -> "what the weather is"; "where are my keys" -> "where my keys are".
    // "how is the repair going" would become "how the repair going is": progressive forms stay direct.
    if (!third || tokens.length < 3 || tokens.some((t) => /ing$/.test(t.lower))) return undefined;
    edits.push({start: second.start, end: third.start, replacement: ''});
    edits.push({start: clause.coreEnd, end: clause.coreEnd, replacement: ` ${second.lower}`});
  } else if (first.lower === 'do' && SUBJECT_PRONOUNS.has(second.lower) && second.lower !== 'it') {
    edits.push({start: first.start, end: second.start, replacement: 'if '});
  } else if (INVERTIBLE_AUX.has(first.lower) && SUBJECT_PRONOUNS.has(second.lower)) {
    if (first.lower === 'are' && second.lower !== 'you' && second.lower !== 'we' && second.lower !== 'they')
      return undefined;
    edits.push({start: first.start, end: second.end, replacement: `if ${second.text} ${first.lower}`});
  } else return undefined;
  const prefix = frame.slice(0, match.index);
  const suffix = frame.slice(match.index + match[0].length);
  edits.push({start: 0, end: clause.coreStart, replacement: prefix});
  edits.push({start: clause.coreEnd, end: input.text.length, replacement: suffix});
  const wrapped = applyEdits(input, edits);
  if (!wrapped) return undefined;
  return clause.capitalized ? capitalizeFirst(wrapped) : wrapped;
}

export function capitalizeFirst(input: AnnotatedText): AnnotatedText {
  const first = input.text.charAt(0);
  if (!first || first === first.toUpperCase()) return input;
  return applyEdits(input, [{start: 0, end: 1, replacement: first.toUpperCase()}]) ?? input;
}
