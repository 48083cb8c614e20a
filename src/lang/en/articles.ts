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

/** "a" or "an" (any case) ending a text, then any spaces: the article just before a span or a joint. */
const ARTICLE_BEFORE = /(a|an)(\s*)$/i;
/** The word a span or joint starts (after any spaces). */
const WORD_AFTER = /^(\s*)([\p{L}\p{N}][\p{L}\p{N}'-]*)/u;
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

/**
 * The text with every "a"/"an" agreeing with the word that follows it where they come from different pieces of
 * the template: just before an entity span ("a {procedure}"), or across a joint of the expansion (an alias, a
 * choice, an optional part: "can I get an <kind>" with "slot"). Both ways: "a apple" -> "an apple", "an slot"
 * -> "a slot". An article and a word the spec wrote together, in one piece of text, are left as written.
 * Returns the text without its joints (positions that an edit or a later family would make stale).
 */
export function agreeArticles(input: AnnotatedText): AnnotatedText {
  const {joints, ...annotated} = input;
  if (annotated.entities.length === 0 && !joints?.length) return joints ? annotated : input;
  const {text} = annotated;
  const edits = new Map<number, TextEdit>();
  const places = [...annotated.entities.map((span) => span.start), ...(joints ?? [])];
  for (const at of places) {
    const before = text.slice(Math.max(0, at - LOOKBEHIND), at);
    const match = ARTICLE_BEFORE.exec(before);
    if (!match) continue;
    const start = at - before.length + match.index;
    // A word of its own: at the start or after a space ("a" of "banana" is not an article).
    if (start > 0 && !/\s/.test(text[start - 1]!)) continue;
    const next = WORD_AFTER.exec(text.slice(at));
    // The article and the word are two words ("a" + "pple" of one word is not an article).
    if (!next || match[2]!.length + next[1]!.length === 0) continue;
    const written = match[1]!;
    const wanted = articleFor(next[2]!);
    if (written.toLowerCase() === wanted || edits.has(start)) continue;
    edits.set(start, {start, end: start + written.length, replacement: inCaseOf(written, wanted)});
  }
  return edits.size ? (applyEdits(annotated, [...edits.values()]) ?? annotated) : annotated;
}
