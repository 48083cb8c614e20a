import {distance} from 'fastest-levenshtein';

/** The closest candidate to a misspelled word, if it is close enough to be a plausible typo. */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    // A word that is a prefix of the other ("order" / "order_id", "politeness" / "polite") is a likely slip even
    // when the edit distance is large.
    const prefix =
      other.length >= 3 && lower.length >= 3 && (other.startsWith(lower) || lower.startsWith(other));
    const d = prefix ? Math.min(distance(lower, other), 2) : distance(lower, other);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const tolerance = Math.max(2, Math.floor(word.length / 3));
  return best !== undefined && bestDistance <= tolerance ? best : undefined;
}
