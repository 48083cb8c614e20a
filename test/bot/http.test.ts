/**
 * `synthnlu bot` over real HTTP on both SDKs (built CLI): an activity in, the reply posted to its serviceUrl
 * (issue 31); requests that are not complete activities answered with a 400 and one line saying what is wrong, no
 * stack on stderr (issue 29 item 4, the nested-array activity of issue 32 item 3); the README's curl example.
 */
import {readFileSync} from 'node:fs';
import {createServer} from 'node:http';
import {join} from 'node:path';
import type {AddressInfo} from 'node:net';
import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {MAX_JSON_DEPTH, parseActivityRequest} from '../../src/bot/activity-request.js';
import {ROOT, tempDir} from '../helpers/cli.js';
import {writeSupportDataset} from '../recognizer/support-dataset.js';
import {
  messageActivity,
  postJson,
  startBotProcess,
  startChannel,
  type BotProcess,
  type Channel,
} from './channel.js';

/** The body of the curl command in the README's "Try it locally". */
function readmeCurlBody(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Try it locally'));
  const found = /curl -H 'Content-Type: application\/json' \S+ -d '([^']+)'/.exec(section);
  expect(found).not.toBeNull();
  return found![1]!;
}

/** A URL on 127.0.0.1 where nothing listens (port 1 would be refused by fetch as a "bad port"). */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

const complete = messageActivity('hi', 'http://127.0.0.1:1');
const without = (field: string) =>
  Object.fromEntries(Object.entries(complete).filter(([key]) => key !== field));
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Each case: the request, and the one line it must be answered with. */
const cases: Array<{name: string; body: string; contentType?: string; reason: RegExp}> = [
  {
    name: 'the minimal curl body (no conversation, no serviceUrl)',
    body: '{"type":"message","text":"hi"}',
    reason:
      /^Not a complete Bot Framework activity: missing "channelId", "from\.id", "recipient\.id", "conversation\.id", "serviceUrl" \(where the reply is posted; or set "deliveryMode": "expectReplies" to get the reply in this response\); see "Try it locally" in the README for a curl example\.$/,
  },
  {
    name: 'curl -d without a JSON content type',
    body: JSON.stringify(complete),
    contentType: 'application/x-www-form-urlencoded',
    reason:
      /^Expected Content-Type: application\/json, got "application\/x-www-form-urlencoded" \(curl: add -H 'Content-Type: application\/json'\)\.$/,
  },
  {
    name: 'no type',
    body: JSON.stringify(without('type')),
    reason: /^Expected a Bot Framework activity: "type" is missing/,
  },
  {
    name: 'no conversation',
    body: JSON.stringify(without('conversation')),
    reason: /^Not a complete Bot Framework activity: missing "conversation\.id"; /,
  },
  {name: 'not JSON', body: '{"type":"message",', reason: /^The body is not JSON \(.+\)\.$/},
  {
    name: 'a JSON array',
    body: '[1]',
    reason: /^Expected a Bot Framework activity as a JSON object, got an array\.$/,
  },
  {
    name: 'a text that is a 100,000-deep nested array',
    body: JSON.stringify({...complete, text: 'PLACEHOLDER'}).replace('"PLACEHOLDER"', nested(100_000)),
    reason: new RegExp(
      `^The activity is nested more than ${MAX_JSON_DEPTH} levels deep; no channel sends that\\.$`,
    ),
  },
  {
    name: 'a text that is a number',
    body: JSON.stringify({...complete, text: 42}),
    reason: /^"text" must be a string, got number\.$/,
  },
  {
    name: 'a sender name that is a number',
    body: JSON.stringify({...complete, from: {id: 'user-1', name: 5}}),
    reason: /^Not a valid Bot Framework activity: "from\.name" must be a string\.$/,
  },
  {
    name: 'a serviceUrl that is not http',
    body: JSON.stringify({...complete, serviceUrl: 'file:///etc/passwd'}),
    reason: /^"serviceUrl" must be an http or https URL, got "file:\/\/\/etc\/passwd"\.$/,
  },
];

