/**
 * Families that re-wrap an utterance's core in another sentence frame: B basic structure, I interrogative,
 * C coordinated, N negation, P politeness (and the frame half of Q colloquial and W offensive).
 */
import {firstChange} from '../../../generate/variation/choose.js';
import type {AnnotatedText, VariationContext, VariationFamily} from '../../../generate/variation/types.js';
import type {VariationTag} from '../../../model/dataset.js';
import type {FamilyName} from '../../../model/variation.js';
import {applyEdits} from '../../../generate/variation/edit.js';
import {wordTokens} from '../../../generate/variation/tokens.js';
import {analyzeClause, capitalizeFirst, rewrap, type Clause, type CoreKind} from '../clause.js';
import {
  BASIC_FRAMES,
  COORDINATED_FRAMES,
  INTERROGATIVE_FRAMES,
  NEGATION_FRAMES,
  POLITE_FRAMES,
} from '../frames.js';

/**
 * Re-wraps the input's core in one of `frames` (chosen with the context's rng) and marks the result as framed
 * by `tag`; undefined if none fits, or if another family already framed the text (replacing its frame would
 * leave that family's tag on a text that no longer shows it).
 */
export function applyFrame(
  input: AnnotatedText,
  frames: readonly string[],
  context: VariationContext,
  tag: VariationTag,
): AnnotatedText | undefined {
  if (input.framedBy) return undefined;
  const clause = analyzeClause(input);
  if (!clause) return undefined;
  const output = firstChange(context.rng, input, fittingFrames(frames, clause), (frame) =>
    rewrap(input, clause, frame),
  );
  // The output is a new object (rewrap's): marked in place, as a copy costs measurably on this hot path.
  if (output) output.framedBy = tag;
  return output;
}

