/**
 * The bot and the recognizer on the Microsoft 365 Agents SDK (issue 31): the agent's handlers run by the SDK's
 * own AgentApplication, CloudAdapter and TurnContext (the package ships no TestAdapter; the adapter here only
 * records what the turn sends instead of posting it). `bot --sdk agents` over real HTTP is in http.test.ts.
 */
import {spawnSync} from 'node:child_process';
import {Activity, ActivityTypes} from '@microsoft/agents-activity';
import {
  AgentApplication,
  CloudAdapter,
  TurnContext,
  type ResourceResponse,
  type TurnState,
} from '@microsoft/agents-hosting';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {createAgentsRecognitionApp} from '../../src/bot/agents-bot.js';
import {createAgentsAdapter, startAgentsBotServer} from '../../src/bot/agents-server.js';
import type {RunningBotServer} from '../../src/bot/http.js';
import {credentialsFor} from '../../src/bot/start.js';
import {createSynthnluRecognizer} from '../../src/recognizer/index.js';
import type {SynthnluAgentsRecognizer} from '../../src/recognizer/agents-recognizer.js';
import {ROOT, runCli, tempDir} from '../helpers/cli.js';
import {supportDataset, writeSupportDataset} from '../recognizer/support-dataset.js';
import {messageActivity, postJson} from './channel.js';

/** The SDK's CloudAdapter, recording the activities a turn sends instead of posting them to a channel. */
class RecordingAdapter extends CloudAdapter {
  readonly sent: Activity[] = [];

  constructor() {
    super({});
  }

  override async sendActivities(_context: TurnContext, activities: Activity[]): Promise<ResourceResponse[]> {
    this.sent.push(...activities);
    return activities.map((_, i) => ({id: `sent-${this.sent.length - activities.length + i}`}));
  }
}

function incoming(fields: Record<string, unknown>): Activity {
  return Activity.fromObject({
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:1',
    from: {id: 'user', name: 'User'},
    recipient: {id: 'bot', name: 'Bot'},
    conversation: {id: 'conversation'},
    ...fields,
  });
}

async function runTurn(
  app: AgentApplication<TurnState>,
  adapter: RecordingAdapter,
  fields: Record<string, unknown>,
) {
  adapter.sent.length = 0;
  await app.run(new TurnContext(adapter, incoming(fields)));
  return [...adapter.sent];
}

describe('the recognizer in an Agents SDK AgentApplication', () => {
  let recognizer: SynthnluAgentsRecognizer;
  beforeAll(async () => {
    recognizer = await createSynthnluRecognizer(supportDataset(), {
      sdk: 'agents',
      cacheDir: tempDir(),
      threshold: 0.6,
    });
  });

  it("gives an onActivity('message') handler intents, scores and entities in the RecognizerResult shape", async () => {
    const adapter = new RecordingAdapter();
    const app = new AgentApplication<TurnState>({adapter});
    app.onActivity(ActivityTypes.Message, async (context) => {
      const result = await recognizer.recognize(context);
      const top = Object.entries(result.intents).sort((a, b) => b[1].score - a[1].score)[0]!;
      await context.sendActivity(
        `${top[0]} ${result.intents[top[0]]!.score === result.topScore} ${JSON.stringify(result.entities)}`,
      );
    });
    const [reply] = await runTurn(app, adapter, {type: 'message', text: 'I want to cancel order 123456'});
    expect(reply!.text).toBe(
      'cancel_order true {"$instance":{"order_id":[{"startIndex":23,"endIndex":29,"text":"123456","type":"order_id","score":1}]},"order_id":["123456"]}',
    );
  });

  it('answers like the botbuilder bot: top intent, entities, the result in value, fallback below the threshold', async () => {
    const adapter = new RecordingAdapter();
    const app = createAgentsRecognitionApp(recognizer, 5, {adapter});
    const [reply] = await runTurn(app, adapter, {
      type: 'message',
      id: 'm1',
      text: 'I want to cancel order 123456 and pay with pay pal',
    });
    expect(reply!.text).toMatch(/^Intent: cancel_order \(\d+\.\d%\)/);
    expect(reply!.text).toContain('order_id = 123456 ("123456" at 23-29)');
    expect(reply!.text).toContain('payment_method = paypal ("pay pal" at 43-50)');
    expect(reply!.value).toMatchObject({
      topIntent: 'cancel_order',
      entities: {order_id: ['123456'], payment_method: [['paypal']]},
    });
    expect(reply!.replyToId).toBe('m1');
    expect(reply!.recipient?.id).toBe('user');
    const [fallback] = await runTurn(app, adapter, {type: 'message', text: 'banana'});
    expect(fallback!.text).toMatch(
      /^Not confident: the best intent "\w+" scores \d+\.\d%, below the 60\.0% threshold/,
    );
    const [tooLong] = await runTurn(
      createAgentsRecognitionApp(recognizer, 5, {adapter, maxChars: 10}),
      adapter,
      {
        type: 'message',
        text: 'x'.repeat(11),
      },
    );
    expect(tooLong!.text).toBe(
      'That message is 11 characters; I recognise messages of up to 10 characters (bot --max-chars).',
    );
    expect(tooLong!.value).toBeUndefined();
  });

  it('greets a member who joins, not itself', async () => {
    const adapter = new RecordingAdapter();
    const app = createAgentsRecognitionApp(recognizer, 5, {adapter});
    const sent = await runTurn(app, adapter, {
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [{id: 'bot'}, {id: 'user', name: 'User'}],
    });
    expect(sent.map((a) => a.text)).toEqual([expect.stringMatching(/^Hi! I recognise 5 intents/)]);
  });
});

