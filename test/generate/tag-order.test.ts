import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {sortTags} from '../../src/generate/tag-order.js';
import {VARIATION_TAGS} from '../../src/model/dataset.js';

describe('sortTags', () => {
  it('puts distinct tags in VARIATION_TAGS order, as sorting by that order does', () => {
    let long = 0;
    fc.assert(
      fc.property(fc.shuffledSubarray([...VARIATION_TAGS]), (tags) => {
        const expected = [...tags].sort((a, b) => VARIATION_TAGS.indexOf(a) - VARIATION_TAGS.indexOf(b));
        sortTags(tags);
        expect(tags).toEqual(expected);
        if (tags.length > 3) long += 1;
      }),
      {numRuns: 500},
    );
    expect(long).toBeGreaterThan(200);
  });
});
