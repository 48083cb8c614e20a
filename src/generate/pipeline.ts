/**
 * The generation pipeline. Per intent: keep every seed, then draw from the templates (and seeds, as bases for
 * variation), apply variation families by their shares, drop anything whose normalised text was already
 * produced, and assign each new utterance to train or test. Streaming: the only state that grows with the
 * output is one 53-bit hash per accepted utterance.
 */
import {VARIATION_TAGS, type EntitySpan, type Utterance, type VariationTag} from '../model/dataset.js';
import {oneLanguageSpec} from '../spec/languages.js';
import type {IntentSpec, Spec, SpecDocument} from '../spec/spec.js';
import {CompactKeySet, dedupeKeyHash, dedupeKeyText} from './dedupe.js';
import {DEFAULT_NONE_COUNT, DEFAULT_NONE_NAME, DEFAULT_SPLIT} from './settings.js';
import {createRng, pickIndexByWeights, type Rng} from './rng.js';
import {sortTags} from './tag-order.js';
import {
  resolveIntentSettings,
  type ActiveFamily,
  type IntentSettings,
  type SettingsOverrides,
  type TagCounts,
} from './settings.js';
import {TemplateCompiler, tidyExpansion, type CompiledTemplate, type Expansion} from './template/compile.js';
import {chooseAutoMix, type AutoMixReport, type TrialOutcomeCache} from './auto-mix.js';
import {trainLabelFilter, type LabelFilter, type LabelFilterOptions} from './label-filter.js';
import type {AnnotatedText, LanguagePack} from './variation/types.js';
import {FAMILY_THREW, FamilyMemo, type TextState} from './family-memo.js';
import {holdsSeedValue, swapSeedValues, type ValueClass} from './seed-values.js';
import {VarietyMeter, type VarietyReport} from './variety.js';

export interface GenerateOptions extends SettingsOverrides {
  /** Random seed; the spec's seed, then 0, when omitted. */
  seed?: number | string;
  /** The spec's file, for error locations. */
  file?: string;
  /** The spec language's pack (languagePackFor), or another one (tests); none: templates only. */
  pack?: LanguagePack;
  /** Called after each intent with its summary. */
  onIntent?: (report: IntentReport) => void;
  /**
   * The label-preservation filter (label-filter.ts): on by default whenever variation families run and the
   * spec has two or more intents; false turns it off.
   */
  filter?: boolean | LabelFilterOptions;
  /** An out-of-scope intent (the spec's `none:`, or --none): overrides the spec's count and name when set. */
  none?: {count?: number; name?: string};
  /** Attempts in a row without a new utterance before an intent stops (default 5,000; auto-mix trials use less). */
  stallLimit?: number;
  /**
   * Seed-value variation (seed-values.ts): generated utterances draw the seeds' slot values (order numbers,
   * names) from every intent's seeds, and seeds holding such values fill what the families leave of the count.
   * On by default where the language pack can tell values; auto-mix trials turn it off.
   */
  seedValues?: boolean;
  /**
   * Balance (default true): when intents fall short by different amounts, the fuller ones are trimmed (their
   * last generated utterances, never a seed) to within BALANCE_TOLERANCE of the median intent's level, relative
   * to what each asked for. Intents below that level stay short and say why (and how many seeds would help):
   * trimming every intent to the one with the least room (a small-talk intent of four greetings) threw away most
   * of a run. false writes every intent's full count.
   */
  balance?: boolean;
  /** Where `variations: auto` keeps its trial outcomes between runs (the command's: .synthnlu/auto-mix). */
  autoMixCache?: TrialOutcomeCache;
}

/** Intents end within 10% of each other (relative to their requested counts) unless balance is off. */
export const BALANCE_TOLERANCE = 0.1;

/** Why generated candidates were not written, per intent. */
export interface DropCounts {
  /** The seed-trained classifier put the candidate in another intent. */
  otherIntent: number;
  /** Its own intent, but with too little confidence (low pointwise V-information). */
  lowConfidence: number;
  /** A family had already filled its share of the count (no family fills a count on its own). */
  familyShare: number;
  /** Dropped candidates per family letter (a candidate with two families counts for both). */
  byFamily: TagCounts;
}

export interface IntentReport {
  intent: string;
  /** A multi-language spec: the language this row counts. */
  language?: string;
  requested: number;
  produced: number;
  shortfall: number;
  train: number;
  test: number;
  sources: {seed: number; template: number; generated: number};
  tags: TagCounts;
  attempts: number;
  /** Variation mix entries the language pack has no family for. */
  unknownFamilies?: string[];
  /** Variants dropped because a family broke an entity span or threw (a bug in that family). */
  rejectedVariants?: number;
  /** Why it stopped short, when it did. */
  reason?: string;
  /** Sources (templates, seeds) that stopped being drawn because their yield of new utterances fell too low. */
  saturatedSources?: number;
  /** Candidates dropped by the label filter or the family shares. */
  dropped?: DropCounts;
  /**
   * Short of the count: plain seeds more that would likely reach it, at the yield per seed this run had
   * (generated and template utterances per seed given).
   */
  moreSeeds?: number;
  /** Utterances generated but not written, to keep the intents within BALANCE_TOLERANCE of each other. */
  trimmed?: number;
}

