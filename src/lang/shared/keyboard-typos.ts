/**
 * Z noise for any language pack: one slip per variant, never inside an entity, made on the language's own
 * keyboard (a neighbouring key on QWERTZ, AZERTY...), plus the accents and umlauts people leave out when they
 * type fast (ä -> ae, é -> e). Each slip changes one or two characters of one word, or drops the final
 * punctuation or the capital of the first letter. The English pack keeps its own QWERTY family.
 */
import {wordTokens} from '../../generate/variation/tokens.js';
import type {VariationFamily} from '../../generate/variation/types.js';
import {applySlip, keyboardNeighbours, keyboardSlips, type Slip} from './keyboard-noise.js';

export interface KeyboardTypoOptions {
  /** The keyboard's letter rows, top to bottom. */
  rows: readonly string[];
  /** How people type a letter they skip the accent or umlaut of: {ä: ['ae', 'a'], é: ['e']}. */
  accentFolds: Readonly<Record<string, readonly string[]>>;
}

/** The Z family of a pack, on its keyboard and with its accent folds. */
export function keyboardTypoFamily(options: KeyboardTypoOptions): VariationFamily {
  const neighbours = keyboardNeighbours(options.rows);
  const folds = options.accentFolds;
  const foldable = new RegExp(`[${Object.keys(folds).join('')}]`, 'giu');
  const hasFoldable = new RegExp(`[${Object.keys(folds).join('')}]`, 'iu');

  const {substitute, insertNeighbour, drop, double, transpose, missingSpace, punctuation, casing} =
    keyboardSlips(neighbours, /^\p{L}+$/u, /\s?[?.!]$/);
  /** An accent or umlaut left out: the way people type without the key (every one in the word, as they do). */
  const dropAccent: Slip = (input, rng) => {
    const words = wordTokens(input).filter((t) => !t.inEntity && hasFoldable.test(t.text));
    if (words.length === 0) return undefined;
    const word = rng.pick(words);
    const replacement = word.text.replace(foldable, (letter) => {
      const forms = folds[letter.toLowerCase()] ?? [letter];
      const form = forms[0]!;
      return letter === letter.toLowerCase() ? form : form.charAt(0).toUpperCase() + form.slice(1);
    });
    foldable.lastIndex = 0;
    return {start: word.start, end: word.end, replacement};
  };
  const slips: Array<[Slip, number]> = [
    [substitute, 4],
    [dropAccent, 4],
    [drop, 3],
    [transpose, 3],
    [double, 2],
    [insertNeighbour, 2],
    [missingSpace, 1],
    [punctuation, 1],
    [casing, 1],
  ];
  return {
    tag: 'Z',
    name: 'noise',
    aliases: ['typos'],
    apply: (input, context) => applySlip(input, context.rng, slips),
  };
}
