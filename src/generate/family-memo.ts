/**
 * Memoised variation families. A family is a pure function of its input and of the random choices it makes,
 * so once it has run on an input, the same input and the same choices give the same output. Most generation
 * attempts start from a template expansion already met (a finite grammar is sampled thousands of times), so
 * each input keeps, per family, a decision tree of the choices the family made (each Rng call with its result)
 * leading to what it returned. A later attempt walks the tree, making the same Rng calls on the real generator
 * (so the random stream advances exactly as if the family had run), and only runs the family when it meets a
 * choice not seen before. The output is byte-identical with or without the memo; only the time differs.
 *
 * Memory is bounded: past a number of decision nodes the whole memo is dropped and rebuilt from scratch.
 */
import type {EntitySpan} from '../model/dataset.js';
import type {Rng} from './rng.js';
import type {AnnotatedText, VariationContext, VariationFamily} from './variation/types.js';

/** A distinct annotated text met while generating one intent, and what is known about it. */
export interface TextState {
  readonly annotated: AnnotatedText;
  /**
   * Families' decisions are recorded for template expansions only: they recur by the thousand, while a
   * family's output is rarely met again on another path (measured: 77% of base runs replayed, 40% of others).
   */
  readonly recorded: boolean;
  /** Per family, the decisions it made on this input. */
  tries?: Map<VariationFamily, DecisionNode>;
  /** Cached checks on the text (filled by the pipeline). */
  spansValid?: boolean;
  /** dedupeKeyHash of the text (0: its key is empty). */
  dedupeHash?: number;
  /** The dedupe key is known to be in the run's seen set (which only grows). */
  seen?: boolean;
}

/**
 * A state with every field present from the start: one object shape for all of them (the pipeline reads
 * these fields on every draw), and no property storage added when the pipeline fills them in later.
 */
function newState(annotated: AnnotatedText, recorded: boolean): TextState {
  return {
    annotated,
    recorded,
    tries: undefined,
    spansValid: undefined,
    dedupeHash: undefined,
    seen: undefined,
  };
}

/** A family made other random calls on an input than it did before: a bug the memo cannot hide. */
export class ImpureFamilyError extends Error {
  constructor() {
    super('A variation family made different random choices on the same input: families must be pure');
  }
}

/** What a family returned: a new state, nothing (it did not apply), or an exception. */
export type FamilyOutcome = TextState | undefined | typeof FAMILY_THREW;
export const FAMILY_THREW = Symbol('family threw');

const NO_CALL = 0;
const INT = 1;
const CHANCE = 2;
const PICK = 3;
const PICK_WEIGHTED = 4;
const SHUFFLE = 5;

/**
 * A point in a family's run: either the Rng call it made next (with a child per result), or its outcome.
 * A class with every field set from the start, so the replay loop reads one object shape.
 */
class DecisionNode {
  /** NO_CALL until the family's next call here is known. */
  call = NO_CALL;
  /** n for int, p for chance, the list length for pick and shuffle. */
  arg = 0;
  weights: number[] | undefined = undefined;
  /** By result: small integers index an array (compact and fast); a shuffle's order keys a map. */
  children: Array<DecisionNode | undefined> | undefined = undefined;
  orders: Map<string, DecisionNode> | undefined = undefined;
  done = false;
  outcome: FamilyOutcome = undefined;
}

/** Past this many decision nodes (a few hundred bytes each) the memo starts over. */
const MAX_NODES = 400_000;

export class FamilyMemo {
  private readonly bases = new Map<string, TextState | TextState[]>();
  /** Families seen making a choice the memo cannot replay (raw next(), fork): always run for real. */
  private readonly opaque = new Set<VariationFamily>();
  private nodes = 0;
  /** Scratch for apply's walk down a decision tree (a family never calls the memo, so one list serves). */
  private readonly drawn: Array<number | string> = [];
  private readonly recorder: RecordingRng;
  private readonly liveContext: VariationContext;

  constructor(private readonly context: VariationContext) {
    this.recorder = new RecordingRng(context.rng, () => {
      this.nodes += 1;
    });
    this.liveContext = {...context, rng: this.recorder};
  }

