/** Helpers shared by families of every language pack. */
import type {Rng} from '../rng.js';
import type {AnnotatedText} from './types.js';

/**
 * Tries candidates from a random starting point (one draw; the first option tried is uniform) and returns the
 * first result that differs from the input, so a family fails (undefined) only when none of its options applies.
 */
export function firstChange<T>(
  rng: Rng,
  input: AnnotatedText,
  options: readonly T[],
  attempt: (option: T) => AnnotatedText | undefined,
): AnnotatedText | undefined {
  const count = options.length;
  const start = count > 0 ? rng.int(count) : 0;
  for (let k = 0; k < count; k++) {
    const result = attempt(options[(start + k) % count]!);
    if (result && result.text !== input.text) return result;
  }
  return undefined;
}
