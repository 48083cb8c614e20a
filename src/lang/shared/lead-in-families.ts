/**
 * The families a lead-in language pack (Spanish, Portuguese) builds from its own word lists: Q colloquial (a
 * casual frame and chat spellings), K keyword queries and E abbreviations.
 */
import {applyEdits, tidySpaces, type TextEdit} from '../../generate/variation/edit.js';
import {wordTokens} from '../../generate/variation/tokens.js';
import type {AnnotatedText, LanguagePack, VariationFamily} from '../../generate/variation/types.js';
import {keyboardNoise, type KeyboardLayout} from './keyboard-noise.js';
import {
  analyzeLeadIn,
  applyLeadInFrame,
  leadInFrameFamily,
  parseFrames,
  type ClauseGrammar,
} from './lead-in-clause.js';
import type {PhraseSwaps} from './phrase-swaps.js';

/** Q: half the time a casual frame; then chat forms, a dropped ¿, lower case and no final full stop. */
export function colloquialFamily(
  grammar: ClauseGrammar,
  frames: readonly string[],
  chat: PhraseSwaps,
): VariationFamily {
  const parsed = parseFrames(frames);
  return {
    tag: 'Q',
    name: 'colloquial',
    apply(input, context) {
      const {rng} = context;
      let current: AnnotatedText = input;
      if (rng.chance(0.5)) current = applyLeadInFrame(current, parsed, grammar, context, 'Q') ?? current;
      const edits = chat.edits(current, rng, 0.7);
      const taken = (start: number, end: number) => edits.some((e) => e.start < end && e.end > start);
      // Chat rarely opens a question with ¿.
      const opening = current.text.search(/[¿¡]/);
      if (opening >= 0 && rng.chance(0.6) && !taken(opening, opening + 1))
        edits.push({start: opening, end: opening + 1, replacement: ''});
      const first = wordTokens(current)[0];
      if (first && !first.inEntity && /^\p{Lu}\p{Ll}+$/u.test(first.text) && !taken(first.start, first.end))
        edits.push({start: first.start, end: first.start + 1, replacement: first.text[0]!.toLowerCase()});
      const trailing = /[.!]$/.exec(current.text);
      if (trailing && rng.chance(0.5) && !taken(trailing.index, current.text.length))
        edits.push({start: trailing.index, end: current.text.length, replacement: ''});
      const result = applyEdits(current, edits) ?? current;
      return result.text !== input.text ? result : undefined;
    },
  };
}

export interface KeywordWords {
  /** Articles, possessives and demonstratives: left out unless a preposition comes before them. */
  determiners: ReadonlySet<string>;
  prepositions: ReadonlySet<string>;
  /** Phrases a search query never has ("por favor"): left out anywhere (a global pattern). */
  dropped: RegExp;
  /** An object pronoun on the infinitive: "darme de baja" -> "dar de baja" (the query has no "me"). */
  clitic: RegExp;
  /** An object pronoun before the infinitive ("me enviar a nota" -> "enviar nota"). */
  proclitics?: ReadonlySet<string>;
}

/**
 * K: what a user types in a search box: the request's verb and its words without the lead-in, the articles
 * and the punctuation ("quiero cancelar mi pedido" -> "cancelar pedido"). Only requests and noun phrases:
 * the content words of a question or a report no longer say what was asked or what happened.
 */
