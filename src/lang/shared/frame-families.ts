/**
 * Sentence-frame families for a language pack other than English: a seed's lead-in ("ich möchte", "pouvez-vous")
 * is found by a small per-language analysis, and its core is re-wrapped in another frame of the same kind, the
 * same register (Sie/du, vous/tu) and the same actor (the user asking how to do something is not asking the bot
 * to do it). Each language supplies the analysis, its register and actor cues, and the edits a frame needs
 * inside the core (German verb-final order in a subordinate clause, French elision).
 */
import {firstChange} from '../../generate/variation/choose.js';
import {applyEdits, type TextEdit} from '../../generate/variation/edit.js';
import {TextAnalysisCache} from '../../generate/variation/text-cache.js';
import {wordTokens, type WordToken} from '../../generate/variation/tokens.js';
import type {AnnotatedText, VariationContext, VariationFamily} from '../../generate/variation/types.js';
import type {VariationTag} from '../../model/dataset.js';
import type {FamilyName} from '../../model/variation.js';

/**
 * vp: an infinitive phrase the user wants done; nvp: what the user cannot do (the core of "ich kann mich nicht
 * anmelden" keeps "nicht", the French core "me connecter" of "je n'arrive pas à me connecter" drops it: each
 * language's frames say which); np: a noun phrase; wh: a direct question; st: a statement (a problem report).
 */
export type CoreKind = 'vp' | 'nvp' | 'np' | 'wh' | 'st';
export type Register = 'formal' | 'informal';

export interface FrameClause {
  kind: CoreKind;
  coreStart: number;
  /** Exclusive; before the final punctuation. */
  coreEnd: number;
  /** Sie/vous or du/tu in the seed; undefined when it addresses no one. */
  register?: Register;
  /** The seed asks how or where to do it ("wie kann ich", "où puis-je"). */
  asks?: 'how' | 'where';
  /** The user does it ("ich möchte", "je voudrais"); false when the seed asks the bot to ("können Sie"). */
  userActs: boolean;
  /** The bot could do it for the user (cancel my lesson): frames that ask the bot fit a user's wish too. */
  serviceVerb: boolean;
  /**
   * The seed asks the bot to do something for the user ("können Sie mir ... schicken", "pouvez-vous me
   * rappeler"): a frame in which the user acts ("ich möchte mir ... schicken") says something else.
   */
  botOnly: boolean;
  capitalized: boolean;
}

/** What a language tells the frame families. */
export interface FrameLanguage {
  analyze(input: AnnotatedText): FrameClause | undefined;
  /** Whether a frame addresses the bot formally or informally (undefined: neither). */
  frameRegister(frame: string): Register | undefined;
  /** A frame that asks the bot to do the verb phrase ("können Sie {vp}?"). */
  asksBot(frame: string): boolean;
  /** A frame that asks how / where to do it. */
  frameAsks(frame: string): 'how' | 'where' | undefined;
  /**
   * Edits inside the core for this frame (word order, case, the first word's capital), or undefined: no fit.
   * `slot` is the frame's slot name: ewh asks for the question in indirect form.
   */
  coreEdits(input: AnnotatedText, clause: FrameClause, frame: string, slot: string): TextEdit[] | undefined;
  /** Last touches on the wrapped text (French elision across the frame's edge). */
  finish?(output: AnnotatedText): AnnotatedText;
}

const SLOT = /\{(vp|nvp|np|wh|ewh|st)\}/;
const SLOTS_FOR_KIND: Record<CoreKind, readonly string[]> = {
  vp: ['vp'],
  nvp: ['nvp'],
  np: ['np'],
  wh: ['wh', 'ewh'],
  st: ['st'],
};

/** Cached clause analysis for a language (one analysis per distinct text). */
export function cachedAnalysis(
  analyze: (input: AnnotatedText) => FrameClause | undefined,
): (input: AnnotatedText) => FrameClause | undefined {
  const cache = new TextAnalysisCache(analyze, 1 << 12);
  return (input) => cache.get(input);
}

/** Whether a frame keeps what the seed means: its kind, register, actor and what it asks. */
export function frameFits(language: FrameLanguage, frame: string, clause: FrameClause): boolean {
  const slot = SLOT.exec(frame)?.[1];
  if (!slot || !SLOTS_FOR_KIND[clause.kind].includes(slot)) return false;
  const register = language.frameRegister(frame);
  if (register && clause.register && register !== clause.register) return false;
  if (clause.kind === 'vp') {
    const asks = language.frameAsks(frame);
    if (asks !== clause.asks) return false;
    const botFrame = !asks && language.asksBot(frame);
    if (botFrame && clause.userActs && !clause.serviceVerb) return false;
    if (clause.botOnly && !botFrame) return false;
  }
  return true;
}

