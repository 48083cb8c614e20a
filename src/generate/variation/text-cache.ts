/**
 * A bounded cache for analyses that depend only on an annotated text's characters and on where its entity
 * spans are (clause analysis, a family's candidate edits). Families meet the same texts again and again (a
 * template's expansions, the outputs a memoised family replays), so each is analysed once.
 *
 * Direct-mapped: a text's slot is a hash of its characters, and a new text takes the slot over. A Map that
 * starts over when full cost more than the analyses it saved on misses: every new text grows the table
 * again (rehashing, allocating) and its entries live long enough to be copied by the garbage collector.
 */
import type {AnnotatedText} from './types.js';

/** Span positions of a text without spans (most texts): shared, never mutated. */
const NO_SPANS: readonly number[] = [];

export class TextAnalysisCache<T> {
  /** Per slot: the text analysed there, its span positions (start, end, start, end...) and the result. */
  private readonly texts: Array<string | undefined>;
  private readonly spans: Array<readonly number[]>;
  private readonly values: Array<T | undefined>;
  private readonly mask: number;

  constructor(
    private readonly analyse: (input: AnnotatedText) => T,
    /** Slots (rounded up to a power of two): about the number of recent texts remembered. */
    slots = 1 << 15,
  ) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(2, slots)));
    this.mask = size - 1;
    this.texts = new Array<string | undefined>(size).fill(undefined);
    this.spans = new Array<readonly number[]>(size).fill(NO_SPANS);
    this.values = new Array<T | undefined>(size).fill(undefined);
  }

  get(input: AnnotatedText): T {
    const {text} = input;
    const slot = textHash(text) & this.mask;
    if (this.texts[slot] === text && sameSpanPositions(this.spans[slot]!, input))
      return this.values[slot] as T;
    const value = this.analyse(input);
    this.texts[slot] = text;
    this.spans[slot] = spanPositions(input);
    this.values[slot] = value;
    return value;
  }
}

/** FNV-1a over the UTF-16 code units: cheap, and spreads texts that differ in one character. */
function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash ^ (hash >>> 15);
}

/** start, end, start, end... of the input's spans (a loop: flatMap costs a third of a microsecond here). */
function spanPositions(input: AnnotatedText): readonly number[] {
  if (input.entities.length === 0) return NO_SPANS;
  const positions: number[] = [];
  for (const span of input.entities) positions.push(span.start, span.end);
  return positions;
}

function sameSpanPositions(spans: readonly number[], input: AnnotatedText): boolean {
  const {entities} = input;
  if (spans.length !== 2 * entities.length) return false;
  for (let i = 0; i < entities.length; i++)
    if (spans[2 * i] !== entities[i]!.start || spans[2 * i + 1] !== entities[i]!.end) return false;
  return true;
}
