/**
 * Content variation inside the sentence (issue 27): the request said with other words of the same meaning from
 * the curated service lexicon (service-lexicon.ts), re-inflected and with "a"/"an" agreeing, and context a
 * user adds where it fits the clause: a time for a problem that goes on ("since yesterday"), a channel for
 * something the user does on an account ("on the app"), a person for whom something is booked ("for my
 * daughter"), a reason for ending or changing a service ("because I'm moving").
 */
import type {TextEdit} from '../../generate/variation/edit.js';
import {matchCase, wordTokens, type WordToken} from '../../generate/variation/tokens.js';
import type {AnnotatedText} from '../../generate/variation/types.js';
import {articleFor} from './articles.js';
import type {Clause} from './clause.js';
import {conjugate, isClosedClass, isIrregularPast} from './lexicon.js';
import {thirdPersonSingular} from './regular-inflection.js';
import {OBJECT_CLASSES, SERVICE_MODIFIERS, SERVICE_NOUNS, SERVICE_VERBS} from './service-lexicon.js';

interface Replacement {
  words: string;
  /** Object words it fits (undefined: any object). */
  objects?: ReadonlySet<string>;
  plural: boolean;
}

interface ParsedEntry {
  /** The entry's words, lower case ("top up"). */
  words: string[];
  replacements: Replacement[];
}

function parse(source: string): Map<string, ParsedEntry[]> {
  const byFirst = new Map<string, ParsedEntry[]>();
  for (const line of source.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const [head, rest] = trimmed.split('=>') as [string, string];
    const replacements = rest.split('|').map((part): Replacement => {
      const match = /^\s*([^[*]+?)(\*)?\s*(?:\[([^\]]*)\])?\s*$/.exec(part)!;
      const objects = match[3]
        ?.split(/\s+/)
        .flatMap((word) => (OBJECT_CLASSES[word] ?? word).split(' '))
        .filter(Boolean);
      return {
        words: match[1]!.trim(),
        plural: match[2] === '*',
        ...(objects ? {objects: new Set(objects)} : {}),
      };
    });
    const words = head.trim().split(/\s+/);
    const list = byFirst.get(words[0]!) ?? [];
    list.push({words, replacements});
    // Longest first: "log into" before "log in" before "log".
    list.sort((a, b) => b.words.length - a.words.length);
    byFirst.set(words[0]!, list);
  }
  return byFirst;
}

interface Lexicons {
  verbs: Map<string, ParsedEntry[]>;
  nouns: Map<string, ParsedEntry[]>;
  modifiers: Map<string, ParsedEntry[]>;
  /** Inflected verb form -> base and which form it is. */
  verbForms: Map<string, {base: string; form: VerbForm}>;
  /** Plural noun -> singular (regular rule for the lexicon's nouns). */
  nounPlurals: Map<string, string>;
}

type VerbForm = 'base' | 's' | 'ing' | 'past';

let lexicons: Lexicons | undefined;

/** Regular plural of a noun (the lexicon's nouns are all regular or uncountable). */
export function pluralNoun(noun: string): string {
  const words = noun.split(' ');
  const last = words.at(-1)!;
  const plural = /(?:s|x|z|ch|sh)$/.test(last)
    ? `${last}es`
    : /[^aeiou]y$/.test(last)
      ? `${last.slice(0, -1)}ies`
      : `${last}s`;
  return [...words.slice(0, -1), plural].join(' ');
}

const UNCOUNTABLE = new Set(
  'money cash luggage baggage information info wifi internet reception gas petrol fuel medicine medication feedback'.split(
    ' ',
  ),
);

function load(): Lexicons {
  if (lexicons) return lexicons;
  const verbs = parse(SERVICE_VERBS);
  const verbForms = new Map<string, {base: string; form: VerbForm}>();
  for (const entries of verbs.values())
    for (const entry of entries) {
      const base = entry.words[0]!;
      const {gerund, past} = conjugate(base);
      verbForms.set(base, {base, form: 'base'});
      verbForms.set(thirdPersonSingular(base), {base, form: 's'});
      verbForms.set(gerund, {base, form: 'ing'});
      verbForms.set(past, {base, form: 'past'});
    }
  const nouns = parse(SERVICE_NOUNS);
  const nounPlurals = new Map<string, string>();
  for (const first of nouns.keys()) if (!UNCOUNTABLE.has(first)) nounPlurals.set(pluralNoun(first), first);
  lexicons = {verbs, nouns, modifiers: parse(SERVICE_MODIFIERS), verbForms, nounPlurals};
  return lexicons;
}

