import {Args, Flags} from '@oclif/core';
import {SynthnluCommand} from '../cli/base-command.js';
import {checkBindAddress, MESSAGES_PATH} from '../bot/bind-address.js';
import {allSystemEntitiesFlag, maxCharsFlag} from '../cli/flags.js';
import {loadLocalRecognizer} from '../recognizer/index.js';
import {COMMON_SYSTEM_TYPES} from '../recognizer/system-entities.js';
import {DEFAULT_CONFIDENCE_THRESHOLD} from '../recognizer/local-recognizer.js';
import {parseThreshold} from './predict.js';

export interface BotResult {
  url: string;
  intents: number;
  modelFromCache: boolean;
  modelFile: string;
}

export default class Bot extends SynthnluCommand<BotResult> {
  static override summary =
    'Talk to your data: a local Bot Framework bot that recognises intents and entities.';
  static override description = `Trains (or loads from the cache) the local intent classifier on DATASET and serves a Bot Framework bot at http://HOST:PORT${MESSAGES_PATH} with botbuilder's CloudAdapter. Each message is answered with the top intents, their scores and the entities found, and says plainly when the best score is below --threshold (where a platform would take its fallback intent). The reply's value holds the full RecognizerResult.

Connect Bot Framework Emulator to the printed URL with no app id or password. On a loopback address authentication is off; any other --host needs --app-id and --app-password. Stop with Ctrl+C.`;
  static override examples = [
    '<%= config.bin %> <%= command.id %> out/data.json',
    '<%= config.bin %> <%= command.id %> examples/customer-support.yaml --port 3979 --threshold 0.6',
  ];
  static override args = {
    dataset: Args.string({
      description: 'Dataset, spec or platform file to train on.',
      required: true,
      ignoreStdin: true,
    }),
  };
  static override flags = {
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
      description: 'Microsoft App ID (for a non-loopback host).',
      env: 'MicrosoftAppId',
    }),
    'app-password': Flags.string({
      description: 'Microsoft App password (for a non-loopback host).',
      env: 'MicrosoftAppPassword',
    }),
    from: Flags.string({description: 'Platform format of DATASET when detection is not enough.'}),
    threshold: Flags.string({
      description: `Confidence below which the bot reports a fallback (0-1, default ${DEFAULT_CONFIDENCE_THRESHOLD}).`,
    }),
    'all-system-entities': allSystemEntitiesFlag,
    'max-chars': maxCharsFlag,
    'cache-dir': Flags.string({
      description: 'Model cache folder (default $XDG_CACHE_HOME/synthnlu or ~/.cache/synthnlu).',
    }),
  };

  async run(): Promise<BotResult> {
    const {args, flags} = await this.parse(Bot);
    const threshold = parseThreshold(flags.threshold);
    const credentials = {
      host: flags.host,
      ...(flags['app-id'] ? {appId: flags['app-id']} : {}),
      ...(flags['app-password'] ? {appPassword: flags['app-password']} : {}),
    };
    checkBindAddress(credentials); // before the (possibly slow) training
    const {recognizer, dataset, model, warnings} = await loadLocalRecognizer(args.dataset, {
      ...(flags.from ? {from: flags.from} : {}),
      ...(flags['cache-dir'] ? {cacheDir: flags['cache-dir']} : {}),
      ...(threshold === undefined ? {} : {threshold}),
      ...(flags['all-system-entities'] ? {defaultSystemTypes: COMMON_SYSTEM_TYPES} : {}),
      onTraining: (count) =>
        process.stderr.write(`Training the intent classifier on ${count} utterances (cached afterwards)…\n`),
    });
    this.printDiagnostics(warnings.filter((w) => w.severity !== 'info'));
    // botbuilder takes ~0.4 s to load: only this command pays for it.
    const [{SynthnluRecognizer}, {createRecognitionBot}, {startBotServer}] = await Promise.all([
      import('../recognizer/bot-recognizer.js'),
      import('../bot/recognition-bot.js'),
      import('../bot/server.js'),
    ]);
    const intents = recognizer.classifier.intents.length;
    const bot = createRecognitionBot(new SynthnluRecognizer(recognizer), intents, {
      maxChars: flags['max-chars'],
    });
    const running = await startBotServer(bot, {...credentials, port: flags.port});
    const result: BotResult = {
      url: running.url,
      intents,
      modelFromCache: model.fromCache,
      modelFile: model.file,
    };
    this.log(`synthnlu bot is listening on ${running.url}`);
    this.log(
      `  ${intents} intents, ${dataset.entities.length} entities; model ${model.fromCache ? 'loaded from' : 'trained and saved to'} ${model.file}`,
    );
    this.log(
      '  Bot Framework Emulator: Open Bot → Bot URL: ' +
        running.url +
        ' (leave Microsoft App ID and password empty).',
    );
    this.log(
      `  Replies below ${((threshold ?? DEFAULT_CONFIDENCE_THRESHOLD) * 100).toFixed(0)}% confidence are reported as fallback. Ctrl+C to stop.`,
    );
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void running.close().then(resolve);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return result;
  }
}
