/**
 * What to ask the model: per intent, how many utterances (its share of the intent's non-seed count), split
 * over the variation families it writes by their shares, in batches; and for each batch the exact request,
 * whose seed is derived from the generation seed so that the same spec and seed ask the same questions.
 */
import {createHash} from 'node:crypto';
import {createRng} from '../generate/rng.js';
import {findFamily, resolveIntentSettings} from '../generate/settings.js';
import {TemplateCompiler, tidyExpansion, type Expansion} from '../generate/template/compile.js';
import type {LanguagePack} from '../generate/variation/types.js';
import type {Utterance, VariationTag} from '../model/dataset.js';
import {familyTag} from '../model/variation.js';
import type {Spec} from '../spec/spec.js';
import type {ChatRequest} from './client.js';
import {buildMessages, estimateTokens, type EntityHint, type PromptInput} from './prompt.js';
import {entityRules, toMarkup, type EntityRule} from './spans.js';
import type {ProviderSettings} from './settings.js';

/** Seeds shown in a prompt: enough to pin the intent down, few enough to keep prompts cheap. */
const MAX_PROMPT_SEEDS = 10;
const MAX_HINT_VALUES = 15;
/** Other intents named in a prompt as ones to stay away from; with more, the nearest are named. */
const MAX_OTHER_INTENTS = 40;
/** Asked beyond the need, because the filters drop some. */
const OVER_ASK = 1.5;

export interface PlannedRequest {
  intent: string;
  /** Utterances asked for, per family (one request covers several families). */
  styles: {tag: VariationTag; count: number}[];
  /** Utterances asked for in all. */
  count: number;
  request: ChatRequest;
}

export interface IntentPlan {
  intent: string;
  /** Utterances wanted from the model, per family, after filtering. */
  need: Partial<Record<VariationTag, number>>;
  total: number;
  requests: PlannedRequest[];
  /** The examples shown, by number (1-based in the prompt): one expansion of each spec example, and that example. */
  seeds: {text: string; origin: string; entities: Utterance['entities']}[];
  /** Entity names the intent's examples use. */
  entities: Set<string>;
}

export interface GenerationPlan {
  intents: IntentPlan[];
  rules: Map<string, EntityRule>;
}

/**
 * The other intents, nearest first when there are more than `limit`: by the overlap of the words of their
 * examples and names (Jaccard), the neighbours a model is most likely to drift into.
 */
function nearestIntents(spec: Spec, index: number, limit: number): Spec['intents'][number][] {
  const others = spec.intents.filter((_, i) => i !== index);
  if (others.length <= limit) return others;
  const words = (i: Spec['intents'][number]) =>
    new Set(
      [i.name.replace(/[_-]+/g, ' '), i.description ?? '', ...i.examples]
        .join(' ')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length > 2),
    );
  const own = words(spec.intents[index]!);
  const similarity = (other: Spec['intents'][number]) => {
    const theirs = words(other);
    let shared = 0;
    for (const w of theirs) if (own.has(w)) shared++;
    return shared / (own.size + theirs.size - shared || 1);
  };
  return others
    .map((other, order) => ({other, order, score: similarity(other)}))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((x) => x.other);
}

/** A 31-bit request seed from the generation seed and the request's place in the plan. */
function requestSeed(...parts: string[]): number {
  return createHash('sha256').update(parts.join('\u0000')).digest().readUInt32BE(0) >>> 1;
}

/** Splits `total` over weights so the parts sum to it (largest remainder, ties by order). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({i, r: x - Math.floor(x)})).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const {i} of order) {
    if (left-- <= 0) break;
    parts[i]! += 1;
  }
  return parts;
}

function llmFamilies(
  spec: Spec,
  intentIndex: number,
  pack: LanguagePack,
  settings: ProviderSettings,
): {tag: VariationTag; weight: number}[] {
  if (settings.families.length > 0) {
    const tags = [...new Set(settings.families.map(familyTag).filter((t) => t !== undefined))];
    return tags.map((tag) => ({tag, weight: 1}));
  }
  const intent = spec.intents[intentIndex]!;
  const resolved = resolveIntentSettings(spec, intent, pack);
  const fromPack = resolved.families.map((f) => ({tag: f.family.tag, weight: f.share}));
  if (fromPack.length > 0) return fromPack;
  // A pack without families (another language): the mix still says which families are wanted.
  const mixOf = (variations: unknown): Record<string, number> =>
    typeof variations === 'object' && variations !== null ? (variations as Record<string, number>) : {};
  const mix = {...mixOf(spec.defaults?.variations), ...mixOf(intent.variations)};
  const tags = Object.entries(mix)
    .filter(([name, share]) => share > 0 && !findFamily(pack, name) && familyTag(name) !== 'W')
    .map(([name, share]) => ({tag: familyTag(name)!, weight: share}))
    .filter((f) => f.tag !== undefined);
  return tags.length > 0 ? tags : [{tag: 'B', weight: 1}];
}

function entityHints(
  names: Set<string>,
  rules: Map<string, EntityRule>,
  utterances: Utterance[],
  spec: Spec,
): EntityHint[] {
  return [...names].sort().map((name) => {
    const rule = rules.get(name);
    const values = new Set<string>();
    if (rule?.forms) for (const form of rule.forms.keys()) values.add(form);
    else
      for (const u of utterances)
        for (const s of u.entities ?? []) if (s.entity === name) values.add(u.text.slice(s.start, s.end));
    const pattern = spec.entities?.find((e) => (e.annotateAs ?? e.name) === name)?.pattern;
    return {
      name,
      values: [...values].slice(0, MAX_HINT_VALUES),
      ...(rule?.type === 'regex' && pattern ? {pattern} : {}),
    };
  });
}

/**
 * Plans the requests. `ruleBased` is the rule-based output for the spec (its seeds set how many utterances
 * are left to generate; its entity values hint at what slots take); `seed` the generation seed.
 */
