/**
 * Model paraphrases on CLINC150 (150 real intents): 10 real seeds per intent, then LLM_GENERATED more per intent
 * from a provider, through synthnlu's whole provider path (prompts, answers, span checks, dedupe, the label
 * filter), scored with the project's classifier on CLINC150's val split (test with LLM_SPLIT=test) against the
 * seeds alone.
 *
 * Without an endpoint the "model" is an oracle on 127.0.0.1: it answers each prompt with real unseen CLINC150
 * train utterances of the intent asked for, and a share (LLM_DRIFT, default 0.3) from the intent the seed
 * classifier confuses it with most, the drift Sahu et al. (2022) report for real models. That measures the
 * pipeline and the label filter (how much drift it catches, how much good text it loses) and an upper bound
 * of the uplift, not a model. With an endpoint, the same run measures the model:
 *   LLM_PROVIDER=openai LLM_MODEL=gpt-4o-mini OPENAI_API_KEY=... npx tsx bench/run.ts llm-provider
 *   LLM_PROVIDER=openai LLM_BASE_URL=http://127.0.0.1:11434/v1 LLM_MODEL=llama3.1 npx tsx bench/run.ts llm-provider
 * Answers are cached in LLM_CACHE_DIR (default .synthnlu/llm-bench-cache): the filtered and unfiltered runs
 * and any rerun cost nothing after the first. Environment: LLM_DRAWS (2), LLM_INTENTS (150), LLM_GENERATED (20), LLM_MIN_PVI (the label filter's,
 * src/generate/label-filter.ts).
 */
import {readFileSync} from 'node:fs';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {trainIntentClassifier, type TrainingExample} from '../src/classifier/index.js';
import {createRng, generateDataset} from '../src/generate/index.js';
import {escapeTemplateText} from '../src/generate/template/parse.js';
import {languagePackFor} from '../src/generate/language.js';
import {augmentWithProvider, type ProviderReport} from '../src/llm/augment.js';
import {resolveProviderSettings, type ProviderKind} from '../src/llm/settings.js';
import type {Spec} from '../src/spec/spec.js';
import {promptFacts, startFakeOpenAiServer} from '../test/support/openai-server/index.js';

const CLINC = fileURLToPath(new URL('../../shared/data/clinc150/data_full.json', import.meta.url));
const SEEDS = 10;
const DRAWS = Number(process.env.LLM_DRAWS ?? 2);
const INTENTS = Number(process.env.LLM_INTENTS ?? 150);
const GENERATED = Number(process.env.LLM_GENERATED ?? 20);
const DRIFT = Number(process.env.LLM_DRIFT ?? 0.3);
const SPLIT = process.env.LLM_SPLIT === 'test' ? 'test' : 'val';
const PROVIDER = process.env.LLM_PROVIDER as ProviderKind | undefined;

type Pair = [string, string];

