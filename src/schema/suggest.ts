import {distance} from 'fastest-levenshtein';

/** Levenshtein distance, with one swap of two neighbouring letters ("bto" / "bot") counted as one edit, not two. */
export function typoDistance(a: string, b: string): number {
  const d = distance(a, b);
  if (d !== 2 || a.length !== b.length) return d;
  const differ = [...a].flatMap((char, i) => (char === b[i] ? [] : [i]));
  const [i, j] = differ;
  return differ.length === 2 && j === i! + 1 && a[i!] === b[j] && a[j] === b[i!] ? 1 : d;
}

/**
 * How many edits still read as a typo of a word this long: one in every three letters, at least one. A fixed
 * allowance of two would turn any three-letter word into any other ("foo" into "bot").
 */
export function typoTolerance(word: string): number {
  return Math.max(1, Math.floor(word.length / 3));
}

/** The closest candidate to a misspelled word, if it is close enough to be a plausible typo. */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let bestTolerance = 0;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    // A word that is a prefix of the other ("order" / "order_id", "politeness" / "polite") is a likely slip even
    // when the edit distance is large: it counts as two edits, and two are accepted whatever its length.
    const prefix =
      other.length >= 3 && lower.length >= 3 && (other.startsWith(lower) || lower.startsWith(other));
    const d = prefix ? Math.min(typoDistance(lower, other), 2) : typoDistance(lower, other);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      bestTolerance = prefix ? Math.max(2, typoTolerance(word)) : typoTolerance(word);
    }
  }
  return best !== undefined && bestDistance <= bestTolerance ? best : undefined;
}
