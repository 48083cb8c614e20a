/**
 * The generator's filters, applied to each model utterance in turn: well-formed text and entity markup,
 * entity spans checked, length within the platforms' limits, not a duplicate of anything already in the
 * dataset (seeds, rule-based output, earlier model output) nor of another intent's text, and still labelled
 * as its intent, with confidence, by the generator's label-preservation filter trained on the seeds
 * (generations drift into neighbouring intents).
 */
import {dedupeKeyText} from '../generate/dedupe.js';
import type {AnnotatedText} from '../generate/variation/types.js';
import type {Utterance} from '../model/dataset.js';
import {
  DEFAULT_MIN_PVI,
  trainLabelFilter,
  type LabelFilter,
  type LabelFilterOptions,
} from '../generate/label-filter.js';
import {checkSpans, readMarkup, type EntityRule} from './spans.js';

export const DROP_REASONS = [
  'malformed',
  'entity',
  'length',
  'duplicate',
  'otherIntent',
  'label',
  'lowConfidence',
] as const;
export type DropReason = (typeof DROP_REASONS)[number];

export type FilterResult =
  {ok: true; annotated: AnnotatedText; recovered: number} | {ok: false; reason: DropReason; detail: string};

/** The strictest utterance length among the supported platforms (LUIS and CLU: 500 characters). */
export const DEFAULT_MAX_UTTERANCE_LENGTH = 500;
const MAX_WORDS = 60;

export interface FilterOptions {
  maxLength?: number;
  /** The generator's label-preservation filter (src/generate/label-filter.ts): its options, or false for none. */
  labelFilter?: boolean | LabelFilterOptions;
}

export class UtteranceFilter {
  /** Normalised text -> the intent it belongs to, for everything accepted so far. */
  readonly #owner = new Map<string, string>();
  readonly #labelFilter: LabelFilter | undefined;
  readonly #maxLength: number;

  constructor(
    ruleBased: readonly Utterance[],
    private readonly rules: ReadonlyMap<string, EntityRule>,
    /** Further labelled examples for the seed classifier (the prompts' template expansions). */
    examples: readonly {text: string; intent: string}[],
    options: FilterOptions = {},
  ) {
    this.#maxLength = options.maxLength ?? DEFAULT_MAX_UTTERANCE_LENGTH;
    for (const u of ruleBased) {
      const key = dedupeKeyText(u.text);
      if (!this.#owner.has(key)) this.#owner.set(key, u.intent);
    }
    const seeds = [
      ...ruleBased
        .filter((u) => u.source === 'seed' || u.source === 'template')
        .map((u) => ({text: u.text, intent: u.intent})),
      ...examples,
    ];
    const filter = options.labelFilter ?? true;
    // Fewer than two intents: nothing to drift into, and trainLabelFilter gives none. With n intents PVI is at
    // most log2(n) bits, so the default 1 bit would refuse everything with two: ask for half the maximum there.
    const intents = new Set(seeds.map((s) => s.intent)).size;
    const defaults = {minPvi: Math.min(DEFAULT_MIN_PVI, Math.log2(Math.max(intents, 2)) / 2)};
    if (filter !== false)
      this.#labelFilter = trainLabelFilter(seeds, filter === true ? defaults : {...defaults, ...filter});
  }

  /** Checks one model utterance (with [text](entity) markup) for `intent`; accepted ones are remembered. */
  check(intent: string, marked: string, allowedEntities: ReadonlySet<string>): FilterResult {
    if (/[\r\n]/.test(marked)) return drop('malformed', 'more than one line');
    const annotated = readMarkup(marked);
    if (!annotated) return drop('malformed', 'broken entity markup or an unfilled {slot}');
    if (!/[\p{L}\p{N}]/u.test(annotated.text)) return drop('malformed', 'no words');
    if (annotated.text.length > this.#maxLength)
      return drop('length', `${annotated.text.length} characters (limit ${this.#maxLength})`);
    if (annotated.text.split(' ').length > MAX_WORDS) return drop('length', `more than ${MAX_WORDS} words`);
    const spans = checkSpans(annotated, this.rules, allowedEntities);
    if (!spans.ok) return drop('entity', spans.reason);
    const key = dedupeKeyText(spans.annotated.text);
    const owner = this.#owner.get(key);
    if (owner !== undefined)
      return owner === intent
        ? drop('duplicate', 'already in the dataset')
        : drop('otherIntent', `the same text is an utterance of ${owner}`);
    const judgement = this.#labelFilter?.judge(spans.annotated.text, intent);
    if (judgement && !judgement.keep) {
      const pvi = `${judgement.pvi.toFixed(1)} bits`;
      if (judgement.reason === 'other-intent') {
        const strongest = this.#labelFilter!.strongestIntent(spans.annotated.text).intent;
        return drop('label', `the seed classifier reads it as ${strongest} (${pvi} for ${intent})`);
      }
      return drop('lowConfidence', `the seed classifier is unsure it is ${intent} (${pvi})`);
    }
    this.#owner.set(key, intent);
    return spans;
  }
}

function drop(reason: DropReason, detail: string): FilterResult {
  return {ok: false, reason, detail};
}
