import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import type {Utterance} from '../../src/model/dataset.js';
import {FAMILY_INSTRUCTIONS} from '../../src/llm/prompt.js';
import type {ProviderFlagValues} from '../../src/llm/flags.js';
import {generateWithProvider} from '../../src/llm/run.js';
import type {Spec} from '../../src/spec/spec.js';
import {tempDir} from '../helpers/cli.js';
import {
  promptFacts,
  startFakeOpenAiServer,
  type FakeOpenAiServer,
  type ScriptedReply,
} from '../support/openai-server/index.js';

const SPEC: Spec = {
  language: 'en',
  provider: {type: 'openai', model: 'test-model', families: ['lexical', 'colloquial'], share: 0.5},
  defaults: {count: 12},
  entities: [{name: 'order_id', type: 'regex', pattern: '[0-9]{6}'}],
  intents: [
    {
      name: 'cancel_order',
      description: 'the user wants to cancel an order',
      examples: [
        'I want to cancel my order {order_id}',
        'please cancel order {order_id}',
        'cancel my purchase',
        'how do I cancel an order',
      ],
    },
    {
      name: 'track_order',
      description: 'the user asks where an order is',
      examples: [
        'where is my order {order_id}',
        'track my package',
        'when will my parcel arrive',
        'has my order shipped yet',
      ],
    },
    {
      name: 'complaint',
      examples: [
        'I want to file a complaint',
        'your service is terrible',
        'I am unhappy with the support',
        'this is unacceptable',
      ],
    },
    {
      name: 'refund',
      examples: [
        'I want my money back',
        'how do I get a refund',
        'refund my payment please',
        'can I return this for a refund',
      ],
    },
  ],
};

const GOOD: Record<string, string[]> = {
  cancel_order: [
    'cancel the order [123456](order_id) right away',
    'I would like to call off my order kindly',
    'nix my purchase, cancel it',
    'cancel order [654321](order_id) for me pronto',
    'yo cancel that order of mine',
    'cancel the purchase I made yesterday',
  ],
  track_order: [
    'where on earth is my package',
    'track order [111222](order_id) status',
    'has my parcel left the warehouse',
    'when does my order get here',
    'where my parcel at',
    'track my shipment please',
  ],
  complaint: [],
  refund: [
    'I want a refund for this item',
    'give me my money back now',
    'refund please, item broken',
    'can I get my cash back',
    'refund my payment to the card',
    'how can I get reimbursed or refunded',
  ],
};

/** Colloquial answers: different texts from the lexical ones. */
const GOOD_Q: Record<string, string[]> = {
  cancel_order: [
    'cancel it, changed my mind',
    'ugh just cancel the order',
    'cancel order [777888](order_id) asap',
  ],
  track_order: ['yo where my order at', 'any news on my parcel', 'track order [333444](order_id) real quick'],
  complaint: [],
  refund: ['refund me pls', 'gimme a refund', 'money back, now'],
};

function item(text: string, style: string): {seed: number; style: string; text: string} {
  return {seed: 1, style, text};
}

function answer(items: {seed: number; style: string; text: string}[]): string {
  return JSON.stringify({utterances: items});
}

/** What the model writes for an intent: the asked number of each style, from the lists above. */
function goodItems(intent: string, styles: {tag: string; count: number}[]): ReturnType<typeof item>[] {
  return styles.flatMap((s) =>
    (s.tag === 'L' ? GOOD[intent]! : GOOD_Q[intent]!).slice(0, s.count).map((t) => item(t, s.tag)),
  );
}

/**
 * Scripted per intent and attempt: a repairable answer with utterances that drift into another intent, break an
 * entity, repeat a seed or another intent's seed, or name a style not asked for; a 429 with Retry-After, a 500,
 * a hang, and an answer with no JSON at all.
 */
