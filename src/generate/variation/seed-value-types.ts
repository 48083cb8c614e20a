/** The shapes a language pack's seed-value rule returns (LanguagePack.seedValues; src/generate/seed-values.ts). */

export interface SlotValue {
  /** Lower-cased tokens, for matching in any case. */
  tokens: string[];
  /** As the seeds first wrote it: what a swap writes. */
  surface: string;
}

/** Values seen in one slot of the seeds. */
export interface ValueClass {
  /**
   * Where the slot is: a word that must stand right before or right after the value (`from` ~, ~ `account`),
   * or none for values recognised by their form alone (numbers of one shape).
   */
  context?: {side: 'before' | 'after'; word: string};
  /** Two or more different values. */
  values: SlotValue[];
}

/** A language's rule for which seed strings are slot values (see LanguagePack.seedValues). */
export type SeedValueFinder = (texts: readonly string[]) => ValueClass[];
