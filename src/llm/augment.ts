/**
 * Rule-based output plus model paraphrases: plan the requests, answer each from the cache or the endpoint,
 * filter every utterance, then give each intent its model utterances in place of part of its rule-based
 * variants (seeds always stay; rule-based variants fill whatever the model could not). Everything after the
 * answers is deterministic, so cached answers give byte-identical output.
 */
import {SynthnluError} from '../errors.js';
import type {GenerationReport, IntentReport} from '../generate/pipeline.js';
import {createRng} from '../generate/rng.js';
import {resolveIntentSettings} from '../generate/settings.js';
import type {LanguagePack} from '../generate/variation/types.js';
import {VARIATION_TAGS, type Utterance, type VariationTag} from '../model/dataset.js';
import type {RetryPolicy} from '../remote/retry.js';
import type {Spec} from '../spec/spec.js';
import {parseAnswer} from './answer.js';
import {cacheKey, ResponseCache} from './cache.js';
import {ChatClient, type ChatAnswer} from './client.js';
import type {LabelFilterOptions} from '../generate/label-filter.js';
import {DROP_REASONS, UtteranceFilter, type DropReason} from './filters.js';
import {mapWithLimit} from './limit.js';
import {planGeneration, type GenerationPlan, type IntentPlan} from './plan.js';
import type {ProviderSettings} from './settings.js';

export interface ProviderRunOptions {
  seed: string;
  language: string;
  perIntent?: number;
  split?: number;
  cacheDir: string;
  /** Only the cache: a missing answer is an error, nothing is sent. */
  offline?: boolean;
  concurrency?: number;
  retry?: Partial<RetryPolicy>;
  onRetry?: (message: string) => void;
  onProgress?: (done: number, total: number) => void;
  maxLength?: number;
  /** The label-preservation filter's options, or false to keep what it would drop (comparisons). */
  labelFilter?: boolean | LabelFilterOptions;
}

export interface DroppedExample {
  reason: DropReason;
  text: string;
  detail: string;
}

export interface ProviderIntentReport {
  intent: string;
  /** Model utterances wanted after filtering. */
  wanted: number;
  /** Utterances asked for (the filters drop some). */
  asked: number;
  received: number;
  /** Used in the dataset. */
  kept: number;
  /** Passed the filters but not needed. */
  surplus: number;
  dropped: Record<DropReason, number>;
  /** Entity values the model left unmarked and that were annotated from the entity's list. */
  recoveredSpans: number;
  /** A few dropped utterances and why, to judge the filters by. */
  examples: DroppedExample[];
}

export interface ProviderReport {
  provider: ProviderSettings['kind'];
  model: string;
  endpoint: string;
  requests: {planned: number; fromCache: number; sent: number; retries: number};
  /** Tokens spent by this run (answers from the cache cost nothing). */
  tokens: {prompt: number; completion: number; total: number};
  /** Tokens the cached answers cost when they were first asked for. */
  cachedTokens: {prompt: number; completion: number};
  answers: {repaired: number; unusable: number};
  intents: ProviderIntentReport[];
}

const MAX_EXAMPLES_PER_INTENT = 5;

