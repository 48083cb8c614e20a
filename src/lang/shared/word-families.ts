/**
 * Word-level families any language pack builds from its own word lists: Q colloquial (chat forms of standard
 * phrases, casual frames, lower case, no final stop), K keyword mode (content words only) and E abbreviations
 * (long form <-> short form, or a chat sign-off when nothing can be shortened).
 */
import {applyEdits, editTouchesEntity, tidySpaces, type TextEdit} from '../../generate/variation/edit.js';
import {matchCase, wordTokens} from '../../generate/variation/tokens.js';
import type {AnnotatedText, VariationContext, VariationFamily} from '../../generate/variation/types.js';

function escape(phrase: string): string {
  return phrase
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/'/g, "['’]")
    .replace(/ /g, '\\s+');
}

/** One pattern for whole-word phrases (longest first), not inside a longer word. */
function phrasePattern(phrases: Iterable<string>): RegExp {
  const alternatives = [...phrases].sort((a, b) => b.length - a.length).map(escape);
  return new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}'’-])`, 'giu');
}

function key(phrase: string): string {
  return phrase.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");
}

export interface ChatFormOptions {
  /** Standard phrase (lower case) -> chat forms. */
  forms: Readonly<Record<string, readonly string[]>>;
  /** A casual frame around the text, tagged Q, or undefined when none fits. */
  frame: (input: AnnotatedText, context: VariationContext) => AnnotatedText | undefined;
  /** The edit that lower-cases the first word where the language allows it. */
  lowerFirst: (input: AnnotatedText) => TextEdit[];
}

export function chatFormFamily(options: ChatFormOptions): VariationFamily {
  const pattern = phrasePattern(Object.keys(options.forms));
  return {
    tag: 'Q',
    name: 'colloquial',
    apply(input, context) {
      const {rng} = context;
      let current = input;
      if (rng.chance(0.5)) current = options.frame(current, context) ?? current;
      const edits: TextEdit[] = [];
      pattern.lastIndex = 0;
      for (let match = pattern.exec(current.text); match; match = pattern.exec(current.text)) {
        if (!rng.chance(0.6)) continue;
        const forms = options.forms[key(match[0])];
        const start = match.index;
        const end = start + match[0].length;
        if (forms && !editTouchesEntity(current.entities, start, end))
          edits.push({start, end, replacement: matchCase(match[0], rng.pick(forms))});
      }
      if (!edits.some((e) => e.start === 0)) edits.push(...options.lowerFirst(current));
      const trailing = /\s?[.!]$/.exec(current.text);
      if (trailing && rng.chance(0.5) && !edits.some((e) => e.end > trailing.index))
        edits.push({start: trailing.index, end: current.text.length, replacement: ''});
      const result = applyEdits(current, edits) ?? current;
      return result.text !== input.text ? result : undefined;
    },
  };
}

export interface KeywordOptions {
  /** Lower-case words keyword queries leave out. */
  functionWords: ReadonlySet<string>;
  /** Prepositions that go with the word after them when it goes ("für mich" -> "", not "für"). */
  prepositions?: ReadonlySet<string>;
  /** Whether the text may become a keyword query (a request or a topic, not a report). */
  fits: (input: AnnotatedText) => boolean;
}

export function keywordFamily(options: KeywordOptions): VariationFamily {
  return {
    tag: 'K',
    name: 'keyword',
    apply(input) {
      if (input.framedBy && input.framedBy !== 'B') return undefined;
      if (!options.fits(input)) return undefined;
      const edits: TextEdit[] = [];
      let kept = 0;
      const tokens = wordTokens(input);
      for (const [i, token] of tokens.entries()) {
        const next = tokens[i + 1];
        if (
          options.prepositions?.has(token.lower) &&
          !token.inEntity &&
          next &&
          !next.inEntity &&
          options.functionWords.has(next.lower)
        ) {
          edits.push({start: token.start, end: token.end, replacement: ''});
          continue;
        }
        // "d'un", "l'examen": the article goes, the word stays.
        const elided = /^[a-zà-ÿ]{1,2}['’]/iu.exec(token.text);
        if (!token.inEntity && elided && !options.functionWords.has(token.lower)) {
          edits.push({start: token.start, end: token.start + elided[0].length, replacement: ''});
          kept++;
        } else if (!token.inEntity && options.functionWords.has(token.lower)) {
          edits.push({start: token.start, end: token.end, replacement: ''});
        } else kept++;
      }
      if (edits.length === 0 || kept === 0) return undefined;
      const punctuation = /[?!.,;:]+/g;
      for (let match = punctuation.exec(input.text); match; match = punctuation.exec(input.text)) {
        const start = match.index;
        const end = start + match[0].length;
        if (
          !edits.some((e) => e.start < end && e.end > start) &&
          !editTouchesEntity(input.entities, start, end)
        )
          edits.push({start, end, replacement: ' '});
      }
      const stripped = applyEdits(input, edits);
      if (!stripped) return undefined;
      const result = tidySpaces(stripped);
      return result.text && result.text !== input.text ? result : undefined;
    },
  };
}

export interface PhraseFormOptions {
  /** [long form, short form] pairs, used in both directions. */
  pairs: ReadonlyArray<readonly [string, string]>;
  /** Long forms changed only now and then ("und" -> "&"). */
  rare?: ReadonlySet<string>;
  /** Chat sign-offs to append when nothing in the text can be shortened. */
  signOff?: (input: AnnotatedText) => readonly string[];
  /** The sign-off goes before a final "?" or "!" ("comment annuler une commande svp ?"), not after it. */
  signOffBeforePunctuation?: boolean;
}

export function phraseFormFamily(options: PhraseFormOptions): VariationFamily {
  const forms = new Map<string, string[]>();
  for (const [a, b] of options.pairs) {
    forms.set(key(a), [...(forms.get(key(a)) ?? []), b]);
    forms.set(key(b), [...(forms.get(key(b)) ?? []), a]);
  }
  const pattern = phrasePattern(forms.keys());
  return {
    tag: 'E',
    name: 'abbreviation',
    apply(input, context) {
      const {rng} = context;
      const edits: TextEdit[] = [];
      pattern.lastIndex = 0;
      for (let match = pattern.exec(input.text); match; match = pattern.exec(input.text)) {
        const k = key(match[0]);
        const choices = forms.get(k);
        if (!choices || (options.rare?.has(k) && !rng.chance(0.3))) continue;
        const start = match.index;
        const end = start + match[0].length;
        if (editTouchesEntity(input.entities, start, end)) continue;
        const choice = rng.pick(choices);
        // "MfG", "LG", "Infos": a form's own capitals stay; a lower-case form follows the text's case.
        edits.push({
          start,
          end,
          replacement: choice === choice.toLowerCase() ? matchCase(match[0], choice) : choice,
        });
      }
      if (edits.length === 0) {
        const signOffs = options.signOff?.(input);
        if (!signOffs || signOffs.length === 0) return undefined;
        const punctuation = options.signOffBeforePunctuation ? /\s?[?!.]+$/.exec(input.text) : null;
        const end = punctuation ? punctuation.index : input.text.length;
        if (input.entities.some((e) => e.end === end)) return undefined;
        return applyEdits(input, [{start: end, end, replacement: rng.pick(signOffs)}]);
      }
      rng.shuffle(edits);
      const result = applyEdits(input, edits.slice(0, 1 + rng.int(Math.min(2, edits.length))));
      return result && result.text !== input.text ? result : undefined;
    },
  };
}
