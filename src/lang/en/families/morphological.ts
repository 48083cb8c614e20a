/**
 * M morphological variation: inflection (gerunds, past tense of the wish verb, noun number) and derivation
 * (verb -> nominalisation from WordNet's derivational links: cancel my order -> cancellation of my order).
 */
import {firstChange} from '../../../generate/variation/choose.js';
import {applyEdits} from '../../../generate/variation/edit.js';
import {matchCase, wordTokens} from '../../../generate/variation/tokens.js';
import type {AnnotatedText, VariationContext, VariationFamily} from '../../../generate/variation/types.js';
import {analyzeClause, capitalizeFirst, rewrap} from '../clause.js';
import {conjugate, nominalizationOf, pluralOf, singularOf} from '../lexicon.js';

// Frames that keep the request's meaning (the measured "question about {ving}"-style frames hurt a classifier).
const GERUND_FRAMES = ['I need help {ving}', "I'm interested in {ving}", 'I am thinking of {ving}'];
const NOMINAL_FRAMES = [
  '{nom} of {rest}',
  'I need help with the {nom} of {rest}',
  'I want the {nom} of {rest}',
  'request for {nom} of {rest}',
];
const WISH_VERBS = /\b(want|need|wish|hope|try|like)\b/i;
const NUMBER_DETERMINERS = new Set(['my', 'the', 'your', 'our', 'some', 'these', 'those', 'this', 'that']);
/** After the noun of a noun phrase: the noun is its head ("my order for", not "my workout playlist"). */
const AFTER_HEAD_NOUN = new Set(['for', 'of', 'to', 'in', 'on', 'at', 'from', 'with', 'by', 'and', 'please']);
const COPULAS = new Set(['is', 'was', "what's", 'isnt', "isn't"]);

function gerundVariant(input: AnnotatedText, context: VariationContext): AnnotatedText | undefined {
  if (input.framedBy) return undefined;
  const clause = analyzeClause(input);
  // "schedule me a checkup" has no gerund the user could be interested in; a how-question keeps asking how.
  if (!clause || clause.kind !== 'verbPhrase' || clause.botActs || clause.asks === 'where') return undefined;
  const frames = clause.asks === 'how' ? GERUND_FRAMES.slice(0, 1) : GERUND_FRAMES;
  const output = firstChange(context.rng, input, frames, (frame) => rewrap(input, clause, frame));
  // Marked in place (rewrap's output is a new object): a spread of it with one more field made a new hidden
  // class for every utterance (thousands), and every property read on texts in the pipeline went megamorphic.
  if (output) output.framedBy = 'M';
  return output;
}

function nominalVariant(input: AnnotatedText, context: VariationContext): AnnotatedText | undefined {
  if (input.framedBy) return undefined;
  const clause = analyzeClause(input);
  // "how do I get to the clinic" is no request for "the getting of": a seed that asks keeps its question.
  if (!clause || clause.kind !== 'verbPhrase' || clause.head.inEntity || clause.asks || clause.botActs)
    return undefined;
  const noun = nominalizationOf(clause.head.lower);
  if (!noun) return undefined;
  const tokens = wordTokens(input);
  const object = tokens[tokens.indexOf(tokens.find((t) => t.start === clause.head.start)!) + 1];
  if (!object || !NUMBER_DETERMINERS.has(object.lower) || object.start >= clause.coreEnd) return undefined;
  const frame = context.rng.pick(NOMINAL_FRAMES);
  const [prefix, suffix] = frame.replace('{nom}', noun).split('{rest}') as [string, string];
  const result = applyEdits(input, [
    {start: 0, end: object.start, replacement: prefix},
    {start: clause.coreEnd, end: input.text.length, replacement: suffix},
  ]);
  if (!result) return undefined;
  // A new object (applyEdits' or capitalizeFirst's): marked in place, as gerundVariant does.
  const output = clause.capitalized ? capitalizeFirst(result) : result;
  output.framedBy = 'M';
  return output;
}

function pastWishVariant(input: AnnotatedText): AnnotatedText | undefined {
  const match = WISH_VERBS.exec(input.text);
  if (!match || !/^i\s/i.test(input.text.slice(Math.max(0, match.index - 2), match.index + 1)))
    return undefined;
  const past = conjugate(match[1]!.toLowerCase()).past;
  return applyEdits(input, [
    {start: match.index, end: match.index + match[0].length, replacement: matchCase(match[0], past)},
  ]);
}

function numberVariant(input: AnnotatedText, context: VariationContext): AnnotatedText | undefined {
  const tokens = wordTokens(input);
  // Changing number after "is" would break agreement ("what is the forecasts").
  if (tokens.some((t) => COPULAS.has(t.lower))) return undefined;
  const options = tokens.filter((t, i) => {
    const previous = tokens[i - 1];
    const next = tokens[i + 1];
    if (t.inEntity || !previous || !NUMBER_DETERMINERS.has(previous.lower)) return false;
    if (next && !AFTER_HEAD_NOUN.has(next.lower)) return false;
    return pluralOf(t.lower) !== undefined || singularOf(t.lower) !== undefined;
  });
  if (options.length === 0) return undefined;
  const token = context.rng.pick(options);
  const replacement = singularOf(token.lower) ?? pluralOf(token.lower);
  if (!replacement || replacement === token.lower || !/^[a-z]+$/.test(replacement)) return undefined;
  const previous = tokens[tokens.indexOf(token) - 1]!;
  // Keep the determiner agreeing: this -> these, that -> those.
  const determiner = {this: 'these', these: 'this', that: 'those', those: 'that'}[previous.lower];
  const edits = [{start: token.start, end: token.end, replacement: matchCase(token.text, replacement)}];
  if (determiner)
    edits.push({start: previous.start, end: previous.end, replacement: matchCase(previous.text, determiner)});
  return applyEdits(input, edits);
}

const VARIANTS = [gerundVariant, nominalVariant, pastWishVariant, numberVariant];

export const morphological: VariationFamily = {
  tag: 'M',
  name: 'morphological',
  swapsWords: true,
  apply: (input, context) => firstChange(context.rng, input, VARIANTS, (variant) => variant(input, context)),
};