function accuracy(train: TrainingExample[], test: Pair[]): number {
  const classifier = trainIntentClassifier(train, {seed: 1});
  let correct = 0;
  for (const [text, intent] of test) if (classifier.predict(text).intent === intent) correct++;
  return (100 * correct) / test.length;
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
const round = (value: number): number => Math.round(value * 100) / 100;

/** The oracle: real unseen utterances of the intent, with DRIFT of them from its most confusable neighbour. */
async function oracle(pool: Map<string, string[]>, seeds: Map<string, string[]>, drift: Set<string>) {
  const seedClassifier = trainIntentClassifier(
    [...seeds].flatMap(([intent, texts]) => texts.map((text) => ({text, intent}))),
    {seed: 1},
  );
  const neighbour = new Map<string, string>();
  for (const [intent, texts] of seeds) {
    const votes = new Map<string, number>();
    for (const text of texts) {
      const runnerUp = seedClassifier.predict(text).scores.find((s) => s.intent !== intent)!.intent;
      votes.set(runnerUp, (votes.get(runnerUp) ?? 0) + 1);
    }
    neighbour.set(intent, [...votes].sort((a, b) => b[1] - a[1])[0]![0]);
  }
  const cursor = new Map<string, number>();
  const take = (intent: string): string | undefined => {
    const unseen = pool.get(intent)!.filter((t) => !seeds.get(intent)!.includes(t));
    const at = cursor.get(intent) ?? 0;
    cursor.set(intent, at + 1);
    return unseen[at];
  };
  return startFakeOpenAiServer((request) => {
    const {intent, count} = promptFacts(request.body);
    const texts: string[] = [];
    for (let i = 0; i < count; i++) {
      const drifted = i < Math.round(count * DRIFT);
      const text = take(drifted ? neighbour.get(intent)! : intent);
      if (text === undefined) continue;
      if (drifted) drift.add(text);
      texts.push(text);
    }
    return {content: JSON.stringify({utterances: texts.map((text) => ({seed: 1, text}))})};
  });
}

export default async function llmProviderBench(): Promise<Record<string, number | string>> {
  const data = JSON.parse(readFileSync(CLINC, 'utf8')) as Record<string, Pair[]>;
  const pool = new Map<string, string[]>();
  for (const [text, intent] of data.train!) pool.set(intent, [...(pool.get(intent) ?? []), text]);
  const intents = [...pool.keys()].sort().slice(0, INTENTS);
  const keep = new Set(intents);
  const evaluation = data[SPLIT]!.filter(([, intent]) => keep.has(intent));
  const cacheDir =
    process.env.LLM_CACHE_DIR ??
    (PROVIDER ? '.synthnlu/llm-bench-cache' : mkdtempSync(join(tmpdir(), 'llm-bench-')));
  const rows = new Map<string, number[]>();
  const push = (name: string, value: number) => rows.set(name, [...(rows.get(name) ?? []), value]);
  for (let draw = 0; draw < DRAWS; draw++) {
    const rng = createRng(`clinc-seeds-${draw}`);
    const seeds = new Map(
      intents.map((intent) => [intent, rng.shuffle([...pool.get(intent)!]).slice(0, SEEDS)]),
    );
    const seedExamples = [...seeds].flatMap(([intent, texts]) => texts.map((text) => ({text, intent})));
    const base = accuracy(seedExamples, evaluation);
    push('seeds_only_accuracy', base);
    const spec: Spec = {
      language: 'en',
      // No rule-based family: every non-seed utterance is the model's, or missing.
      defaults: {count: SEEDS + GENERATED, variations: {}},
      provider: {type: PROVIDER ?? 'openai', share: 1, families: ['lexical'], batchSize: 20},
      intents: [...seeds].map(([name, texts]) => ({
        name,
        description: name.replace(/_/g, ' '),
        examples: texts.map(escapeTemplateText) as [string, ...string[]],
      })) as Spec['intents'],
    };
    const drift = new Set<string>();
    const server = PROVIDER ? undefined : await oracle(pool, seeds, drift);
    try {
      const settings = resolveProviderSettings(PROVIDER ?? 'openai', spec.provider, {
        ...(process.env.LLM_MODEL ? {model: process.env.LLM_MODEL} : {model: 'oracle'}),
        ...(server
          ? {baseUrl: server.baseUrl}
          : process.env.LLM_BASE_URL
            ? {baseUrl: process.env.LLM_BASE_URL}
            : {}),
      });
      const pack = await languagePackFor(spec);
      const ruleBased = await generateDataset(spec, {seed: draw, pack});
      for (const labelFilter of [true, false]) {
        const name = labelFilter ? 'filtered' : 'unfiltered';
        const run = await augmentWithProvider(
          spec,
          {utterances: ruleBased.dataset.utterances, report: ruleBased.report},
          pack,
          settings,
          {
            seed: String(draw),
            language: 'en',
            cacheDir,
            labelFilter:
              labelFilter && process.env.LLM_MIN_PVI
                ? {minPvi: Number(process.env.LLM_MIN_PVI)}
                : labelFilter,
            concurrency: 4,
          },
        );
        const train = run.utterances.map((u) => ({text: u.text, intent: u.intent}));
        push(`${name}_delta`, accuracy(train, evaluation) - base);
        push(`${name}_added_per_intent`, (train.length - seedExamples.length) / intents.length);
        record(
          name,
          run.provider,
          run.utterances.map((u) => u.text),
          drift,
          push,
        );
      }
    } finally {
      await server?.close();
    }
    console.error(`draw ${draw}: seeds alone ${round(base)}%`);
  }
  const result: Record<string, number | string> = {
    endpoint: PROVIDER
      ? `${PROVIDER} ${process.env.LLM_MODEL ?? ''}`.trim()
      : `oracle (real CLINC150 train text, ${DRIFT} drift)`,
    split: SPLIT,
    intents: intents.length,
    seeds_per_intent: SEEDS,
    generated_per_intent: GENERATED,
    draws: DRAWS,
  };
  for (const [name, values] of rows) result[`${name}_mean`] = round(mean(values));
  return result;
}

/** Drop counts, tokens, and (with the oracle, which knows what drifted) how well the label filter did. */
function record(
  name: string,
  report: ProviderReport,
  kept: string[],
  drift: Set<string>,
  push: (name: string, value: number) => void,
): void {
  const dropped = (reason: 'label' | 'lowConfidence' | 'duplicate' | 'otherIntent') =>
    report.intents.reduce((n, i) => n + i.dropped[reason], 0);
  const received = report.intents.reduce((n, i) => n + i.received, 0);
  push(`${name}_received`, received);
  push(`${name}_dropped_label`, dropped('label'));
  push(`${name}_dropped_low_confidence`, dropped('lowConfidence'));
  push(`${name}_dropped_duplicate`, dropped('duplicate') + dropped('otherIntent'));
  push(`${name}_tokens`, report.tokens.total + report.cachedTokens.prompt + report.cachedTokens.completion);
  if (drift.size === 0) return;
  const keptSet = new Set(kept);
  const driftKept = [...drift].filter((t) => keptSet.has(t)).length;
  push(`${name}_drift_received`, drift.size);
  push(`${name}_drift_kept`, driftKept);
}