/** The seed's first word, lower-cased unless the language keeps its capital (a German noun, "Sie"). */
export function lowerFirstEdit(
  token: WordToken | undefined,
  keepsCapital: (word: string) => boolean,
): TextEdit[] {
  if (!token || token.inEntity || !/^\p{Lu}\p{Ll}/u.test(token.text) || keepsCapital(token.text)) return [];
  return [{start: token.start, end: token.end, replacement: token.lower}];
}

/** Re-wraps the input's core in a frame; undefined if the core edits do not fit it. */
export function rewrapFrame(
  language: FrameLanguage,
  input: AnnotatedText,
  clause: FrameClause,
  frame: string,
): AnnotatedText | undefined {
  const match = SLOT.exec(frame);
  if (!match) return undefined;
  const inner = language.coreEdits(input, clause, frame, match[1]!);
  if (!inner) return undefined;
  const prefix = frame.slice(0, match.index);
  const suffix = frame.slice(match.index + match[0].length);
  const edits: TextEdit[] = [
    {start: 0, end: clause.coreStart, replacement: prefix},
    ...inner,
    {start: clause.coreEnd, end: input.text.length, replacement: suffix},
  ];
  let output = applyEdits(input, edits);
  if (!output) return undefined;
  if (language.finish) output = language.finish(output);
  const first = output.text.charAt(0);
  if (clause.capitalized && first !== first.toUpperCase() && !output.entities.some((e) => e.start === 0))
    output = applyEdits(output, [{start: 0, end: 1, replacement: first.toUpperCase()}]) ?? output;
  return output;
}

const fittingCache = new WeakMap<readonly string[], Map<string, string[]>>();

function fittingFrames(language: FrameLanguage, frames: readonly string[], clause: FrameClause): string[] {
  let byShape = fittingCache.get(frames);
  if (!byShape) {
    byShape = new Map();
    fittingCache.set(frames, byShape);
  }
  const shape = `${clause.kind}|${clause.register}|${clause.asks}|${clause.userActs}|${clause.serviceVerb}|${clause.botOnly}`;
  let fitting = byShape.get(shape);
  if (!fitting) {
    fitting = frames.filter((f) => frameFits(language, f, clause));
    byShape.set(shape, fitting);
  }
  return fitting;
}

/** Re-wraps the input in one of `frames` that fits, marked as framed by `tag`; undefined if none fits. */
export function applyLanguageFrame(
  language: FrameLanguage,
  input: AnnotatedText,
  frames: readonly string[],
  context: VariationContext,
  tag: VariationTag,
): AnnotatedText | undefined {
  if (input.framedBy) return undefined;
  const clause = language.analyze(input);
  if (!clause) return undefined;
  const output = firstChange(context.rng, input, fittingFrames(language, frames, clause), (frame) =>
    rewrapFrame(language, input, clause, frame),
  );
  if (output) output.framedBy = tag;
  return output;
}

export function languageFrameFamily(
  language: FrameLanguage,
  tag: VariationTag,
  name: FamilyName,
  frames: readonly string[],
): VariationFamily {
  return {tag, name, apply: (input, context) => applyLanguageFrame(language, input, frames, context, tag)};
}

/**
 * A lead-in of a pack's clause table (ich möchte, je voudrais): the kind of core that follows it (vp when the
 * core ends in an infinitive, np a noun phrase, nvp a negated verb phrase), the register it sets, whether the
 * user acts, and the question it asks.
 */
export interface FrameLeadIn {
  lead: string;
  kind: 'vp' | 'np' | 'vp-or-np' | 'nvp' | 'none';
  register?: Register;
  userActs: boolean;
  asks?: 'how' | 'where';
}

/** Matches one of `leads` (lower case, longest first) on the text's first words; the tokens it took. */
export function matchLeadIn<T extends {lead: string}>(
  tokens: readonly WordToken[],
  leads: readonly T[],
): {entry: T; used: number} | undefined {
  for (const entry of leads) {
    const words = entry.lead.split(' ');
    if (words.length > tokens.length) continue;
    if (words.every((w, i) => !tokens[i]!.inEntity && tokens[i]!.lower === w))
      return {entry, used: words.length};
  }
  return undefined;
}

/** The end of the core: before trailing punctuation and spaces. */
export function coreEndOf(text: string): number {
  return text.replace(/[\s?!.,;:]+$/u, '').length;
}

export {wordTokens};
