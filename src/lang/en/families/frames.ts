/**
 * Families that re-wrap an utterance's core in another sentence frame: B basic structure, I interrogative,
 * C coordinated, N negation, P politeness (and the frame half of Q colloquial and W offensive).
 */
import {firstChange} from '../../../generate/variation/choose.js';
import type {AnnotatedText, VariationContext, VariationFamily} from '../../../generate/variation/types.js';
import type {VariationTag} from '../../../model/dataset.js';
import type {FamilyName} from '../../../model/variation.js';
import {analyzeClause, rewrap, type Clause, type CoreKind} from '../clause.js';
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

const SLOTS_FOR_KIND: Record<CoreKind, RegExp> = {
  vp: /\{(vp|ving|core)\}/,
  nvp: /\{(nvp|core)\}/,
  np: /\{(np|core)\}/,
  wh: /\{(wh|ewh|core)\}/,
  ewh: /\{(ewh|core)\}/,
  st: /\{(st|core)\}/,
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
 * Whether a frame keeps what this seed means, beyond taking its kind of core: who acts, what the seed asks
 * (a method, a place) and whether urgency fits. The rules are general: each names a way a wrapper changes
 * the meaning of a seed it does not fit.
 */
function frameFits(frame: string, clause: Clause): boolean {
  if (clause.kind === 'vp') {
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
  if (clause.wants && ASKS_WHAT_TO_DO.test(frame)) return false;
  // "my son is scared of the dentist, can you help": "..., help pls" asks twice (a blind review's reject).
  if (clause.asksForHelp && /\bhelp\b/i.test(frame)) return false;
  if (clause.aboutYou && /\byou (?:happen to )?know\b/.test(frame)) return false;
  if (URGENT.test(frame) && (clause.timed || clause.wants || (clause.kind !== 'st' && clause.kind !== 'nvp')))
    return false;
  if (clause.kind === 'nvp' && clause.timed && REPORTS_FAILURE.test(frame)) return false;
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
export const interrogative = frameFamily('I', 'interrogative', INTERROGATIVE_FRAMES);
export const coordinated = frameFamily('C', 'coordinated', COORDINATED_FRAMES);
export const negation = frameFamily('N', 'negation', NEGATION_FRAMES);
export const polite = frameFamily('P', 'polite', POLITE_FRAMES);