export function keywordFamily(grammar: ClauseGrammar, words: KeywordWords): VariationFamily {
  return {
    tag: 'K',
    name: 'keyword',
    apply(input) {
      if (input.framedBy && input.framedBy !== 'B') return undefined;
      const clause = analyzeLeadIn(input, grammar);
      if (!clause || (clause.kind !== 'vp' && clause.kind !== 'bvp' && clause.kind !== 'np'))
        return undefined;
      // "quero saber o horário" -> "saber horário": what the user wants to know is not a keyword.
      const head = /^[\p{L}]+/u.exec(input.text.slice(clause.coreStart))?.[0].toLowerCase() ?? '';
      if (grammar.notNounPhrase?.has(head)) return undefined;
      const edits: TextEdit[] = [
        {start: 0, end: clause.coreStart, replacement: ''},
        {start: clause.coreEnd, end: input.text.length, replacement: ''},
      ];
      const core = input.text.slice(clause.coreStart, clause.coreEnd);
      const droppedRanges: Array<[number, number]> = [];
      for (const match of core.matchAll(words.dropped)) {
        const start = clause.coreStart + match.index;
        droppedRanges.push([start, start + match[0].length]);
        edits.push({start, end: start + match[0].length, replacement: ''});
      }
      const tokens = wordTokens(input).filter(
        (t) =>
          t.start >= clause.coreStart &&
          t.end <= clause.coreEnd &&
          !droppedRanges.some(([start, end]) => t.start < end && t.end > start),
      );
      let kept = 0;
      // Determiners after a preposition stay, all of them: "com o meu CPF" keeps "o meu".
      let afterPreposition = false;
      tokens.forEach((token, i) => {
        const follows = afterPreposition;
        afterPreposition =
          words.prepositions.has(token.lower) || (follows && words.determiners.has(token.lower));
        if (token.inEntity) {
          kept++;
          return;
        }
        const proclitic = i === 0 && words.proclitics?.has(token.lower) === true;
        if (proclitic || (words.determiners.has(token.lower) && !follows)) {
          edits.push({start: token.start, end: token.end, replacement: ''});
          return;
        }
        kept++;
        const lower = token.lower;
        // Queries are lower case, but an acronym or a name inside keeps its capitals ("nota fiscal CPF").
        let replacement = i === 0 && /^\p{Lu}\p{Ll}*$/u.test(token.text) ? lower : token.text;
        if (i === 0 || (i === 1 && words.proclitics?.has(tokens[0]!.lower) === true)) {
          const clitic = words.clitic.exec(lower);
          if (clitic && grammar.isInfinitive(lower.slice(0, clitic.index)))
            replacement = lower.slice(0, clitic.index);
        }
        if (replacement !== token.text) edits.push({start: token.start, end: token.end, replacement});
      });
      if (kept < 2) return undefined;
      // Punctuation inside the core goes too: keyword queries are bare.
      for (const match of core.matchAll(/[,;:]/g)) {
        const at = clause.coreStart + match.index;
        if (!edits.some((e) => e.start <= at && e.end > at && e.end > e.start))
          edits.push({start: at, end: at + 1, replacement: ' '});
      }
      const stripped = applyEdits(input, edits);
      if (!stripped) return undefined;
      const result = tidySpaces(stripped);
      return result.text && result.text !== input.text ? result : undefined;
    },
  };
}

/** E: one or two written abbreviations ("información" -> "info", "número" -> "nº"). */
export function abbreviationFamily(swaps: PhraseSwaps): VariationFamily {
  return {
    tag: 'E',
    name: 'abbreviation',
    apply(input, context) {
      const {rng} = context;
      const edits = swaps.edits(input, rng, 1);
      if (edits.length === 0) return undefined;
      rng.shuffle(edits);
      const result = applyEdits(input, edits.slice(0, 1 + rng.int(Math.min(2, edits.length))));
      return result && result.text !== input.text ? result : undefined;
    },
  };
}

export interface LeadInPackParts {
  language: string;
  grammar: ClauseGrammar;
  frames: Record<
    'basic' | 'interrogative' | 'coordinated' | 'negation' | 'polite' | 'colloquial',
    readonly string[]
  >;
  offensive: VariationFamily;
  chat: PhraseSwaps;
  abbreviations: PhraseSwaps;
  keyword: KeywordWords;
  keyboard: KeyboardLayout;
  outOfScope: readonly string[];
  agree: (text: AnnotatedText) => AnnotatedText;
}

/** A language pack of lead-in frames, one family per Bitext letter it supports (no L, no M). */
export function leadInPack(parts: LeadInPackParts): LanguagePack {
  const {grammar, frames} = parts;
  return {
    language: parts.language,
    families: [
      leadInFrameFamily('B', 'basic', frames.basic, grammar),
      leadInFrameFamily('I', 'interrogative', frames.interrogative, grammar),
      leadInFrameFamily('C', 'coordinated', frames.coordinated, grammar),
      leadInFrameFamily('N', 'negation', frames.negation, grammar),
      leadInFrameFamily('P', 'polite', frames.polite, grammar),
      colloquialFamily(grammar, frames.colloquial, parts.chat),
      parts.offensive,
      keywordFamily(grammar, parts.keyword),
      abbreviationFamily(parts.abbreviations),
      keyboardNoise(parts.keyboard),
    ],
    // Not measured yet (bench/quality.bench.ts has no Spanish or Portuguese data): the default mix without L, M.
    recommendedMix: {
      basic: 0.2,
      interrogative: 0.25,
      coordinated: 0.1,
      negation: 0.05,
      polite: 0.25,
      colloquial: 0.2,
      keyword: 0.08,
      abbreviation: 0.1,
      noise: 0.12,
    },
    outOfScope: parts.outOfScope,
    agree: parts.agree,
  };
}

/** Words a pack writes on purpose that a dictionary does not know (chat forms, abbreviations). */
export function chatWords(parts: Pick<LeadInPackParts, 'chat' | 'abbreviations'>): readonly string[] {
  return [...parts.chat.forms, ...parts.abbreviations.forms];
}
