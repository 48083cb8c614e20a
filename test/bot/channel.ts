/** Test helpers for `synthnlu bot` over HTTP: a stand-in channel at the serviceUrl, and the CLI started as a child. */
import {spawn, type ChildProcess} from 'node:child_process';
import {createServer, type IncomingMessage, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {BIN, ROOT} from '../helpers/cli.js';

export interface PostedReply {
  path: string;
  body: Record<string, unknown>;
}

/** A stand-in Bot Framework channel: records the activities the bot posts back to its serviceUrl. */
export interface Channel {
  server: Server;
  url: string;
  /** Resolves with the next reply posted (each reply is handed out once, in order). */
  nextReply(): Promise<PostedReply>;
  close(): Promise<void>;
}

export async function startChannel(): Promise<Channel> {
  const waiting: Array<(reply: PostedReply) => void> = [];
  const received: PostedReply[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({id: 'reply-1'}));
      const reply = {
        path: request.url ?? '',
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
      };
      const waiter = waiting.shift();
      if (waiter) waiter(reply);
      else received.push(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    nextReply: () => {
      const first = received.shift();
      return first ? Promise.resolve(first) : new Promise((resolve) => waiting.push(resolve));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface BotProcess {
  child: ChildProcess;
  url: string;
  /** Everything the bot wrote to stderr so far. */
  stderr(): string;
}

/** Starts the built CLI's `bot` on a free port and resolves once it prints where it listens. */
export function startBotProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<BotProcess> {
  const child = spawn(process.execPath, [BIN, 'bot', ...args, '--port', '0'], {
    cwd: ROOT,
    env: {...process.env, NO_COLOR: '1', MicrosoftAppId: '', MicrosoftAppPassword: '', ...env},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const found = /listening on (http:\/\/\S+)/.exec(output);
      if (found) resolve({child, url: found[1]!, stderr: () => errors});
    });
    child.on('exit', (code) => reject(new Error(`synthnlu bot exited with ${code}: ${errors}`)));
  });
}

/** A complete activity as a channel sends it, replies going to `serviceUrl`. */
export function messageActivity(
  text: string,
  serviceUrl: string,
  id = 'activity-1',
): Record<string, unknown> {
  return {
    type: 'message',
    id,
    text,
    from: {id: 'user-1', name: 'User'},
    recipient: {id: 'bot-1', name: 'Bot'},
    conversation: {id: 'conversation-1'},
    channelId: 'emulator',
    serviceUrl,
    timestamp: new Date().toISOString(),
  };
}

export function postJson(url: string, body: unknown, contentType = 'application/json'): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {'content-type': contentType},
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
