/**
 * Issue 29 item 9: what a dataset declares but no utterance uses: a synonym no utterance the user wrote uses
 * (generated text uses every declared synonym, so a typo would hide there), a regex that matches nothing, a
 * lookup table no utterance matches, an entity no utterance annotates. Each names the entity and value, with a fix.
 */
import {describe, expect, it} from 'vitest';
import {checkEntities} from '../../src/coverage/entity-checks.js';
import type {Dataset} from '../../src/model/dataset.js';

function dentist(): Dataset {
  return {
    format: 'synthnlu-dataset/1',
    language: 'en',
    intents: [{name: 'book'}, {name: 'cancel'}, {name: 'greet'}],
    entities: [
      {
        name: 'treatment',
        kind: 'list',
        values: [
          {value: 'cleaning', synonyms: ['clening', 'hygiene visit']},
          {value: 'check-up', synonyms: ['checkup']},
        ],
      },
      {name: 'phone', kind: 'regex', patterns: ['0[0-9]{10}']},
      {name: 'booking_ref', kind: 'regex', patterns: ['BK[0-9]{5}']},
      {name: 'insurer', kind: 'list', values: [{value: 'bupa'}]},
    ],
    utterances: [
      {
        text: 'I need a hygiene visit',
        intent: 'book',
        source: 'seed',
        entities: [{entity: 'treatment', start: 9, end: 22}],
      },
      {
        text: 'book a checkup please',
        intent: 'book',
        source: 'seed',
        entities: [{entity: 'treatment', start: 7, end: 14}],
      },
      {
        text: 'book a clening',
        intent: 'book',
        source: 'template',
        origin: 'book a {treatment}',
        entities: [{entity: 'treatment', start: 7, end: 14}],
      },
      {
        text: 'cancel BK12345',
        intent: 'cancel',
        source: 'seed',
        entities: [{entity: 'booking_ref', start: 7, end: 14}],
      },
      {text: 'good morning', intent: 'greet', source: 'seed'},
    ],
    phraseLists: [
      {name: 'insurers', phrases: ['bupa', 'axa', 'simply health']},
      {name: 'greetings', phrases: ['good morning', 'hello']},
    ],
  };
}

describe('coverage: declared but never used', () => {
  it('reports a synonym only generated text uses, naming the entity and value, with a fix', () => {
    const {findings} = checkEntities(dentist());
    const unused = findings.filter((f) => f.code === 'COVERAGE_SYNONYM_UNUSED');
    expect(unused).toHaveLength(1);
    expect(unused[0]).toMatchObject({severity: 'info', path: 'entities[0].values[0].synonyms'});
    expect(unused[0]!.message).toContain('"clening" of "treatment" value "cleaning"');
    expect(unused[0]!.message).toContain('no utterance you wrote');
    expect(unused[0]!.suggestion).toContain('spelling of "clening"');
    // A dataset of only written text: the synonym a written utterance uses is used.
    const written = dentist();
    written.utterances[2]!.source = 'seed';
    expect(checkEntities(written).findings.filter((f) => f.code === 'COVERAGE_SYNONYM_UNUSED')).toEqual([]);
  });

  it('reports a regex pattern that matches no utterance, and not one that matches', () => {
    const {findings} = checkEntities(dentist());
    const regex = findings.filter((f) => f.code === 'COVERAGE_REGEX_UNUSED');
    expect(regex).toHaveLength(1);
    expect(regex[0]).toMatchObject({severity: 'warning', path: 'entities[1].patterns[0]'});
    expect(regex[0]!.message).toBe('pattern /0[0-9]{10}/ of regex entity "phone" matches no utterance');
    expect(regex[0]!.suggestion).toContain('"phone"');
  });

  it('reports a lookup table no utterance matches, and not one that matches', () => {
    const {findings} = checkEntities(dentist());
    const tables = findings.filter((f) => f.code === 'COVERAGE_PHRASE_LIST_UNUSED');
    expect(tables.map((f) => [f.path, f.severity])).toEqual([['phraseLists[0]', 'warning']]);
    expect(tables[0]!.message).toContain('"insurers" ("bupa", "axa", "simply health") matches no utterance');
    expect(tables[0]!.suggestion).toContain('remove the table');
  });

  it('reports an entity no utterance annotates and its unused values', () => {
    const {findings} = checkEntities(dentist());
    expect(findings.filter((f) => f.code === 'COVERAGE_ENTITY_UNUSED').map((f) => f.path)).toEqual([
      'entities[1]',
      'entities[3]',
    ]);
    const value = findings.find((f) => f.code === 'COVERAGE_LIST_VALUE_UNUSED');
    expect(value).toMatchObject({path: 'entities[3].values[0]'});
    expect(value!.message).toContain('"bupa" of "insurer"');
  });
});
