import {afterEach, describe, expect, it} from 'vitest';
import {SynthnluError} from '../../src/errors.js';
import {ChatClient} from '../../src/llm/client.js';
import {resolveProviderSettings} from '../../src/llm/settings.js';
import {startFakeOpenAiServer, type FakeOpenAiServer, type Script} from '../support/openai-server/index.js';

const KEY = 'sk-test-0123456789abcdefSECRET';
const REQUEST = {
  // JSON mode is on: OpenAI refuses a json_object request whose messages never say "JSON".
  messages: [{role: 'user' as const, content: 'hello, answer in JSON'}],
  temperature: 0.5,
  seed: 42,
  maxTokens: 100,
};

let server: FakeOpenAiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function recordingRetry(delays: number[]) {
  return {
    baseDelayMs: 1,
    requestTimeoutMs: 1500,
    random: () => 0.5,
    sleep: async (ms: number) => {
      delays.push(ms);
    },
  };
}

async function clientFor(script: Script, delays: number[] = []) {
  server = await startFakeOpenAiServer(script);
  const settings = resolveProviderSettings(
    'openai',
    undefined,
    {model: 'test-model'},
    {
      OPENAI_BASE_URL: server.baseUrl,
      OPENAI_API_KEY: KEY,
    },
  );
  return new ChatClient(settings, {retry: recordingRetry(delays)});
}