function script(request: {body: Parameters<typeof promptFacts>[0]}): ScriptedReply {
  const {intent, styles} = promptFacts(request.body);
  const attempt = (attempts.get(intent) ?? 0) + 1;
  attempts.set(intent, attempt);
  const good = goodItems(intent, styles);
  switch (intent) {
    case 'cancel_order': {
      const bad = [
        item('where is my package [123456](order_id)', 'L'),
        item('when will my parcel arrive, track it', 'L'),
        item('cancel order [12ab](order_id)', 'Q'),
        item('Cancel my purchase!', 'Q'),
        item('track my package', 'Q'),
        item('cancel cancel cancel', 'X'),
      ];
      return {
        content: `Here you go:\n\`\`\`json\n${answer([...bad, ...good]).replace(/]}$/, ',]}')}\n\`\`\``,
      };
    }
    case 'track_order':
      if (attempt === 1) return {status: 429, headers: {'retry-after-ms': '5'}};
      if (attempt === 2) return {status: 500, body: {error: {message: 'overloaded'}}};
      return {content: answer(good)};
    case 'refund':
      // No style named: the order asked for says which is which.
      return attempt === 1 ? {hang: true} : {content: JSON.stringify({utterances: good.map((g) => g.text)})};
    default:
      return {content: "Sorry, I can't help with that."};
  }
}
const attempts = new Map<string, number>();

function flags(overrides: Partial<ProviderFlagValues> = {}): ProviderFlagValues {
  return {
    offline: false,
    'dry-run': false,
    'cache-dir': join(dir, 'cache'),
    concurrency: 2,
    'request-timeout': 120,
    'retry-base-ms': 1,
    'request-timeout-ms': 2000,
    ...overrides,
  };
}

function lines(file: string): Utterance[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => JSON.parse(l) as Utterance);
}

let server: FakeOpenAiServer | undefined;
let dir = '';
afterEach(async () => {
  await server?.close();
  server = undefined;
  attempts.clear();
});

