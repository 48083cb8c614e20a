/**
 * Serves a bot with botbuilder's CloudAdapter at POST /api/messages on node:http (a small request/response
 * shim stands in for restify/express). On a loopback address authentication is off, as Bot Framework Emulator
 * expects; any other address needs an app id and password, because anyone who can reach it could talk to the bot.
 */
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ActivityHandler,
} from 'botbuilder';
import {checkBindAddress, MESSAGES_PATH} from './bind-address.js';
/** Bot Framework activities are small; anything bigger is not one. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface BotServerOptions {
  host: string;
  port: number;
  appId?: string;
  appPassword?: string;
  /** Where turn errors are reported (never with credentials). */
  logError?: (message: string) => void;
}

export interface RunningBotServer {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The Response botbuilder expects, writing to a node:http response. */
function responseShim(request: IncomingMessage, response: ServerResponse) {
  return {
    socket: request.socket,
    status(code: number) {
      response.statusCode = code;
      return this;
    },
    header(name: string, value: unknown) {
      response.setHeader(name, String(value));
      return this;
    },
    send(body?: unknown) {
      if (body === undefined || body === null || response.writableEnded) return this;
      if (typeof body === 'string' || Buffer.isBuffer(body)) response.write(body);
      else {
        if (!response.hasHeader('content-type')) response.setHeader('content-type', 'application/json');
        response.write(JSON.stringify(body));
      }
      return this;
    },
    end() {
      if (!response.writableEnded) response.end();
      return this;
    },
  };
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
  const adapter = new CloudAdapter(auth);
  const logError = options.logError ?? ((message: string) => process.stderr.write(`${message}\n`));
  adapter.onTurnError = async (context, error) => {
    logError(`bot turn failed: ${error instanceof Error ? error.message : String(error)}`);
    await context.sendActivity('Sorry, recognising that message failed; see the synthnlu bot console.');
  };

  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === MESSAGES_PATH && request.method === 'POST') {
      void handleMessage(request, response);
      return;
    }
    if (path === '/' && request.method === 'GET') {
      response.setHeader('content-type', 'text/plain; charset=utf-8');
      response.end(`synthnlu bot: POST Bot Framework activities to ${MESSAGES_PATH}\n`);
      return;
    }
    response.statusCode = path === MESSAGES_PATH ? 405 : 404;
    response.end();
  });

  async function handleMessage(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await readBody(request)) as Record<string, unknown>;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('not an object');
    } catch (error) {
      response.statusCode = 400;
      response.end(`Expected a Bot Framework activity as a JSON object (${(error as Error).message}).\n`);
      return;
    }
    if (typeof body.type !== 'string' || body.type === '') {
      response.statusCode = 400;
      response.end('Expected a Bot Framework activity: "type" is missing.\n');
      return;
    }
    if (options.appId && !request.headers.authorization) {
      // botbuilder would print an AuthenticationError stack for every such request; answer it here.
      response.statusCode = 401;
      response.end('Missing Authorization header.\n');
      return;
    }
    if (options.appId) {
      // CloudAdapter.process prints the whole AuthenticationError stack for every refused request; check the
      // token first (the same check process() makes) and refuse it with one line instead.
      try {
        await auth.authenticateRequest(body as Partial<Activity> as Activity, request.headers.authorization!);
      } catch (error) {
        logError(`request refused: ${(error as Error).message}`);
        response.statusCode = 401;
        response.end('Unauthorized.\n');
        return;
      }
    }
    try {
      await adapter.process(
        {
          body,
          headers: request.headers as Record<string, string | string[] | undefined>,
          method: request.method,
        },
        responseShim(request, response),
        (context) => bot.run(context),
      );
    } catch (error) {
      logError(`request failed: ${(error as Error).message}`);
      if (!response.headersSent) response.statusCode = 500;
    } finally {
      if (!response.writableEnded) response.end();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    port: address.port,
    url: `http://${hostForUrl}:${address.port}${MESSAGES_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