/** The frame slots (clause.ts, FRAME_SLOT_KINDS) that take each kind of core. */
const SLOTS_FOR_KIND: Record<CoreKind, RegExp> = {
  verbPhrase: /\{(vp|ving|core)\}/,
  negatedVerbPhrase: /\{(nvp|core)\}/,
  nounPhrase: /\{(np|core)\}/,
  directQuestion: /\{(wh|ewh|core)\}/,
  embeddedQuestion: /\{(ewh|core)\}/,
  statement: /\{(st|core)\}/,
};
/** A frame that asks the bot to do the verb phrase: "could you {vp}", not "could you help me {vp}". */
const ASKS_BOT_TO_ACT =
  /\b(?:you|u|ya)\b(?![^{]*\b(?:me|I)\b)[^{]*\{(vp|ving)\}|^\{vp\}.*\b(please|pls|done|thanks)\b|^(?:please|pls|yo) \{vp\}/;
/** A frame that asks where: it fits only a seed that asks where ("where can I park"), not "keep the novel". */
const ASKS_WHERE = /\bwhere\b[^{]*\{(vp|ving)\}/i;
/** A frame that keeps a seed's request for a method ("how do I ...", "is there a way to", "help me ..."). */
const ASKS_METHOD =
  /\b(?:how|way|help|show me|what do I have to do|steps)\b[^{]*\{(vp|ving)\}|\{vp\}.*\b(?:how|what should i do|steps)\b/i;
/** Urgency ("asap", "urgent"): it belongs to a problem, never to a request with a time or a duration. */
const URGENT = /\b(?:asap|urgent(?:ly)?|right now|right away)\b/i;
/**
 * A frame that asks a question of its own ("what should I do if ...", "..., can you help me?"), joins the seed
 * to another clause ("... and I need help") or asserts it ("I think ..."): none fits a seed that asks.
 */
const ASKS_OR_ASSERTS =
  /\?|\b(?:what|wat|how|why|who|where|any idea|any way|anything|can|could|would|may|is it|is there|do (?:you|ya|u|i))\b|\} (?:and|but)\b|^(?:I think|just so you know)\b/i;
/**
 * A frame that asks what to do about a problem ("what should I do now that", "what are my options"): a need
 * or a wish ("we need more towels") is a request, not a problem.
 */
const ASKS_WHAT_TO_DO =
  /\bwh?at (?:should|do|can) i do\b|\bwhat i should do\b|\bmy options\b|\} and I need help\b/i;
/**
 * Frames that report a failure of something that should work ("why can't I", "it won't let me", "... but it
 * doesn't work"): a negated plan with a time ("I can't make it to my visit tomorrow") is no such failure.
 */
const REPORTS_FAILURE = /why can't|won't let me|doesn't work|haven't been able|couldn't|\{nvp\},? help\b/i;

/**
 * Frames that do not fit a statement giving information (an address, a name, a number): what-if and "now
 * that" questions, urgency, hedges ("I think", "I'm afraid"), permission, apologies and calls for help.
 */
const FRAMES_INFO =
  /\?|\b(?:if|now that|I think|afraid|help|what|wat|options|anything|asap|urgent|ugh|sorry|okay|ok|may I|bother)\b/i;

/**
 * Whether a frame keeps what this seed means, beyond taking its kind of core: who acts, what the seed asks
 * (a method, a place) and whether urgency fits. The rules are general: each names a way a wrapper changes
 * the meaning of a seed it does not fit.
 */
function frameFits(frame: string, clause: Clause): boolean {
  if (clause.kind === 'verbPhrase') {
    const botFrame = ASKS_BOT_TO_ACT.test(frame);
    if (clause.userActs && botFrame) return false;
    // "schedule me a checkup": "I want to schedule me a checkup" is not English; only the bot can do it.
    if (clause.botActs && !botFrame && frame !== '{vp}') return false;
    // A seed asks where exactly when its frame does: "where do I keep the novel" is another question.
    if (ASKS_WHERE.test(frame) !== (clause.asks === 'where')) return false;
    if (clause.asks === 'how' && !ASKS_METHOD.test(frame)) return false;
  }
  if (clause.past && /\bif \{st\}/.test(frame)) return false;
  // "what do I do if I don't need the car anymore, how do I cancel?": one question is the seed's.
  if (clause.asksQuestion && ASKS_OR_ASSERTS.test(frame)) return false;
  // "..., how do I cancel, need help asap": a seed that asks already asks for help; urgency or a plea repeats it.
  if ((clause.asksQuestion || clause.orders) && URGENT.test(frame)) return false;
  if (clause.wants && ASKS_WHAT_TO_DO.test(frame)) return false;
  // "my son is scared of the dentist, can you help": "..., help pls" asks twice (a blind review's reject).
  if (clause.asksForHelp && /\bhelp\b/i.test(frame)) return false;
  if (clause.aboutYou && /\byou (?:happen to )?know\b/.test(frame)) return false;
  if (
    URGENT.test(frame) &&
    (clause.timed || clause.wants || (clause.kind !== 'statement' && clause.kind !== 'negatedVerbPhrase'))
  )
    return false;
  if (clause.kind === 'negatedVerbPhrase' && clause.timed && REPORTS_FAILURE.test(frame)) return false;
  // "my new address is 12 Elm Street": information, not a problem to solve, a guess or a request for leave.
  if (clause.givesInfo && FRAMES_INFO.test(frame)) return false;
  // "just so you know, the car broke down on the highway": an aside for information, not for a problem (a blind
  // reader's reject).
  if (!clause.givesInfo && /\bjust so (?:you|u|ya) know\b/i.test(frame)) return false;
  // "I can't make it tomorrow, cancel it": the order stays a sentence of its own, never inside a question.
  if (clause.orders && ASKS_OR_ASSERTS.test(frame)) return false;
  return true;
}

const fittingCache = new WeakMap<readonly string[], Map<number, string[]>>();

/** The frames that fit a clause, computed once per frame list and clause shape (this is on the hot path). */
function fittingFrames(frames: readonly string[], clause: Clause): string[] {
  let byShape = fittingCache.get(frames);
  if (!byShape) {
    byShape = new Map();
    fittingCache.set(frames, byShape);
  }
  let fitting = byShape.get(clause.shape);
  if (!fitting) {
    fitting = frames.filter((f) => SLOTS_FOR_KIND[clause.kind].test(f) && frameFits(f, clause));
    byShape.set(clause.shape, fitting);
  }
  return fitting;
}

function frameFamily(tag: VariationTag, name: FamilyName, frames: readonly string[]): VariationFamily {
  return {tag, name, apply: (input, context) => applyFrame(input, frames, context, tag)};
}

export const basic = frameFamily('B', 'basic', BASIC_FRAMES);
/** Auxiliaries a problem statement's subject is followed by, and what "why" puts first ("keeps" -> "does ... keep"). */
const STATEMENT_AUX =
  /^(?:is|are|was|were|has|have|isn't|aren't|wasn't|weren't|hasn't|haven't|doesn't|don't|didn't|won't|can't|keeps)$/;
/** A predicate that reports a problem: a negation, a participle (-ed or irregular) or a problem adjective. */
const PROBLEM_PREDICATE =
  /\b(?:not|\w+n't|\w+ed|stolen|broken|frozen|gone|lost|stuck|down|late|missing|wrong|slow|empty|damaged|closed|unavailable|high|expensive|dirty|cold|noisy|crashing|failing|\w+ing)\b/i;
const SUBJECT_PRONOUN = /^(?:i|it|we|they)$/;
const POSSESSIVE = /^(?:my|our|the|your)$/;

/**
 * A problem statement asked as a question: "my card was declined" -> "why was my card declined?" or "how come
 * my card was declined?", "my app keeps crashing" -> "why does my app keep crashing?". Only a plain statement
 * with its subject first (a pronoun or "my/the" and up to three words) and a predicate that reports a problem;
 * never one that gives information ("my new address is ...") or goes on with an order or a question.
 */
export function statementQuestion(
  input: AnnotatedText,
  context: VariationContext,
): AnnotatedText | undefined {
  if (input.framedBy) return undefined;
  const clause = analyzeClause(input);
  if (!clause || clause.kind !== 'statement' || clause.leadIn !== '' || clause.givesInfo || clause.orders)
    return undefined;
  if (clause.asksQuestion || clause.wants || clause.asksForHelp) return undefined;
  const core = input.text.slice(clause.coreStart, clause.coreEnd);
  if (/[,;:.!?]/.test(core)) return undefined;
  const tokens = wordTokens(input).filter((t) => t.start >= clause.coreStart && t.end <= clause.coreEnd);
  if (tokens.some((t) => t.inEntity && t.start < (tokens[4]?.start ?? Infinity))) return undefined;
  let auxAt = -1;
  if (tokens[0] && SUBJECT_PRONOUN.test(tokens[0].lower)) auxAt = 1;
  else if (tokens[0] && POSSESSIVE.test(tokens[0].lower))
    for (let i = 2; i <= 4 && i < tokens.length; i++)
      if (STATEMENT_AUX.test(tokens[i]!.lower)) {
        auxAt = i;
        break;
      }
  const aux = tokens[auxAt];
  if (!aux || !STATEMENT_AUX.test(aux.lower) || auxAt + 1 >= tokens.length) return undefined;
  const predicate = input.text.slice(aux.start, clause.coreEnd);
  if (!PROBLEM_PREDICATE.test(predicate)) return undefined;
  // "I was charged twice" asks why; "I have a question" is no problem: "have" only as an auxiliary.
  if (
    (aux.lower === 'have' || aux.lower === 'has') &&
    !/^\w+(?:ed|en)$|^been$/.test(tokens[auxAt + 1]!.lower)
  )
    return undefined;
  const subject = input.text.slice(clause.coreStart, aux.start).trimEnd();
  const subjectText = tokens[0]!.text === 'I' ? subject : subject.charAt(0).toLowerCase() + subject.slice(1);
  const rest = input.text.slice(aux.end, clause.coreEnd);
  const howCome = context.rng.chance(0.4);
  let question: string;
  if (howCome) question = `how come ${subjectText} ${input.text.slice(aux.start, clause.coreEnd)}?`;
  else if (aux.lower === 'keeps') question = `why does ${subjectText} keep${rest}?`;
  else question = `why ${aux.lower} ${subjectText}${rest}?`;
  const result = applyEdits(input, [
    {start: 0, end: clause.coreEnd, replacement: question},
    {start: clause.coreEnd, end: input.text.length, replacement: ''},
  ]);
  if (!result) return undefined;
  const output = clause.capitalized ? capitalizeFirst(result) : result;
  output.framedBy = 'I';
  return output;
}

/** Share of interrogative variants of a problem statement that ask why it happened (when the rewrite fits). */
const STATEMENT_QUESTION_SHARE = 0.35;

export const interrogative: VariationFamily = {
  tag: 'I',
  name: 'interrogative',
  apply: (input, context) =>
    (context.rng.chance(STATEMENT_QUESTION_SHARE) ? statementQuestion(input, context) : undefined) ??
    applyFrame(input, INTERROGATIVE_FRAMES, context, 'I'),
};
export const coordinated = frameFamily('C', 'coordinated', COORDINATED_FRAMES);
export const negation = frameFamily('N', 'negation', NEGATION_FRAMES);
export const polite = frameFamily('P', 'polite', POLITE_FRAMES);
