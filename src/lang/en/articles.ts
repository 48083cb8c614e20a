/**
 * "a" or "an" before a filled slot: a template says "how much is a {procedure}" once, and the value decides the
 * article ("an extraction", "a filling"). Blind readers rejected "a extraction" and "an filling" (issue 27: 20 of
 * 370 lines of a dentist spec). The sound, not the letter, decides ("an hour", "a university", "an MRI"):
 * `indefinite` knows those exceptions and acronyms, so no word list is kept here.
 */
import {createRequire} from 'node:module';
import type {AnnotatedText} from '../../generate/variation/types.js';
import {applyEdits, type TextEdit} from '../../generate/variation/edit.js';

type Indefinite = (word: string, options: {articleOnly: true}) => 'a' | 'an';
// A CommonJS package without types; loaded once, when the English pack is.
const indefinite = createRequire(import.meta.url)('indefinite') as Indefinite;

/** The article just before a span: "a " or "an " (any case) after a start or a space. */
const ARTICLE_BEFORE = /(?:^|\s)(a|an)\s+$/i;
/** How far back an article can start before a span ("an" and one space, plus the space before it). */
const LOOKBEHIND = 8;

const memo = new Map<string, 'a' | 'an'>();

export function articleFor(word: string): 'a' | 'an' {
  let article = memo.get(word);
  if (article === undefined) {
    article = indefinite(word, {articleOnly: true});
    if (memo.size < 10_000) memo.set(word, article);
  }
  return article;
}

/** Same case as the article written: "A" → "An", "AN" → "A"... */
function inCaseOf(written: string, article: 'a' | 'an'): string {
  if (written === written.toLowerCase()) return article;
  if (written.length > 1 && written === written.toUpperCase()) return article.toUpperCase();
  return article[0]!.toUpperCase() + article.slice(1);
}

/** The text with every "a"/"an" just before an entity span agreeing with the span's first word. */
export function agreeArticles(input: AnnotatedText): AnnotatedText {
  if (input.entities.length === 0) return input;
  let edits: TextEdit[] | undefined;
  for (const span of input.entities) {
    const before = input.text.slice(Math.max(0, span.start - LOOKBEHIND), span.start);
    const match = ARTICLE_BEFORE.exec(before);
    if (!match) continue;
    const word = /^[\p{L}\p{N}][\p{L}\p{N}'-]*/u.exec(input.text.slice(span.start, span.end))?.[0];
    if (!word) continue;
    const written = match[1]!;
    const wanted = articleFor(word);
    if (written.toLowerCase() === wanted) continue;
    const start = span.start - before.length + match.index + match[0].length - match[0].trimStart().length;
    (edits ??= []).push({start, end: start + written.length, replacement: inCaseOf(written, wanted)});
  }
  return edits ? (applyEdits(input, edits) ?? input) : input;
}
