/**
 * English verb inflection by rule, for verbs the lexicon's table does not list (at build time, verbs the data
 * does not list; at run time, verbs outside the table). Regular forms only: guessing an irregular past from the
 * spelling (snow -> "snew") is worse than the regular one.
 */

/** One syllable ending consonant-vowel-consonant (not w, x or y): stab, plan, but not snow, fix, play, quote. */
const SHORT_CVC = /^[^aeiou]*(qu)?[aeiou][^aeiouwxy]$/;

/** The gerund by rule. */
export function regularGerund(verb: string): string {
  if (verb.length <= 2) return `${verb}ing`; // be, go, do
  if (verb.endsWith('ie')) return `${verb.slice(0, -2)}ying`; // die -> dying
  if (/(ee|ye|oe)$/.test(verb)) return `${verb}ing`; // see -> seeing, dye -> dyeing, hoe -> hoeing
  if (verb.endsWith('e')) return `${verb.slice(0, -1)}ing`; // make -> making, argue -> arguing
  if (SHORT_CVC.test(verb)) return `${verb}${verb.at(-1)}ing`;
  return `${verb}ing`;
}

/** The past tense of a regular verb by rule. */
export function regularPast(verb: string): string {
  if (verb.endsWith('e')) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  if (SHORT_CVC.test(verb)) return `${verb}${verb.at(-1)}ed`;
  return `${verb}ed`;
}

/** The third person singular present by rule (start -> starts, fix -> fixes, try -> tries, have -> has). */
export function thirdPersonSingular(verb: string): string {
  if (verb === 'have') return 'has';
  if (verb === 'be') return 'is';
  if (/(s|sh|ch|x|z|o)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}
