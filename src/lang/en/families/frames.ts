/**
 * Families that re-wrap an utterance's core in another sentence frame: B basic structure, I interrogative,
 * C coordinated, N negation, P politeness (and the frame half of Q colloquial and W offensive).
 */
import {firstChange} from '../../../generate/variation/choose.js';
import type {AnnotatedText, VariationContext, VariationFamily} from '../../../generate/variation/types.js';
import type {VariationTag} from '../../../model/dataset.js';
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
  const fitting = framesByKind(frames)[clause.kind];
  const output = firstChange(context.rng, input, fitting, (frame) => rewrap(input, clause, frame));
  return output && {...output, framedBy: tag};
}

const SLOTS_FOR_KIND: Record<CoreKind, RegExp> = {
  vp: /\{(vp|ving|core)\}/,
  np: /\{(np|core)\}/,
  wh: /\{(wh|core)\}/,
};
const grouped = new WeakMap<readonly string[], Record<CoreKind, string[]>>();

/** The frames that can hold each kind of core, computed once per frame list (this is on the hot path). */
function framesByKind(frames: readonly string[]): Record<CoreKind, string[]> {
  let groups = grouped.get(frames);
  if (!groups) {
    groups = {
      vp: frames.filter((f) => SLOTS_FOR_KIND.vp.test(f)),
      np: frames.filter((f) => SLOTS_FOR_KIND.np.test(f)),
      wh: frames.filter((f) => SLOTS_FOR_KIND.wh.test(f)),
    };
    grouped.set(frames, groups);
  }
  return groups;
}

function frameFamily(tag: VariationTag, name: string, frames: readonly string[]): VariationFamily {
  return {tag, name, apply: (input, context) => applyFrame(input, frames, context, tag)};
}

export const basic = frameFamily('B', 'basic', BASIC_FRAMES);
export const interrogative = frameFamily('I', 'interrogative', INTERROGATIVE_FRAMES);
export const coordinated = frameFamily('C', 'coordinated', COORDINATED_FRAMES);
export const negation = frameFamily('N', 'negation', NEGATION_FRAMES);
export const polite = frameFamily('P', 'polite', POLITE_FRAMES);
