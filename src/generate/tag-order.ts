/** Variation tags in Bitext letter order (VARIATION_TAGS), the order every utterance lists them in. */
import {VARIATION_TAGS, type VariationTag} from '../model/dataset.js';

/** Each tag's place in VARIATION_TAGS (a plain object: read on every sort of an utterance's tags). */
const TAG_ORDER = Object.fromEntries(VARIATION_TAGS.map((t, i) => [t, i])) as Record<VariationTag, number>;

/**
 * Sorts distinct tags into VARIATION_TAGS order, in place. An insertion sort: a list holds a few tags, and
 * Array.prototype.sort allocates a work array on every call, once per generated candidate.
 */
export function sortTags(tags: VariationTag[]): void {
  for (let i = 1; i < tags.length; i++) {
    const tag = tags[i]!;
    let j = i - 1;
    while (j >= 0 && TAG_ORDER[tags[j]!] > TAG_ORDER[tag]) {
      tags[j + 1] = tags[j]!;
      j--;
    }
    tags[j + 1] = tag;
  }
}
