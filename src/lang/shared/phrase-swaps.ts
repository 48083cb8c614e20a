/**
 * Whole-word phrase swaps (chat forms, abbreviations) for any language: a table of phrases and the forms people
 * write instead, matched case-insensitively on whole words (accented letters included), never inside an entity.
 */
import type {TextEdit} from '../../generate/variation/edit.js';
import type {Rng} from '../../generate/rng.js';
import {matchCase} from '../../generate/variation/tokens.js';
import type {AnnotatedText} from '../../generate/variation/types.js';

export interface PhraseSwaps {
  /** Candidate edits, one per match, each taken with probability `chance` (the form drawn at random). */
  edits(input: AnnotatedText, rng: Rng, chance: number): TextEdit[];
  /** Every form the table writes: the words a spell checker may not know. */
  forms: readonly string[];
}

export function phraseSwaps(table: ReadonlyArray<readonly [string, readonly string[]]>): PhraseSwaps {
  const byPhrase = new Map<string, readonly string[]>();
  for (const [phrase, forms] of table) byPhrase.set(phrase, [...(byPhrase.get(phrase) ?? []), ...forms]);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${[...byPhrase.keys()]
      .sort((a, b) => b.length - a.length)
      .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
      .join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  return {
    forms: [...new Set(table.flatMap(([, forms]) => forms))],
    edits(input, rng, chance) {
      const edits: TextEdit[] = [];
      pattern.lastIndex = 0;
      for (let match = pattern.exec(input.text); match; match = pattern.exec(input.text)) {
        const start = match.index;
        const end = start + match[0].length;
        if (input.entities.some((s) => start < s.end && end > s.start)) continue;
        const forms = byPhrase.get(match[0].toLowerCase().replace(/\s+/g, ' '));
        if (!forms || !rng.chance(chance)) continue;
        edits.push({start, end, replacement: matchCase(match[0], rng.pick(forms))});
      }
      return edits;
    },
  };
}

/**
 * Written abbreviations: each long form shortened, and a seed's short form written out where the entry says so
 * (info -> información). Chat forms are never written out: that would undo what the colloquial family did.
 */
export function abbreviationSwaps(
  entries: ReadonlyArray<readonly [long: string, short: string, writtenOut?: boolean]>,
): PhraseSwaps {
  return phraseSwaps(
    entries.flatMap(([long, short, writtenOut]): Array<[string, string[]]> =>
      writtenOut
        ? [
            [long, [short]],
            [short.toLowerCase(), [long]],
          ]
        : [[long, [short]]],
    ),
  );
}
