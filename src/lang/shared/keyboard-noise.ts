/**
 * Z noise for any keyboard layout: one slip per variant, never inside an entity: a neighbouring key on the
 * language's keyboard, a dropped, doubled or swapped letter, a missing space, a dropped accent (á -> a,
 * ñ -> n, ç -> c: the commonest slip in Spanish and Portuguese chat), an unopened ¿, lost end punctuation or
 * capital. Each changes one word at most, so a spell checker finds at most one word it does not know.
 */
import {applyEdits, type TextEdit} from '../../generate/variation/edit.js';
import {wordTokens} from '../../generate/variation/tokens.js';
import type {AnnotatedText, VariationFamily} from '../../generate/variation/types.js';
import type {Rng} from '../../generate/rng.js';

export interface KeyboardLayout {
  /** The letter rows, top to bottom (Spanish QWERTY: qwertyuiop, asdfghjklñ, zxcvbnm). */
  rows: readonly string[];
  /** Accented letters and what people type instead (á -> a). */
  accents: Readonly<Record<string, string>>;
}

/** Keys next to each key (same row and the rows above and below, offset as on a real keyboard). */
export function keyboardNeighbours(rows: readonly string[]): Record<string, string> {
  const position = new Map<string, [number, number]>();
  rows.forEach((row, r) => [...row].forEach((key, c) => position.set(key, [r, c + r * 0.5])));
  const neighbours: Record<string, string> = {};
  for (const [key, [r, x]] of position) {
    neighbours[key] = [...position]
      .filter(([other, [r2, x2]]) => other !== key && Math.abs(r2 - r) <= 1 && Math.abs(x2 - x) <= 1)
      .map(([other]) => other)
      .join('');
  }
  return neighbours;
}

/** One slip: the edit it makes, or undefined when the text offers no place for it. */
export type Slip = (input: AnnotatedText, rng: Rng) => TextEdit | undefined;

/**
 * The slips of any keyboard: a neighbouring key typed instead or as well, a dropped, doubled or swapped letter
 * (in words whose letters all match `letters`), a missing space, lost end punctuation (`endPunctuation`: French
 * puts a space before ? and !, and it goes too) or capital.
 */
export function keyboardSlips(
  neighbours: Readonly<Record<string, string>>,
  letters: RegExp,
  endPunctuation = /[?.!]$/,
) {
  const letterPosition = (input: AnnotatedText, rng: Rng, minLength: number) => {
    const words = wordTokens(input).filter(
      (t) => !t.inEntity && t.text.length >= minLength && letters.test(t.text),
    );
    if (words.length === 0) return undefined;
    const word = rng.pick(words);
    // Typists rarely miss the first letter.
    return {word: word.text, start: word.start, i: 1 + rng.int(word.text.length - 1)};
  };
  const substitute: Slip = (input, rng) => {
    const at = letterPosition(input, rng, 3);
    if (!at) return undefined;
    const around = neighbours[at.word[at.i]!.toLowerCase()];
    if (!around) return undefined;
    return {start: at.start + at.i, end: at.start + at.i + 1, replacement: rng.pick([...around])};
  };
  const insertNeighbour: Slip = (input, rng) => {
    const at = letterPosition(input, rng, 3);
    const around = at && neighbours[at.word[at.i]!.toLowerCase()];
    if (!at || !around) return undefined;
    return {start: at.start + at.i, end: at.start + at.i, replacement: rng.pick([...around])};
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
    return {
      start: at.start + at.i,
      end: at.start + at.i + 2,
      replacement: at.word[at.i + 1]! + at.word[at.i]!,
    };
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
  const punctuation: Slip = (input) => {
    const end = endPunctuation.exec(input.text);
    return end ? {start: end.index, end: input.text.length, replacement: ''} : undefined;
  };
  const casing: Slip = (input) => {
    const first = input.text.charAt(0);
    if (first === first.toLowerCase()) return undefined;
    return {start: 0, end: 1, replacement: first.toLowerCase()};
  };
  return {substitute, insertNeighbour, drop, double, transpose, missingSpace, punctuation, casing};
}

/** Up to six tries of a slip drawn by weight; undefined when none applies. */
export function applySlip(
  input: AnnotatedText,
  rng: Rng,
  slips: ReadonlyArray<readonly [Slip, number]>,
): AnnotatedText | undefined {
  for (let attempt = 0; attempt < 6; attempt++) {
    const [slip] = rng.pickWeighted(slips, ([, weight]) => weight);
    const edit = slip(input, rng);
    if (!edit) continue;
    const result = applyEdits(input, [edit]);
    if (result && result.text !== input.text) return result;
  }
  return undefined;
}

export function keyboardNoise(layout: KeyboardLayout): VariationFamily {
  const letters = new RegExp(`^[${layout.rows.join('')}${Object.keys(layout.accents).join('')}]+$`, 'i');
  const accented = new RegExp(`[${Object.keys(layout.accents).join('')}]`, 'gi');
  const {substitute, insertNeighbour, drop, double, transpose, missingSpace, punctuation, casing} =
    keyboardSlips(keyboardNeighbours(layout.rows), letters);
  const dropAccent: Slip = (input, rng) => {
    const marks: number[] = [];
    accented.lastIndex = 0;
    for (let m = accented.exec(input.text); m; m = accented.exec(input.text)) marks.push(m.index);
    const free = marks.filter((at) => !input.entities.some((e) => at >= e.start && at < e.end));
    if (free.length === 0) return undefined;
    const at = rng.pick(free);
    const letter = input.text[at]!;
    const plain = layout.accents[letter.toLowerCase()]!;
    return {
      start: at,
      end: at + 1,
      replacement: letter === letter.toLowerCase() ? plain : plain.toUpperCase(),
    };
  };
  const unopened: Slip = (input) => {
    const at = input.text.search(/[¿¡]/);
    return at < 0 ? undefined : {start: at, end: at + 1, replacement: ''};
  };
  const slips: Array<[Slip, number]> = [
    [dropAccent, 4],
    [substitute, 3],
    [drop, 3],
    [transpose, 2],
    [double, 2],
    [insertNeighbour, 2],
    [missingSpace, 1],
    [unopened, 2],
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