describe('loading the SDKs', () => {
  /** Which SDK packages a fresh process has loaded after creating a recognizer from the built library. */
  function loadedSdks(sdk: 'agents' | 'botbuilder'): {top: string; botbuilder: boolean; agents: boolean} {
    const dir = tempDir();
    const dataset = writeSupportDataset(dir);
    const script = `
      import {createRequire} from 'node:module';
      const {createSynthnluRecognizer} = await import(${JSON.stringify(`${ROOT}dist/src/index.js`)});
      const recognizer = await createSynthnluRecognizer(${JSON.stringify(dataset)}, {sdk: ${JSON.stringify(sdk)}, cacheDir: ${JSON.stringify(dir)}});
      const result = ${sdk === 'agents' ? 'await recognizer.recognize({activity: {text: "where is my parcel"}})' : 'recognizer.recognizeText("where is my parcel")'};
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({
        top: result.topIntent,
        botbuilder: loaded.some((file) => /node_modules[\\\\/]botbuilder/.test(file)),
        agents: loaded.some((file) => /node_modules[\\\\/]@microsoft[\\\\/]agents-/.test(file)),
      }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as {top: string; botbuilder: boolean; agents: boolean};
  }

  it('an Agents SDK recognizer loads neither SDK; a Bot Framework one loads botbuilder only', () => {
    expect(loadedSdks('agents')).toEqual({top: 'track_order', botbuilder: false, agents: false});
    expect(loadedSdks('botbuilder')).toEqual({top: 'track_order', botbuilder: true, agents: false});
  });
});

describe('an Agents SDK bot with a client id, sent no token or a token that is not valid', () => {
  let running: RunningBotServer;
  const logged: string[] = [];
  beforeAll(async () => {
    const credentials = {appId: '00000000-0000-0000-0000-000000000001', appPassword: 'not-a-real-secret'};
    const app = createAgentsRecognitionApp(
      {
        recognizeText: () => {
          throw new Error('a refused request is never recognised');
        },
      },
      1,
      {
        adapter: createAgentsAdapter(credentials),
      },
    );
    running = await startAgentsBotServer(app, {
      host: '127.0.0.1',
      port: 0,
      ...credentials,
      logError: (message) => logged.push(message),
    });
  });
  afterAll(() => running.close());

  it('answers 401 with one line logged, nothing printed, the secret nowhere', async () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const activity = messageActivity('hi', 'http://127.0.0.1:1');
      const none = await postJson(running.url, activity);
      const bad = await fetch(running.url, {
        method: 'POST',
        headers: {'content-type': 'application/json', authorization: 'Bearer not.a.token'},
        body: JSON.stringify(activity),
      });
      expect([none.status, bad.status]).toEqual([401, 401]);
      expect(`${await none.text()}${await bad.text()}`).not.toContain('not-a-real-secret');
      expect(logged).toEqual([
        'request refused: the Authorization token is missing or not valid',
        'request refused: the Authorization token is missing or not valid',
      ]);
      expect(printed).not.toHaveBeenCalled();
      expect(warned).not.toHaveBeenCalled();
    } finally {
      printed.mockRestore();
      warned.mockRestore();
    }
  });
});

describe('the credentials of bot --sdk agents', () => {
  const serve = {host: '0.0.0.0', port: 0, maxChars: 100};
  const env = {clientId: 'agents-client', clientSecret: 'agents-secret'};

  it("come from the flags first, then the Agents SDK's clientId and clientSecret (botbuilder ignores those)", () => {
    expect(credentialsFor({...serve, sdk: 'agents'}, env)).toEqual({
      host: '0.0.0.0',
      appId: 'agents-client',
      appPassword: 'agents-secret',
    });
    expect(
      credentialsFor({...serve, sdk: 'agents', appId: 'flag-id', appPassword: 'flag-secret'}, env),
    ).toEqual({
      host: '0.0.0.0',
      appId: 'flag-id',
      appPassword: 'flag-secret',
    });
    expect(credentialsFor({...serve, sdk: 'botbuilder'}, env)).toEqual({host: '0.0.0.0'});
  });
});

describe('bot --sdk agents refuses a public address without credentials', () => {
  it('exits 2 naming the flags, never echoing the secret from the environment', () => {
    const dir = tempDir();
    const run = runCli(
      ['bot', writeSupportDataset(dir), '--sdk', 'agents', '--host', '0.0.0.0', '--cache-dir', dir],
      {
        env: {MicrosoftAppId: '', MicrosoftAppPassword: '', clientSecret: 's3cret-agents-value'},
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Refusing to serve the bot on 0.0.0.0 without authentication');
    expect(run.stdout + run.stderr).not.toContain('s3cret-agents-value');
  });
});
