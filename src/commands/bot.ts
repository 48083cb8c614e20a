import {Args, Flags} from '@oclif/core';
import {SynthnluCommand} from '../cli/base-command.js';
import {recognizerFlags, recognizerOptions} from '../cli/recognizer-flags.js';
import {MESSAGES_PATH} from '../bot/bind-address.js';
import {
  BOT_SDKS,
  botBannerLines,
  closeOnSignal,
  startLocalBot,
  type BotResult,
  type BotSdk,
} from '../bot/start.js';

export type {BotResult} from '../bot/start.js';

export default class Bot extends SynthnluCommand<BotResult> {
  static override summary =
    'Talk to your data: a local Bot Framework bot that recognises intents and entities.';
  static override description = `Trains (or loads from the cache) the local intent classifier on DATASET and serves a Bot Framework bot at http://HOST:PORT${MESSAGES_PATH} with botbuilder's CloudAdapter, or with the Microsoft 365 Agents SDK's (@microsoft/agents-hosting) under --sdk agents. Each message is answered with the top intents, their scores and the entities found, and says plainly when the best score is below --threshold (where a platform would take its fallback intent). The reply's value holds the full RecognizerResult.

Connect Bot Framework Emulator to the printed URL with no app id or password, or POST an activity with curl (the reply goes to its serviceUrl, or comes back in the response with "deliveryMode": "expectReplies"). A request that is not a complete activity gets a 400 saying what is missing. On a loopback address authentication is off; any other --host needs --app-id and --app-password (with --sdk agents also clientId and clientSecret from the environment). Stop with Ctrl+C.`;
  static override examples = [
    '<%= config.bin %> <%= command.id %> out/data.json',
    '<%= config.bin %> <%= command.id %> examples/customer-support.yaml --port 3979 --threshold 0.6',
    '<%= config.bin %> <%= command.id %> out/data.json --sdk agents',
  ];
  static override args = {
    dataset: Args.string({
      description: 'Dataset, spec or platform file to train on.',
      required: true,
      ignoreStdin: true,
    }),
  };
  static override flags = {
    sdk: Flags.string({
      description:
        'SDK that serves the bot: botbuilder (Bot Framework) or agents (Microsoft 365 Agents SDK, its successor).',
      options: [...BOT_SDKS],
      default: 'botbuilder',
    }),
    port: Flags.integer({
      description: 'Port to listen on (0 picks a free one).',
      default: 3978,
      min: 0,
      max: 65535,
    }),
    host: Flags.string({
      description: 'Address to bind; non-loopback addresses need --app-id and --app-password.',
      default: '127.0.0.1',
    }),
    'app-id': Flags.string({
      description: 'Microsoft App ID, the client id (for a non-loopback host).',
      env: 'MicrosoftAppId',
    }),
    'app-password': Flags.string({
      description: 'Microsoft App password, the client secret (for a non-loopback host).',
      env: 'MicrosoftAppPassword',
    }),
    ...recognizerFlags('the bot reports a fallback'),
  };

  async run(): Promise<BotResult> {
    const {args, flags} = await this.parse(Bot);
    const serve = {
      sdk: flags.sdk as BotSdk,
      host: flags.host,
      port: flags.port,
      appId: flags['app-id'],
      appPassword: flags['app-password'],
      maxChars: flags['max-chars'],
    };
    const bot = await startLocalBot(args.dataset, serve, recognizerOptions(flags));
    this.printDiagnostics(bot.warnings.filter((w) => w.severity !== 'info'));
    for (const line of botBannerLines(bot)) this.log(line);
    await closeOnSignal(bot.close);
    return bot.result;
  }
}
