/**
 * Shallow clause analysis by lead-ins, for languages whose packs re-wrap a seed's core in other sentence frames
 * (Spanish, Portuguese): which lead-in a seed starts with ("quiero", "¿puedes", "no consigo", "queria saber"),
 * where its core starts and ends, and what the core is. Each language gives its own lead-ins and cues (a
 * ClauseGrammar); the frames re-wrap only a core they fit, so the intent and the person who acts stay the same.
 */
import {applyEdits, type TextEdit} from '../../generate/variation/edit.js';
import {firstChange} from '../../generate/variation/choose.js';
import type {AnnotatedText, VariationContext, VariationFamily} from '../../generate/variation/types.js';
import type {VariationTag} from '../../model/dataset.js';
import type {FamilyName} from '../../model/variation.js';

/**
 * vp: an infinitive phrase the user does (quiero reservar una mesa -> "reservar una mesa");
 * bvp: an infinitive phrase the bot is asked to do (¿puedes enviarme la factura? -> "enviarme la factura");
 * nvp: what the user cannot do (no puedo entrar -> "entrar"); np: what the user wants (quiero una mesa);
 * q: a question (¿a qué hora abren?); st: a statement or report (la factura llegó mal); imp: an order
 * (dime la contraseña del wifi); other: none of these the grammar can tell (una mesa para dos).
 */
export type CoreKind = 'vp' | 'bvp' | 'nvp' | 'np' | 'q' | 'st' | 'imp' | 'other';

export interface ClauseGrammar {
  /** A greeting the analysis steps over, with its comma ("hola, ", "buenos días "). Lower case. */
  greeting: RegExp;
  /** Lead-ins by the kind of core they introduce, lower case; vp, bvp and nvp are followed by an infinitive. */
  leadIns: {vp: string[]; bvp: string[]; nvp: string[]; np: string[]; eq: string[]};
  isInfinitive(lower: string): boolean;
  /** Object pronouns written before an infinitive ("pode me enviar"): part of the core, checked past. */
  proclitics?: ReadonlySet<string>;
  /** A core that opens with a question word (qué, cuándo, quanto...): embedded as is, not after "si"/"se". */
  questionWord: RegExp;
  /** The word that embeds a yes/no question: si, se. */
  ifWord: string;
  /** A question that cannot be embedded at all ("cadê meu pedido"). */
  notEmbeddable?: RegExp;
  /**
   * What a sentence that is neither a question nor a lead-in is, from its lower-case words: a statement, an
   * order, or other (no frame but a greeting fits it).
   */
  classify(words: readonly string[]): 'st' | 'imp' | 'other';
  /**
   * Words after a lead-in that start a clause, not a noun phrase ("necesito que me llamen"), or a verb no frame
   * keeps the sense of ("quería saber los resultados": nobody helps someone "know" results).
   */
  notNounPhrase?: ReadonlySet<string>;
  /**
   * A frame that already addresses the bot (frame, tested on its text before the slot) drops the same address
   * at the start of a core (core): "vocês sabem se vocês têm..." -> "vocês sabem se têm...".
   */
  repeatedAddress?: {frame: RegExp; core: RegExp};
  /**
   * Lead-ins that ask whether the user may or can ("¿puedo", "tem como"): a frame of need or obligation
   * ("preciso fazer uma aula experimental") would change the request.
   */
  permissionLeadIns?: readonly string[];
  /** A statement that reports a problem: frames that ask what to do about it fit only these. */
  problem: RegExp;
  /** A core in the informal address (tú, tu): formal frames do not fit it. */
  informalCore: RegExp;
  /** A core in the formal address (usted, o senhor): informal frames do not fit it. */
  formalCore: RegExp;
  /** Spanish opens questions and exclamations with ¿ and ¡. */
  invertedMarks: boolean;
}

export interface Clause {
  kind: CoreKind;
  coreStart: number;
  coreEnd: number;
  /** A question core that opens with a question word (embedded without si/se). */
  wh: boolean;
  problem: boolean;
  informal: boolean;
  formal: boolean;
  /** The lead-in asks for permission or possibility: [n] frames (need, obligation) do not fit. */
  permission: boolean;
  /** The seed's first letter was upper case: so is the output's. */
  capitalized: boolean;
}

const WORD_AT = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/uy;

function wordAt(text: string, index: number): string | undefined {
  WORD_AT.lastIndex = index;
  return WORD_AT.exec(text)?.[0];
}

const grammarCaches = new WeakMap<
  ClauseGrammar,
  {leadIns: Array<[string, keyof ClauseGrammar['leadIns']]>}
>();

