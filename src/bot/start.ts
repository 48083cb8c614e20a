/** `bot` without the command: check the address, load or train the recognizer, serve the bot until stopped. */
import type {Diagnostic} from '../errors.js';
import {loadLocalRecognizer, type CreateRecognizerOptions} from '../recognizer/index.js';
import {checkBindAddress} from './bind-address.js';

export interface BotResult {
  url: string;
  intents: number;
  modelFromCache: boolean;
  modelFile: string;
}

export interface BotServeOptions {
  host: string;
  port: number;
  appId?: string | undefined;
  appPassword?: string | undefined;
  maxChars: number;
}

export interface StartedBot {
  result: BotResult;
  entities: number;
  threshold: number;
  warnings: Diagnostic[];
  close(): Promise<void>;
}

export async function startLocalBot(
  dataset: string,
  serve: BotServeOptions,
  options: CreateRecognizerOptions,
): Promise<StartedBot> {
  const credentials = {
    host: serve.host,
    ...(serve.appId ? {appId: serve.appId} : {}),
    ...(serve.appPassword ? {appPassword: serve.appPassword} : {}),
  };
  checkBindAddress(credentials); // before the (possibly slow) training
  const loaded = await loadLocalRecognizer(dataset, options);
  // botbuilder takes ~0.4 s to load: only this command pays for it.
  const [{SynthnluRecognizer}, {createRecognitionBot}, {startBotServer}] = await Promise.all([
    import('../recognizer/bot-recognizer.js'),
    import('./recognition-bot.js'),
    import('./server.js'),
  ]);
  const intents = loaded.recognizer.classifier.intents.length;
  const bot = createRecognitionBot(new SynthnluRecognizer(loaded.recognizer), intents, {
    maxChars: serve.maxChars,
  });
  const running = await startBotServer(bot, {...credentials, port: serve.port});
  return {
    result: {url: running.url, intents, modelFromCache: loaded.model.fromCache, modelFile: loaded.model.file},
    entities: loaded.dataset.entities.length,
    threshold: loaded.recognizer.threshold,
    warnings: loaded.warnings,
    close: () => running.close(),
  };
}

/** What a person needs to talk to the bot: where it listens, what it knows, how to connect and stop it. */
export function botBannerLines(bot: StartedBot): string[] {
  const {result} = bot;
  return [
    `synthnlu bot is listening on ${result.url}`,
    `  ${result.intents} intents, ${bot.entities} entities; model ${result.modelFromCache ? 'loaded from' : 'trained and saved to'} ${result.modelFile}`,
    `  Bot Framework Emulator: Open Bot → Bot URL: ${result.url} (leave Microsoft App ID and password empty).`,
    `  Replies below ${(bot.threshold * 100).toFixed(0)}% confidence are reported as fallback. Ctrl+C to stop.`,
  ];
}

/** Resolves once SIGINT or SIGTERM arrived and `close` finished. */
export function closeOnSignal(close: () => Promise<void>): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
