/**
 * Word tokens with their offsets, so families can choose words and edit them through applyEdits. A token that
 * overlaps an entity is marked, and families leave such tokens alone.
 */
import type {EntitySpan} from '../../model/dataset.js';
import type {AnnotatedText} from './types.js';

export interface WordToken {
  readonly text: string;
  /** Lower-cased text, for dictionary lookups. */
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  readonly inEntity: boolean;
}

// Letters, digits, apostrophes inside words (don't, o'clock) and inner hyphens (e-mail).
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/**
 * The words of input.text, or with `length` of its first `length` characters only: the tokens of
 * input.text.slice(0, length), without building that slice (a word cut by the end is cut there too).
 */
export function wordTokens(input: AnnotatedText, length = input.text.length): readonly WordToken[] {
  const {text, entities} = input;
  if (
    input === last.input &&
    text === last.text &&
    entities === last.entities &&
    entities.length === last.entityCount &&
    length === last.length
  )
    return last.tokens;
  const tokens = scanTokens(text, entities, length);
  last.input = input;
  last.text = text;
  last.entities = entities;
  last.entityCount = entities.length;
  last.length = length;
  last.tokens = tokens;
  return tokens;
}

/**
 * wordTokens(input, end), from the whole text's tokens when no word runs past `end`: those are usually
 * tokenised anyway (by the family that asked for a clause analysis, or the next one), and then shared.
 */
export function wordTokensBefore(input: AnnotatedText, end: number): readonly WordToken[] {
  const all = wordTokens(input);
  let count = all.length;
  while (count > 0 && all[count - 1]!.start >= end) count--;
  // A word cut by the end is cut there: tokenise the cut text itself.
  if (count > 0 && all[count - 1]!.end > end) return wordTokens(input, end);
  return count === all.length ? all : all.slice(0, count);
}

/**
 * The last input tokenised, and its tokens: one input is often tokenised several times in a row (the clause
 * analysis then the family that asked for it, the noise family's slips, the morphological variants). The
 * tokens are shared, hence read-only.
 */
const last: {
  input: AnnotatedText | undefined;
  text: string;
  entities: readonly EntitySpan[];
  entityCount: number;
  length: number;
  tokens: readonly WordToken[];
} = {input: undefined, text: '', entities: [], entityCount: 0, length: 0, tokens: []};

function scanTokens(text: string, entities: readonly EntitySpan[], length: number): WordToken[] {
  const tokens: WordToken[] = [];
  // Printable ASCII (the common case): the same tokens as WORD, scanned by character code. There \p{L} and
  // \p{N} are exactly A-Z, a-z and 0-9, and the only joiners are ' and -. Every character outside words
  // passes the check below, so a text with any other character is tokenised by WORD instead.
  let i = 0;
  while (i < length) {
    let code = text.charCodeAt(i);
    if (!isAsciiAlphanumeric(code)) {
      if (code < FIRST_PRINTABLE || code > LAST_PRINTABLE)
        return regexTokens(length === text.length ? text : text.slice(0, length), entities);
      i++;
      continue;
    }
    const start = i;
    // Whether the word has a capital: without one it is its own lower case (toLowerCase copies it anyway).
    let upper = false;
    // Runs of letters and digits, joined by ' or - between two of them.
    for (;;) {
      while (i < length && isAsciiAlphanumeric((code = text.charCodeAt(i)))) {
        if (code <= 90 && code >= 65) upper = true;
        i++;
      }
      // Past `length` there is no next character, as in the slice.
      if (i + 1 >= length) break;
      const joiner = text.charCodeAt(i);
      if ((joiner !== APOSTROPHE && joiner !== HYPHEN) || !isAsciiAlphanumeric(text.charCodeAt(i + 1))) break;
      i += 1;
    }
    const word = text.slice(start, i);
    push(tokens, entities, word, upper ? word.toLowerCase() : word, start);
  }
  return tokens;
}

function regexTokens(text: string, entities: readonly EntitySpan[]): WordToken[] {
  const tokens: WordToken[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match; match = WORD.exec(text))
    push(tokens, entities, match[0], match[0].toLowerCase(), match.index);
  return tokens;
}

const FIRST_PRINTABLE = 0x20;
const LAST_PRINTABLE = 0x7e;
const APOSTROPHE = 39;
const HYPHEN = 45;

/** A-Z, a-z, 0-9 (NaN past the end is none of them). */
function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

function push(
  tokens: WordToken[],
  entities: readonly EntitySpan[],
  text: string,
  lower: string,
  start: number,
): void {
  const end = start + text.length;
  let inEntity = false;
  for (const span of entities)
    if (start < span.end && end > span.start) {
      inEntity = true;
      break;
    }
  tokens.push({text, lower, start, end, inEntity});
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