/** One place a word of the request can be said otherwise: [start, end) and the replacements that fit there. */
export interface ContentCandidate {
  start: number;
  end: number;
  original: string;
  options: string[];
  /** An "a"/"an" just before (its start), to agree with the replacement. */
  articleStart?: number;
}

const DETERMINERS = new Set(
  'a an the my your our his her their this that these those any some no every each another'.split(' '),
);
const NOUN_MODIFIERS = new Set(
  'new old extra wrong unknown last next first other same nearest closest online monthly annual current recent missing late broken damaged whole'.split(
    ' ',
  ),
);
/** Words a verb form follows when it is a verb ("to cancel", "I cancelled", "can't log in"). */
const BEFORE_VERB = new Set(
  "to i we you they he she it can can't cannot could couldn't would will won't please pls don't didn't doesn't not and or just also still was were been be is are got get has have had never already".split(
    ' ',
  ),
);
/** After a noun: words that show it heads its phrase (not "my order number"). */
const AFTER_NOUN = new Set(
  "has hasn't isn't wasn't doesn't didn't won't can't keeps kept got needs came arrived still never went broke stopped".split(
    ' ',
  ),
);
/** Auxiliaries after which a past form is a participle ("was declined", "has been charged"). */
const PARTICIPLE_AFTER = new Set(
  "was were been be is are get got gets has have had isn't wasn't hasn't haven't hadn't never".split(' '),
);
/** Irregular participles of replacement verbs that differ from their past (only these verbs need it). */
const PARTICIPLES: Readonly<Record<string, string>> = {
  take: 'taken',
  give: 'given',
  write: 'written',
  ring: 'rung',
  freeze: 'frozen',
  show: 'shown',
  speak: 'spoken',
  drop: 'dropped',
  come: 'come',
};
const SINGULAR_AGREEMENT = /^(?:is|was|has|does|isn't|wasn't|hasn't|doesn't|it|its|it's|this|that)$/;

function inflect(words: string, form: VerbForm, participle: boolean): string | undefined {
  const [first, ...rest] = words.split(' ') as [string, ...string[]];
  let inflected: string;
  if (form === 'base') inflected = first;
  else if (form === 's') inflected = thirdPersonSingular(first);
  else if (form === 'ing') inflected = conjugate(first).gerund;
  else if (participle && first in PARTICIPLES) inflected = PARTICIPLES[first]!;
  else inflected = conjugate(first).past;
  return [inflected, ...rest].join(' ');
}

function isWordAt(
  tokens: readonly WordToken[],
  index: number,
  words: readonly string[],
  text: string,
): boolean {
  for (let k = 0; k < words.length; k++) {
    const token = tokens[index + k];
    if (!token || token.inEntity) return false;
    if (k > 0 && (token.lower !== words[k] || text.slice(tokens[index + k - 1]!.end, token.start) !== ' '))
      return false;
  }
  return true;
}

/** The object's words: up to four tokens after the verb phrase, stopping at a closed-class non-determiner. */
function objectWords(tokens: readonly WordToken[], from: number): string[] {
  const words: string[] = [];
  for (let i = from; i < tokens.length && i < from + 4; i++) {
    const lower = tokens[i]!.lower;
    if (isClosedClass(lower) && !DETERMINERS.has(lower)) break;
    words.push(lower);
    const single = load().nounPlurals.get(lower);
    if (single) words.push(single);
  }
  return words;
}

function fitsObject(replacement: Replacement, object: readonly string[]): boolean {
  return !replacement.objects || object.some((word) => replacement.objects!.has(word));
}

function verbCandidates(
  tokens: readonly WordToken[],
  i: number,
  text: string,
  clause: Clause | undefined,
  out: ContentCandidate[],
): void {
  const token = tokens[i]!;
  const known = load().verbForms.get(token.lower);
  if (!known) return;
  const entries = load().verbs.get(known.base)!;
  const previous = tokens[i - 1];
  const isHead = clause !== undefined && clause.head.start === token.start;
  if (!isHead) {
    if (!previous) return;
    if (known.form === 'base' || known.form === 's') {
      if (!BEFORE_VERB.has(previous.lower)) return;
    } else if (DETERMINERS.has(previous.lower) || NOUN_MODIFIERS.has(previous.lower)) return;
  }
  const participle = known.form === 'past' && previous !== undefined && PARTICIPLE_AFTER.has(previous.lower);
  for (const entry of entries) {
    const rest = entry.words.slice(1);
    if (rest.length > 0 && !isWordAt(tokens, i, entry.words, text)) continue;
    const end = tokens[i + rest.length]!.end;
    const object = objectWords(tokens, i + entry.words.length);
    const options = entry.replacements
      .filter((r) => fitsObject(r, object))
      .flatMap((r) => inflect(r.words, known.form, participle) ?? []);
    if (options.length > 0)
      out.push({start: token.start, end, original: text.slice(token.start, end), options});
    return;
  }
}

function nounCandidates(
  tokens: readonly WordToken[],
  i: number,
  text: string,
  out: ContentCandidate[],
): void {
  const token = tokens[i]!;
  const {nouns, nounPlurals, modifiers} = load();
  const modifierEntries = modifiers.get(token.lower);
  if (modifierEntries) {
    const next = tokens[i + 1];
    // "what's wrong with", "how old is": the modifier is the question, not a description.
    if (next?.lower === 'with' || tokens[i - 1]?.lower === 'how') return;
    const options = modifierEntries[0]!.replacements.map((r) => r.words);
    out.push({
      start: token.start,
      end: token.end,
      original: token.text,
      options,
      ...articleBefore(tokens, i),
    });
    return;
  }
  const singular = nounPlurals.get(token.lower) ?? token.lower;
  const plural = singular !== token.lower;
  const entries = nouns.get(singular);
  if (!entries) return;
  const previous = tokens[i - 1];
  const beforePrevious = tokens[i - 2];
  const headed =
    previous !== undefined &&
    (DETERMINERS.has(previous.lower) ||
      NOUN_MODIFIERS.has(previous.lower) ||
      /^\d+$/.test(previous.lower) ||
      (beforePrevious !== undefined &&
        DETERMINERS.has(beforePrevious.lower) &&
        !isClosedClass(previous.lower)));
  if (!headed) return;
  const next = tokens[i + 1];
  // "an order of fries" is food, not a purchase.
  if (next?.lower === 'of' && singular === 'order') return;
  const after = text.charAt(token.end);
  const endsPhrase =
    !next ||
    next.inEntity ||
    /^\d/.test(next.lower) ||
    /[,.?!;:]/.test(after) ||
    isClosedClass(next.lower) ||
    AFTER_NOUN.has(next.lower) ||
    isIrregularPast(next.lower) ||
    /[^e]ed$/.test(next.lower);
  if (!endsPhrase) return;
  const singularAgreement = tokens.slice(i + 1, i + 4).some((t) => SINGULAR_AGREEMENT.test(t.lower));
  const options = entries[0]!.replacements.flatMap((r) => {
    if (
      r.plural &&
      (plural ||
        singularAgreement ||
        (previous && /^(?:a|an|this|that|another|every|each)$/.test(previous.lower)))
    )
      return [];
    if (!plural) return [r.words];
    return r.plural || UNCOUNTABLE.has(r.words.split(' ').at(-1)!) ? [] : [pluralNoun(r.words)];
  });
  if (options.length > 0)
    out.push({
      start: token.start,
      end: token.end,
      original: token.text,
      options,
      ...articleBefore(tokens, i),
    });
}

function articleBefore(tokens: readonly WordToken[], i: number): {articleStart?: number} {
  const previous = tokens[i - 1];
  return previous && (previous.lower === 'a' || previous.lower === 'an') && !previous.inEntity
    ? {articleStart: previous.start}
    : {};
}

/** Every word of the request's core the service lexicon can say otherwise, in text order. */
export function contentCandidates(input: AnnotatedText, clause: Clause | undefined): ContentCandidate[] {
  const tokens = wordTokens(input);
  const {text} = input;
  const out: ContentCandidate[] = [];
  const {verbForms, nouns, nounPlurals, modifiers} = load();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.inEntity) continue;
    if (clause && (token.start < clause.coreStart || token.end > clause.coreEnd)) continue;
    const lower = token.lower;
    const before = out.length;
    if (verbForms.has(lower)) verbCandidates(tokens, i, text, clause, out);
    if (out.length === before && (nouns.has(lower) || nounPlurals.has(lower) || modifiers.has(lower)))
      nounCandidates(tokens, i, text, out);
  }
  return out;
}

