/**
 * A small real OpenAI-compatible chat-completions server on 127.0.0.1 for tests: every request is recorded
 * (headers, query, body) and answered by a script, which can reply with any status, body and headers, hang
 * (never answer), or drop the connection. No network, no key.
 */
import {createServer, type IncomingHttpHeaders, type Server} from 'node:http';
import type {AddressInfo, Socket} from 'node:net';

export interface ChatCompletionBody {
  model: string;
  messages: {role: string; content: string}[];
  temperature?: number;
  seed?: number;
  max_tokens?: number;
  response_format?: {type: string};
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: ChatCompletionBody;
}

export type ScriptedReply =
  | {content: string; usage?: {prompt_tokens: number; completion_tokens: number}}
  | {status: number; body?: unknown; headers?: Record<string, string>}
  | {hang: true}
  | {drop: true};

export type Script = (request: RecordedRequest, index: number) => ScriptedReply;

export interface FakeOpenAiServer {
  /** Base URL ending in /v1, as OPENAI_BASE_URL takes it. */
  baseUrl: string;
  port: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** A chat-completions answer whose message content is `content`. */
export function completion(content: string, usage = {prompt_tokens: 100, completion_tokens: 50}): unknown {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 0,
    model: 'test-model',
    choices: [{index: 0, message: {role: 'assistant', content}, finish_reason: 'stop'}],
    usage: {...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens},
  };
}

/** The intent a prompt is about, the number of utterances it asks for, and how many of each style (family letter). */
export function promptFacts(body: ChatCompletionBody): {
  intent: string;
  count: number;
  styles: {tag: string; count: number}[];
} {
  const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
  const intent = /^Intent: (\S+)/m.exec(user)?.[1] ?? '';
  const count = Number(/^Write (\d+) new utterances/m.exec(user)?.[1] ?? 0);
  const styles = [...user.matchAll(/^- style ([A-Z]), (\d+): /gm)].map((m) => ({
    tag: m[1]!,
    count: Number(m[2]),
  }));
  return {intent, count, styles};
}

export async function startFakeOpenAiServer(script: Script): Promise<FakeOpenAiServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let body: ChatCompletionBody;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatCompletionBody;
      } catch {
        res.writeHead(400, {'content-type': 'application/json'}).end('{"error":{"message":"bad JSON"}}');
        return;
      }
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
      };
      requests.push(recorded);
      const reply = script(recorded, requests.length - 1);
      if ('hang' in reply) return;
      if ('drop' in reply) {
        req.socket.destroy();
        return;
      }
      if ('content' in reply) {
        res.writeHead(200, {'content-type': 'application/json'});
        res.end(JSON.stringify(completion(reply.content, reply.usage)));
        return;
      }
      res.writeHead(reply.status, {'content-type': 'application/json', ...reply.headers});
      res.end(
        reply.body === undefined
          ? ''
          : typeof reply.body === 'string'
            ? reply.body
            : JSON.stringify(reply.body),
      );
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
