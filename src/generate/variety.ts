/**
 * Variety you can see (issue 27): per intent, the share of generated utterances that bring a new content word,
 * and the share the most common sets of added words cover.
 *
 * - A new content word is a dictionary noun, verb, adjective or adverb (the language pack's `contentLemma`)
 *   that none of the intent's seeds (or templates) has in any inflection, and that is not a wrapper word: one
 *   added in at least a third of the intents (and three at least), like "options" or "asap".
 * - The added word set of an utterance is its dictionary words (content and function words; typos left out)
 *   that the intent's seeds do not have; the top sets are the 15 most common non-empty ones.
 *
 * Streaming: per intent, one count per distinct added set; nothing per utterance is kept.
 */
import {wordTokens} from './variation/tokens.js';
import type {VarietyLanguage} from './variation/types.js';

export const TOP_ADDED_SETS = 15;

export interface IntentVariety {
  intent: string;
  /** Generated utterances measured (seeds and template expansions are the user's own words). */
  generated: number;
  /** Share (0-1) of them that bring a new content word. */
  newContentShare: number;
  /** Share (0-1) of them whose added words are one of the intent's 15 most common added sets. */
  topAddedSetsShare: number;
}

export interface VarietyReport {
  /** Over all intents: the same shares, with the 15 most common added sets counted across intents. */
  generated: number;
  newContentShare: number;
  topAddedSetsShare: number;
  /** The most common added sets over all intents (up to 15), most common first, with their share. */
  topAddedSets: Array<{words: string; share: number}>;
  /** Content words added across many intents, not counted as new (up to 20, most widespread first). */
  wrapperWords: string[];
  intents: IntentVariety[];
}

export type {VarietyLanguage} from './variation/types.js';

interface IntentCounts {
  intent: string;
  seedWords: Set<string>;
  generated: number;
  /** Added content lemmas (space-joined, sorted) -> utterances. */
  content: Map<string, number>;
  /** Added words (space-joined, sorted) -> utterances. */
  sets: Map<string, number>;
}

const round = (share: number): number => Math.round(share * 1000) / 1000;

export class VarietyMeter {
  private readonly intents: IntentCounts[] = [];
  private current: IntentCounts | undefined;

  constructor(private readonly language: VarietyLanguage) {}

  /** Starts an intent: `seeds` are its seed and template texts (template syntax may be left in). */
  startIntent(intent: string, seeds: readonly string[]): void {
    const seedWords = new Set<string>();
    for (const seed of seeds)
      for (const word of seed.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []) {
        seedWords.add(word);
        const lemma = this.language.contentLemma(word);
        if (lemma) seedWords.add(lemma);
      }
    this.current = {intent, seedWords, generated: 0, content: new Map(), sets: new Map()};
    this.intents.push(this.current);
  }

  /** One generated utterance of the current intent. */
  addGenerated(text: string): void {
    const counts = this.current;
    if (!counts) return;
    counts.generated += 1;
    const content = new Set<string>();
    const added = new Set<string>();
    for (const token of wordTokens({text, entities: []})) {
      const word = token.lower;
      if (counts.seedWords.has(word)) continue;
      const lemma = this.language.contentLemma(word);
      if (lemma) {
        if (counts.seedWords.has(lemma)) continue;
        content.add(lemma);
        added.add(lemma);
      } else if (this.language.isFunctionWord(word)) added.add(word);
    }
    const contentKey = [...content].sort().join(' ');
    counts.content.set(contentKey, (counts.content.get(contentKey) ?? 0) + 1);
    if (added.size > 0) {
      const setKey = [...added].sort().join(' ');
      counts.sets.set(setKey, (counts.sets.get(setKey) ?? 0) + 1);
    }
  }

  finish(): VarietyReport {
    // Wrapper words: content lemmas added in at least a third of the intents (three at least).
    const intentsAdding = new Map<string, number>();
    for (const counts of this.intents) {
      const words = new Set<string>();
      for (const key of counts.content.keys()) for (const word of key.split(' ')) if (word) words.add(word);
      for (const word of words) intentsAdding.set(word, (intentsAdding.get(word) ?? 0) + 1);
    }
    const threshold = Math.max(3, Math.ceil(this.intents.length / 3));
    const wrappers = new Set([...intentsAdding].filter(([, n]) => n >= threshold).map(([w]) => w));
    const allSets = new Map<string, number>();
    let generated = 0;
    let withNew = 0;
    const intents = this.intents.map((counts): IntentVariety => {
      let intentNew = 0;
      for (const [key, n] of counts.content)
        if (key.split(' ').some((word) => word && !wrappers.has(word))) intentNew += n;
      for (const [key, n] of counts.sets) allSets.set(key, (allSets.get(key) ?? 0) + n);
      generated += counts.generated;
      withNew += intentNew;
      const top = topCounts(counts.sets).reduce((sum, [, n]) => sum + n, 0);
      return {
        intent: counts.intent,
        generated: counts.generated,
        newContentShare: counts.generated ? round(intentNew / counts.generated) : 0,
        topAddedSetsShare: counts.generated ? round(top / counts.generated) : 0,
      };
    });
    const topSets = topCounts(allSets);
    const top = topSets.reduce((sum, [, n]) => sum + n, 0);
    return {
      generated,
      newContentShare: generated ? round(withNew / generated) : 0,
      topAddedSetsShare: generated ? round(top / generated) : 0,
      topAddedSets: topSets.map(([words, n]) => ({words, share: round(n / Math.max(1, generated))})),
      wrapperWords: [...wrappers]
        .sort((a, b) => intentsAdding.get(b)! - intentsAdding.get(a)! || a.localeCompare(b))
        .slice(0, 20),
      intents,
    };
  }
}

/** The TOP_ADDED_SETS largest entries, ties broken by the words (deterministic). */
function topCounts(counts: Map<string, number>): Array<[string, number]> {
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, TOP_ADDED_SETS);
}
