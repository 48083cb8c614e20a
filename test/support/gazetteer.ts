/**
 * The entity extractor of the local platform servers: a gazetteer learned from the annotated training
 * examples pushed to them (every annotated text, with its entity), matched case-insensitively on word
 * boundaries, longest first, without overlaps. Real in the sense that matters to `evaluate`: what it extracts
 * depends on what was pushed, so better annotated training data extracts more.
 */
export interface AnnotatedExample {
  text: string;
  entities: {entity: string; start: number; end: number}[];
}

export interface Extracted {
  entity: string;
  value: string;
  start: number;
  end: number;
}

export class Gazetteer {
  readonly #phrases: {phrase: string; entity: string}[];

  constructor(examples: readonly AnnotatedExample[]) {
    const known = new Map<string, string>();
    for (const example of examples)
      for (const span of example.entities) {
        const phrase = example.text.slice(span.start, span.end).trim().toLowerCase();
        if (phrase && !known.has(phrase)) known.set(phrase, span.entity);
      }
    this.#phrases = [...known]
      .map(([phrase, entity]) => ({phrase, entity}))
      .sort((a, b) => b.phrase.length - a.phrase.length || (a.phrase < b.phrase ? -1 : 1));
  }

  extract(text: string): Extracted[] {
    const lower = text.toLowerCase();
    const taken = new Uint8Array(text.length);
    const found: Extracted[] = [];
    const isWord = (i: number) => i >= 0 && i < lower.length && /[\p{L}\p{N}]/u.test(lower[i]!);
    for (const {phrase, entity} of this.#phrases) {
      for (let at = lower.indexOf(phrase); at !== -1; at = lower.indexOf(phrase, at + 1)) {
        const end = at + phrase.length;
        if (isWord(at - 1) || isWord(end) || taken.subarray(at, end).some((t) => t === 1)) continue;
        taken.fill(1, at, end);
        found.push({entity, value: text.slice(at, end), start: at, end});
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }
}
