/**
 * Tokenisation shared by the checks. "The same utterance" is normalizeUtteranceText in model/dataset.ts, the one
 * definition the generator, the loaders and the checks share.
 */

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Word tokens (letters, digits, apostrophes inside words) with their UTF-16 offsets in the original text. */
export function wordTokens(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)) {
    tokens.push({text: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length});
  }
  return tokens;
}

/** True when the character at `index` is part of a word (so a span boundary there cuts a word in two). */
export function isWordChar(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  return /[\p{L}\p{N}]/u.test(text[index]!);
}

export function quoteList(items: readonly string[], limit = 3): string {
  const shown = items
    .slice(0, limit)
    .map((s) => `"${s}"`)
    .join(', ');
  return items.length > limit ? `${shown} and ${items.length - limit} more` : shown;
}