describe('ChatClient against a local chat-completions server', () => {
  it('sends model, messages, seed, JSON mode and the bearer key, and reads content and usage', async () => {
    const client = await clientFor(() => ({
      content: '{"utterances": []}',
      usage: {prompt_tokens: 7, completion_tokens: 3},
    }));
    const answer = await client.complete(REQUEST);
    expect(answer).toEqual({content: '{"utterances": []}', usage: {prompt: 7, completion: 3}});
    const sent = server!.requests[0]!;
    expect(sent.path).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent.body).toMatchObject({model: 'test-model', seed: 42, temperature: 0.5, max_tokens: 100});
    expect(sent.body.response_format).toEqual({type: 'json_object'});
  });

  it('the local server refuses what the Chat Completions API refuses, and the client stops at the 400', async () => {
    const client = await clientFor(() => ({content: '{}'}));
    const refusal = async (request: typeof REQUEST) => {
      const error = (await client.complete(request).catch((e: unknown) => e)) as SynthnluError;
      expect(error).toBeInstanceOf(SynthnluError);
      return error.message;
    };
    // The request as the client maps it is accepted; each break of one mapping below is refused once, not retried.
    await client.complete(REQUEST);
    expect(await refusal({...REQUEST, messages: [{role: 'user', content: 'hello'}]})).toContain(
      "must contain the word 'json'",
    );
    expect(
      await refusal({...REQUEST, messages: [{role: 'bot' as 'user', content: 'answer in JSON'}]}),
    ).toContain("Supported values are: 'system'");
    expect(await refusal({...REQUEST, messages: []})).toContain('empty array');
    expect(await refusal({...REQUEST, maxTokens: 0})).toContain('max_tokens');
    expect(await refusal({...REQUEST, maxTokens: 12.5})).toContain('max_tokens');
    expect(await refusal({...REQUEST, temperature: 2.5})).toContain('temperature');
    expect(server!.requests).toHaveLength(7);
    const {refuseChatBody} = await import('../support/openai-server/index.js');
    expect(refuseChatBody({messages: [{role: 'user', content: 'hi'}]}, '/v1/chat/completions')).toMatchObject(
      {
        param: 'model',
      },
    );
    // An Azure deployment URL names the model.
    expect(
      refuseChatBody({messages: [{role: 'user', content: 'hi'}]}, '/openai/deployments/gpt/chat/completions'),
    ).toBeUndefined();
  });

  it('retries a 429 after the Retry-After the server asked for', async () => {
    const delays: number[] = [];
    const client = await clientFor(
      (_, i) =>
        i === 0
          ? {status: 429, headers: {'retry-after': '3'}, body: {error: {message: 'slow down'}}}
          : {content: '{}'},
      delays,
    );
    await client.complete(REQUEST);
    expect(server!.requests).toHaveLength(2);
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThanOrEqual(3000);
    expect(client.retries).toBe(1);
  });

  it('retries a 500, a dropped connection and a hang (per-request timeout), then succeeds', async () => {
    const delays: number[] = [];
    const client = await clientFor((_, i) => {
      if (i === 0) return {status: 500, body: 'boom'};
      if (i === 1) return {drop: true};
      if (i === 2) return {hang: true};
      return {content: 'fine'};
    }, delays);
    const answer = await client.complete(REQUEST);
    expect(answer.content).toBe('fine');
    expect(server!.requests).toHaveLength(4);
    expect(client.requests).toBe(4);
    expect(delays).toHaveLength(3);
  });

  it('names the endpoint and the key variable when the key is refused, without the key in any encoding', async () => {
    const client = await clientFor(() => ({
      status: 401,
      // A server that echoes the key back must not make it appear in our message.
      body: {
        error: {
          message: `Incorrect API key provided: ${KEY} (${Buffer.from(KEY).toString('base64')})`,
          code: 'invalid_api_key',
        },
      },
    }));
    const error = (await client.complete(REQUEST).catch((e: unknown) => e)) as SynthnluError;
    expect(error).toBeInstanceOf(SynthnluError);
    expect(error.code).toBe('LLM_AUTH');
    expect(error.message).toContain(`${server!.baseUrl}/chat/completions`);
    expect(error.suggestion).toContain('OPENAI_API_KEY');
    const everything = JSON.stringify(error.toJSON());
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain(Buffer.from(KEY).toString('base64'));
    expect(server!.requests).toHaveLength(1);
  });

  it('says which endpoint cannot be reached when nothing listens there', async () => {
    const probe = await startFakeOpenAiServer(() => ({content: ''}));
    const url = probe.baseUrl;
    await probe.close();
    const settings = resolveProviderSettings('openai', undefined, {model: 'm'}, {OPENAI_BASE_URL: url});
    const client = new ChatClient(settings, {retry: {...recordingRetry([]), maxAttempts: 2}});
    const error = (await client.complete(REQUEST).catch((e: unknown) => e)) as SynthnluError;
    expect(error.code).toBe('LLM_UNREACHABLE');
    expect(error.message).toContain(`cannot reach ${url}/chat/completions`);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('reaches an Azure OpenAI deployment with the api-key header and api-version', async () => {
    server = await startFakeOpenAiServer(() => ({content: 'ok'}));
    const settings = resolveProviderSettings(
      'azure',
      undefined,
      {},
      {
        AZURE_OPENAI_ENDPOINT: `http://127.0.0.1:${server.port}`,
        AZURE_OPENAI_API_KEY: KEY,
        AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-mini-dep',
      },
    );
    await new ChatClient(settings, {retry: recordingRetry([])}).complete(REQUEST);
    const sent = server.requests[0]!;
    expect(sent.path).toBe('/openai/deployments/gpt-4o-mini-dep/chat/completions');
    expect(sent.query.get('api-version')).toBe('2024-10-21');
    expect(sent.headers['api-key']).toBe(KEY);
    expect(sent.headers.authorization).toBeUndefined();
  });
});

describe('provider settings', () => {
  it('refuses http:// for a remote endpoint and a missing key for the OpenAI cloud', () => {
    expect(() =>
      resolveProviderSettings('openai', undefined, {model: 'm', baseUrl: 'http://llm.example.com/v1'}, {}),
    ).toThrow(/must use https/);
    expect(() => resolveProviderSettings('openai', undefined, {model: 'm'}, {})).toThrow(
      /OPENAI_API_KEY is not set/,
    );
    // A loopback server needs no key; the dry run and --offline need none either.
    expect(
      resolveProviderSettings('openai', undefined, {model: 'm', baseUrl: 'http://127.0.0.1:11434/v1'}, {})
        .auth,
    ).toBeUndefined();
    expect(
      resolveProviderSettings('openai', undefined, {model: 'm'}, {}, {requireKey: false}).auth,
    ).toBeUndefined();
  });

  it('takes the model from SYNTHNLU_LLM_MODEL and a deployment from an Azure deployment URL', () => {
    expect(
      resolveProviderSettings('openai', undefined, {}, {SYNTHNLU_LLM_MODEL: 'llama3.1', OPENAI_API_KEY: KEY})
        .model,
    ).toBe('llama3.1');
    const azure = resolveProviderSettings(
      'azure',
      undefined,
      {baseUrl: 'https://r.openai.azure.com/openai/deployments/dep1/chat/completions'},
      {AZURE_OPENAI_API_KEY: KEY},
    );
    expect(azure.model).toBe('dep1');
    expect(azure.url).toBe('https://r.openai.azure.com/openai/deployments/dep1/chat/completions');
    // The portal's target URI, pasted whole: its api-version is used, nothing else may ride in the query.
    const pasted = resolveProviderSettings(
      'azure',
      undefined,
      {
        baseUrl:
          'https://r.openai.azure.com/openai/deployments/dep2/chat/completions?api-version=2025-01-01-preview',
      },
      {AZURE_OPENAI_API_KEY: KEY},
    );
    expect([pasted.model, pasted.params['api-version']]).toEqual(['dep2', '2025-01-01-preview']);
    const keyInUrl = () =>
      resolveProviderSettings(
        'openai',
        undefined,
        {model: 'm', baseUrl: 'https://x.example/v1?api-key=supersecret1'},
        {},
      );
    expect(keyInUrl).toThrow(/must not have a query string/);
    expect(() => keyInUrl()).not.toThrow(/supersecret1/);
  });
});
