/**
 * Serves a bot with botbuilder's CloudAdapter at POST /api/messages (http.ts checks the request first). On a
 * loopback address authentication is off, as Bot Framework Emulator expects; any other address needs an app id and
 * password, because anyone who can reach it could talk to the bot.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ActivityHandler,
  type TurnContext,
} from 'botbuilder';
import {checkBindAddress} from './bind-address.js';
import {answer, serveActivities, turnErrorHandler, type RunningBotServer} from './http.js';

export type {RunningBotServer} from './http.js';

type AuthenticateRequestResult = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
>;

export interface BotServerOptions {
  host: string;
  port: number;
  appId?: string;
  appPassword?: string;
  /** Where turn errors are reported (never with credentials). */
  logError?: (message: string) => void;
}

/**
 * CloudAdapter.process prints every failure with console.error (a stack, or a whole HTTP error object when the
 * reply cannot be posted); the server calls the turn pipeline itself and reports failures in one line.
 */
class QuietCloudAdapter extends CloudAdapter {
  runTurn(
    authentication: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ) {
    return this.processActivity(authentication, activity, logic);
  }
}

export async function startBotServer(
  bot: ActivityHandler,
  options: BotServerOptions,
): Promise<RunningBotServer> {
  checkBindAddress(options);
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: options.appId ?? '',
    MicrosoftAppPassword: options.appPassword ?? '',
    MicrosoftAppType: 'MultiTenant',
  });
  const adapter = new QuietCloudAdapter(auth);
  const logError = options.logError ?? ((message: string) => process.stderr.write(`${message}\n`));
  adapter.onTurnError = turnErrorHandler(logError);

  return serveActivities(
    {host: options.host, port: options.port, logError},
    async (body, request, response) => {
      const activity = body as Partial<Activity> as Activity;
      if (options.appId && !request.headers.authorization) {
        answer(response.raw, 401, 'Missing Authorization header.');
        return;
      }
      let authentication: AuthenticateRequestResult;
      try {
        authentication = await auth.authenticateRequest(activity, request.headers.authorization ?? '');
      } catch (error) {
        logError(`request refused: ${(error as Error).message}`);
        answer(response.raw, 401, 'Unauthorized.');
        return;
      }
      const invokeResponse = await adapter.runTurn(authentication, activity, (context) => bot.run(context));
      response.status(invokeResponse?.status ?? 200);
      if (invokeResponse?.body !== undefined) response.send(invokeResponse.body);
    },
  );
}
