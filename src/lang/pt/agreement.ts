/**
 * Portuguese determiners agreeing with a slot value. RosaeNLG has no Portuguese noun package, so gender comes
 * from the endings that tell it (-o, -a, -ção, -dade, -gem...) with a tiny list of the common exceptions, and
 * any other noun is left as the template wrote it.
 */
import {determinerAgreement, type AgreementForm} from '../shared/determiner-agreement.js';

/** Nouns in -a that are masculine and in -o that are feminine (the common ones). */
const MASCULINE_A = new Set(
  'dia mapa problema sistema programa tema clima idioma planeta telefonema cinema'.split(' '),
);
const FEMININE_O = new Set('foto moto tribo libido'.split(' '));
/** Singular nouns ending in -s. */
const SINGULAR_S = /(?:[áéíóúê]s|^(?:ônibus|lápis|vírus|tênis|pires|atlas|óculos))$/;

function singularOf(word: string): string | undefined {
  if (!word.endsWith('s') || SINGULAR_S.test(word)) return undefined;
  if (word.endsWith('ões') || word.endsWith('ães')) return `${word.slice(0, -3)}ão`;
  if (word.endsWith('ns')) return `${word.slice(0, -2)}m`;
  if (/[rz]es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

function feminine(singular: string): boolean | undefined {
  if (MASCULINE_A.has(singular) || singular === 'mão') return !MASCULINE_A.has(singular);
  if (FEMININE_O.has(singular)) return true;
  if (/(?:ção|são|dade|tude|gem|agem)$/.test(singular)) return true;
  if (/a$/.test(singular)) return true;
  if (/(?:o|ão|or|ema)$/.test(singular)) return false;
  return undefined;
}

export function portugueseNounForm(word: string): AgreementForm | undefined {
  const singular = singularOf(word);
  const isFeminine = feminine(singular ?? word);
  if (isFeminine === undefined) return undefined;
  return ((isFeminine ? 1 : 0) + (singular ? 2 : 0)) as AgreementForm;
}

export const agreePortugueseDeterminers = determinerAgreement({
  classes: [
    ['o', 'a', 'os', 'as'],
    ['um', 'uma', 'uns', 'umas'],
    ['do', 'da', 'dos', 'das'],
    ['no', 'na', 'nos', 'nas'],
    ['ao', 'à', 'aos', 'às'],
    ['pelo', 'pela', 'pelos', 'pelas'],
    ['num', 'numa', 'nuns', 'numas'],
    ['meu', 'minha', 'meus', 'minhas'],
    ['teu', 'tua', 'teus', 'tuas'],
    ['seu', 'sua', 'seus', 'suas'],
    ['nosso', 'nossa', 'nossos', 'nossas'],
    ['este', 'esta', 'estes', 'estas'],
    ['esse', 'essa', 'esses', 'essas'],
    ['aquele', 'aquela', 'aqueles', 'aquelas'],
    ['outro', 'outra', 'outros', 'outras'],
  ],
  formOf: portugueseNounForm,
  // "vou a Lisboa", "até a praia": after a verb of motion "a" is the preposition as often as the article.
  notDeterminerAfter: /(?:^|\s)(?:vou|vai|vamos|ir|chegar|chego|voltar|volto|até|levar|levo)\s+$/i,
});