/** The edits that put `option` in place of a candidate, with its article agreeing. */
export function contentEdits(input: AnnotatedText, candidate: ContentCandidate, option: string): TextEdit[] {
  const edits: TextEdit[] = [
    {start: candidate.start, end: candidate.end, replacement: matchCase(candidate.original, option)},
  ];
  if (candidate.articleStart !== undefined) {
    const written = input.text.slice(candidate.articleStart, candidate.articleStart + 2).replace(/\s$/, '');
    const wanted = articleFor(option.split(' ')[0]!);
    if (written.toLowerCase() !== wanted)
      edits.push({
        start: candidate.articleStart,
        end: candidate.articleStart + written.length,
        replacement:
          written[0] === written[0]!.toUpperCase() ? wanted[0]!.toUpperCase() + wanted.slice(1) : wanted,
      });
  }
  return edits;
}

/** A problem that goes on: "doesn't work", "isn't working", "can't log in", "won't let me", "keeps crashing". */
const ONGOING_PROBLEM =
  /\b(?:doesn't|does not|isn't|is not|aren't|won't|can't|cannot|keeps|keep|stopped|is down|are down|not working|isn't working)\b/i;
const PERFECT_PROBLEM = /\b(?:hasn't|haven't|has not|have not)\b/i;
const ONGOING_TIMES = [
  'since yesterday',
  'since this morning',
  'since Monday',
  'since last week',
  'for two days now',
  'all day',
  'since the last update',
  'anymore',
];
const PERFECT_TIMES = ['yet', 'after two weeks', 'after ten days', 'and it has been a week'];
/** Verbs of things a user does on an account, and channels to do them through. */
const ONLINE_VERBS = new Set(
  'change update pay check see view cancel transfer send book reserve reset order track top renew upgrade register download upload submit find apply activate freeze block unblock unlock add remove delete close open edit report dispute set'.split(
    ' ',
  ),
);
const CHANNELS = [
  'on the app',
  'online',
  'through the website',
  'from my phone',
  'on your website',
  'in the app',
];
/** Verbs of getting something, and people it may be for. */
const FOR_SOMEONE_VERBS = new Set('book reserve order buy get rent schedule renew'.split(' '));
const PEOPLE = [
  'for my daughter',
  'for my son',
  'for my wife',
  'for my husband',
  'for my mom',
  'for my dad',
  'for a friend',
];
/** Verbs of ending or changing a service, and reasons users give. */
const REASON_VERBS = new Set(
  'cancel close end stop pause freeze suspend switch downgrade terminate'.split(' '),
);
/** Reasons to end a service that goes on (a membership, a plan, an account). */
const ONGOING_REASONS = [
  "because I'm moving",
  "because I'm moving abroad",
  "because it's too expensive",
  "because I don't use it anymore",
  'since I found a cheaper option',
];
/** Reasons to call off a booking or an order. */
const PLAN_REASONS = ['because my plans changed', 'since something came up', 'because I changed my mind'];
const ONGOING_OBJECTS = new Set(`${OBJECT_CLASSES.ONGOING!} account card line`.split(' '));
const PLAN_OBJECTS = new Set(`${OBJECT_CLASSES.EVENT!} order`.split(' '));

