/**
 * Agreement around a slot value: the article or possessive right before an entity takes the gender of the
 * value's first word ("mon {cours}" filled with "leçon" -> "ma leçon", "le {lieu}" with "agence" -> "l'agence",
 * "un" -> "une"), from french-words-gender-lefff; then elision and contraction (de le -> du) everywhere.
 */
import {applyEdits, type TextEdit} from '../../generate/variation/edit.js';
import {matchCase} from '../../generate/variation/tokens.js';
import type {AnnotatedText} from '../../generate/variation/types.js';
import {elide, nounGender, takesElision} from './morphology.js';

/** Masculine / feminine forms of the determiners that change with gender; the elided form before a vowel. */
const DETERMINERS: ReadonlyArray<{m: string; f: string; beforeVowel: string}> = [
  {m: 'le', f: 'la', beforeVowel: "l'"},
  {m: 'un', f: 'une', beforeVowel: ''},
  {m: 'mon', f: 'ma', beforeVowel: 'mon'},
  {m: 'ton', f: 'ta', beforeVowel: 'ton'},
  {m: 'son', f: 'sa', beforeVowel: 'son'},
  {m: 'ce', f: 'cette', beforeVowel: ''},
  {m: 'du', f: 'de la', beforeVowel: "de l'"},
  {m: 'au', f: 'à la', beforeVowel: "à l'"},
];
const BY_FORM = new Map<string, (typeof DETERMINERS)[number]>();
for (const d of DETERMINERS) for (const form of [d.m, d.f, d.beforeVowel]) if (form) BY_FORM.set(form, d);

export function agreeArticles(input: AnnotatedText): AnnotatedText {
  const edits: TextEdit[] = [];
  for (const span of input.entities) {
    const value = input.text.slice(span.start, span.end);
    const head = /^[\p{L}-]+/u.exec(value)?.[0];
    if (!head) continue;
    const before = input.text.slice(0, span.start);
    // "de la ", "à la ", "l'", "mon ": the determiner that ends right before the value.
    const match = /(?:^|[\s'’])((?:de |à )?(?:l['’]|[\p{L}]+)) ?$/iu.exec(before);
    if (!match) continue;
    const written = match[1]!.replace('’', "'");
    const determiner = BY_FORM.get(written.toLowerCase());
    if (!determiner) continue;
    const gender = nounGender(head);
    if (!gender) continue;
    const vowel = takesElision(head);
    let form = gender === 'M' ? determiner.m : determiner.f;
    if (
      vowel &&
      determiner.beforeVowel &&
      (gender === 'F' || determiner.m === 'le' || determiner.m === 'du' || determiner.m === 'au')
    )
      form = determiner.beforeVowel;
    if (vowel && determiner.m === 'ce' && gender === 'M') form = 'cet';
    const start = before.length - (match[0].endsWith(' ') ? 1 : 0) - match[1]!.length;
    const elided = form.endsWith("'");
    const end = span.start;
    const replacement = matchCase(written, form) + (elided ? '' : ' ');
    if (input.text.slice(start, end) !== replacement) edits.push({start, end, replacement});
  }
  const agreed = (edits.length > 0 && applyEdits(input, edits)) || input;
  return elide(agreed);
}
