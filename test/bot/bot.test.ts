import {ActivityTypes, TestAdapter} from 'botbuilder';
import {beforeAll, describe, expect, it} from 'vitest';
import {isLoopbackHost} from '../../src/bot/bind-address.js';
import {createRecognitionBot} from '../../src/bot/recognition-bot.js';
import {SynthnluRecognizer} from '../../src/recognizer/bot-recognizer.js';
import {loadLocalRecognizer} from '../../src/recognizer/index.js';
import {runCli, tempDir} from '../helpers/cli.js';
import {supportDataset, writeSupportDataset} from '../recognizer/support-dataset.js';

describe('the bot turn handler (TestAdapter)', () => {
  let recognizer: SynthnluRecognizer;
  beforeAll(async () => {
    const {recognizer: local} = await loadLocalRecognizer(supportDataset(), {
      cacheDir: tempDir(),
      threshold: 0.6,
    });
    recognizer = new SynthnluRecognizer(local);
  });

  it('answers with the top intent, scores and entities, and carries the RecognizerResult in value', async () => {
    const adapter = new TestAdapter(async (context) => createRecognitionBot(recognizer, 5).run(context));
    await adapter
      .send('I want to cancel order 123456 and pay with pay pal')
      .assertReply((activity) => {
        expect(activity.text).toMatch(/^Intent: cancel_order \(\d+\.\d%\)/);
        expect(activity.text).toContain('order_id = 123456 ("123456" at 23-29)');
        expect(activity.text).toContain('payment_method = paypal ("pay pal" at 43-50)');
        expect(activity.value).toMatchObject({
          topIntent: 'cancel_order',
          entities: {order_id: ['123456'], payment_method: [['paypal']]},
        });
      })
      .send('banana')
      .assertReply((activity) => {
        expect(activity.text).toMatch(
          /^Not confident: the best intent "\w+" scores \d+\.\d%, below the 60\.0% threshold/,
        );
      });
  });

  it('greets a new member and works as a Bot Framework Recognizer on a TurnContext', async () => {
    const adapter = new TestAdapter(async (context) => {
      if (context.activity.type === ActivityTypes.Message) {
        const result = await recognizer.recognize(context);
        await context.sendActivity(
          `${Object.keys(result.intents).length} intents, top ${result.topIntent as string}`,
        );
      } else await createRecognitionBot(recognizer, 5).run(context);
    });
    await adapter
      .send({
        type: ActivityTypes.ConversationUpdate,
        membersAdded: [{id: 'user', name: 'User'}],
        recipient: {id: 'bot', name: 'Bot'},
      })
      .assertReply((activity) => expect(activity.text).toMatch(/^Hi! I recognise 5 intents/))
      .send('where is my parcel')
      .assertReply('5 intents, top track_order');
  });
});

describe('loopback check', () => {
  it('tells loopback addresses from others', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.1.2.3', '::ffff:127.0.0.1'])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.com', '127.0.0.300'])
      expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('synthnlu bot on a public address (built CLI)', () => {
  it('refuses a non-loopback address without an app id and password, never echoing a secret', () => {
    const dir = tempDir();
    const dataset = writeSupportDataset(dir);
    const run = runCli([
      'bot',
      dataset,
      '--host',
      '0.0.0.0',
      '--app-password',
      's3cret-value',
      '--cache-dir',
      dir,
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Refusing to serve the bot on 0.0.0.0 without authentication');
    expect(run.stderr).toContain('--app-id');
    expect(run.stdout + run.stderr).not.toContain('s3cret-value');
  });
});

describe('synthnlu predict (child process, built CLI)', () => {
  it('recognises cancel_order with the order_id entity, as JSON', () => {
    const dir = tempDir();
    const dataset = writeSupportDataset(dir);
    const run = runCli(['predict', dataset, 'I want to cancel order 123456', '--json', '--cache-dir', dir]);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.topIntent).toBe('cancel_order');
    expect(result.intents.cancel_order.score).toBe(result.topScore);
    expect(result.entities.order_id).toEqual(['123456']);
    expect(result.entities.$instance.order_id[0]).toEqual({
      startIndex: 23,
      endIndex: 29,
      text: '123456',
      type: 'order_id',
      score: 1,
    });
  });

  it('reads lines from stdin, reuses the cached model, and exits 2 without text', () => {
    const dir = tempDir();
    const dataset = writeSupportDataset(dir);
    const first = runCli(['predict', dataset, '--cache-dir', dir], {
      input: 'hello\nwhere is my order 123456\n',
    });
    expect(first.status).toBe(0);
    expect(first.stderr).toContain('Training the intent classifier on 40 utterances');
    expect(first.stdout).toContain('> hello\nIntent: greet');
    expect(first.stdout).toContain('> where is my order 123456\nIntent: track_order');
    const second = runCli(['predict', dataset, '--cache-dir', dir, '--json'], {input: 'hi there\n'});
    expect(second.stderr).not.toContain('Training');
    expect(JSON.parse(second.stdout).results[0].topIntent).toBe('greet');
    const none = runCli(['predict', dataset, '--cache-dir', dir]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('No text to recognise');
  });
});
