/**
 * Z noise: one realistic slip per variant, never inside an entity: a neighbouring key on a QWERTY keyboard,
 * a dropped, doubled or swapped letter, a missing space or apostrophe, lost punctuation or capitalisation.
 * Each changes one or two characters, like the misspellings in Bitext's Z rows (activaet, probems, shpi).
 */
import type {VariationFamily} from '../../../generate/variation/types.js';
import {applySlip, keyboardNeighbours, keyboardSlips, type Slip} from '../../shared/keyboard-noise.js';

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** Keys physically next to each key (same row and the rows above/below, offset as on a real keyboard). */
export const KEYBOARD_NEIGHBOURS: Record<string, string> = keyboardNeighbours(ROWS);

const {substitute, insertNeighbour, drop, double, transpose, missingSpace, punctuation, casing} =
  keyboardSlips(KEYBOARD_NEIGHBOURS, /^[a-z]+$/i);
const missingApostrophe: Slip = (input, rng) => {
  const marks = [...input.text.matchAll(/(?<=\p{L})['’](?=\p{L})/gu)].map((m) => m.index);
  if (marks.length === 0) return undefined;
  const at = rng.pick(marks);
  return {start: at, end: at + 1, replacement: ''};
};
/** Letter slips are the common case; punctuation and casing are the rest. */
const SLIPS: Array<[Slip, number]> = [
  [substitute, 4],
  [drop, 3],
  [transpose, 3],
  [double, 2],
  [insertNeighbour, 2],
  [missingSpace, 1],
  [missingApostrophe, 1],
  [punctuation, 1],
  [casing, 1],
];

export const noise: VariationFamily = {
  tag: 'Z',
  name: 'noise',
  aliases: ['typos'],
  apply: (input, context) => applySlip(input, context.rng, SLIPS),
};
