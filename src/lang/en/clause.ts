/**
 * Shallow clause analysis for English utterances: which lead-in frame an utterance uses ("I want to", "can you",
 * "how do I"...), where its core starts and ends, and whether that core is a verb phrase (book a table), a noun
 * phrase (a table for two) or a question (what is the weather). Families re-wrap the core in other frames, so
 * a plain seed sentence yields real paraphrases. The analysis is cached per distinct text: it is the only
 * per-utterance work beyond dictionary lookups.
 */
import {editTouchesEntity, applyEdits, type TextEdit} from '../../generate/variation/edit.js';
import {wordTokens, type WordToken} from '../../generate/variation/tokens.js';
import type {AnnotatedText} from '../../generate/variation/types.js';
import {conjugate, isBaseVerb, isClosedClass} from './lexicon.js';

export type CoreKind = 'vp' | 'np' | 'wh';

export interface Clause {
  kind: CoreKind;
  coreStart: number;
  coreEnd: number;
  /** First word of the core. */
  head: WordToken;
  /** The lead-in found (lower case), '' for none. */
  leadIn: string;
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
const NOUN_LEAD_IN = leadInPattern(NOUN_LEAD_INS);
const GREETING = /^(?:(?:hey|hi|hello|ok|okay|so|yo)\b[,!]?\s+)?/i;
const TRAILER = /(?:[\s,]+(?:please|pls|plz|thanks|thank you|thx|for me)\b)*\s*[?.!]*\s*$/i;

const cache = new Map<string, Clause | null>();
const CACHE_LIMIT = 20_000;

function cacheKey(input: AnnotatedText): string {
  let key = input.text;
  for (const span of input.entities) key += `\u0000${span.start}:${span.end}`;
  return key;
}

export function analyzeClause(input: AnnotatedText): Clause | undefined {
  const key = cacheKey(input);
  const cached = cache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const clause = analyze(input);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, clause ?? null);
  return clause;
}

function analyze(input: AnnotatedText): Clause | undefined {
  const {text, entities} = input;
  let coreEnd = text.length;
  const trailer = TRAILER.exec(text);
  if (trailer && !editTouchesEntity(entities, trailer.index, text.length)) coreEnd = trailer.index;
  let cursor = GREETING.exec(text)![0].length;
  let leadIn = '';
  let expect: CoreKind | undefined;
  const rest = text.slice(cursor, coreEnd);
  const verbLeadIn = VERB_LEAD_IN.exec(rest);
  const nounLeadIn = NOUN_LEAD_IN.exec(rest);
  // "I want to book" is a verb lead-in; "I want a table" a noun one: take the longer match.
  if (verbLeadIn && (!nounLeadIn || verbLeadIn[0].length >= nounLeadIn[0].length)) {
    leadIn = verbLeadIn[0];
    expect = 'vp';
  } else if (nounLeadIn) {
    leadIn = nounLeadIn[0];
    expect = 'np';
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
  if (head.inEntity) kind = expect === 'vp' ? 'vp' : 'np';
  else if (!expect && WH_WORDS.has(head.lower)) kind = 'wh';
  else if (expect !== 'np' && isBaseVerb(head.lower, tokens[tokens.indexOf(head) + 1]?.lower)) kind = 'vp';
  // After "can you", "how do I"... an open-class word is the verb even when our lexicons do not know it (reset).
  else if (expect === 'vp' && !isClosedClass(head.lower) && /^\p{L}+$/u.test(head.lower)) kind = 'vp';
  else if (expect === 'vp')
    return undefined; // "can you ... <not a verb>": too unsure to re-wrap
  else kind = 'np';
  if (kind === 'vp' && head.inEntity) return undefined;
  const firstChar = text.charAt(GREETING.exec(text)![0].length);
  return {
    kind,
    coreStart,
    coreEnd,
    head,
    leadIn: leadIn.trim().toLowerCase(),
    capitalized: firstChar !== firstChar.toLowerCase(),
  };
}

/**
 * Re-wraps the clause's core in a frame: `{vp}` (base verb phrase), `{ving}` (its gerund form), `{np}`, `{wh}`,
 * or `{core}` (any kind). Returns undefined if the frame does not fit the core's kind or an edit would touch an
 * entity.
 */
export function rewrap(input: AnnotatedText, clause: Clause, frame: string): AnnotatedText | undefined {
  const match = /\{(vp|ving|np|wh|core)\}/.exec(frame);
  if (!match) return undefined;
  const slot = match[1]!;
  if (slot === 'vp' || slot === 'ving') {
    if (clause.kind !== 'vp') return undefined;
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

export function capitalizeFirst(input: AnnotatedText): AnnotatedText {
  const first = input.text.charAt(0);
  if (!first || first === first.toUpperCase()) return input;
  return applyEdits(input, [{start: 0, end: 1, replacement: first.toUpperCase()}]) ?? input;
}
