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
  refund: ['refund me pls', 'gimme a refund', 'money back, now'],
};

function answer(items: string[]): string {
  return JSON.stringify({utterances: items.map((text) => ({seed: 1, text}))});
}

/**
 * Scripted per (intent, family) and attempt: a repairable answer, answers that drift into another intent or
 * break an entity, a 429 with Retry-After, a 500, a hang, and an answer with no JSON at all.
 */
function script(request: {body: Parameters<typeof promptFacts>[0]}): ScriptedReply {
  const {intent, count, style} = promptFacts(request.body);
  const family = style.startsWith(FAMILY_INSTRUCTIONS.L) ? 'L' : 'Q';
  const key = `${intent}/${family}`;
  const attempt = (attempts.get(key) ?? 0) + 1;
  attempts.set(key, attempt);
  const good = GOOD[intent]!;
  const mine = (family === 'L' ? good : GOOD_Q[intent]!).slice(0, count);
  switch (key) {
    case 'cancel_order/L':
      return {content: `Here you go:\n\`\`\`json\n${answer(mine).replace(/]}$/, ',]}')}\n\`\`\``};
    case 'cancel_order/Q':
      return {
        content: answer([
          'where is my package [123456](order_id)',
          'when will my parcel arrive, track it',
          'cancel order [12ab](order_id)',
          'Cancel my purchase!',
          'track my package',
          ...mine,
        ]),
      };
    case 'track_order/L':
      return attempt === 1 ? {status: 429, headers: {'retry-after-ms': '5'}} : {content: answer(mine)};
    case 'track_order/Q':
      return attempt === 1 ? {status: 500, body: {error: {message: 'overloaded'}}} : {content: answer(mine)};
    case 'refund/L':
      return attempt === 1 ? {hang: true} : {content: answer(good)};
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
    'request-timeout-ms': 400,
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

    // 3 intents x 2 families, plus one retry each for the 429, the 500 and the hang.
    expect(provider.requests).toEqual({planned: 6, fromCache: 0, sent: 9, retries: 3});
    expect(provider.tokens).toEqual({prompt: 600, completion: 300, total: 900});
    expect(provider.answers).toEqual({repaired: 1, unusable: 1});
    const byIntent = Object.fromEntries(provider.intents.map((i) => [i.intent, i]));
    expect(byIntent.cancel_order!.dropped).toEqual({
      malformed: 0,
      entity: 1,
      length: 0,
      duplicate: 1,
      otherIntent: 1,
      label: 2,
    });
    expect(byIntent.cancel_order!.examples.map((e) => [e.reason, e.text])).toEqual([
      ['label', 'where is my package [123456](order_id)'],
      ['label', 'when will my parcel arrive, track it'],
      ['entity', 'cancel order [12ab](order_id)'],
      ['duplicate', 'Cancel my purchase!'],
      ['otherIntent', 'track my package'],
    ]);
    // Seeds: cancel_order 2 (two examples are templates), track_order 3, refund 4; the model writes half the rest.
    expect(provider.intents.map((i) => [i.intent, i.wanted, i.kept, i.surplus])).toEqual([
      ['cancel_order', 5, 5, 4],
      ['track_order', 5, 5, 4],
      // refund's colloquial answer was unusable: its lexical surplus fills in.
      ['refund', 4, 4, 2],
    ]);
    expect(byIntent.refund!.dropped.malformed).toBe(1);

    const utterances = lines(out);
    for (const i of provider.intents) {
      const own = utterances.filter((u) => u.intent === i.intent);
      expect(own).toHaveLength(12);
      const all = [...GOOD[i.intent]!, ...GOOD_Q[i.intent]!].map((g) =>
        g.replace(/\[([^\]]+)\]\(\w+\)/g, '$1'),
      );
      const fromModel = own.filter((u) => all.includes(u.text));
      expect(fromModel).toHaveLength(i.wanted);
      for (const u of fromModel)
        expect(u).toMatchObject({source: 'generated', tags: [expect.stringMatching(/^[LQ]$/)]});
    }
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
      expect(i.tags.L).toBe(own.filter((u) => u.tags?.includes('L')).length);
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
    expect(second.provider.requests).toEqual({planned: 6, fromCache: 6, sent: 0, retries: 0});
    expect(second.provider.tokens.total).toBe(0);
    expect(second.provider.cachedTokens).toEqual({prompt: 600, completion: 300});
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
      message: expect.stringContaining('6 of 6'),
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
    expect(result.dryRun.requests).toHaveLength(6);
    expect(result.dryRun.estimate.requests).toBe(6);
    expect(result.dryRun.estimate.promptTokens).toBeGreaterThan(6 * 100);
    const prompt = result.dryRun.requests[0]!.messages[1]!.content;
    expect(prompt).toContain('Intent: cancel_order - the user wants to cancel an order');
    expect(prompt).toMatch(/1\. I want to cancel my order \[\d{6}\]\(order_id\)/);
    expect(prompt).toContain('- track_order: the user asks where an order is');
    expect(prompt).toContain(FAMILY_INSTRUCTIONS.L);
  });

  it('without a provider, the spec generates exactly as before', async () => {
    const {generateDataset} = await import('../../src/generate/index.js');
    const {provider: _unused, ...plain} = SPEC;
    const a = await generateDataset(SPEC, {seed: 5});
    const b = await generateDataset(plain, {seed: 5});
    expect(a.dataset.utterances).toEqual(b.dataset.utterances);
  });
});
