/**
 * The Bot Framework result shape, declared here so the core recognizer needs no botbuilder import (it loads in
 * ~0.4 s); it is structurally the same as botbuilder-core's RecognizerResult.
 */
export interface EntityInstance {
  startIndex: number;
  /** Exclusive, like JavaScript's slice and Bot Framework's LUIS recognizer. */
  endIndex: number;
  text: string;
  type: string;
  score: number;
  resolution?: unknown;
}

/** Entity values by entity name, plus `$instance` with where each was found (same order). */
export type RecognizerEntities = Record<string, unknown[]> & {$instance: Record<string, EntityInstance[]>};

export interface SynthnluRecognizerResult {
  text: string;
  /** Every intent of the dataset with its score; scores sum to 1. */
  intents: Record<string, {score: number}>;
  entities: RecognizerEntities;
  /** The top intent, and whether its score cleared the confidence threshold (otherwise the platform would fall back). */
  topIntent: string;
  topScore: number;
  belowThreshold: boolean;
  threshold: number;
  /**
   * Set when the per-message time budget ran out before the whole text was searched for system entities:
   * the text was searched up to this offset (intents, list and regex entities always cover all of it).
   */
  systemEntitiesSearchedChars?: number;
}

/** One entity mention found in a text. */
export interface EntityMatch {
  /** The dataset's entity name (or the system type for undeclared system entities). */
  entity: string;
  start: number;
  /** Exclusive. */
  end: number;
  text: string;
  /** The resolved value: a list entity's canonical values (an array), a number, a date resolution, the text for regex. */
  value: unknown;
  kind: 'list' | 'regex' | 'prebuilt';
  resolution?: unknown;
}