function sortedLeadIns(grammar: ClauseGrammar): Array<[string, keyof ClauseGrammar['leadIns']]> {
  let cached = grammarCaches.get(grammar);
  if (!cached) {
    const all: Array<[string, keyof ClauseGrammar['leadIns']]> = [];
    for (const kind of ['vp', 'bvp', 'nvp', 'np', 'eq'] as const)
      for (const leadIn of grammar.leadIns[kind]) all.push([leadIn, kind]);
    // Longest first: "me gustaría saber" before "me gustaría".
    all.sort((a, b) => b[0].length - a[0].length);
    cached = {leadIns: all};
    grammarCaches.set(grammar, cached);
  }
  return cached.leadIns;
}

/** The clause of a one-sentence seed, or undefined when it has several sentences or questions. */
export function analyzeLeadIn(input: AnnotatedText, grammar: ClauseGrammar): Clause | undefined {
  const {text} = input;
  const lower = text.toLowerCase();
  let start = 0;
  const greeting = grammar.greeting.exec(lower);
  if (greeting && greeting.index === 0) start = greeting[0].length;
  let opened = false;
  if (text[start] === '¿' || text[start] === '¡') {
    opened = text[start] === '¿';
    start++;
  }
  let end = text.length;
  while (end > start && /[\s?!.]/.test(text[end - 1]!)) end--;
  if (end <= start) return undefined;
  const body = lower.slice(start, end);
  // Two sentences or a question inside a statement: a frame around it would be a third.
  if (/[¿?¡!.;:]/.test(body)) return undefined;
  if (input.entities.some((e) => e.start < start || e.end > end)) return undefined;
  const question = opened || /\?\s*$/.test(text);
  const firstLetter = /\p{L}/u.exec(text);
  const capitalized = firstLetter !== null && firstLetter[0] !== firstLetter[0].toLowerCase();
  const clause = (kind: CoreKind, coreStart: number, wh = false, leadIn = ''): Clause => {
    const core = lower.slice(coreStart, end);
    return {
      kind,
      coreStart,
      coreEnd: end,
      wh,
      problem: kind === 'nvp' || (kind === 'st' && grammar.problem.test(core)),
      informal: grammar.informalCore.test(lower),
      formal: grammar.formalCore.test(lower),
      permission: grammar.permissionLeadIns?.includes(leadIn) ?? false,
      capitalized,
    };
  };
  for (const [leadIn, kind] of sortedLeadIns(grammar)) {
    if (!body.startsWith(leadIn) || body[leadIn.length] !== ' ') continue;
    const next = start + leadIn.length + 1;
    const word = wordAt(lower, next);
    if (!word) continue;
    if (kind === 'eq') {
      if (word === grammar.ifWord && lower[next + word.length] === ' ')
        return clause('q', next + word.length + 1);
      if (grammar.questionWord.test(lower.slice(next, end))) return clause('q', next, true);
      continue;
    }
    let infinitive = grammar.isInfinitive(word);
    if (!infinitive && grammar.proclitics?.has(word)) {
      const after = wordAt(lower, next + word.length + 1);
      infinitive = lower[next + word.length] === ' ' && after !== undefined && grammar.isInfinitive(after);
    }
    if (kind === 'np') {
      if (infinitive || word === grammar.ifWord || question || grammar.notNounPhrase?.has(word)) continue;
      return clause('np', next);
    }
    if (!infinitive || grammar.notNounPhrase?.has(word)) continue;
    return clause(kind, next, false, leadIn);
  }
  const first = wordAt(lower, start);
  if (first && !question && grammar.isInfinitive(first)) return clause('vp', start);
  if (question) {
    const core = lower.slice(start, end);
    if (grammar.notEmbeddable?.test(core)) return undefined;
    return clause('q', start, grammar.questionWord.test(core));
  }
  const words = body.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
  return clause(grammar.classify(words), start);
}

/**
 * A frame: its text with one slot ({vp}, {bvp}, {nvp}, {np}, {q}, {eq}, {st}, {imp}, or {x}: a statement, an
 * order or other) and what it needs of a core.
 */
interface Frame {
  before: string;
  after: string;
  slot: 'vp' | 'bvp' | 'nvp' | 'np' | 'q' | 'eq' | 'st' | 'imp' | 'x';
  /** [p]: asks what to do about a problem; [f]: formal address; [t]: informal address; [n]: need. */
  problemOnly: boolean;
  need: boolean;
  formal: boolean;
  informal: boolean;
}

const SLOT = /\{(vp|bvp|nvp|np|q|eq|st|imp|x)\}/;