export function planGeneration(
  spec: Spec,
  ruleBased: Utterance[],
  pack: LanguagePack,
  settings: ProviderSettings,
  options: {seed: string; perIntent?: number; language: string},
): GenerationPlan {
  const rules = entityRules(spec);
  const compiler = new TemplateCompiler(spec);
  const exampleRng = createRng(options.seed).fork('provider-examples');
  const byIntent = new Map<string, Utterance[]>();
  for (const u of ruleBased) byIntent.set(u.intent, [...(byIntent.get(u.intent) ?? []), u]);
  const intents = spec.intents.map((intent, index): IntentPlan => {
    const own = byIntent.get(intent.name) ?? [];
    const count = resolveIntentSettings(spec, intent, pack, {
      ...(options.perIntent === undefined ? {} : {perIntent: options.perIntent}),
    }).count;
    const seedCount = own.filter((u) => u.source === 'seed').length;
    const total = Math.round(settings.share * Math.max(0, count - seedCount));
    // One expansion of each spec example (a template shows with concrete entity values).
    const examples = intent.examples.slice(0, MAX_PROMPT_SEEDS).map((example, e) => {
      const expansion: Expansion = {text: '', entities: []};
      const template = compiler.compile(example, `intents[${index}].examples[${e}]`);
      template.sample(exampleRng.fork(`${intent.name}:${e}`), expansion);
      const annotated = tidyExpansion(expansion);
      // Provenance as the generator records it: the seed or template as written in the spec.
      return {text: annotated.text, origin: example, entities: annotated.entities};
    });
    const entities = new Set([...own, ...examples].flatMap((u) => (u.entities ?? []).map((s) => s.entity)));
    const families = llmFamilies(spec, index, pack, settings);
    const parts = apportion(
      total,
      families.map((f) => f.weight),
    );
    const need: IntentPlan['need'] = {};
    const requests: PlannedRequest[] = [];
    const base: Omit<PromptInput, 'styles'> = {
      language: options.language,
      intent: {name: intent.name, ...(intent.description ? {description: intent.description} : {})},
      seeds: examples.map((u) => ({markup: toMarkup(u.text, u.entities ?? [])})),
      entities: entityHints(entities, rules, own, spec),
      otherIntents: nearestIntents(spec, index, MAX_OTHER_INTENTS).map((other) => ({
        name: other.name,
        ...(other.description ? {description: other.description} : {}),
      })),
    };
    families.forEach((family, f) => {
      if (parts[f]! > 0) need[family.tag] = parts[f]!;
    });
    // Asked beyond the need (the filters drop some), spread over the families by their shares.
    const asks = apportion(
      total > 0 ? Math.ceil(total * OVER_ASK) + 2 : 0,
      families.map((f) => f.weight),
    );
    const pending = families
      .map((family, f) => ({tag: family.tag, count: Math.max(asks[f]!, parts[f]!)}))
      .filter((s) => s.count > 0);
    for (let batch = 0; pending.length > 0; batch++) {
      const styles: {tag: VariationTag; count: number}[] = [];
      let room = settings.batchSize;
      while (room > 0 && pending.length > 0) {
        const head = pending[0]!;
        const n = Math.min(room, head.count);
        styles.push({tag: head.tag, count: n});
        room -= n;
        head.count -= n;
        if (head.count === 0) pending.shift();
      }
      const count = settings.batchSize - room;
      requests.push({
        intent: intent.name,
        styles,
        count,
        request: {
          messages: buildMessages({...base, styles}),
          temperature: settings.temperature,
          seed: requestSeed(options.seed, intent.name, String(batch)),
          maxTokens: 200 + 60 * count,
        },
      });
    }
    return {
      intent: intent.name,
      need,
      total,
      requests,
      seeds: examples,
      entities,
    };
  });
  return {intents, rules};
}

export interface PlanEstimate {
  requests: number;
  promptTokens: number;
  completionTokens: number;
}

/** Tokens a plan would cost, roughly: prompts at four characters a token, answers at ~25 tokens an utterance. */
export function estimatePlan(plan: GenerationPlan): PlanEstimate {
  let promptTokens = 0;
  let completionTokens = 0;
  let requests = 0;
  for (const intent of plan.intents)
    for (const r of intent.requests) {
      requests++;
      promptTokens += r.request.messages.reduce((n, m) => n + estimateTokens(m.content) + 4, 0);
      completionTokens += 10 + 25 * r.count;
    }
  return {requests, promptTokens, completionTokens};
}
