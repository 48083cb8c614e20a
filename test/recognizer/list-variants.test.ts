/**
 * `predict` finds list values as users write them (issue 29 item 8): with a space or hyphen where the value
 * has none or another ("check up", "check-up" for "checkup"), and in the plural ("root canals", "cavities"),
 * while a longer word that only starts like a value is still no match.
 */
import {describe, expect, it} from 'vitest';
import {ListEntityMatcher} from '../../src/recognizer/list-entities.js';

const matcher = new ListEntityMatcher([
  {
    name: 'treatment',
    kind: 'list',
    values: [
      {value: 'checkup', synonyms: ['check-up']},
      {value: 'root canal'},
      {value: 'cavity'},
      {value: 'brace'},
    ],
  },
]);

function found(text: string): Array<[string, string]> {
  return matcher.match(text).map((m) => [m.text, String(m.value)]);
}

describe('list values as users write them', () => {
  it('a space or hyphen added, dropped or swapped', () => {
    expect(found('i need a check up')).toEqual([['check up', 'checkup']]);
    expect(found('i need a check-up')).toEqual([['check-up', 'checkup']]);
    expect(found('i need a checkup')).toEqual([['checkup', 'checkup']]);
    expect(found('a rootcanal today')).toEqual([['rootcanal', 'root canal']]);
  });

  it('English plurals', () => {
    expect(found('two root canals please')).toEqual([['root canals', 'root canal']]);
    expect(found('check ups for the kids')).toEqual([['check ups', 'checkup']]);
    expect(found('three cavities')).toEqual([['cavities', 'cavity']]);
    expect(found('my braces hurt')).toEqual([['braces', 'brace']]);
  });

  it('offsets are the text as written, and a longer word is still no match', () => {
    const [m] = matcher.match('Root  Canals');
    expect(m).toBeUndefined();
    const [n] = matcher.match('Two Root-Canals');
    expect(n).toMatchObject({start: 4, end: 15, text: 'Root-Canals', value: ['root canal']});
    expect(found('bracelet and checkups-ish')).toEqual([['checkups', 'checkup']]);
  });
});
