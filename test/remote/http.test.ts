import nock from 'nock';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {SynthnluError} from '../../src/errors.js';
import {checkEndpoint} from '../../src/remote/endpoint.js';
import {HttpClient} from '../../src/remote/http.js';
import {backoffDelay, parseRetryAfter, retryPolicy} from '../../src/remote/retry.js';
import {Secrets} from '../../src/remote/secrets.js';

const BASE = 'https://lang.example.com';
const KEY = 'key-0123456789abcdef-SECRET';

function client(sleeps: number[], overrides: {requestTimeoutMs?: number; maxAttempts?: number} = {}) {
  const secrets = new Secrets();
  secrets.add(KEY);
  return new HttpClient({
    baseURL: BASE,
    headers: {'Ocp-Apim-Subscription-Key': KEY},
    platform: 'Azure CLU',
    authHint: 'the key in AZURE_CONVERSATIONS_KEY and the endpoint region',
    secrets,
    retry: {
      baseDelayMs: 10,
      random: () => 0.5,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...overrides,
    },
  });
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe('HttpClient retries', () => {
  it('waits for Retry-After on 429, then succeeds', async () => {
    const sleeps: number[] = [];
    nock(BASE).get('/x').reply(429, {}, {'Retry-After': '7'}).get('/x').reply(200, {ok: true});
    const response = await client(sleeps).request({method: 'GET', url: '/x'});
    expect(response.data).toEqual({ok: true});
    expect(sleeps).toEqual([7000]);
  });

  it('retries 503 twice with growing, jittered backoff', async () => {
    const sleeps: number[] = [];
    nock(BASE).get('/x').times(2).reply(503).get('/x').reply(200, 'fine');
    const http = client(sleeps);
    expect((await http.request({method: 'GET', url: '/x'})).data).toBe('fine');
    expect(sleeps).toEqual([5, 10]);
    expect(http.requests).toBe(3);
  });

  it('retries a dropped connection (ECONNRESET) and a request timeout', async () => {
    const sleeps: number[] = [];
    nock(BASE)
      .post('/x', {a: 1})
      .replyWithError({code: 'ECONNRESET', message: 'socket hang up'})
      .post('/x', {a: 1})
      .delay(300)
      .reply(200, 'late')
      .post('/x', {a: 1})
      .reply(200, 'ok');
    const response = await client(sleeps, {requestTimeoutMs: 100}).request({
      method: 'POST',
      url: '/x',
      data: {a: 1},
    });
    expect(response.data).toBe('ok');
    expect(sleeps).toHaveLength(2);
  });

  it('gives up after the attempts run out with a clear, key-free error', async () => {
    nock(BASE)
      .get('/x')
      .times(3)
      .reply(503, {error: {code: 'Busy', message: `busy for ${KEY}`}});
    const error = await client([], {maxAttempts: 3})
      .request({method: 'GET', url: '/x'})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SynthnluError);
    expect((error as SynthnluError).code).toBe('REMOTE_HTTP');
    expect((error as Error).message).toContain('failed with 503');
    expect((error as Error).message).not.toContain(KEY);
  });

  it('does not retry 401 and says what to check', async () => {
    nock(BASE)
      .get('/x')
      .reply(401, {error: {code: '401', message: 'Access denied due to invalid subscription key'}});
    const error = (await client([])
      .request({method: 'GET', url: '/x'})
      .catch((e: unknown) => e)) as SynthnluError;
    expect(error.code).toBe('REMOTE_AUTH');
    expect(error.suggestion).toContain('AZURE_CONVERSATIONS_KEY');
    expect(JSON.stringify(error.toJSON())).not.toContain(KEY);
  });

  it('does not retry 400', async () => {
    const sleeps: number[] = [];
    nock(BASE)
      .get('/x')
      .reply(400, {error: {message: 'bad'}});
    await expect(client(sleeps).request({method: 'GET', url: '/x'})).rejects.toThrow('failed with 400: bad');
    expect(sleeps).toEqual([]);
  });

  it('stops retrying when the total time budget would be exceeded', async () => {
    let now = 0;
    const http = new HttpClient({
      baseURL: BASE,
      headers: {},
      platform: 'Rasa',
      authHint: 'the token',
      secrets: new Secrets(),
      retry: {totalTimeoutMs: 1000, now: () => now, sleep: async (ms) => void (now += ms)},
    });
    nock(BASE).get('/x').reply(429, '', {'Retry-After': '5'});
    await expect(http.request({method: 'GET', url: '/x'})).rejects.toThrow('failed with 429');
    expect(now).toBe(0);
  });
});

describe('retry helpers', () => {
  it('parses Retry-After seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(61_000).toUTCString(), 1000)).toBe(60_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('keeps backoff within the ceiling and never below Retry-After', () => {
    const policy = retryPolicy({baseDelayMs: 100, maxDelayMs: 1000, random: () => 1});
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(policy, n))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(backoffDelay(policy, 1, 5000)).toBe(5000);
  });
});

describe('endpoint and secrets', () => {
  it('requires https:// except on loopback', () => {
    expect(checkEndpoint('https://x.cognitiveservices.azure.com/')).toBe(
      'https://x.cognitiveservices.azure.com',
    );
    expect(checkEndpoint('http://localhost:5005')).toBe('http://localhost:5005');
    expect(checkEndpoint('http://127.0.0.1:5005')).toBe('http://127.0.0.1:5005');
    expect(() => checkEndpoint('http://rasa.example.com')).toThrow(/must use https/);
    expect(() => checkEndpoint('https://user:pw@x.com')).toThrow(/credentials/);
  });

  it('redacts registered secrets, PEM keys and bearer tokens', () => {
    const secrets = new Secrets();
    secrets.add('abcdef123456');
    expect(secrets.redact('key=abcdef123456;')).toBe('key=[REDACTED];');
    expect(secrets.redact('-----BEGIN PRIVATE KEY-----\nxyz\n-----END PRIVATE KEY-----')).toBe(
      '[REDACTED PRIVATE KEY]',
    );
    expect(secrets.redact('Authorization: Bearer eyJhbGciOi.x.y')).toBe('Authorization: Bearer [REDACTED]');
  });
});
