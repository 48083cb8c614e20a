/**
 * French word knowledge from RosaeNLG's packages: infinitives from french-verbs-lefff (loaded on first use, 6
 * MB of JSON), noun genders from french-words with french-words-gender-lefff, and whether a word takes elision
 * (h muet / h aspiré) from french-contractions. Elision and contraction rules themselves (je -> j', de le -> du)
 * are the grammar's, applied by elide() below.
 */
import {createRequire} from 'node:module';
import {contracts} from 'french-contractions';
import {getGender} from 'french-words';
import type {GenderList} from 'french-words-gender-lefff';
import {applyEdits, editTouchesEntity, type TextEdit} from '../../generate/variation/edit.js';
import type {AnnotatedText} from '../../generate/variation/types.js';

const require = createRequire(import.meta.url);

let verbs: Readonly<Record<string, unknown>> | undefined;
let genders: GenderList | undefined;

/** Whether a word is a French infinitive (annuler, s'inscrire's "inscrire", venir). */
export function isInfinitive(word: string): boolean {
  verbs ??= require('french-verbs-lefff/dist/conjugations.json') as Record<string, unknown>;
  return Object.hasOwn(verbs, word);
}

/** A noun's gender (M or F), undefined when the dictionary does not know it. */
export function nounGender(word: string): 'M' | 'F' | undefined {
  genders ??= require('french-words-gender-lefff/dist/words.json') as GenderList;
  try {
    const gender = getGender(null, genders, word.toLowerCase());
    return gender === 'M' || gender === 'F' ? gender : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a word takes elision before it (l'examen, d'hôtel) but not h aspiré (le haricot). */
export function takesElision(word: string): boolean {
  if (!/^[aeiouyàâäéèêëîïôöûüœh]/iu.test(word)) return false;
  // The h aspiré list has singulars: "haricots" is looked up as "haricot".
  const singular = /^h.*[sx]$/i.test(word) ? word.slice(0, -1) : word;
  return contracts(word, undefined) && contracts(singular, undefined);
}

/** Clitics and articles that elide before a vowel. */
const ELIDING = /(?<![\p{L}'’-])(je|me|te|se|le|la|ne|de|que|ce|si)\s+(?=([\p{L}]+))/giu;
const CONTRACTING = /(?<![\p{L}'’-])(de|à)\s+(le|les)\s+(?=([\p{L}'’-]+))/giu;

/**
 * French elision and contraction where a frame meets its core or a slot value meets its article: "je aimerais"
 * -> "j'aimerais", "de annuler" -> "d'annuler", "de le permis" -> "du permis", "à les cours" -> "aux cours" (but
 * "à le faire" keeps its clitic "le"). Entity text is never changed.
 */
export function elide(input: AnnotatedText): AnnotatedText {
  const edits: TextEdit[] = [];
  const add = (edit: TextEdit): void => {
    if (editTouchesEntity(input.entities, edit.start, edit.end)) return;
    if (edits.some((e) => e.start < edit.end && e.end > edit.start)) return;
    edits.push(edit);
  };
  CONTRACTING.lastIndex = 0;
  for (let m = CONTRACTING.exec(input.text); m; m = CONTRACTING.exec(input.text)) {
    const [whole, preposition, article, next] = m;
    if (article!.toLowerCase() === 'le' && takesElision(next!)) continue;
    if (isInfinitive(next!.toLowerCase())) continue;
    const form = {de: {le: 'du', les: 'des'}, à: {le: 'au', les: 'aux'}}[
      preposition!.toLowerCase() as 'de' | 'à'
    ];
    const replacement = form[article!.toLowerCase() as 'le' | 'les'];
    add({
      start: m.index,
      end: m.index + whole.length,
      replacement: `${preposition![0] === 'À' ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement} `,
    });
  }
  ELIDING.lastIndex = 0;
  for (let m = ELIDING.exec(input.text); m; m = ELIDING.exec(input.text)) {
    const [whole, word, next] = m;
    const lower = word!.toLowerCase();
    if (!takesElision(next!)) continue;
    if (lower === 'si' && !/^ils?$/i.test(next!)) continue;
    if (lower === 'ce' && !/^(?:est|était)$/i.test(next!)) continue;
    add({start: m.index, end: m.index + whole.length, replacement: `${word!.slice(0, -1)}'`});
  }
  return applyEdits(input, edits) ?? input;
}
