/** `bot` without the command: check the address, load or train the recognizer, serve the bot until stopped. */
import type {Diagnostic} from '../errors.js';
import {
  loadLocalRecognizer,
  type CreateRecognizerOptions,
  type LoadedLocalRecognizer,
} from '../recognizer/index.js';
import {checkBindAddress} from './bind-address.js';
import type {RunningBotServer} from './http.js';

export interface BotResult {
  url: string;
  sdk: BotSdk;
  intents: number;
  modelFromCache: boolean;
  modelFile: string;
}

/** The SDK that serves the bot: Bot Framework's botbuilder (the default) or the Microsoft 365 Agents SDK. */
export type BotSdk = 'botbuilder' | 'agents';
export const BOT_SDKS: readonly BotSdk[] = ['botbuilder', 'agents'];

export interface BotServeOptions {
  sdk?: BotSdk;
  host: string;
  port: number;
  appId?: string | undefined;
  appPassword?: string | undefined;
  maxChars: number;
}

export interface StartedBot {
  sdk: BotSdk;
  result: BotResult;
  entities: number;
  threshold: number;
  warnings: Diagnostic[];
  close(): Promise<void>;
}

/**
 * The app's credentials: the flags (or MicrosoftAppId / MicrosoftAppPassword); the Agents SDK also reads its own
 * environment names, clientId and clientSecret.
 */
export function credentialsFor(serve: BotServeOptions, env: NodeJS.ProcessEnv) {
  const agents = serve.sdk === 'agents';
  const appId = serve.appId || (agents ? env.clientId : undefined);
  const appPassword = serve.appPassword || (agents ? env.clientSecret : undefined);
  return {host: serve.host, ...(appId ? {appId} : {}), ...(appPassword ? {appPassword} : {})};
}

type Credentials = ReturnType<typeof credentialsFor>;

/** Each SDK is loaded (botbuilder ~0.4 s, the Agents SDK ~0.8 s) only when the bot is served with it. */
async function serveWithSdk(
  sdk: BotSdk,
  loaded: LoadedLocalRecognizer,
  serve: BotServeOptions,
  credentials: Credentials,
): Promise<RunningBotServer> {
  const intents = loaded.recognizer.classifier.intents.length;
  const options = {...credentials, port: serve.port};
  if (sdk === 'agents') {
    const [
      {SynthnluAgentsRecognizer},
      {createAgentsRecognitionApp},
      {createAgentsAdapter, startAgentsBotServer},
    ] = await Promise.all([
      import('../recognizer/agents-recognizer.js'),
      import('./agents-bot.js'),
      import('./agents-server.js'),
    ]);
    const app = createAgentsRecognitionApp(new SynthnluAgentsRecognizer(loaded.recognizer), intents, {
      adapter: createAgentsAdapter(credentials),
      maxChars: serve.maxChars,
    });
    return startAgentsBotServer(app, options);
  }
  const [{SynthnluRecognizer}, {createRecognitionBot}, {startBotServer}] = await Promise.all([
    import('../recognizer/bot-recognizer.js'),
    import('./recognition-bot.js'),
    import('./server.js'),
  ]);
  const bot = createRecognitionBot(new SynthnluRecognizer(loaded.recognizer), intents, {
    maxChars: serve.maxChars,
  });
  return startBotServer(bot, options);
}

export async function startLocalBot(
  dataset: string,
  serve: BotServeOptions,
  options: CreateRecognizerOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<StartedBot> {
  const sdk = serve.sdk ?? 'botbuilder';
  const credentials = credentialsFor(serve, env);
  checkBindAddress(credentials); // before the (possibly slow) training
  const loaded = await loadLocalRecognizer(dataset, options);
  const running = await serveWithSdk(sdk, loaded, serve, credentials);
  const intents = loaded.recognizer.classifier.intents.length;
  return {
    sdk,
    result: {
      url: running.url,
      sdk,
      intents,
      modelFromCache: loaded.model.fromCache,
      modelFile: loaded.model.file,
    },
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
    `  served with ${result.sdk === 'agents' ? 'the Microsoft 365 Agents SDK (@microsoft/agents-hosting)' : 'Bot Framework (botbuilder)'}`,
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