/** Answers for every planned request, from the cache or the endpoint, in plan order. */
async function answerPlan(
  plan: GenerationPlan,
  settings: ProviderSettings,
  options: ProviderRunOptions,
  report: ProviderReport,
): Promise<ChatAnswer[][]> {
  const cache = new ResponseCache(options.cacheDir);
  const flat = plan.intents.flatMap((intent, i) =>
    intent.requests.map((planned, r) => ({i, r, planned, key: cacheKey(settings.model, planned.request)})),
  );
  const cached = await Promise.all(flat.map((f) => cache.get(f.key)));
  const missing = flat.filter((_, k) => cached[k] === undefined);
  report.requests.fromCache = flat.length - missing.length;
  for (const answer of cached) {
    if (!answer) continue;
    report.cachedTokens.prompt += answer.usage.prompt;
    report.cachedTokens.completion += answer.usage.completion;
  }
  if (missing.length > 0 && options.offline)
    throw new SynthnluError(
      'LLM_CACHE_MISS',
      `--offline: ${missing.length} of ${flat.length} model answers are not in the cache ${options.cacheDir}`,
      {
        suggestion:
          'Run once without --offline to fill the cache (same spec, --seed, model and provider settings), or point --cache-dir at the cache that has them.',
      },
    );
  const fresh = new Map<string, ChatAnswer>();
  if (missing.length > 0) {
    const client = new ChatClient(settings, {
      ...(options.retry ? {retry: options.retry} : {}),
      ...(options.onRetry ? {onRetry: options.onRetry} : {}),
    });
    let done = 0;
    try {
      await mapWithLimit(missing, options.concurrency ?? 4, async (item) => {
        const answer = await client.complete(item.planned.request);
        // Cached as soon as it arrives: an interrupted run keeps what it paid for.
        await cache.put(item.key, settings.model, answer);
        fresh.set(item.key, answer);
        report.tokens.prompt += answer.usage.prompt;
        report.tokens.completion += answer.usage.completion;
        options.onProgress?.(++done, missing.length);
      });
    } finally {
      report.requests.sent = client.requests;
      report.requests.retries = client.retries;
      report.tokens.total = report.tokens.prompt + report.tokens.completion;
    }
  }
  const answers = plan.intents.map((intent) =>
    intent.requests.map(() => ({content: '', usage: {prompt: 0, completion: 0}})),
  );
  flat.forEach((f, k) => {
    answers[f.i]![f.r] = cached[k] ?? fresh.get(f.key)!;
  });
  return answers;
}

interface Chosen {
  text: string;
  entities: Utterance['entities'];
  tag: VariationTag;
  origin?: string;
}

/** Filters every answer of one intent; takes up to each family's need, then fills from the surplus. */
function chooseForIntent(
  intentPlan: IntentPlan,
  answers: ChatAnswer[],
  filter: UtteranceFilter,
  report: ProviderReport,
): {chosen: Chosen[]; intentReport: ProviderIntentReport} {
  const intentReport: ProviderIntentReport = {
    intent: intentPlan.intent,
    wanted: intentPlan.total,
    asked: intentPlan.requests.reduce((n, r) => n + r.count, 0),
    received: 0,
    kept: 0,
    surplus: 0,
    dropped: Object.fromEntries(DROP_REASONS.map((r) => [r, 0])) as Record<DropReason, number>,
    recoveredSpans: 0,
    examples: [],
  };
  const passed: Chosen[] = [];
  intentPlan.requests.forEach((planned, r) => {
    const parsed = parseAnswer(answers[r]!.content);
    if (parsed.repaired) report.answers.repaired++;
    if (parsed.unusable) {
      report.answers.unusable++;
      intentReport.dropped.malformed++;
      note(intentReport, {
        reason: 'malformed',
        text: answers[r]!.content.slice(0, 120),
        detail: 'no JSON in the answer',
      });
      return;
    }
    intentReport.received += parsed.items.length + parsed.droppedItems;
    intentReport.dropped.malformed += parsed.droppedItems;
    for (const [index, item] of parsed.items.entries()) {
      // The family the model says it wrote, when it was one asked for; without a say, the family whose place in
      // the request this item holds (models answer in the order asked).
      const asked = planned.styles.map((st) => st.tag as string);
      const tag =
        item.style === undefined
          ? styleAt(planned.styles, index)
          : asked.includes(item.style)
            ? item.style
            : undefined;
      if (tag === undefined) {
        intentReport.dropped.malformed++;
        note(intentReport, {
          reason: 'malformed',
          text: item.text,
          detail: `style "${item.style ?? ''}" was not asked for`,
        });
        continue;
      }
      const result = filter.check(intentPlan.intent, item.text, intentPlan.entities);
      if (!result.ok) {
        intentReport.dropped[result.reason]++;
        note(intentReport, {reason: result.reason, text: item.text, detail: result.detail});
        continue;
      }
      intentReport.recoveredSpans += result.recovered;
      const origin = item.seed === undefined ? undefined : intentPlan.seeds[item.seed - 1]?.origin;
      passed.push({
        text: result.annotated.text,
        entities: result.annotated.entities,
        tag: tag as VariationTag,
        ...(origin === undefined ? {} : {origin}),
      });
    }
  });
  const chosen: Chosen[] = [];
  const taken = new Set<Chosen>();
  const perFamily = new Map<VariationTag, number>();
  for (const p of passed) {
    const used = perFamily.get(p.tag) ?? 0;
    if (used >= (intentPlan.need[p.tag] ?? 0)) continue;
    perFamily.set(p.tag, used + 1);
    chosen.push(p);
    taken.add(p);
  }
  for (const p of passed) {
    if (chosen.length >= intentPlan.total) break;
    if (!taken.has(p)) chosen.push(p);
  }
  intentReport.kept = chosen.length;
  intentReport.surplus = passed.length - chosen.length;
  return {chosen, intentReport};
}

