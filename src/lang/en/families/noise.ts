/**
 * Z noise: one realistic slip per variant, never inside an entity: a neighbouring key on a QWERTY keyboard,
 * a dropped, doubled or swapped letter, a missing space or apostrophe, lost punctuation or capitalisation.
 * Each changes one or two characters, like the misspellings in Bitext's Z rows (activaet, probems, shpi).
 */
import {applyEdits, type TextEdit} from '../../../generate/variation/edit.js';
import {wordTokens} from '../../../generate/variation/tokens.js';
import type {AnnotatedText, VariationFamily} from '../../../generate/variation/types.js';
import type {Rng} from '../../../generate/rng.js';

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** Keys physically next to each key (same row and the rows above/below, offset as on a real keyboard). */
export const KEYBOARD_NEIGHBOURS: Record<string, string> = (() => {
  const position = new Map<string, [number, number]>();
  ROWS.forEach((row, r) => [...row].forEach((key, c) => position.set(key, [r, c + r * 0.5])));
  const neighbours: Record<string, string> = {};
  for (const [key, [r, x]] of position) {
    neighbours[key] = [...position]
      .filter(([other, [r2, x2]]) => other !== key && Math.abs(r2 - r) <= 1 && Math.abs(x2 - x) <= 1)
      .map(([other]) => other)
      .join('');
  }
  return neighbours;
})();

type Slip = (input: AnnotatedText, rng: Rng) => TextEdit | undefined;

function letterPosition(
  input: AnnotatedText,
  rng: Rng,
  minLength: number,
): {word: string; start: number; i: number} | undefined {
  const words = wordTokens(input).filter(
    (t) => !t.inEntity && t.text.length >= minLength && /^[a-z]+$/i.test(t.text),
  );
  if (words.length === 0) return undefined;
  const word = rng.pick(words);
  // Typists rarely miss the first letter.
  const i = 1 + rng.int(word.text.length - 1);
  return {word: word.text, start: word.start, i};
}

const substitute: Slip = (input, rng) => {
  const at = letterPosition(input, rng, 3);
  if (!at) return undefined;
  const letter = at.word[at.i]!;
  const neighbours = KEYBOARD_NEIGHBOURS[letter.toLowerCase()];
  if (!neighbours) return undefined;
  return {start: at.start + at.i, end: at.start + at.i + 1, replacement: rng.pick([...neighbours])};
};
const insertNeighbour: Slip = (input, rng) => {
  const at = letterPosition(input, rng, 3);
  const neighbours = at && KEYBOARD_NEIGHBOURS[at.word[at.i]!.toLowerCase()];
  if (!at || !neighbours) return undefined;
  return {start: at.start + at.i, end: at.start + at.i, replacement: rng.pick([...neighbours])};
};
const drop: Slip = (input, rng) => {
  const at = letterPosition(input, rng, 4);
  return at && {start: at.start + at.i, end: at.start + at.i + 1, replacement: ''};
};
const double: Slip = (input, rng) => {
  const at = letterPosition(input, rng, 3);
  return at && {start: at.start + at.i, end: at.start + at.i, replacement: at.word[at.i]!};
};
const transpose: Slip = (input, rng) => {
  const at = letterPosition(input, rng, 4);
  if (!at || at.i >= at.word.length - 1 || at.word[at.i] === at.word[at.i + 1]) return undefined;
  return {start: at.start + at.i, end: at.start + at.i + 2, replacement: at.word[at.i + 1]! + at.word[at.i]!};
};
const missingSpace: Slip = (input, rng) => {
  const tokens = wordTokens(input);
  const gaps = tokens.slice(1).filter((t, k) => {
    const previous = tokens[k]!;
    return !t.inEntity && !previous.inEntity && input.text.slice(previous.end, t.start) === ' ';
  });
  if (gaps.length === 0) return undefined;
  const gap = rng.pick(gaps);
  return {start: gap.start - 1, end: gap.start, replacement: ''};
};
const missingApostrophe: Slip = (input, rng) => {
  const marks = [...input.text.matchAll(/(?<=\p{L})['’](?=\p{L})/gu)].map((m) => m.index);
  if (marks.length === 0) return undefined;
  const at = rng.pick(marks);
  return {start: at, end: at + 1, replacement: ''};
};
const punctuation: Slip = (input) => {
  const end = /[?.!]$/.exec(input.text);
  if (end) return {start: end.index, end: input.text.length, replacement: ''};
  return undefined;
};
const casing: Slip = (input) => {
  const first = input.text.charAt(0);
  if (first === first.toLowerCase()) return undefined;
  return {start: 0, end: 1, replacement: first.toLowerCase()};
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
  apply(input, context) {
    const {rng} = context;
    for (let attempt = 0; attempt < 6; attempt++) {
      const [slip] = rng.pickWeighted(SLIPS, ([, weight]) => weight);
      const edit = slip(input, rng);
      if (!edit) continue;
      const result = applyEdits(input, [edit]);
      if (result && result.text !== input.text) return result;
    }
    return undefined;
  },
};