  /**
   * The state for a template expansion (the same text and spans give the same state). `recurs` false: the
   * template has endless outputs (a pattern or system entity), so its expansions are hardly ever met twice
   * and are not remembered.
   */
  base(annotated: AnnotatedText, recurs = true): TextState {
    if (!recurs) return newState(annotated, false);
    if (this.nodes > MAX_NODES || this.bases.size > MAX_NODES) {
      this.bases.clear();
      this.nodes = 0;
    }
    const found = this.bases.get(annotated.text);
    if (found === undefined) {
      const state = newState(annotated, true);
      this.bases.set(annotated.text, state);
      return state;
    }
    if (!Array.isArray(found)) {
      if (sameAnnotation(found.annotated, annotated)) return found;
      const state = newState(annotated, true);
      this.bases.set(annotated.text, [found, state]);
      return state;
    }
    for (const candidate of found) if (sameAnnotation(candidate.annotated, annotated)) return candidate;
    const state = newState(annotated, true);
    found.push(state);
    return state;
  }

  /** family.apply(state.annotated, context), from the decision tree when the same choices were made before. */
  apply(family: VariationFamily, state: TextState): FamilyOutcome {
    if (!state.recorded || this.opaque.has(family)) return this.runUnrecorded(family, state);
    state.tries ??= new Map();
    let root = state.tries.get(family);
    if (!root) {
      root = new DecisionNode();
      state.tries.set(family, root);
      this.nodes += 1;
      return this.run(family, state, root, this.drawn, 0);
    }
    const rng = this.context.rng;
    // The results drawn on the way, in a list kept for the next call (most walks end at a known outcome).
    const drawn = this.drawn;
    let count = 0;
    let node = root;
    for (;;) {
      if (node.done) return node.outcome;
      if (node.call === NO_CALL) break;
      const result = draw(rng, node);
      drawn[count++] = result;
      const child = childOf(node, result);
      if (!child) break;
      node = child;
    }
    return this.run(family, state, root, drawn, count);
  }

  /** Runs the family with the recorder: the first `count` results of `drawn` are replayed, then choices are live. */
  private run(
    family: VariationFamily,
    state: TextState,
    root: DecisionNode,
    drawn: Array<number | string>,
    count: number,
  ): FamilyOutcome {
    const recorder = this.recorder;
    recorder.start(root, drawn, count);
    let outcome: FamilyOutcome;
    try {
      const output = family.apply(state.annotated, this.liveContext);
      outcome = output ? newState(output, false) : undefined;
    } catch (error) {
      if (error instanceof ImpureFamilyError) throw error;
      outcome = FAMILY_THREW;
    }
    if (recorder.opaque) this.opaque.add(family);
    else recorder.finish(outcome);
    return outcome;
  }

  private runUnrecorded(family: VariationFamily, state: TextState): FamilyOutcome {
    try {
      const output = family.apply(state.annotated, this.context);
      return output ? newState(output, false) : undefined;
    } catch {
      return FAMILY_THREW;
    }
  }
}

/** Makes the Rng call a node recorded, on the real generator, and returns its result as the node keys it. */
function draw(rng: Rng, node: DecisionNode): number | string {
  switch (node.call) {
    case INT:
      return rng.int(node.arg!);
    case CHANCE:
      return rng.chance(node.arg!) ? 1 : 0;
    case PICK:
      return rng.pick(range(node.arg!));
    case PICK_WEIGHTED: {
      const weights = node.weights!;
      return rng.pickWeighted(range(weights.length), (i) => weights[i]!);
    }
    default:
      return rng.shuffle([...range(node.arg!)]).join(',');
  }
}

function childOf(node: DecisionNode, result: number | string): DecisionNode | undefined {
  return typeof result === 'number' ? node.children?.[result] : node.orders?.get(result);
}

const ranges: number[][] = [];
/** [0, 1, ..., n-1]: the list the real generator picks an index from (shared; never mutated). */
function range(n: number): number[] {
  let list = ranges[n];
  if (!list) {
    list = Array.from({length: n}, (_, i) => i);
    ranges[n] = list;
  }
  return list;
}