/** The family of the index-th utterance when a request's answer lists them in the order the styles were asked. */
function styleAt(styles: readonly {tag: VariationTag; count: number}[], index: number): VariationTag {
  let end = 0;
  for (const style of styles) {
    end += style.count;
    if (index < end) return style.tag;
  }
  return styles[styles.length - 1]!.tag;
}

function note(report: ProviderIntentReport, example: DroppedExample): void {
  if (report.examples.length < MAX_EXAMPLES_PER_INTENT) report.examples.push(example);
}

function makeUtterance(chosen: Chosen, intent: string, split: 'train' | 'test'): Utterance {
  return {
    text: chosen.text,
    intent,
    entities: chosen.entities,
    tags: [chosen.tag],
    source: 'generated',
    split,
    ...(chosen.origin === undefined ? {} : {origin: chosen.origin}),
  };
}

/** Seeds, then the model's utterances, then rule-based variants up to the count; the split ratio is kept. */
function mergeIntent(
  spec: Spec,
  index: number,
  pack: LanguagePack,
  own: Utterance[],
  chosen: Chosen[],
  intentReport: IntentReport,
  options: ProviderRunOptions,
): Utterance[] {
  const intent = spec.intents[index]!;
  const split = resolveIntentSettings(spec, intent, pack, {
    ...(options.split === undefined ? {} : {split: options.split}),
  }).split;
  const seeds = own.filter((u) => u.source === 'seed');
  const rest = own.filter((u) => u.source !== 'seed');
  const keepRest = rest.slice(0, Math.max(0, intentReport.requested - seeds.length - chosen.length));
  const total = seeds.length + chosen.length + keepRest.length;
  const ruleTrain = [...seeds, ...keepRest].filter((u) => u.split === 'train').length;
  const wantTrain = Math.min(chosen.length, Math.max(0, Math.round(total * split) - ruleTrain));
  const order = createRng(options.seed)
    .fork(`provider-split:${intent.name}`)
    .shuffle(chosen.map((_, i) => i));
  const toTrain = new Set(order.slice(0, wantTrain));
  const generated = chosen.map((c, i) => makeUtterance(c, intent.name, toTrain.has(i) ? 'train' : 'test'));
  return [...seeds, ...generated, ...keepRest];
}