export interface GenerationReport {
  seed: string;
  language: string;
  produced: number;
  requested: number;
  shortfall: number;
  intents: IntentReport[];
  tags: TagCounts;
  /** Whether the label-preservation filter ran. */
  filter: boolean;
  /** With `variations: auto` (the default): each family's measured effect and the mix chosen. */
  autoMix?: AutoMixReport;
  /** New content words and the most common added word sets (variety.ts), where the language pack can tell. */
  variety?: VarietyReport;
  /** A multi-language spec: the counts per language (the intents rows carry their language). */
  languages?: Array<{language: string; produced: number; requested: number; shortfall: number}>;
}

/** Bounded work: never loop forever on a spec that cannot yield the count. */
const ATTEMPTS_PER_UTTERANCE = 40;
const MIN_ATTEMPTS = 2_000;
const STALL_LIMIT = 5_000;
/** Seeds drawn in a row without a new value combination before the seed-value fill stops. */
const VALUE_FILL_MISSES = 200;
/** Auto-mix trials only need a sample of what a family does, not every last variant. */
const TRIAL_STALL_LIMIT = 200;

function spansAreValid(annotated: AnnotatedText): boolean {
  return spansFit(annotated.entities, annotated.text.length);
}

/** Every span (and child span) has integer bounds, is not empty and lies inside a text of this length. */
function spansFit(spans: readonly EntitySpan[] | undefined, length: number): boolean {
  if (!spans) return true;
  for (const s of spans)
    if (
      !Number.isInteger(s.start) ||
      !Number.isInteger(s.end) ||
      s.start < 0 ||
      s.start >= s.end ||
      s.end > length ||
      !spansFit(s.children, length)
    )
      return false;
  return true;
}

function makeUtterance(
  annotated: AnnotatedText,
  intent: string,
  tags: VariationTag[],
  source: 'seed' | 'template' | 'generated',
  split: 'train' | 'test',
  origin: string | undefined,
): Utterance {
  // Fixed key order: the JSONL output is byte-for-byte reproducible.
  const utterance: Utterance = {
    text: annotated.text,
    intent,
    entities: annotated.entities.map(copySpan),
    tags,
    source,
    split,
  };
  // Provenance: the seed or template as written in the spec (seeds themselves have none).
  if (origin !== undefined) utterance.origin = origin;
  return utterance;
}

function copySpan(span: EntitySpan): EntitySpan {
  const out: EntitySpan = {entity: span.entity, start: span.start, end: span.end};
  if (span.value !== undefined) out.value = span.value;
  if (span.role !== undefined) out.role = span.role;
  if (span.group !== undefined) out.group = span.group;
  if (span.children?.length) out.children = span.children.map(copySpan);
  return out;
}

/** Assigns train/test so that, when the target is met, train is exactly round(target * split). */
class SplitQuota {
  private train = 0;
  private assigned = 0;
  private readonly trainTarget: number;
  constructor(
    private readonly target: number,
    private readonly split: number,
    private readonly rng: Rng,
  ) {
    this.trainTarget = Math.round(target * split);
  }
  next(): 'train' | 'test' {
    const remaining = this.target - this.assigned;
    const remainingTrain = this.trainTarget - this.train;
    const toTrain =
      remaining > 0 ? this.rng.next() * remaining < remainingTrain : this.rng.chance(this.split);
    return this.take(toTrain ? 'train' : 'test');
  }
  private take(split: 'train' | 'test'): 'train' | 'test' {
    this.assigned += 1;
    if (split === 'train') this.train += 1;
    return split;
  }
}

/**
 * Splits an intent by groups, so that no near-copy of a test utterance trains the model tested on it: a seed,
 * the seeds that differ from it only in case, spacing or punctuation, and everything generated from any of them
 * (a paraphrase, a near-copy with a tail, other slot values) form one group on one side; an utterance expanded
 * from a template with slots is a group of its own. The test share is a target, reached as closely as the
 * groups allow: largest groups first (ties in a seeded order), each to test while the test count stays within
 * produced - round(produced * split), then, if that is still short, the one group that ends nearest it; groups
 * of one utterance make it exact whenever there are enough of them. An intent without seeds streams as written (its quota split is already exact); one with seeds is held
 * until complete, as group sizes are known only then.
 */
function* splitBySeedGroups(
  intent: Generator<Utterance, IntentReport>,
  seedGroups: Map<string, string>,
  split: number,
  rng: Rng,
): Generator<Utterance, IntentReport> {
  let step = intent.next();
  if (step.done || step.value.source !== 'seed') {
    for (; !step.done; step = intent.next()) yield step.value;
    return step.value;
  }
  const held: Utterance[] = [];
  const groups = new Map<string, Utterance[]>();
  for (; !step.done; step = intent.next()) {
    const u = step.value;
    held.push(u);
    const seedKey = u.source === 'seed' ? dedupeKeyText(u.text) : seedGroups.get(u.origin ?? '\u0000');
    const key = seedKey === undefined ? `\u0000${held.length}` : `seed:${seedKey}`;
    const members = groups.get(key);
    if (members) members.push(u);
    else groups.set(key, [u]);
  }
  const report = step.value;
  const testTarget = held.length - Math.round(held.length * split);
  const ordered = rng.shuffle([...groups.values()]).sort((a, b) => b.length - a.length);
  const toTest = new Set<Utterance[]>();
  let test = 0;
  for (const members of ordered)
    if (test + members.length <= testTarget) {
      toTest.add(members);
      test += members.length;
    }
  // Short of the target with no group small enough left: one more group, when it ends nearer the target.
  let nearest: Utterance[] | undefined;
  for (const members of ordered)
    if (!toTest.has(members) && Math.abs(test + members.length - testTarget) < Math.abs(test - testTarget))
      if (!nearest || members.length < nearest.length) nearest = members;
  if (nearest) {
    toTest.add(nearest);
    test += nearest.length;
  }
  for (const members of ordered) for (const u of members) u.split = toTest.has(members) ? 'test' : 'train';
  report.train = held.length - test;
  report.test = test;
  yield* held;
  return report;
}

