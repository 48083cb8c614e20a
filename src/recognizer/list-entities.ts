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
          const key = phrase[0]!;
          let list = this.byFirstChar.get(key);
          if (!list) this.byFirstChar.set(key, (list = []));
          list.push({entity: entity.name, canonical: value.value, phrase});
        }
      }
    }
    for (const list of this.byFirstChar.values()) list.sort((a, b) => b.phrase.length - a.phrase.length);
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
      let matchedLength = 0;
      for (const candidate of candidates ?? []) {
        if (matchedLength > 0 && candidate.phrase.length < matchedLength) break;
        const end = i + candidate.phrase.length;
        if (end > haystack.length) continue;
        const slice = haystack.slice(i, end);
        if (slice !== candidate.phrase && slice.toLowerCase() !== candidate.phrase) continue;
        if (
          end < haystack.length &&
          WORD_CHAR.test(haystack[end]!) &&
          WORD_CHAR.test(candidate.phrase.at(-1)!)
        )
          continue;
        matchedLength = candidate.phrase.length;
        matches.push({
          entity: candidate.entity,
          start: i,
          end,
          text: text.slice(i, end),
          value: candidate.canonical,
          kind: 'list',
        });
      }
      i += matchedLength > 0 ? matchedLength : 1;
    }
    return mergeSameSpan(matches);
  }
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
