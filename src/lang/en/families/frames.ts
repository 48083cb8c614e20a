/**
 * Families that re-wrap an utterance's core in another sentence frame: B basic structure, I interrogative,
 * C coordinated, N negation, P politeness (and the frame half of Q colloquial and W offensive).
 */
import {firstChange} from '../../../generate/variation/choose.js';
import type {AnnotatedText, VariationContext, VariationFamily} from '../../../generate/variation/types.js';
import type {VariationTag} from '../../../model/dataset.js';
import type {FamilyName} from '../../../model/variation.js';
import {analyzeClause, rewrap, type CoreKind} from '../clause.js';
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
  const byKind = framesByKind(frames);
  const fitting = clause.userActs ? byKind.userVp : byKind[clause.kind];
  const output = firstChange(context.rng, input, fitting, (frame) => rewrap(input, clause, frame));
  return output && {...output, framedBy: tag};
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
  /\b(?:you|u|ya)\b(?![^{]*\bme\b)[^{]*\{(vp|ving)\}|^\{vp\}.*\b(please|done)\b|^(?:please|yo) \{vp\}/;

type FrameGroups = Record<CoreKind | 'userVp', string[]>;
const grouped = new WeakMap<readonly string[], FrameGroups>();

/** The frames that can hold each kind of core, computed once per frame list (this is on the hot path). */
function framesByKind(frames: readonly string[]): FrameGroups {
  let groups = grouped.get(frames);
  if (!groups) {
    const of = (kind: CoreKind): string[] => frames.filter((f) => SLOTS_FOR_KIND[kind].test(f));
    groups = {
      vp: of('vp'),
      nvp: of('nvp'),
      np: of('np'),
      wh: of('wh'),
      ewh: of('ewh'),
      st: of('st'),
      userVp: of('vp').filter((f) => !ASKS_BOT_TO_ACT.test(f)),
    };
    grouped.set(frames, groups);
  }
  return groups;
}

function frameFamily(tag: VariationTag, name: FamilyName, frames: readonly string[]): VariationFamily {
  return {tag, name, apply: (input, context) => applyFrame(input, frames, context, tag)};
}

export const basic = frameFamily('B', 'basic', BASIC_FRAMES);
export const interrogative = frameFamily('I', 'interrogative', INTERROGATIVE_FRAMES);
export const coordinated = frameFamily('C', 'coordinated', COORDINATED_FRAMES);
export const negation = frameFamily('N', 'negation', NEGATION_FRAMES);
export const polite = frameFamily('P', 'polite', POLITE_FRAMES);