interface Base {
  template: CompiledTemplate;
  /** A seed: only useful as a base once a variation family changes it. */
  seed: boolean;
  /** Utterances accepted from it so far. */
  produced: number;
  /** Draws in a row that gave nothing new; past a limit the base counts as exhausted. */
  failures: number;
  /** Draws from it so far. */
  draws: number;
  /** Its recent yield: new utterances per draw, decayed over about YIELD_WINDOW draws. */
  yield: number;
  /** Plain expansions (no family applied) in a row that were already written. */
  plainMisses: number;
  /** Its wordings are all written: from now on a draw must be varied, like a seed's. */
  plainExhausted: boolean;
}

/**
 * Saturation: a source (template or seed) whose recent yield falls below MIN_YIELD new utterances per draw
 * after at least YIELD_WINDOW draws stops being drawn; its share goes to the sources still yielding. When none
 * yields any more the intent stops and reports the shortfall, instead of paying ever more draws per utterance.
 */
const YIELD_WINDOW = 100;
const MIN_YIELD = 1 / 20;

function newBase(template: CompiledTemplate, seed: boolean): Base {
  return {template, seed, produced: 0, failures: 0, draws: 0, yield: 1, plainMisses: 0, plainExhausted: seed};
}

/** Records one draw's result; true when the base has saturated and should not be drawn again. */
function recordDraw(base: Base, produced: boolean): boolean {
  base.draws += 1;
  base.yield += ((produced ? 1 : 0) - base.yield) / YIELD_WINDOW;
  return base.draws >= YIELD_WINDOW && base.yield < MIN_YIELD;
}

/**
 * A plain expansion of a base was already written. Past all its wordings (or, when texts from other sources
 * collide with them, past 10 + 2 * capacity such misses in a row) an unvaried draw can only repeat one.
 */
function recordPlainMiss(base: Base): void {
  base.plainMisses += 1;
  if (base.plainMisses > 10 + 2 * Math.min(base.template.capacity, 100_000)) base.plainExhausted = true;
}

/** Everything compiled once per spec. */
interface Prepared {
  spec: Spec;
  pack: LanguagePack;
  rng: Rng;
  seed: string;
  language: string;
  /** Every intent's examples, compiled up front so a bad template fails before anything is written. */
  templates: CompiledTemplate[][];
  seen: CompactKeySet;
  filter: LabelFilter | undefined;
  /** The seeds' slot values (empty: none found, or turned off). */
  values: ValueClass[];
}

/** Expansions of a template taken as the filter's training text (a seed is its own single expansion). */
const FILTER_SAMPLES_PER_TEMPLATE = 5;

/** Trains the label filter on what the spec's own examples say each intent is. */
function buildFilter(
  spec: Spec,
  templates: CompiledTemplate[][],
  seed: string,
  options: GenerateOptions,
  pack: LanguagePack,
): LabelFilter | undefined {
  if (options.filter === false || pack.families.length === 0) return undefined;
  const rng = createRng(`${seed}:filter`);
  const buffer: Expansion = {text: '', entities: []};
  const examples = spec.intents.flatMap((intent, i) =>
    templates[i]!.flatMap((template) => {
      const samples = template.plain ? 1 : FILTER_SAMPLES_PER_TEMPLATE;
      return Array.from({length: samples}, () => {
        buffer.text = '';
        buffer.entities = [];
        template.sample(rng, buffer);
        const tidy = tidyExpansion(buffer);
        return {text: (pack.agree ? pack.agree(tidy) : tidy).text, intent: intent.name};
      });
    }),
  );
  return trainLabelFilter(examples, typeof options.filter === 'object' ? options.filter : {});
}

/** True when the spec leaves the mix to `auto` (explicitly or by saying nothing) and a pack has families. */
function wantsAutoMix(spec: Spec, pack: LanguagePack | undefined): boolean {
  const chosen = spec.defaults?.variations;
  return (chosen === undefined || chosen === 'auto') && (pack?.families.length ?? 0) > 0;
}

/** Measures the families on held-out seeds and returns the spec with the chosen mix written in. */
export function resolveAutoMix(spec: Spec, options: GenerateOptions): {spec: Spec; report?: AutoMixReport} {
  if (!wantsAutoMix(spec, options.pack)) return {spec};
  const seed = String(options.seed ?? spec.seed ?? 0);
  const pack = options.pack!;
  const report = chooseAutoMix(spec, pack, seed, options.autoMixCache, (trial) => {
    const examples: {text: string; intent: string}[] = [];
    const iterator = generateUtterancesSync(trial, {
      seed,
      pack,
      filter: false,
      seedValues: false,
      balance: false,
      stallLimit: TRIAL_STALL_LIMIT,
      ...(options.file ? {file: options.file} : {}),
    });
    for (let step = iterator.next(); !step.done; step = iterator.next())
      examples.push({text: step.value.text, intent: step.value.intent});
    return examples;
  });
  return {spec: {...spec, defaults: {...spec.defaults, variations: report.mix}}, report};
}

