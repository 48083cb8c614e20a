/**
 * `target.push(...items)` passes every item as an argument, and past about 100,000 items (a dataset whose every
 * utterance is a duplicate) that overflows the stack. This appends any number of items.
 */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
