import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {wordTokens, type WordToken} from '../../src/generate/variation/tokens.js';
import type {AnnotatedText} from '../../src/generate/variation/types.js';
import {analyzeClause} from '../../src/lang/en/clause.js';
import {candidatesOf, type Candidate} from '../../src/lang/en/families/lexical.js';
import {FUNCTION_WORDS} from '../../src/lang/en/families/style.js';
import {
  compoundVariantsOf,
  dominantPos,
  pluralOf,
  singularOf,
  startsCompound,
  synonymsOf,
} from '../../src/lang/en/lexicon.js';
import {LEXICON} from '../../src/lang/en/lexicon.generated.js';

/** Every compound spelling in the lexicon. */
const COMPOUND_FORMS = LEXICON.compounds.split(';').flatMap((group) => group.split('|'));

/**
 * The definition of the lexical family's candidates, looked up word by word and pair by pair on every call
 * (the family precomputes what it can per word).
 */
function referenceCandidates(input: AnnotatedText): Candidate[] {
  const tokens = wordTokens(input);
  const clause = analyzeClause(input);
  const candidates: Candidate[] = [];
  const offVerb = (token: WordToken): string[] => {
    for (const pos of ['n', 'a', 'r'] as const)
      if (dominantPos(token.lower) === pos) {
        const direct = synonymsOf(token.lower, pos);
        if (direct.length > 0) return direct;
        break;
      }
    if (!/[^s]s$/.test(token.lower)) return [];
    const singular = singularOf(token.lower);
    return singular ? synonymsOf(singular, 'n').flatMap((s) => pluralOf(s) ?? []) : [];
  };
  tokens.forEach((token, i) => {
    if (token.inEntity) return;
    if (clause && (token.start < clause.coreStart || token.end > clause.coreEnd)) return;
    const next = tokens[i + 1];
    if (next && !next.inEntity && input.text.slice(token.end, next.start) === ' ') {
      const pair = compoundVariantsOf(`${token.lower} ${next.lower}`);
      if (pair.length > 0)
        candidates.push({start: token.start, end: next.end, original: token.text, options: pair});
    }
    const compound = compoundVariantsOf(token.lower);
    if (compound.length > 0)
      candidates.push({start: token.start, end: token.end, original: token.text, options: compound});
    if (FUNCTION_WORDS.has(token.lower) || token.lower.length < 3) return;
    const synonyms =
      clause?.kind === 'verbPhrase' && clause.head.start === token.start
        ? synonymsOf(token.lower, 'v')
        : offVerb(token);
    if (synonyms.length > 0)
      candidates.push({start: token.start, end: token.end, original: token.text, options: synonyms});
  });
  return candidates;
}

describe('lexical candidates', () => {
  it('startsCompound is true exactly for the first word of a compound of several words', () => {
    const firsts = new Set(COMPOUND_FORMS.filter((f) => f.includes(' ')).map((f) => f.split(' ')[0]!));
    for (const first of firsts) expect(startsCompound(first)).toBe(true);
    const words = new Set(COMPOUND_FORMS.flatMap((f) => f.split(/[ -]/)));
    let other = 0;
    for (const word of words)
      if (!firsts.has(word)) {
        expect(startsCompound(word)).toBe(false);
        other += 1;
      }
    expect(firsts.size).toBeGreaterThan(100);
    expect(other).toBeGreaterThan(100);
  });

  it('are the definition’s, word by word and pair by pair', () => {
    // Words with compounds (both spellings), phrasal compounds, synonyms of several parts of speech, plurals,
    // function words and lead-ins; separators that do and do not join a pair.
    const twoWordCompounds = COMPOUND_FORMS.filter((f) => /^[a-z]+ [a-z]+$/.test(f)).slice(0, 40);
    const words = [
      ...twoWordCompounds.flatMap((f) => f.split(' ')),
      ...[
        'login',
        'email',
        'e-mail',
        'cancel',
        'book',
        'order',
        'orders',
        'cars',
        'flights',
        'buy',
        'tickets',
      ],
      ...['I', 'want', 'to', 'can', 'you', 'please', 'my', 'the', 'a', 'Log', 'EMAIL', 'quickly', 'check'],
    ];
    const text = fc
      .array(
        fc.tuple(
          fc.constantFrom(...words, ...twoWordCompounds),
          fc.constantFrom(' ', ' ', ' ', '  ', ', ', '-'),
        ),
        {
          minLength: 1,
          maxLength: 8,
        },
      )
      .map((parts) =>
        parts
          .map(([w, sep]) => w + sep)
          .join('')
          .trim(),
      );
    let withCandidates = 0;
    let withPairs = 0;
    fc.assert(
      fc.property(text, fc.option(fc.tuple(fc.nat(30), fc.nat(6)), {nil: undefined}), (t, span) => {
        const entities =
          span && span[1] > 0 && span[0] + span[1] <= t.length
            ? [{entity: 'e', start: span[0], end: span[0] + span[1]}]
            : [];
        const input = {text: t, entities};
        const expected = referenceCandidates(input);
        expect(candidatesOf(input)).toEqual(expected);
        if (expected.length > 0) withCandidates += 1;
        if (expected.some((c) => /\s/.test(input.text.slice(c.start, c.end)))) withPairs += 1;
      }),
      {numRuns: 1500},
    );
    expect(withCandidates).toBeGreaterThan(300);
    expect(withPairs).toBeGreaterThan(50);
  });
});