function prepare(spec: Spec, options: GenerateOptions): Prepared {
  const seed = String(options.seed ?? spec.seed ?? 0);
  const language = spec.language ?? 'en';
  const compiler = new TemplateCompiler(spec, options.file);
  const templates = spec.intents.map((intent, i) =>
    intent.examples.map((example, e) => compiler.compile(example, `intents[${i}].examples[${e}]`)),
  );
  const pack = options.pack ?? {language, families: []};
  return {
    spec,
    pack,
    rng: createRng(seed),
    seed,
    language,
    templates,
    seen: new CompactKeySet(),
    filter: buildFilter(spec, templates, seed, options, pack),
    values:
      options.seedValues === false || !pack.seedValues ? [] : pack.seedValues(plainSeedTexts(templates)),
  };
}

function plainSeedTexts(templates: CompiledTemplate[][]): string[] {
  const rng = createRng('plain seeds');
  const buffer: Expansion = {text: '', entities: []};
  return templates.flat().flatMap((template) => {
    if (!template.plain) return [];
    buffer.text = '';
    buffer.entities = [];
    template.sample(rng, buffer);
    return [tidyExpansion(buffer).text];
  });
}

/**
 * Runs each active family with its share's chance, in order, each on the previous one's output (through the
 * memo: same input and same choices, same output). A seed drawn as a base must change. The tags of the
 * families that changed the text go to `tags` (emptied first, sorted in Bitext order): a scratch list the
 * caller copies only for a candidate it keeps, as most draws are dropped.
 */
function applyFamilies(
  input: TextState,
  families: ActiveFamily[],
  memo: FamilyMemo,
  rng: Rng,
  mustChange: boolean,
  report: IntentReport,
  tags: VariationTag[],
): TextState | undefined {
  let current = input;
  tags.length = 0;
  for (const active of families)
    if (rng.chance(active.share)) current = tryFamily(active, current, memo, tags, report);
  if (tags.length === 0 && mustChange && families.length > 0) {
    // A seed drawn as a base must become something new: force one family, chosen by its share.
    current = tryFamily(rng.pickWeighted(families, familyShare), current, memo, tags, report);
  }
  if (mustChange && tags.length === 0) return undefined;
  if (tags.length > 1) sortTags(tags);
  return current;
}

function familyShare(active: ActiveFamily): number {
  return active.share;
}

/** One family on the current text: its output when it changed the text and kept the spans valid. */
function tryFamily(
  active: ActiveFamily,
  current: TextState,
  memo: FamilyMemo,
  tags: VariationTag[],
  report: IntentReport,
): TextState {
  const output = memo.apply(active.family, current);
  if (output === FAMILY_THREW) {
    report.rejectedVariants = (report.rejectedVariants ?? 0) + 1;
    return current;
  }
  if (!output || output.annotated.text === current.annotated.text) return current;
  output.spansValid ??= spansAreValid(output.annotated);
  if (!output.spansValid) {
    report.rejectedVariants = (report.rejectedVariants ?? 0) + 1;
    return current;
  }
  if (!tags.includes(active.family.tag)) tags.push(active.family.tag);
  return output;
}

/** Tag counts in Bitext letter order, so reports read the same way every time. */
function sortedTags(tags: TagCounts): TagCounts {
  const sorted: TagCounts = {};
  for (const tag of VARIATION_TAGS) if (tags[tag] !== undefined) sorted[tag] = tags[tag];
  return sorted;
}

/** templateRng.pickWeighted(bases, baseWeight), with the weights in a scratch array (once per draw). */
function pickBase(bases: readonly Base[], rng: Rng, weights: Float64Array): number {
  for (let i = 0; i < bases.length; i++) weights[i] = baseWeight(bases[i]!);
  return pickIndexByWeights(rng, weights, bases.length);
}

function baseWeight(base: Base): number {
  // Seeds have one wording; variation multiplies it, so they count as a few.
  const shapes = base.seed ? 4 : base.template.shapes;
  return 1 / (1 + base.produced / shapes);
}

/** Where an utterance came from: a seed as written, a template's expansion, or a variation family's output. */
type UtteranceSource = 'seed' | 'template' | 'generated';

/** A draw worth writing: its text and the families that made it (empty for a plain expansion). */
interface Candidate {
  annotated: AnnotatedText;
  tags: VariationTag[];
}

/**
 * One intent's generation, in four steps run in order by `run`: write the seeds, draw from the bases (templates,
 * and seeds as bases for variation) until the count, a limit or the sources give out, fill what the families
 * left with seeds holding other seed values, and say in the report why it fell short, when it did. The state the
 * steps share is the fields below; the report counts as it goes.
 */
class IntentGenerator {
  private readonly report: IntentReport;
  private readonly settings: IntentSettings;
  private readonly templateRng: Rng;
  private readonly variationRng: Rng;
  private readonly valuesRng: Rng;
  /**
   * The seeds' slot values, only where the intent is varied at all: when the seeds' own held-out check
   * (auto-mix) keeps no family, value copies of seeds are extra weight on the seeds that hold a number (CLINC150
   * val with auto keeping nothing, draws 0/1/2: 0 / -0.03 / +0.07 with value copies, exactly 0 without).
   */
  private readonly values: ValueClass[];
  private readonly quota: SplitQuota;
  private readonly memo: FamilyMemo;
  private readonly seen: CompactKeySet;
  private readonly agree: LanguagePack['agree'];
  private readonly dropped: DropCounts = {otherIntent: 0, lowConfidence: 0, familyShare: 0, byFamily: {}};
  /** Every template and seed of the intent, in the spec's order. */
  private readonly bases: Base[] = [];
  /** The seeds as written, for the seed-value fill. */
  private readonly seedsWritten: Array<{annotated: AnnotatedText; source: string}> = [];
  /** The one expansion buffer every sample is written into. */
  private readonly buffer: Expansion = {text: '', entities: []};
  /** The tags of the draw in progress: copied only for a candidate that is kept. */
  private readonly scratchTags: VariationTag[] = [];
  /** The families still active: one whose share of the count is filled leaves the list. */
  private families: ActiveFamily[];
  /** The bases still drawn from: a base that is exhausted or saturated leaves the list. */
  private usable: Base[] = [];
  /** How many generated utterances each family may tag (its share of the generated part, rounded up). */
  private familyCap = new Map<VariationTag, number>();

