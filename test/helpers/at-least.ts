import {expect} from 'vitest';

/**
 * The items, after asserting there are at least `min` of them: a loop of assertions over an empty list asserts
 * nothing, so a feature that stopped producing output would still pass.
 */
export function atLeast<T>(min: number, items: readonly T[], what: string): readonly T[] {
  expect(items.length, `${what}: how many`).toBeGreaterThanOrEqual(min);
  return items;
}
