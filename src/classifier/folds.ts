import {seededRandom, shuffleInPlace} from './random.js';

/**
 * Stratified k-fold assignment: the fold index (0..k-1) of each example, so that every label is spread as
 * evenly as possible over the folds. Deterministic for the same labels, k and seed. Labels are visited in
 * sorted order and each continues the round-robin where the previous one stopped, so fold sizes differ by at
 * most one overall, not just per label.
 */
export function stratifiedFolds(labels: readonly string[], k: number, seed: number): number[] {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`k must be an integer of at least 2 (got ${k})`);
  const byLabel = new Map<string, number[]>();
  labels.forEach((label, index) => {
    let members = byLabel.get(label);
    if (!members) byLabel.set(label, (members = []));
    members.push(index);
  });
  const random = seededRandom(seed);
  const folds = new Array<number>(labels.length).fill(0);
  let next = 0;
  for (const label of [...byLabel.keys()].sort()) {
    const members = shuffleInPlace(byLabel.get(label)!, random);
    for (const index of members) {
      folds[index] = next;
      next = (next + 1) % k;
    }
  }
  return folds;
}