  constructor(
    private readonly prepared: Prepared,
    private readonly intent: IntentSpec,
    private readonly index: number,
    private readonly options: GenerateOptions,
    /** Filled here: each seed's dedupe key by its source text, for splitBySeedGroups. */
    private readonly seedGroups: Map<string, string>,
  ) {
    this.settings = resolveIntentSettings(prepared.spec, intent, prepared.pack, options);
    const intentRng = prepared.rng.fork(`intent:${intent.name}`);
    this.templateRng = intentRng.fork('template');
    this.variationRng = intentRng.fork('variation');
    this.valuesRng = intentRng.fork('values');
    this.values = this.settings.families.length > 0 ? prepared.values : [];
    this.quota = new SplitQuota(this.settings.count, this.settings.split, intentRng.fork('split'));
    this.memo = new FamilyMemo({rng: this.variationRng, intent: intent.name, language: prepared.language});
    this.report = {
      ...emptyIntentReport(intent.name, this.settings.count),
      ...(this.settings.unknownFamilies.length ? {unknownFamilies: this.settings.unknownFamilies} : {}),
    };
    this.seen = prepared.seen;
    this.agree = prepared.pack.agree;
    this.families = this.settings.families;
  }

  *run(): Generator<Utterance, IntentReport> {
    yield* this.writeSeeds();
    this.capFamilyShares();
    yield* this.drawFromBases();
    yield* this.fillWithSeedValues();
    this.explainShortfall();
    return this.finishReport();
  }

  /**
   * Step 1: every template becomes a base; every seed is written as it is. Seeds are always kept as written,
   * even past the count and even when two differ only in case or punctuation or spacing ("see you later,
   * alligator" / "see you later alligator"): the user's own examples are what the output must never do worse
   * than. Only the very same example twice in one intent is written once.
   */
  private *writeSeeds(): Generator<Utterance, void> {
    const localSeeds = new Set<string>();
    for (const template of this.prepared.templates[this.index]!) {
      this.bases.push(newBase(template, template.plain));
      if (!template.plain) continue;
      this.sample(template);
      const annotated = this.expanded();
      if (localSeeds.has(template.source)) continue;
      localSeeds.add(template.source);
      const key = dedupeKeyText(annotated.text);
      this.seen.add(key);
      const utterance = this.emit(annotated, [], 'seed');
      this.seedGroups.set(template.source, key);
      this.seedsWritten.push({annotated, source: template.source});
      yield utterance;
    }
  }

  /**
   * Each family may tag at most its share of the generated part of the count (rounded up), so that a family
   * that always applies (typos) cannot fill a count the others could not: the rest is reported as shortfall.
   * A family whose share is filled leaves the active list; with none left, seeds cannot be varied any more.
   */
  private capFamilyShares(): void {
    const generatedTarget = Math.max(0, this.settings.count - this.report.produced);
    this.familyCap = new Map<VariationTag, number>(
      this.settings.families.map((f) => [f.family.tag, Math.ceil(Math.min(1, f.share) * generatedTarget)]),
    );
  }

  /** Whether a family has tagged its share of the count (an arrow: it is passed to `tags.some`). */
  private readonly shareFilled = (tag: VariationTag): boolean =>
    (this.report.tags[tag] ?? 0) >= (this.familyCap.get(tag) ?? Infinity);

  /**
   * Step 2: draws from the usable bases, favouring those that have produced little, until the count, a limit
   * on attempts, a stall, or no base is left. Where it stops early it says why in report.reason.
   */
  private *drawFromBases(): Generator<Utterance, void> {
    const {report, settings} = this;
    this.usable = this.families.length > 0 ? this.bases : this.bases.filter((b) => !b.seed);
    // Without variation, a finite grammar can produce at most this many texts; stop there instead of stalling.
    const capacity =
      this.families.length > 0 ? Infinity : this.usable.reduce((n, b) => n + b.template.capacity, 0);
    const target = Math.min(settings.count, report.produced + capacity);
    const maxAttempts = Math.max(MIN_ATTEMPTS, settings.count * ATTEMPTS_PER_UTTERANCE);
    // usable only shrinks: its first weights list is long enough for every draw.
    const baseWeights = new Float64Array(this.usable.length);
    let stalled = 0;
    const stallLimit = this.options.stallLimit ?? STALL_LIMIT;
    while (report.produced < target && this.usable.length > 0) {
      if (report.attempts >= maxAttempts) {
        report.reason = `gave up after ${report.attempts} attempts`;
        break;
      }
      if (stalled >= stallLimit) {
        report.reason = `no new utterance in the last ${stallLimit} attempts`;
        break;
      }
      report.attempts += 1;
      stalled += 1;
      const base = this.pickUsableBase(baseWeights);
      if (!base) continue;
      const candidate = this.drawCandidate(base);
      if (recordDraw(base, candidate !== undefined)) {
        this.retire(base);
        report.saturatedSources = (report.saturatedSources ?? 0) + 1;
      }
      if (!candidate) continue;
      stalled = 0;
      base.produced += 1;
      base.failures = 0;
      const {annotated, tags} = candidate;
      yield this.emit(annotated, tags, tags.length > 0 ? 'generated' : 'template', base.template.source);
      if (tags.some(this.shareFilled)) this.dropFilledFamilies();
    }
  }

