/**
 * The HTTP side of `synthnlu bot`, shared by the botbuilder and Agents SDK adapters: node:http at POST
 * /api/messages, the request checked (activity-request.ts) before an adapter sees it, a small response shim in
 * place of express/restify, and one line (never a stack trace) for whatever fails.
 */
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {MAX_BODY_BYTES, parseActivityRequest, type ActivityBody} from './activity-request.js';
import {MESSAGES_PATH} from './bind-address.js';

export interface RunningBotServer {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Handles one checked activity; writes the response (through the shim) or leaves it to end with 200. */
export type ActivityProcessor = (
  activity: ActivityBody,
  request: IncomingMessage,
  response: ResponseShim,
) => Promise<void>;

/** The response object both SDKs write to (botbuilder's `Response`, the Agents SDK's `WebResponse`). */
export class ResponseShim {
  constructor(
    readonly socket: IncomingMessage['socket'],
    readonly raw: ServerResponse,
  ) {}

  get headersSent(): boolean {
    return this.raw.headersSent;
  }

  get writableEnded(): boolean {
    return this.raw.writableEnded;
  }

  status(code: number): this {
    if (!this.raw.headersSent) this.raw.statusCode = code;
    return this;
  }

  setHeader(name: string, value: unknown): this {
    if (!this.raw.headersSent) this.raw.setHeader(name, String(value));
    return this;
  }

  header(name: string, value: unknown): this {
    return this.setHeader(name, value);
  }

  send(body?: unknown): this {
    if (body === undefined || body === null || this.raw.writableEnded) return this;
    if (typeof body === 'string' || Buffer.isBuffer(body)) this.raw.write(body);
    else {
      this.setHeader('content-type', 'application/json');
      this.raw.write(JSON.stringify(body));
    }
    return this;
  }

  end(): this {
    if (!this.raw.writableEnded) this.raw.end();
    return this;
  }
}

/** An error's first line, with its cause's (fetch says only "fetch failed", its cause says why). */
export function describeError(error: unknown): string {
  const firstLine = (value: unknown) =>
    (value instanceof Error ? value.message : String(value)).split('\n')[0]!.trim();
  const cause = error instanceof Error ? error.cause : undefined;
  return cause === undefined ? firstLine(error) : `${firstLine(error)} (${firstLine(cause)})`;
}

/**
 * The adapters' onTurnError: apologise to the user, and report the failure in one line. When even the apology
 * cannot be posted (the channel at serviceUrl is down), the error goes on to the request, answered with a 500.
 */
export function turnErrorHandler(logError: (message: string) => void) {
  return async (context: {sendActivity(text: string): Promise<unknown>}, error: Error): Promise<void> => {
    try {
      await context.sendActivity('Sorry, recognising that message failed; see the synthnlu bot console.');
    } catch {
      throw error;
    }
    logError(`bot turn failed: ${describeError(error)}`);
  };
}

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge(`The body is over ${MAX_BODY_BYTES} bytes; no Bot Framework activity is.`));
        request.pause();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Ends a response with a status and one plain-text line. */
export function answer(response: ServerResponse, status: number, line: string): void {
  if (response.writableEnded) return;
  if (!response.headersSent) {
    response.statusCode = status;
    response.setHeader('content-type', 'text/plain; charset=utf-8');
    if (status === 413) response.setHeader('connection', 'close');
  }
  response.end(`${line}\n`);
}

export async function serveActivities(
  options: {host: string; port: number; logError: (message: string) => void},
  processActivity: ActivityProcessor,
): Promise<RunningBotServer> {
  async function handleMessage(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let bodyText: string;
    try {
      bodyText = await readBody(request);
    } catch (error) {
      answer(response, error instanceof BodyTooLarge ? 413 : 400, (error as Error).message);
      return;
    }
    const parsed = parseActivityRequest(request.headers['content-type'], bodyText);
    if (!parsed.ok) {
      answer(response, parsed.status, parsed.reason);
      return;
    }
    try {
      await processActivity(parsed.activity, request, new ResponseShim(request.socket, response));
    } catch (error) {
      options.logError(`request failed: ${describeError(error)}`);
      answer(response, 500, 'Processing the activity failed; see the synthnlu bot console.');
    } finally {
      if (!response.writableEnded) response.end();
    }
  }

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