describe('generate with an OpenAI-compatible provider', () => {
  it('keeps filtered model paraphrases, says why others were dropped, and reruns byte-identically from the cache', async () => {
    dir = tempDir();
    server = await startFakeOpenAiServer(script);
    const env = {OPENAI_BASE_URL: server.baseUrl};
    const out = join(dir, 'data.jsonl');
    const first = await generateWithProvider(SPEC, 'openai', {
      file: 'spec.yaml',
      out,
      seed: 3,
      flags: flags(),
      env,
    });
    if (!('provider' in first)) throw new Error('expected a provider run');
    const {provider, report} = first;

    // One request per intent (both families in it), plus the retries after the 429, the 500 and the hang.
    expect(provider.requests).toEqual({planned: 4, fromCache: 0, sent: 7, retries: 3});
    expect(provider.tokens).toEqual({prompt: 400, completion: 200, total: 600});
    expect(provider.answers).toEqual({repaired: 1, unusable: 1});
    const byIntent = Object.fromEntries(provider.intents.map((i) => [i.intent, i]));
    expect(byIntent.cancel_order!.dropped).toEqual({
      malformed: 1,
      entity: 1,
      length: 0,
      duplicate: 1,
      otherIntent: 1,
      // The two drifts.
      label: 2,
      lowConfidence: 0,
    });
    expect(byIntent.cancel_order!.examples.map((e) => [e.reason, e.text])).toEqual([
      ['label', 'where is my package [123456](order_id)'],
      ['label', 'when will my parcel arrive, track it'],
      ['entity', 'cancel order [12ab](order_id)'],
      ['duplicate', 'Cancel my purchase!'],
      ['otherIntent', 'track my package'],
    ]);
    // Seeds: cancel_order 2 (two examples are templates), track_order 3, complaint and refund 4; the model writes
    // half the rest, and was asked for half as much again.
    expect(provider.intents.map((i) => [i.intent, i.wanted, i.asked, i.kept, i.surplus])).toEqual([
      ['cancel_order', 5, 10, 5, 3],
      ['track_order', 5, 10, 5, 3],
      ['complaint', 4, 8, 0, 0],
      ['refund', 4, 8, 4, 3],
    ]);
    expect(byIntent.complaint!.dropped.malformed).toBe(1);

    const utterances = lines(out);
    for (const i of provider.intents) {
      const own = utterances.filter((u) => u.intent === i.intent);
      expect(own).toHaveLength(12);
      const all = [...GOOD[i.intent]!, ...GOOD_Q[i.intent]!].map((g) =>
        g.replace(/\[([^\]]+)\]\(\w+\)/g, '$1'),
      );
      const fromModel = own.filter((u) => all.includes(u.text));
      expect(fromModel).toHaveLength(i.kept);
      for (const u of fromModel)
        expect(u).toMatchObject({source: 'generated', tags: [expect.stringMatching(/^[LQ]$/)]});
    }
    const refundTags = utterances
      .filter((u) => u.intent === 'refund' && u.source === 'generated')
      .map((u) => [u.text, u.tags]);
    for (const [text, tags] of refundTags) {
      if (GOOD.refund!.includes(text as string)) expect(tags).toEqual(['L']);
      if (GOOD_Q.refund!.includes(text as string)) expect(tags).toEqual(['Q']);
    }
    expect(refundTags.filter(([text]) => GOOD_Q.refund!.includes(text as string))).toHaveLength(2);
    const cancel = utterances.find((u) => u.text === 'cancel the order 123456 right away')!;
    expect(cancel).toMatchObject({
      intent: 'cancel_order',
      tags: ['L'],
      source: 'generated',
      origin: 'I want to cancel my order {order_id}',
    });
    expect(cancel.entities).toEqual([{entity: 'order_id', start: 17, end: 23}]);
    // The drifted utterances are in no intent.
    expect(utterances.some((u) => u.text.startsWith('where is my package 123456'))).toBe(false);
    const modelTags = utterances
      .filter(
        (u) =>
          u.intent === 'cancel_order' &&
          /right away|kindly|nix|pronto|of mine|yesterday|changed my mind|ugh|asap/.test(u.text),
      )
      .map((u) => u.tags![0]);
    expect(modelTags.sort()).toEqual(['L', 'L', 'L', 'Q', 'Q']);
    // The report is recounted from what was written.
    for (const i of report.intents) {
      const own = utterances.filter((u) => u.intent === i.intent);
      expect(i.produced).toBe(own.length);
      expect(i.tags.L ?? 0).toBe(own.filter((u) => u.tags?.includes('L')).length);
    }
    // The split ratio (0.8) holds with model utterances in.
    expect(report.intents.every((i) => i.train === Math.round(i.produced * 0.8))).toBe(true);

    // Same inputs, server gone, --offline: the same bytes, nothing sent.
    await server.close();
    server = undefined;
    const again = join(dir, 'again.jsonl');
    const second = await generateWithProvider(SPEC, 'openai', {
      file: 'spec.yaml',
      out: again,
      seed: 3,
      flags: flags({offline: true}),
      env,
    });
    expect(readFileSync(again)).toEqual(readFileSync(out));
    if (!('provider' in second)) throw new Error('expected a provider run');
    expect(second.provider.requests).toEqual({planned: 4, fromCache: 4, sent: 0, retries: 0});
    expect(second.provider.tokens.total).toBe(0);
    expect(second.provider.cachedTokens).toEqual({prompt: 400, completion: 200});
  });

  it('fails --offline naming the cache when an answer is missing', async () => {
    dir = tempDir();
    const run = generateWithProvider(SPEC, 'openai', {
      file: 'spec.yaml',
      out: join(dir, 'x.jsonl'),
      flags: flags({offline: true}),
      env: {OPENAI_BASE_URL: 'http://127.0.0.1:9/v1'},
    });
    await expect(run).rejects.toMatchObject({
      code: 'LLM_CACHE_MISS',
      message: expect.stringContaining('4 of 4'),
    });
    expect(existsSync(join(dir, 'x.jsonl'))).toBe(false);
  });

  it('--dry-run returns the prompts and an estimate, sends nothing and writes nothing', async () => {
    dir = tempDir();
    server = await startFakeOpenAiServer(script);
    const out = join(dir, 'dry.jsonl');
    const result = await generateWithProvider(SPEC, 'openai', {
      file: 'spec.yaml',
      out,
      flags: flags({'dry-run': true}),
      env: {OPENAI_BASE_URL: server.baseUrl},
    });
    if (!('dryRun' in result)) throw new Error('expected a dry run');
    expect(server.requests).toHaveLength(0);
    expect(existsSync(out)).toBe(false);
    expect(result.dryRun.requests).toHaveLength(4);
    expect(result.dryRun.requests[0]!.styles).toEqual([
      {tag: 'L', count: 5},
      {tag: 'Q', count: 5},
    ]);
    expect(result.dryRun.estimate.requests).toBe(4);
    expect(result.dryRun.estimate.promptTokens).toBeGreaterThan(4 * 100);
    const prompt = result.dryRun.requests[0]!.messages[1]!.content;
    expect(prompt).toContain('Intent: cancel_order - the user wants to cancel an order');
    expect(prompt).toMatch(/1\. I want to cancel my order \[\d{6}\]\(order_id\)/);
    expect(prompt).toContain('- track_order: the user asks where an order is');
    expect(prompt).toContain(`- style L, 5: ${FAMILY_INSTRUCTIONS.L}`);
    expect(prompt).toContain(`- style Q, 5: ${FAMILY_INSTRUCTIONS.Q}`);
  });

  it("a spec's provider block does not change what the rule-based library generator (generateDataset) writes", async () => {
    const {generateDataset} = await import('../../src/generate/index.js');
    const {provider: _unused, ...plain} = SPEC;
    const a = await generateDataset(SPEC, {seed: 5});
    const b = await generateDataset(plain, {seed: 5});
    expect(a.dataset.utterances).toEqual(b.dataset.utterances);
  });
});