  /**
   * The base to draw from, or undefined when the one picked turned out exhausted (it leaves the list). A
   * template whose only variety is an entity value (order {order_id}) would otherwise fill the intent with
   * copies differing in one number: templates that have produced little for their wordings are favoured.
   */
  private pickUsableBase(weights: Float64Array): Base | undefined {
    const usable = this.usable;
    const base = usable.length === 1 ? usable[0]! : usable[pickBase(usable, this.templateRng, weights)]!;
    base.failures += 1;
    // Missing one of s remaining wordings for 10·s draws in a row happens with odds e^-10: call it exhausted.
    if (base.failures > 50 + 10 * Math.min(base.template.shapes, 10_000) && usable.length > 1) {
      this.retire(base);
      return undefined;
    }
    return base;
  }

  private retire(base: Base): void {
    this.usable = this.usable.filter((b) => b !== base);
  }

  /** A family filled its share: it leaves the active list, and with no family left seeds are no base any more. */
  private dropFilledFamilies(): void {
    this.families = this.families.filter((f) => !this.shareFilled(f.family.tag));
    if (this.families.length === 0) this.usable = this.usable.filter((b) => !b.seed);
    if (this.usable.length === 0)
      this.report.reason = 'every variation family has filled its share of the count';
  }

  /** One draw from a base: a new utterance to write, or undefined (a repeat, a rejected or unchanged variant). */
  private drawCandidate(base: Base): Candidate | undefined {
    this.sample(base.template);
    let state = this.memo.base(this.expanded(), base.template.capacity !== Infinity);
    const tags = this.scratchTags;
    tags.length = 0;
    if (this.families.length > 0) {
      const varied = applyFamilies(
        state,
        this.families,
        this.memo,
        this.variationRng,
        base.plainExhausted,
        this.report,
        tags,
      );
      if (!varied) return undefined;
      state = varied;
    }
    // Seen once, seen for good: the set only grows.
    const key = (state.dedupeHash ??= dedupeKeyHash(state.annotated.text));
    // An empty key (0) can only be in the set as a seed's (seeds are added by text).
    if (state.seen || (key === 0 ? this.seen.has('') : this.seen.hasHash(key))) {
      state.seen = true;
      if (tags.length === 0) recordPlainMiss(base);
      return undefined;
    }
    if (key === 0) return undefined;
    const annotated = state.annotated;
    // No zero-length or out-of-range span is ever written, whatever a value source or family returned.
    if (!spansAreValid(annotated)) {
      this.report.rejectedVariants = (this.report.rejectedVariants ?? 0) + 1;
      return undefined;
    }
    if (tags.length > 0) {
      if (!this.keepsVariant(state, key, tags)) return undefined;
    } else base.plainMisses = 0;
    this.seen.addHash(key);
    state.seen = true;
    return {annotated: this.withOtherValues(annotated, false) ?? annotated, tags: [...tags]};
  }

  /**
   * Whether a varied text may be written: no family on it has filled its share, and the label filter (when on)
   * still puts it in this intent. A text the filter turns down is remembered, so it is not judged again.
   */
  private keepsVariant(state: TextState, key: number, tags: VariationTag[]): boolean {
    if (tags.some(this.shareFilled)) {
      this.drop('familyShare', tags);
      return false;
    }
    const judgement = this.prepared.filter?.judge(state.annotated.text, this.intent.name);
    if (!judgement || judgement.keep) return true;
    this.seen.addHash(key);
    state.seen = true;
    this.drop(judgement.reason === 'other-intent' ? 'otherIntent' : 'lowConfidence', tags);
    return false;
  }

  /**
   * Step 3: what the families left of the count, filled with seeds holding other seed values (Bitext val, 3
   * draws: see seed-values.ts), until VALUE_FILL_MISSES draws in a row find no new combination.
   */
  private *fillWithSeedValues(): Generator<Utterance, void> {
    const {values, report, settings} = this;
    const withValues =
      values.length > 0 ? this.seedsWritten.filter((s) => holdsSeedValue(s.annotated, values)) : [];
    let misses = 0;
    while (report.produced < settings.count && withValues.length > 0 && misses < VALUE_FILL_MISSES) {
      const seed = this.valuesRng.pick(withValues);
      const varied = this.withOtherValues(seed.annotated, true);
      if (!varied) {
        misses++;
        continue;
      }
      misses = 0;
      yield this.emit(varied, [], 'template', seed.source);
    }
  }

  /** Step 4: why the intent fell short, unless the draw loop already said (a full intent has no reason). */
  private explainShortfall(): void {
    const {report, settings} = this;
    if (report.produced >= settings.count) {
      delete report.reason;
      return;
    }
    if (report.reason) return;
    if (this.usable.length === 0 && report.saturatedSources)
      report.reason = `every source saturated (under 1 new utterance in ${Math.round(1 / MIN_YIELD)} draws)`;
    else if (this.usable.length === 0)
      report.reason = 'only seed sentences and no variation family is available to paraphrase them';
    else report.reason = `the templates can produce only ${report.produced} different utterances`;
  }