/**
 * Context that fits this clause, to append to its core: none when the core already says when, where or for
 * whom, or goes on with another clause. Exported for tests.
 */
export function contextOptions(input: AnnotatedText, clause: Clause | undefined): string[] {
  if (!clause || clause.asksQuestion || clause.orders || clause.givesInfo || clause.timed) return [];
  const core = input.text.slice(clause.coreStart, clause.coreEnd);
  if (
    /[,;:.!?]/.test(core) ||
    /\b(?:for|since|because|on|online|via|through|from|with|at)\b|\bin\b(?!\s*$)/i.test(core)
  )
    return [];
  if (
    clause.kind === 'negatedVerbPhrase' ||
    (clause.kind === 'statement' && !clause.past && ONGOING_PROBLEM.test(core))
  )
    return ONGOING_TIMES;
  if (clause.kind === 'statement' && PERFECT_PROBLEM.test(core)) return PERFECT_TIMES;
  if (clause.kind !== 'verbPhrase' || clause.head.inEntity) return [];
  const verb = clause.head.lower;
  const tokens = wordTokens(input).filter((t) => t.start >= clause.coreStart && t.end <= clause.coreEnd);
  // One object, then nothing: "cancel my membership", not "cancel it now".
  if (tokens.length < 3 || tokens.length > 5) return [];
  const options: string[] = [];
  if (clause.userActs && ONLINE_VERBS.has(verb)) options.push(...CHANNELS);
  const object = tokens[1]!.lower;
  if (FOR_SOMEONE_VERBS.has(verb) && /^(?:a|an|another|two|some|new)$/.test(object)) options.push(...PEOPLE);
  if (REASON_VERBS.has(verb) && /^(?:my|our|the)$/.test(object)) {
    const noun = tokens.at(-1)!.lower;
    if (ONGOING_OBJECTS.has(noun)) options.push(...ONGOING_REASONS);
    else if (PLAN_OBJECTS.has(noun)) options.push(...PLAN_REASONS);
  }
  return options;
}
