/**
 * Seed-value variation: the values a spec's seeds fill into the same slot (order numbers, people's names,
 * account plans) are interchangeable, so generated utterances draw them evenly from everything the seeds
 * of every intent wrote there. With ten seeds an intent holds a few values by chance ("#12588" three times in
 * one intent, once in its neighbour); a classifier trained on them learns the value instead of the request,
 * and real queries with that value go to the wrong intent. Which strings are values is the language pack's
 * call (LanguagePack.seedValues); this module only finds and swaps them.
 *
 * Measured (bench/quality-real.bench.ts, default settings, 10 seeds and 50 utterances per intent, val, draws
 * 0/1/2): Bitext +0.43 / +1.18 / +1.12 -> +1.80 / +3.73 / +3.35 points over seeds alone. Most held-out errors
 * there were close intents told apart by the values the seeds happened to hold (get_invoice / check_invoice,
 * delete_account / create_account). Taking every number of 3+ digits as a value: +1.68 / +3.79 / +2.92.
 * Applied afterwards to the same generated sets: swapping in family variants alone +1.93 / +3.35 / +1.80,
 * numbers only (no names) with the fill +1.61 mean, names grouped by word count as well as context +1.88 mean.
 * CLINC150 (crowd-written, few values) keeps no family in auto-mix on most draws; value copies of its seeds
 * there cost 0.13 points (draw 0), hence no copies where no family runs.
 */
import type {Rng} from './rng.js';
import {applyEdits, editTouchesEntity, type TextEdit} from './variation/edit.js';
import type {SlotValue, ValueClass} from './variation/seed-value-types.js';
import type {AnnotatedText} from './variation/types.js';

/** A whitespace-separated token without its trailing punctuation, with its offsets. */
export interface ValueToken {
  text: string;
  lower: string;
  start: number;
  end: number;
}

export type {SeedValueFinder, SlotValue, ValueClass} from './variation/seed-value-types.js';

/** Short capitalised abbreviations keep their full stop (Mr., Dr., St.): it is part of the name. */
const ABBREVIATION = /^\p{Lu}\p{Ll}{0,2}\.$/u;

/** Whitespace-separated tokens, trailing punctuation left out of each (the full stop of "Mr." kept). */
export function valueTokens(text: string): ValueToken[] {
  const tokens: ValueToken[] = [];
  for (const match of text.matchAll(/\S+/g)) {
    let raw = match[0].replace(/[?!,;:"')\]]+$/u, '');
    if (!ABBREVIATION.test(raw)) raw = raw.replace(/\.+$/, '');
    if (!raw) continue;
    tokens.push({text: raw, lower: raw.toLowerCase(), start: match.index, end: match.index + raw.length});
  }
  return tokens;
}

interface Occurrence {
  start: number;
  end: number;
  valueClass: ValueClass;
  value: SlotValue;
}

/** Every non-overlapping occurrence of a known value in its slot, left to right. */
function occurrences(tokens: readonly ValueToken[], classes: readonly ValueClass[]): Occurrence[] {
  const found: Occurrence[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let match: Occurrence | undefined;
    let length = 0;
    for (const valueClass of classes)
      for (const value of valueClass.values) {
        const n = value.tokens.length;
        if (n <= length || i + n > tokens.length) continue;
        if (!value.tokens.every((t, k) => tokens[i + k]!.lower === t)) continue;
        const context = valueClass.context;
        if (context) {
          const neighbour = context.side === 'before' ? tokens[i - 1] : tokens[i + n];
          if (neighbour?.lower !== context.word) continue;
        }
        match = {start: tokens[i]!.start, end: tokens[i + n - 1]!.end, valueClass, value};
        length = n;
      }
    if (match) {
      found.push(match);
      i += length - 1;
    }
  }
  return found;
}

/** Whether the text holds a known value outside its entities (one swapSeedValues can change). */
export function holdsSeedValue(input: AnnotatedText, classes: readonly ValueClass[]): boolean {
  return occurrences(valueTokens(input.text), classes).some(
    ({start, end, valueClass}) =>
      valueClass.values.length >= 2 && !editTouchesEntity(input.entities, start, end),
  );
}

/**
 * The text with each known value replaced by one drawn from its slot (uniformly; with `mustChange`, never the
 * value it replaces), or undefined when it holds no value outside an entity.
 */
export function swapSeedValues(
  input: AnnotatedText,
  classes: readonly ValueClass[],
  rng: Rng,
  mustChange = false,
): AnnotatedText | undefined {
  if (classes.length === 0) return undefined;
  const edits: TextEdit[] = [];
  for (const {start, end, valueClass, value} of occurrences(valueTokens(input.text), classes)) {
    if (editTouchesEntity(input.entities, start, end)) continue;
    const choices = mustChange ? valueClass.values.filter((v) => v !== value) : valueClass.values;
    edits.push({start, end, replacement: rng.pick(choices).surface});
  }
  return edits.length > 0 ? applyEdits(input, edits) : undefined;
}