  /** The report's totals: shortfall, the seeds that would likely close it, tags and drops in Bitext order. */
  private finishReport(): IntentReport {
    const {report, dropped} = this;
    report.shortfall = Math.max(0, this.settings.count - report.produced);
    if (report.shortfall > 0 && report.sources.seed > 0) {
      const perSeed = (report.produced - report.sources.seed) / report.sources.seed;
      report.moreSeeds = Math.ceil(report.shortfall / (1 + perSeed));
    }
    report.tags = sortedTags(report.tags);
    if (dropped.otherIntent + dropped.lowConfidence + dropped.familyShare > 0)
      report.dropped = {...dropped, byFamily: sortedTags(dropped.byFamily)};
    return report;
  }

  /** One expansion of a template into the buffer. */
  private sample(template: CompiledTemplate): void {
    this.buffer.text = '';
    this.buffer.entities = [];
    template.sample(this.templateRng, this.buffer);
  }

  /** The buffer's expansion, tidied, with the words around its slot values agreeing with them. */
  private expanded(): AnnotatedText {
    const tidy = tidyExpansion(this.buffer);
    return this.agree ? this.agree(tidy) : tidy;
  }

  /** The text with other seed values, when that is an utterance not written yet (then it counts as written). */
  private withOtherValues(annotated: AnnotatedText, mustChange: boolean): AnnotatedText | undefined {
    const swappedRaw = swapSeedValues(annotated, this.values, this.valuesRng, mustChange);
    const swapped = swappedRaw && this.agree ? this.agree(swappedRaw) : swappedRaw;
    if (!swapped || swapped.text === annotated.text) return undefined;
    const key = dedupeKeyText(swapped.text);
    if (!key || this.seen.has(key)) return undefined;
    this.seen.add(key);
    return swapped;
  }

  /** Counts an utterance in the report and makes it, with a provisional split. */
  private emit(
    annotated: AnnotatedText,
    tags: VariationTag[],
    source: UtteranceSource,
    origin?: string,
  ): Utterance {
    // Provisional: an intent with seeds is split again by groups once it is complete (splitBySeedGroups).
    const split = this.quota.next();
    const report = this.report;
    report.produced += 1;
    report[split] += 1;
    report.sources[source] += 1;
    for (const tag of tags) report.tags[tag] = (report.tags[tag] ?? 0) + 1;
    return makeUtterance(annotated, this.intent.name, tags, source, split, origin);
  }

  private drop(reason: Exclude<keyof DropCounts, 'byFamily'>, tags: VariationTag[]): void {
    this.dropped[reason] += 1;
    for (const tag of tags) this.dropped.byFamily[tag] = (this.dropped.byFamily[tag] ?? 0) + 1;
  }
}

/** An out-of-scope sentence this sure (bits of PVI) of being one of the spec's own intents is not out of scope. */
const NONE_MAX_PVI = 2;

/**
 * The out-of-scope intent: the pack's neutral and out-of-domain sentences, in a seeded order, minus any the
 * seed classifier confidently assigns to one of the spec's own intents and any already written.
 */
function* generateNone(
  prepared: Prepared,
  spec: Spec,
  options: GenerateOptions,
): Generator<Utterance, IntentReport> {
  const name = options.none?.name ?? spec.none?.name ?? DEFAULT_NONE_NAME;
  const count = options.none?.count ?? spec.none?.count ?? DEFAULT_NONE_COUNT;
  const split = options.split ?? spec.defaults?.split ?? DEFAULT_SPLIT;
  const rng = prepared.rng.fork(`intent:${name}`);
  const quota = new SplitQuota(count, split, rng.fork('split'));
  const report = emptyIntentReport(name, count);
  let inScope = 0;
  for (const sentence of rng.shuffle([...(prepared.pack.outOfScope ?? [])])) {
    if (report.produced >= count) break;
    report.attempts += 1;
    const key = dedupeKeyText(sentence);
    if (!key || prepared.seen.has(key)) continue;
    const best = prepared.filter?.strongestIntent(sentence);
    if (best && best.pvi >= NONE_MAX_PVI) {
      inScope += 1;
      continue;
    }
    prepared.seen.add(key);
    const splitName = quota.next();
    report.produced += 1;
    report[splitName] += 1;
    report.sources.template += 1;
    yield makeUtterance({text: sentence, entities: []}, name, [], 'template', splitName, sentence);
  }
  report.shortfall = Math.max(0, count - report.produced);
  if (report.shortfall > 0)
    report.reason = `the ${prepared.language} pack has ${prepared.pack.outOfScope?.length ?? 0} out-of-scope sentences${inScope ? `, ${inScope} of them too close to the spec's intents` : ''}`;
  return report;
}

/**
 * Generates utterances one at a time (synchronously: the fast path the command and benchmarks use). Pass
 * the language pack (await languagePackFor(spec)); without one only templates are expanded.
 */
