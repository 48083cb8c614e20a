/**
 * Spanish determiners agreeing with a slot value: gender and plural from RosaeNLG's spanish-words (its
 * exception lists and rules: "la mano", "el día", "la habitación"), so no noun table is kept here.
 */
import {getGenderSpanishWord, getPluralSpanishWord} from 'spanish-words';
import {determinerAgreement, type AgreementForm} from '../shared/determiner-agreement.js';

const STRESSED = {a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú'} as const;

/** The singular a plural comes from (mesas -> mesa, habitaciones -> habitación), or undefined for a singular. */
function singularOf(word: string): string | undefined {
  // mes -> meses, autobús -> autobuses: a singular in -s has a plural of its own.
  if (!word.endsWith('s') || getPluralSpanishWord(null, word) !== word) return undefined;
  const stem = word.slice(0, -2);
  // -ión, -ón, -án, -és... lose their written accent in the plural.
  const accented = stem.replace(
    /([aeiou])([ns])$/,
    (_, vowel: keyof typeof STRESSED, end: string) => STRESSED[vowel] + end,
  );
  const candidates = [
    ...(accented !== stem && word.endsWith('es') ? [accented] : []),
    ...(/[lnrdzjy]$/.test(stem) && word.endsWith('es') ? [stem] : []),
    word.slice(0, -1),
  ];
  return (
    candidates.find((candidate) => candidate.length > 1 && getPluralSpanishWord(null, candidate) === word) ??
    word
  );
}

/**
 * Endings whose gender spanish-words tells reliably (its rules and exception lists); others ("clase", "suite",
 * "calle") are left as the template wrote them, since a wrong change is worse than none.
 */
const TELLING_ENDING = /(?:o|a|ión|dad|tad|tud|umbre|aje|or|ista)$/;

export function spanishNounForm(word: string): AgreementForm | undefined {
  const singular = singularOf(word);
  if (!TELLING_ENDING.test(singular ?? word)) return undefined;
  const gender = getGenderSpanishWord(null, singular ?? word);
  if (gender !== 'M' && gender !== 'F') return undefined;
  return ((gender === 'F' ? 1 : 0) + (singular ? 2 : 0)) as AgreementForm;
}

export const agreeSpanishDeterminers = determinerAgreement({
  classes: [
    ['el', 'la', 'los', 'las'],
    ['del', 'de la', 'de los', 'de las'],
    ['al', 'a la', 'a los', 'a las'],
    ['un', 'una', 'unos', 'unas'],
    ['este', 'esta', 'estos', 'estas'],
    ['ese', 'esa', 'esos', 'esas'],
    ['aquel', 'aquella', 'aquellos', 'aquellas'],
    ['mi', 'mi', 'mis', 'mis'],
    ['tu', 'tu', 'tus', 'tus'],
    ['su', 'su', 'sus', 'sus'],
    ['nuestro', 'nuestra', 'nuestros', 'nuestras'],
    ['otro', 'otra', 'otros', 'otras'],
  ],
  formOf: spanishNounForm,
});