/**
 * The Rng a memoised family sees: it replays the results already drawn for this run, then draws from the real
 * generator, and records every call in the decision tree. Each call consumes the real generator exactly as
 * the same call on it would (pick is an int of the list's length, and so on).
 */
class RecordingRng implements Rng {
  opaque = false;
  private node = new DecisionNode();
  private replay: Array<number | string> = [];
  private replayLength = 0;
  private position = 0;

  constructor(
    private readonly real: Rng,
    private readonly onNode: () => void,
  ) {}

  start(root: DecisionNode, replay: Array<number | string>, replayLength: number): void {
    this.node = root;
    this.replay = replay;
    this.replayLength = replayLength;
    this.position = 0;
    this.opaque = false;
  }

  finish(outcome: FamilyOutcome): void {
    this.node.done = true;
    this.node.outcome = outcome;
  }

  /**
   * Records (or checks) the call at the current node and returns the next replayed result, or undefined when
   * the replay is over and the caller must draw live (then `advance` records what it drew).
   */
  private check(call: number, arg: number, weights?: number[]): number | string | undefined {
    const node = this.node;
    if (node.call === NO_CALL) {
      node.call = call;
      node.arg = arg;
      if (weights) node.weights = weights;
    } else if (node.call !== call || node.arg !== arg) {
      throw new ImpureFamilyError();
    }
    if (this.position < this.replayLength) return this.replay[this.position++]!;
    return undefined;
  }

  /** Moves to the child for this result, adding it when new. */
  private advance(result: number | string): void {
    const node = this.node;
    let child = childOf(node, result);
    if (!child) {
      child = new DecisionNode();
      if (typeof result === 'number') (node.children ??= [])[result] = child;
      else (node.orders ??= new Map()).set(result, child);
      this.onNode();
    }
    this.node = child;
  }

  next(): number {
    // A raw draw cannot be replayed from a finite tree: this family runs unrecorded from now on.
    this.opaque = true;
    return this.real.next();
  }

  // Each call below: the replayed result, else a live draw on the real generator. No closure per call: this is
  // the hot path of every memoised family.
  int(n: number): number {
    const result = (this.check(INT, n) as number | undefined) ?? this.real.int(n);
    this.advance(result);
    return result;
  }

  chance(p: number): boolean {
    const result = (this.check(CHANCE, p) as number | undefined) ?? (this.real.chance(p) ? 1 : 0);
    this.advance(result);
    return result === 1;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick on an empty list');
    const result =
      (this.check(PICK, items.length) as number | undefined) ?? this.real.pick(range(items.length));
    this.advance(result);
    return items[result]!;
  }

  pickWeighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const weights = items.map(weight);
    const result =
      (this.check(PICK_WEIGHTED, items.length, weights) as number | undefined) ??
      this.real.pickWeighted(range(items.length), (i) => weights[i]!);
    this.advance(result);
    return items[result]!;
  }

  shuffle<T>(items: T[]): T[] {
    const order =
      (this.check(SHUFFLE, items.length) as string | undefined) ??
      this.real.shuffle([...range(items.length)]).join(',');
    this.advance(order);
    if (items.length < 2) return items;
    const original = [...items];
    order.split(',').forEach((from, to) => {
      items[to] = original[Number(from)]!;
    });
    return items;
  }

  fork(label: string): Rng {
    this.opaque = true;
    return this.real.fork(label);
  }
}

/** Same spans (texts already compared): everything an utterance could tell apart. */
function sameAnnotation(a: AnnotatedText, b: AnnotatedText): boolean {
  return a.framedBy === b.framedBy && sameSpans(a.entities, b.entities);
}

function sameSpans(a: readonly EntitySpan[] | undefined, b: readonly EntitySpan[] | undefined): boolean {
  if (a === b) return true;
  const length = a?.length ?? 0;
  if (length !== (b?.length ?? 0)) return false;
  for (let i = 0; i < length; i++) {
    const x = a![i]!;
    const y = b![i]!;
    if (
      x.entity !== y.entity ||
      x.start !== y.start ||
      x.end !== y.end ||
      x.value !== y.value ||
      x.role !== y.role ||
      x.group !== y.group ||
      !sameSpans(x.children, y.children)
    )
      return false;
  }
  return true;
}
