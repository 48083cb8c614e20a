/**
 * Serves an Agents SDK AgentApplication with `@microsoft/agents-hosting`'s CloudAdapter at POST /api/messages
 * (http.ts checks the request first). The same rules as the botbuilder server: no authentication on a loopback
 * address; any other address needs the app's client id and secret, and every request then needs a valid token.
 */
import {Activity} from '@microsoft/agents-activity';
import {CloudAdapter, type AgentApplication, type Request, type TurnState} from '@microsoft/agents-hosting';
import {checkBindAddress} from './bind-address.js';
import {answer, serveActivities, turnErrorHandler, type RunningBotServer} from './http.js';

export interface AgentsServerOptions {
  host: string;
  port: number;
  /** The app registration's client id and secret (MicrosoftAppId / clientId, MicrosoftAppPassword / clientSecret). */
  appId?: string;
  appPassword?: string;
  logError?: (message: string) => void;
}

/** The adapter for the credentials (none: anonymous, for a loopback address); the agent is built on it. */
export function createAgentsAdapter(options: {appId?: string; appPassword?: string}): CloudAdapter {
  return new CloudAdapter(
    options.appId
      ? {clientId: options.appId, ...(options.appPassword ? {clientSecret: options.appPassword} : {})}
      : {},
  );
}

/** The first thing the SDK's activity schema refuses, as one line (zod lists every issue on many lines). */
function schemaProblem(body: Record<string, unknown>): string | undefined {
  try {
    Activity.fromObject(body);
    return undefined;
  } catch (error) {
    const issues = (error as {issues?: Array<{path: Array<string | number>; message: string}>}).issues;
    const first = issues?.[0];
    if (first) return `"${first.path.join('.')}": ${first.message}`;
    return (error as Error).message.split('\n')[0];
  }
}

export async function startAgentsBotServer(
  app: AgentApplication<TurnState>,
  options: AgentsServerOptions,
): Promise<RunningBotServer> {
  checkBindAddress(options);
  const adapter = app.adapter;
  const logError = options.logError ?? ((message: string) => process.stderr.write(`${message}\n`));
  adapter.onTurnError = turnErrorHandler(logError);

  return serveActivities(
    {host: options.host, port: options.port, logError},
    async (body, request, response) => {
      const problem = schemaProblem(body);
      if (problem !== undefined) {
        answer(response.raw, 400, `Not a valid activity: ${problem}.`);
        return;
      }
      const agentRequest: Request = {
        body,
        headers: request.headers as Record<string, string | string[] | undefined>,
        method: 'POST',
      };
      if (options.appId) {
        let authorized = false;
        await adapter.authorizeRequest(agentRequest, response, () => (authorized = true));
        if (!authorized) {
          // The SDK's middleware has answered 401 with its reason as JSON.
          logError('request refused: the Authorization token is missing or not valid');
          if (response.headersSent) response.end();
          else answer(response.raw, 401, 'Unauthorized.');
          return;
        }
      } else agentRequest.user = {name: 'anonymous'};
      await adapter.process(agentRequest, response, (context) => app.run(context));
    },
  );
}