export function parseFrames(frames: readonly string[]): Frame[] {
  return frames.map((source) => {
    const flags = /^\[([pftn]+)\]/.exec(source);
    const body = flags ? source.slice(flags[0].length) : source;
    const slot = SLOT.exec(body);
    if (!slot) throw new Error(`frame without a slot: ${source}`);
    return {
      before: body.slice(0, slot.index),
      after: body.slice(slot.index + slot[0].length),
      slot: slot[1] as Frame['slot'],
      problemOnly: flags?.[1]?.includes('p') ?? false,
      formal: flags?.[1]?.includes('f') ?? false,
      informal: flags?.[1]?.includes('t') ?? false,
      need: flags?.[1]?.includes('n') ?? false,
    };
  });
}

function frameFits(frame: Frame, clause: Clause): boolean {
  const kindFits =
    frame.slot === 'eq'
      ? clause.kind === 'q'
      : frame.slot === 'x'
        ? clause.kind === 'st' || clause.kind === 'imp' || clause.kind === 'other'
        : frame.slot === clause.kind;
  if (!kindFits) return false;
  if (frame.problemOnly && !clause.problem) return false;
  if (frame.need && clause.permission) return false;
  if (frame.formal && clause.informal) return false;
  if (frame.informal && clause.formal) return false;
  return true;
}

function capitalizeFirstLetter(text: string): string {
  return text.replace(/\p{L}/u, (letter) => letter.toUpperCase());
}

/** The input with its core put in the frame; undefined when an entity would be cut. */
export function rewrapLeadIn(
  input: AnnotatedText,
  clause: Clause,
  frame: Frame,
  grammar: ClauseGrammar,
): AnnotatedText | undefined {
  const {text} = input;
  let before = frame.before;
  if (frame.slot === 'eq' && !clause.wh) before += `${grammar.ifWord} `;
  const edits: TextEdit[] = [];
  let coreStart = clause.coreStart;
  const repeated = grammar.repeatedAddress;
  if (repeated?.frame.test(before)) {
    const address = repeated.core.exec(text.slice(coreStart, clause.coreEnd));
    if (address) {
      edits.push({start: coreStart, end: coreStart + address[0].length, replacement: ''});
      coreStart += address[0].length;
    }
  }
  const head = wordAt(text, coreStart) ?? '';
  const headInEntity = input.entities.some((e) => e.start <= coreStart && e.end > coreStart);
  if (before.length > 0) {
    if (clause.capitalized) before = capitalizeFirstLetter(before);
    // A sentence-initial capital inside the sentence: "hola, Reservar..." is lower-cased; a name is not.
    if (!headInEntity && /^\p{Lu}\p{Ll}*$/u.test(head) && head.length > 0)
      edits.push({start: coreStart, end: coreStart + 1, replacement: head[0]!.toLowerCase()});
  } else if (!headInEntity && head.length > 0) {
    const wanted = clause.capitalized ? head[0]!.toUpperCase() : head[0]!.toLowerCase();
    if (wanted !== head[0]) edits.push({start: coreStart, end: coreStart + 1, replacement: wanted});
  }
  edits.unshift({start: 0, end: clause.coreStart, replacement: before});
  edits.push({start: clause.coreEnd, end: text.length, replacement: frame.after});
  return applyEdits(input, edits);
}

const fittingCache = new WeakMap<readonly Frame[], Map<string, Frame[]>>();

function fittingFrames(frames: readonly Frame[], clause: Clause): Frame[] {
  let byShape = fittingCache.get(frames);
  if (!byShape) {
    byShape = new Map();
    fittingCache.set(frames, byShape);
  }
  const shape = `${clause.kind}${+clause.problem}${+clause.formal}${+clause.informal}${+clause.permission}`;
  let fitting = byShape.get(shape);
  if (!fitting) {
    fitting = frames.filter((f) => frameFits(f, clause));
    byShape.set(shape, fitting);
  }
  return fitting;
}

/**
 * Re-wraps the input's core in one of the frames and marks the result as framed by `tag`; undefined if none
 * fits or another family already framed the text.
 */
export function applyLeadInFrame(
  input: AnnotatedText,
  frames: readonly Frame[],
  grammar: ClauseGrammar,
  context: VariationContext,
  tag: VariationTag,
): AnnotatedText | undefined {
  if (input.framedBy) return undefined;
  const clause = analyzeLeadIn(input, grammar);
  if (!clause) return undefined;
  const output = firstChange(context.rng, input, fittingFrames(frames, clause), (frame) =>
    rewrapLeadIn(input, clause, frame, grammar),
  );
  if (output) output.framedBy = tag;
  return output;
}

export function leadInFrameFamily(
  tag: VariationTag,
  name: FamilyName,
  frames: readonly string[],
  grammar: ClauseGrammar,
): VariationFamily {
  const parsed = parseFrames(frames);
  return {tag, name, apply: (input, context) => applyLeadInFrame(input, parsed, grammar, context, tag)};
}
