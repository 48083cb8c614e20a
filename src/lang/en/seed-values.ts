/**
 * Which strings of English seeds are slot values (src/generate/seed-values.ts): identifying numbers
 * ("#12588", an order number), grouped by their form, and capitalised words inside a sentence
 * ("Mr. Jones", "Platinum account"), grouped by the word beside them. English capitalises names and not
 * ordinary words, so a capital past the sentence start marks a name.
 */
import {valueTokens, type SlotValue, type ValueClass, type ValueToken} from '../../generate/seed-values.js';
import {FUNCTION_WORDS} from './families/style.js';

/**
 * A number that names something (order 113542617735902, invoice #12588): arbitrary, so any other does as
 * well. Shorter numbers are quantities, prices, years and times, whose value is part of the request (set an
 * alarm for 8:00, the 2019 taxes). With every number of three digits or more taken as a value, CLINC150 val
 * draw 1 (default settings) went from +0.07 to -0.07 points over seeds alone.
 */
const IDENTIFIER = /^(?:#\d{3,}|\d{5,})$/;

function isIdentifier(token: string): boolean {
  return IDENTIFIER.test(token);
}

/** A capitalised word (the pronoun I and all-capital acronyms are not names of a slot). */
const CAPITALISED = /^\p{Lu}\p{Ll}+\.?$/u;

export function englishSeedValues(texts: readonly string[]): ValueClass[] {
  const classes = new Map<string, {context?: ValueClass['context']; values: Map<string, SlotValue>}>();
  const add = (key: string, context: ValueClass['context'], tokens: readonly ValueToken[]): void => {
    const entry = classes.get(key) ?? {...(context ? {context} : {}), values: new Map<string, SlotValue>()};
    classes.set(key, entry);
    const lower = tokens.map((t) => t.lower);
    const id = lower.join(' ');
    if (!entry.values.has(id))
      entry.values.set(id, {tokens: lower, surface: tokens.map((t) => t.text).join(' ')});
  };
  for (const text of texts) {
    const tokens = valueTokens(text);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (isIdentifier(token.text)) {
        // The form with digits masked: an order number is not swapped for a price.
        add(`form:${token.text.replace(/\d+/g, '0')}`, undefined, [token]);
        continue;
      }
      if (i === 0 || !CAPITALISED.test(token.text) || /[.!?]$/.test(text.slice(0, token.start).trimEnd()))
        continue;
      let end = i + 1;
      while (
        end < tokens.length &&
        CAPITALISED.test(tokens[end]!.text) &&
        adjacent(text, tokens[end - 1]!, tokens[end]!)
      )
        end++;
      const next = tokens[end];
      // The slot is named by the content word after the value (Gold *account*), else by the word before it
      // (from *Mr. Jones*).
      const context: ValueClass['context'] =
        next &&
        adjacent(text, tokens[end - 1]!, next) &&
        !FUNCTION_WORDS.has(next.lower) &&
        /^\p{L}+$/u.test(next.lower)
          ? {side: 'after', word: next.lower}
          : {side: 'before', word: tokens[i - 1]!.lower};
      add(`${context.side}:${context.word}`, context, tokens.slice(i, end));
      i = end - 1;
    }
  }
  return [...classes.values()]
    .filter((c) => c.values.size >= 2)
    .map((c) => ({...(c.context ? {context: c.context} : {}), values: [...c.values.values()]}));
}

/** Two tokens with only spaces between them (no comma or full stop: "in Paris, Gold" is not one name). */
function adjacent(text: string, left: ValueToken, right: ValueToken): boolean {
  return /^ +$/.test(text.slice(left.end, right.start));
}
