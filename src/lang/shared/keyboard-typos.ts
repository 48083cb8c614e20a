/**
 * Z noise for any language pack: one slip per variant, never inside an entity, made on the language's own
 * keyboard (a neighbouring key on QWERTZ, AZERTY...), plus the accents and umlauts people leave out when they
 * type fast (ä -> ae, é -> e). Each slip changes one or two characters of one word, or drops the final
 * punctuation or the capital of the first letter. The English pack keeps its own QWERTY family.
 */
import {applyEdits, type TextEdit} from '../../generate/variation/edit.js';
import {wordTokens} from '../../generate/variation/tokens.js';
import type {Rng} from '../../generate/rng.js';
import type {AnnotatedText, VariationFamily} from '../../generate/variation/types.js';

/**
 * Keys physically next to each key, from the keyboard's letter rows (each row offset by half a key from the
 * one above, as on a real keyboard): keyboardNeighbours(['qwertzuiopü', 'asdfghjklöä', 'yxcvbnm']).
 */
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

export interface KeyboardTypoOptions {
  /** The keyboard's letter rows, top to bottom. */
  rows: readonly string[];
  /** How people type a letter they skip the accent or umlaut of: {ä: ['ae', 'a'], é: ['e']}. */
  accentFolds: Readonly<Record<string, readonly string[]>>;
}

type Slip = (input: AnnotatedText, rng: Rng) => TextEdit | undefined;

/** A letter in a word of at least `minLength` letters outside entities: typists rarely miss the first one. */
function letterPosition(
  input: AnnotatedText,
  rng: Rng,
  minLength: number,
): {word: string; start: number; i: number} | undefined {
  const words = wordTokens(input).filter(
    (t) => !t.inEntity && t.text.length >= minLength && /^\p{L}+$/u.test(t.text),
  );
  if (words.length === 0) return undefined;
  const word = rng.pick(words);
  return {word: word.text, start: word.start, i: 1 + rng.int(word.text.length - 1)};
}

/** A letter typed as a key next to it. */
function substituteSlip(neighbours: Readonly<Record<string, string>>): Slip {
  return (input, rng) => {
    const at = letterPosition(input, rng, 3);
    const keys = at && neighbours[at.word[at.i]!.toLowerCase()];
    return at && keys
      ? {start: at.start + at.i, end: at.start + at.i + 1, replacement: rng.pick([...keys])}
      : undefined;
  };
}

/** A key next to a letter hit as well. */
function insertNeighbourSlip(neighbours: Readonly<Record<string, string>>): Slip {
  return (input, rng) => {
    const at = letterPosition(input, rng, 3);
    const keys = at && neighbours[at.word[at.i]!.toLowerCase()];
    return at && keys
      ? {start: at.start + at.i, end: at.start + at.i, replacement: rng.pick([...keys])}
      : undefined;
  };
}

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

/** An accent or umlaut left out: the way people type without the key (every one in the word, as they do). */
function dropAccentSlip(folds: Readonly<Record<string, readonly string[]>>): Slip {
  const foldable = new RegExp(`[${Object.keys(folds).join('')}]`, 'giu');
  const hasFoldable = new RegExp(`[${Object.keys(folds).join('')}]`, 'iu');
  return (input, rng) => {
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
}

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
  const end = /\s?[?.!]$/.exec(input.text);
  return end ? {start: end.index, end: input.text.length, replacement: ''} : undefined;
};

const casing: Slip = (input) => {
  const first = input.text.charAt(0);
  return first === first.toLowerCase() ? undefined : {start: 0, end: 1, replacement: first.toLowerCase()};
};

/** The Z family of a pack, on its keyboard and with its accent folds: one slip, by these weights. */
export function keyboardTypoFamily(options: KeyboardTypoOptions): VariationFamily {
  const neighbours = keyboardNeighbours(options.rows);
  const slips: Array<[Slip, number]> = [
    [substituteSlip(neighbours), 4],
    [dropAccentSlip(options.accentFolds), 4],
    [drop, 3],
    [transpose, 3],
    [double, 2],
    [insertNeighbourSlip(neighbours), 2],
    [missingSpace, 1],
    [punctuation, 1],
    [casing, 1],
  ];
  return {
    tag: 'Z',
    name: 'noise',
    aliases: ['typos'],
    apply(input, context) {
      const {rng} = context;
      for (let attempt = 0; attempt < 6; attempt++) {
        const [slip] = rng.pickWeighted(slips, ([, weight]) => weight);
        const edit = slip(input, rng);
        if (!edit) continue;
        const result = applyEdits(input, [edit]);
        if (result && result.text !== input.text) return result;
      }
      return undefined;
    },
  };
}
