/**
 * Word tokens with their offsets, so families can choose words and edit them through applyEdits. A token that
 * overlaps an entity is marked, and families leave such tokens alone.
 */
import type {AnnotatedText} from './types.js';

export interface WordToken {
  text: string;
  /** Lower-cased text, for dictionary lookups. */
  lower: string;
  start: number;
  end: number;
  inEntity: boolean;
}

// Letters, digits, apostrophes inside words (don't, o'clock) and inner hyphens (e-mail).
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function wordTokens(input: AnnotatedText): WordToken[] {
  const tokens: WordToken[] = [];
  for (const match of input.text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    const inEntity = input.entities.some((span) => start < span.end && end > span.start);
    tokens.push({text: match[0], lower: match[0].toLowerCase(), start, end, inEntity});
  }
  return tokens;
}

/** Keeps the case shape of the word being replaced (Cancel -> Call off, CANCEL -> CALL OFF). */
export function matchCase(original: string, replacement: string): string {
  if (original.length > 1 && original === original.toUpperCase() && /\p{L}/u.test(original)) {
    return replacement.toUpperCase();
  }
  const first = original[0] ?? '';
  if (first !== first.toLowerCase()) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}