/** The intent's report, recounted from its final utterances. */
function recount(previous: IntentReport, utterances: Utterance[]): IntentReport {
  const report: IntentReport = {
    ...previous,
    produced: utterances.length,
    shortfall: Math.max(0, previous.requested - utterances.length),
    train: utterances.filter((u) => u.split === 'train').length,
    test: utterances.filter((u) => u.split === 'test').length,
    sources: {seed: 0, template: 0, generated: 0},
    tags: {},
  };
  for (const u of utterances) {
    const source = u.source as keyof IntentReport['sources'];
    if (source in report.sources) report.sources[source] += 1;
  }
  for (const tag of VARIATION_TAGS) {
    const n = utterances.filter((u) => (u.tags ?? []).includes(tag)).length;
    if (n > 0) report.tags[tag] = n;
  }
  if (report.shortfall === 0) delete report.reason;
  return report;
}

export interface ProviderRunResult {
  utterances: Utterance[];
  report: GenerationReport;
  provider: ProviderReport;
}

export function emptyProviderReport(settings: ProviderSettings, endpoint: string): ProviderReport {
  return {
    provider: settings.kind,
    model: settings.model,
    endpoint,
    requests: {planned: 0, fromCache: 0, sent: 0, retries: 0},
    tokens: {prompt: 0, completion: 0, total: 0},
    cachedTokens: {prompt: 0, completion: 0},
    answers: {repaired: 0, unusable: 0},
    intents: [],
  };
}

/** Adds model paraphrases to a rule-based generation (its utterances and report). */
export async function augmentWithProvider(
  spec: Spec,
  ruleBased: {utterances: Utterance[]; report: GenerationReport},
  pack: LanguagePack,
  settings: ProviderSettings,
  options: ProviderRunOptions,
): Promise<ProviderRunResult> {
  const plan = planGeneration(spec, ruleBased.utterances, pack, settings, {
    seed: options.seed,
    language: options.language,
    ...(options.perIntent === undefined ? {} : {perIntent: options.perIntent}),
  });
  const provider = emptyProviderReport(settings, settings.url);
  provider.requests.planned = plan.intents.reduce((n, i) => n + i.requests.length, 0);
  const answers = await answerPlan(plan, settings, options, provider);
  const examples = plan.intents.flatMap((i) => i.seeds.map((s) => ({text: s.text, intent: i.intent})));
  const filter = new UtteranceFilter(ruleBased.utterances, plan.rules, examples, {
    ...(options.maxLength === undefined ? {} : {maxLength: options.maxLength}),
    ...(options.labelFilter === undefined ? {} : {labelFilter: options.labelFilter}),
  });
  const byIntent = new Map<string, Utterance[]>();
  for (const u of ruleBased.utterances) byIntent.set(u.intent, [...(byIntent.get(u.intent) ?? []), u]);
  const utterances: Utterance[] = [];
  const intents: IntentReport[] = [];
  plan.intents.forEach((intentPlan, index) => {
    const {chosen, intentReport} = chooseForIntent(intentPlan, answers[index]!, filter, provider);
    provider.intents.push(intentReport);
    const previous = ruleBased.report.intents[index]!;
    const merged = mergeIntent(
      spec,
      index,
      pack,
      byIntent.get(intentPlan.intent) ?? [],
      chosen,
      previous,
      options,
    );
    utterances.push(...merged);
    intents.push(recount(previous, merged));
  });
  // Intents the generator adds beyond the spec's (the out-of-scope None intent) pass through unchanged.
  const planned = new Set(plan.intents.map((i) => i.intent));
  utterances.push(...ruleBased.utterances.filter((u) => !planned.has(u.intent)));
  intents.push(...ruleBased.report.intents.filter((i) => !planned.has(i.intent)));
  const report: GenerationReport = {
    ...ruleBased.report,
    produced: intents.reduce((n, i) => n + i.produced, 0),
    shortfall: intents.reduce((n, i) => n + i.shortfall, 0),
    intents,
    tags: {},
  };
  for (const tag of VARIATION_TAGS) {
    const n = intents.reduce((sum, i) => sum + (i.tags[tag] ?? 0), 0);
    if (n > 0) report.tags[tag] = n;
  }
  return {utterances, report, provider};
}
