/**
 * List (closed) entities: every value and synonym of the dataset's list entities, matched case-insensitively on
 * word boundaries, longest match first, normalised to the canonical value(s): a match's value is the array of canonical values it stands for.
 */
import type {Entity} from '../model/dataset.js';
import type {EntityMatch} from './types.js';

interface Phrase {
  entity: string;
  canonical: string;
  /** Lower-cased phrase. */
  phrase: string;
  /** The phrase without spaces and hyphens, as it is matched ("check-up" -> "checkup"). */
  compact: string;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

export class ListEntityMatcher {
  /** Phrases by their first lower-cased character, longest first, so a scan only tries plausible phrases. */
  private readonly byFirstChar = new Map<string, Phrase[]>();

  constructor(entities: readonly Entity[]) {
    for (const entity of entities) {
      if (entity.kind !== 'list') continue;
      for (const value of entity.values ?? []) {
        for (const surface of [value.value, ...(value.synonyms ?? [])]) {
          const phrase = surface.trim().toLowerCase();
          if (phrase.length === 0) continue;
          const key = (phrase.replace(/[ -]+/g, '') || phrase)[0]!;
          let list = this.byFirstChar.get(key);
          if (!list) this.byFirstChar.set(key, (list = []));
          const compact = phrase.replace(/[ -]+/g, '') || phrase;
          list.push({entity: entity.name, canonical: value.value, phrase, compact});
        }
      }
    }
    for (const list of this.byFirstChar.values()) list.sort((a, b) => b.compact.length - a.compact.length);
  }

  get empty(): boolean {
    return this.byFirstChar.size === 0;
  }

  /**
   * Non-overlapping matches, scanning left to right and taking the longest phrase at each word start. A phrase
   * that belongs to two entities is reported for both.
   */
  match(text: string): EntityMatch[] {
    const lower = text.toLowerCase();
    // toLowerCase keeps UTF-16 length for almost all text; when it does not, offsets would drift, so match on
    // the original with a case-insensitive compare instead.
    const haystack = lower.length === text.length ? lower : text;
    const matches: EntityMatch[] = [];
    let i = 0;
    while (i < haystack.length) {
      const atWordStart = i === 0 || !WORD_CHAR.test(haystack[i - 1]!);
      const candidates = atWordStart ? this.byFirstChar.get(haystack[i]!.toLowerCase()) : undefined;
      let matched: {end: number; length: number} | undefined;
      for (const candidate of candidates ?? []) {
        if (matched && candidate.compact.length < matched.length) break;
        const end = endOfMention(haystack, i, candidate);
        if (end < 0 || (matched && end !== matched.end)) continue;
        matched ??= {end, length: candidate.compact.length};
        matches.push({
          entity: candidate.entity,
          start: i,
          end,
          text: text.slice(i, end),
          value: candidate.canonical,
          kind: 'list',
        });
      }
      i = matched ? matched.end : i + 1;
    }
    return mergeSameSpan(matches);
  }
}

const SEPARATOR = /[ -]/;

function lowerAt(haystack: string, at: number): string {
  return haystack[at]!.toLowerCase();
}

/**
 * Where a mention of `candidate` that starts at `at` ends, or -1. Beside the exact phrase it accepts what
 * users write for the same thing: a space or hyphen between its words added, dropped or swapped ("check up",
 * "check-up" and "checkup"), and an English plural ending ("root canals", "braces", "cavities"). Linear in the
 * phrase's length: one separator at most between two of its letters.
 */
function endOfMention(haystack: string, at: number, candidate: Phrase): number {
  const {compact} = candidate;
  let j = at;
  let k = 0;
  while (k < compact.length) {
    if (j >= haystack.length) return -1;
    const c = lowerAt(haystack, j);
    if (c === compact[k]) {
      j++;
      k++;
    } else if (k > 0 && SEPARATOR.test(c) && j + 1 < haystack.length && !SEPARATOR.test(haystack[j + 1]!)) {
      j++;
    } else if (k === compact.length - 1 && compact[k] === 'y' && haystack.startsWith('ies', j)) {
      return boundaryAfter(haystack, j + 3);
    } else return -1;
  }
  if (boundaryAfter(haystack, j) >= 0 || !WORD_CHAR.test(compact.at(-1)!)) return j;
  // Plurals of words of three letters or more ("a" + "s" is not a plural of "a").
  if (compact.length < 3) return -1;
  for (const ending of ['s', 'es']) {
    if (haystack.startsWith(ending, j) && boundaryAfter(haystack, j + ending.length) >= 0)
      return j + ending.length;
  }
  return -1;
}

/** `end` when a word ends there, else -1. */
function boundaryAfter(haystack: string, end: number): number {
  return end >= haystack.length || !WORD_CHAR.test(haystack[end]!) ? end : -1;
}

/**
 * One mention per entity and span: a phrase that is a synonym of several values of the same list gives one
 * mention whose value is every canonical value, in declaration order (as LUIS resolves list entities).
 */
function mergeSameSpan(matches: EntityMatch[]): EntityMatch[] {
  const merged = new Map<string, EntityMatch & {value: string[]}>();
  for (const m of matches) {
    const key = `${m.entity}\u0000${m.start}\u0000${m.end}`;
    const existing = merged.get(key);
    if (!existing) merged.set(key, {...m, value: [m.value as string]});
    else if (!existing.value.includes(m.value as string)) existing.value.push(m.value as string);
  }
  return [...merged.values()];
}