for (const sdk of ['botbuilder', 'agents']) {
  describe(`synthnlu bot --sdk ${sdk} over HTTP (built CLI)`, () => {
    let bot: BotProcess;
    let channel: Channel;
    beforeAll(async () => {
      const dir = tempDir();
      bot = await startBotProcess(['--sdk', sdk, writeSupportDataset(dir), '--cache-dir', dir]);
      channel = await startChannel();
    });
    afterAll(async () => {
      bot.child.kill('SIGTERM');
      await channel.close();
    });

    it('answers an activity POSTed to /api/messages by posting a reply naming the intent to the serviceUrl', async () => {
      expect(bot.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/messages$/);
      const response = await postJson(bot.url, messageActivity('I want to cancel order 123456', channel.url));
      expect(response.status).toBe(200);
      const reply = await channel.nextReply();
      expect(reply.path).toBe('/v3/conversations/conversation-1/activities/activity-1');
      expect(reply.body).toMatchObject({
        type: 'message',
        replyToId: 'activity-1',
        recipient: {id: 'user-1'},
        from: {id: 'bot-1'},
        conversation: {id: 'conversation-1'},
        value: {topIntent: 'cancel_order', entities: {order_id: ['123456']}},
      });
      expect(reply.body.text).toMatch(/^Intent: cancel_order \(\d+\.\d%\)/);
    });

    for (const c of cases)
      it(`${c.name}: 400 and one line`, async () => {
        const response = await postJson(bot.url, c.body, c.contentType);
        const text = await response.text();
        expect(response.status).toBe(400);
        expect(text.endsWith('\n') && !text.slice(0, -1).includes('\n')).toBe(true);
        expect(text.trimEnd()).toMatch(c.reason);
      });

    it('a reply that cannot be posted (nothing at the serviceUrl): 500, one line on stderr, no stack', async () => {
      const response = await postJson(bot.url, messageActivity('where is my parcel', await closedPortUrl()));
      expect(response.status).toBe(500);
      expect(await response.text()).toBe('Processing the activity failed; see the synthnlu bot console.\n');
    });

    it('the README curl example (deliveryMode expectReplies) gets the reply in the response', async () => {
      const response = await postJson(bot.url, readmeCurlBody());
      expect(response.status).toBe(200);
      const {activities} = (await response.json()) as {activities: Array<{text: string; value: unknown}>};
      expect(activities).toHaveLength(1);
      expect(activities[0]!.text).toMatch(/^Intent: cancel_order/);
      expect(activities[0]!.value).toMatchObject({
        topIntent: 'cancel_order',
        entities: {order_id: ['123456']},
      });
    });

    it('still answers a valid activity afterwards, and never printed a stack trace', async () => {
      const response = await postJson(bot.url, messageActivity('I want to cancel order 123456', channel.url));
      expect(response.status).toBe(200);
      expect((await channel.nextReply()).body).toMatchObject({value: {topIntent: 'cancel_order'}});
      const stderr = bot.stderr();
      expect(stderr).not.toMatch(/^\s+at /m);
      expect(stderr.split('\n').filter((line) => /fail/i.test(line))).toEqual([
        expect.stringMatching(/^request failed: .*connect ECONNREFUSED 127\.0\.0\.1:\d+\)?$/),
      ]);
    });
  });
}

describe('parseActivityRequest', () => {
  it('accepts a complete activity, with or without a charset, and expectReplies without a serviceUrl', () => {
    expect(parseActivityRequest('application/json; charset=utf-8', JSON.stringify(complete))).toMatchObject({
      ok: true,
    });
    const noUrl = {...without('serviceUrl'), deliveryMode: 'expectReplies'};
    expect(parseActivityRequest('application/json', JSON.stringify(noUrl))).toMatchObject({ok: true});
  });

  it('allows nesting up to the limit and refuses one level more', () => {
    const at = (depth: number) =>
      parseActivityRequest(
        'application/json',
        JSON.stringify({...complete, value: 'V'}).replace('"V"', nested(depth - 1)),
      );
    expect(at(MAX_JSON_DEPTH).ok).toBe(true);
    expect(at(MAX_JSON_DEPTH + 1)).toMatchObject({ok: false, status: 400});
  });

  it('never throws, refuses any body missing a required field, and answers in one line', () => {
    const required = ['type', 'channelId', 'from', 'recipient', 'conversation', 'serviceUrl'];
    fc.assert(
      fc.property(fc.subarray(required, {minLength: 1}), fc.jsonValue(), (dropped, extra) => {
        const body = {
          ...Object.fromEntries(Object.entries(complete).filter(([k]) => !dropped.includes(k))),
          extra,
        };
        const parsed = parseActivityRequest('application/json', JSON.stringify(body));
        if (parsed.ok) return false;
        return parsed.status === 400 && !parsed.reason.includes('\n');
      }),
    );
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string(), {nil: undefined}), (text, contentType) => {
        const parsed = parseActivityRequest(contentType, text);
        return parsed.ok ? contentType !== undefined : !parsed.reason.includes('\n');
      }),
    );
  });
});