export function* generateUtterancesSync(
  document: Spec | SpecDocument,
  options: GenerateOptions = {},
): Generator<Utterance, GenerationReport> {
  const requested = oneLanguageSpec(document);
  // Compile first, so a bad template fails before any measuring.
  if (wantsAutoMix(requested, options.pack))
    prepare({...requested, defaults: {...requested.defaults, variations: {}}}, {...options, filter: false});
  const {spec, report: autoMix} = resolveAutoMix(requested, options);
  const prepared = prepare(spec, options);
  const report: GenerationReport = {
    seed: prepared.seed,
    language: prepared.language,
    produced: 0,
    requested: 0,
    shortfall: 0,
    intents: [],
    tags: {},
    filter: prepared.filter !== undefined,
    ...(autoMix ? {autoMix} : {}),
  };
  const meter = prepared.pack.variety ? new VarietyMeter(prepared.pack.variety) : undefined;
  // Each intent's utterances with their train/test split: a seed and what was generated from it on one side.
  const generateSplit = (intent: IntentSpec, index: number) => {
    const seedGroups = new Map<string, string>();
    return splitBySeedGroups(
      new IntentGenerator(prepared, intent, index, options, seedGroups).run(),
      seedGroups,
      options.split ?? intent.split ?? spec.defaults?.split ?? DEFAULT_SPLIT,
      prepared.rng.fork(`intent:${intent.name}`).fork('split-groups'),
    );
  };
  const add = (intentReport: IntentReport): void => {
    report.intents.push(intentReport);
    report.produced += intentReport.produced;
    report.requested += intentReport.requested;
    report.shortfall += intentReport.shortfall;
    for (const [tag, n] of Object.entries(intentReport.tags))
      report.tags[tag as VariationTag] = (report.tags[tag as VariationTag] ?? 0) + n;
    options.onIntent?.(intentReport);
  };
  if (options.balance === false || spec.intents.length < 2) {
    for (const [index, intent] of spec.intents.entries()) {
      meter?.startIntent(intent.name, intent.examples);
      add(yield* metered(generateSplit(intent, index), meter));
    }
  } else {
    // Held until every intent is done: how far the shortest falls short decides how many the others write.
    const held: Array<{intent: IntentSpec; utterances: Utterance[]; report: IntentReport}> = [];
    for (const [index, intent] of spec.intents.entries()) {
      const utterances: Utterance[] = [];
      const iterator = generateSplit(intent, index);
      let step = iterator.next();
      for (; !step.done; step = iterator.next()) utterances.push(step.value);
      held.push({intent, utterances, report: step.value});
    }
    const fill = (r: IntentReport) => r.produced / Math.max(1, r.requested);
    const byFill = held.map((h) => h.report).sort((a, b) => fill(a) - fill(b));
    // The lower median: the level half the intents reach.
    const limiting = byFill[Math.floor((byFill.length - 1) / 2)]!;
    const level = fill(limiting);
    for (const {intent, utterances, report: intentReport} of held) {
      const cap = Math.max(
        intentReport.sources.seed,
        Math.floor(intentReport.requested * Math.min(1, level * (1 + BALANCE_TOLERANCE))),
      );
      const kept = intentReport.produced > cap ? trimTo(utterances, cap) : utterances;
      if (kept.length < utterances.length) {
        recount(intentReport, kept, utterances.length - kept.length);
        intentReport.reason = `trimmed to stay within ${100 * BALANCE_TOLERANCE}% of the median intent, ${limiting.intent} (${limiting.produced} of ${limiting.requested}; --no-balance writes them)`;
      }
      // The variety meter sees what is written, after the trim.
      meter?.startIntent(intent.name, intent.examples);
      for (const utterance of kept) if (utterance.source === 'generated') meter?.addGenerated(utterance.text);
      yield* kept;
      add(intentReport);
    }
  }
  if (options.none ?? spec.none) {
    const noneReport = yield* generateNone(prepared, spec, options);
    report.intents.push(noneReport);
    report.produced += noneReport.produced;
    report.requested += noneReport.requested;
    report.shortfall += noneReport.shortfall;
    options.onIntent?.(noneReport);
  }
  report.tags = sortedTags(report.tags);
  if (meter) report.variety = meter.finish();
  return report;
}

/** The first `cap` utterances, seeds always kept (they come first; past the cap only seeds stay). */
function trimTo(utterances: Utterance[], cap: number): Utterance[] {
  let room = cap - utterances.filter((u) => u.source === 'seed').length;
  return utterances.filter((u) => u.source === 'seed' || room-- > 0);
}

/** The intent's counts after trimming. */
function recount(report: IntentReport, kept: Utterance[], trimmed: number): void {
  report.trimmed = trimmed;
  report.produced = kept.length;
  report.shortfall = Math.max(0, report.requested - kept.length);
  report.train = kept.filter((u) => u.split === 'train').length;
  report.test = kept.length - report.train;
  report.sources = {seed: 0, template: 0, generated: 0};
  const tags: TagCounts = {};
  for (const u of kept) {
    const source = u.source === 'seed' || u.source === 'template' ? u.source : 'generated';
    report.sources[source] += 1;
    for (const tag of u.tags ?? []) tags[tag] = (tags[tag] ?? 0) + 1;
  }
  report.tags = sortedTags(tags);
  delete report.moreSeeds;
}

/** Passes an intent's utterances on, showing the generated ones to the variety meter. */
function* metered(
  utterances: Generator<Utterance, IntentReport>,
  meter: VarietyMeter | undefined,
): Generator<Utterance, IntentReport> {
  if (!meter) return yield* utterances;
  for (;;) {
    const next = utterances.next();
    if (next.done) return next.value;
    if (next.value.source === 'generated') meter.addGenerated(next.value.text);
    yield next.value;
  }
}

function emptyIntentReport(intent: string, requested: number): IntentReport {
  return {
    intent,
    requested,
    produced: 0,
    shortfall: 0,
    train: 0,
    test: 0,
    sources: {seed: 0, template: 0, generated: 0},
    tags: {},
    attempts: 0,
  };
}