describe('generateDatasetWithProvider (library)', () => {
  it('keeps the out-of-scope None intent the generator adds, as it was', async () => {
    dir = tempDir();
    server = await startFakeOpenAiServer((request) => {
      const {intent, count} = promptFacts(request.body);
      const texts = intent === 'refund' ? ['I want a refund for this item', 'give me my money back now'] : [];
      return {content: JSON.stringify({utterances: texts.slice(0, count)})};
    });
    const {generateDatasetWithProvider} = await import('../../src/llm/run.js');
    const {generateDataset} = await import('../../src/generate/index.js');
    const spec = {...SPEC, intents: SPEC.intents.slice(2), none: {count: 6}} as Spec;
    const plain = await generateDataset(spec, {seed: 2});
    const result = await generateDatasetWithProvider(spec, 'openai', {
      seed: 2,
      cacheDir: join(dir, 'cache'),
      env: {OPENAI_BASE_URL: server.baseUrl},
      retry: {baseDelayMs: 1},
    });
    const none = (utterances: Utterance[]) => utterances.filter((u) => u.intent === 'None');
    expect(none(plain.dataset.utterances)).toHaveLength(6);
    expect(none(result.utterances)).toEqual(none(plain.dataset.utterances));
    expect(result.report.intents.map((i) => i.intent)).toEqual(['complaint', 'refund', 'None']);
    expect(result.provider.intents.find((i) => i.intent === 'refund')!.kept).toBe(2);
  });
});

describe('--no-filter', () => {
  it('keeps what the label filter would drop when the filter is off', async () => {
    dir = tempDir();
    server = await startFakeOpenAiServer((request) => {
      const {intent} = promptFacts(request.body);
      return {
        content: JSON.stringify({utterances: intent === 'refund' ? ['where on earth is my parcel now'] : []}),
      };
    });
    const {generateDatasetWithProvider} = await import('../../src/llm/run.js');
    const spec = {...SPEC, intents: SPEC.intents.slice(1)} as Spec;
    const run = (filter: boolean) =>
      generateDatasetWithProvider(spec, 'openai', {
        seed: 4,
        filter,
        cacheDir: join(dir, 'cache'),
        env: {OPENAI_BASE_URL: server!.baseUrl},
        retry: {baseDelayMs: 1},
      });
    const refund = (result: Awaited<ReturnType<typeof run>>) =>
      result.provider.intents.find((i) => i.intent === 'refund')!;
    expect(refund(await run(true))).toMatchObject({kept: 0, dropped: {label: 1}});
    expect(refund(await run(false))).toMatchObject({kept: 1, dropped: {label: 0}});
  });
});
