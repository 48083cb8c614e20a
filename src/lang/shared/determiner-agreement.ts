/**
 * Gender and number agreement of the determiner just before a filled slot, for languages whose determiners
 * agree with their noun (Spanish, Portuguese): a template says "quiero reservar una {habitación}" once and the
 * value decides ("un apartamento", "una suite", "unas habitaciones dobles"). Contracted forms are classes too
 * (del / de la / de los / de las, do / da / dos / das).
 */
import {applyEdits, type TextEdit} from '../../generate/variation/edit.js';
import {matchCase} from '../../generate/variation/tokens.js';
import type {AnnotatedText} from '../../generate/variation/types.js';

/** 0 masculine singular, 1 feminine singular, 2 masculine plural, 3 feminine plural. */
export type AgreementForm = 0 | 1 | 2 | 3;

export interface DeterminerRules {
  /** Each determiner's four forms, in AgreementForm order. */
  classes: ReadonlyArray<readonly [string, string, string, string]>;
  /** The form a noun takes, or undefined when the word is not a noun the rules can tell. */
  formOf(word: string): AgreementForm | undefined;
  /** Written before the determiner, it is not one ("vou a" + place: the preposition, not the article). */
  notDeterminerAfter?: RegExp;
}

export function determinerAgreement(rules: DeterminerRules): (input: AnnotatedText) => AnnotatedText {
  const classOf = new Map<string, readonly [string, string, string, string]>();
  for (const forms of rules.classes)
    for (const form of forms) if (!classOf.has(form)) classOf.set(form, forms);
  const alternatives = [...classOf.keys()]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.replace(/ /g, '\\s+'));
  const before = new RegExp(`(?:^|\\s)(${alternatives.join('|')})\\s+$`, 'iu');
  const longest = Math.max(...[...classOf.keys()].map((f) => f.length)) + 3;
  const memo = new Map<string, AgreementForm | undefined>();
  const formOf = (word: string): AgreementForm | undefined => {
    if (!memo.has(word)) memo.set(word, rules.formOf(word));
    return memo.get(word);
  };
  return (input) => {
    if (input.entities.length === 0) return input;
    let edits: TextEdit[] | undefined;
    for (const span of input.entities) {
      const window = input.text.slice(Math.max(0, span.start - longest), span.start);
      const match = before.exec(window);
      if (!match) continue;
      const written = match[1]!;
      const start = span.start - window.length + match.index + match[0].indexOf(written);
      if (rules.notDeterminerAfter?.test(input.text.slice(0, start))) continue;
      // Only a common noun decides: a name, a number or a capitalised value keeps what the template wrote.
      const word = /^\p{Ll}+/u.exec(input.text.slice(span.start, span.end))?.[0];
      if (!word) continue;
      const form = formOf(word);
      const forms = classOf.get(written.toLowerCase().replace(/\s+/g, ' '));
      if (form === undefined || !forms) continue;
      const wanted = forms[form];
      if (wanted === written.toLowerCase().replace(/\s+/g, ' ')) continue;
      (edits ??= []).push({start, end: start + written.length, replacement: matchCase(written, wanted)});
    }
    return edits ? (applyEdits(input, edits) ?? input) : input;
  };
}
