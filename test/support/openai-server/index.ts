/**
 * A small real OpenAI-compatible chat-completions server on 127.0.0.1 for tests: every request is recorded
 * (headers, query, body) and answered by a script, which can reply with any status, body and headers, hang
 * (never answer), or drop the connection. No network, no key. A body the Chat Completions API refuses is
 * answered 400 invalid_request_error before the script sees it (refuseChatBody, each rule with its reference).
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
      const refused = refuseChatBody(body, url.pathname);
      if (refused) {
        res.writeHead(400, {'content-type': 'application/json'});
        res.end(JSON.stringify({error: {type: 'invalid_request_error', code: null, ...refused}}));
        return;
      }
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

/** Message roles of the Chat Completions API (https://platform.openai.com/docs/api-reference/chat/create#chat-create-messages). */
const ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function'];
const RESPONSE_FORMATS = ['text', 'json_object', 'json_schema'];

/**
 * What POST /v1/chat/completions refuses with 400 invalid_request_error, for the fields synthnlu sends
 * (https://platform.openai.com/docs/api-reference/chat/create):
 * - `model` "Required" (an Azure OpenAI deployment URL, /openai/deployments/<name>/..., names the model
 *   instead: https://learn.microsoft.com/azure/ai-services/openai/reference#chat-completions);
 * - `messages` "Required", a non-empty list; each message's `role` one of system, developer, user, assistant,
 *   tool (function, deprecated); a system, developer or user message's `content` is required;
 * - `max_tokens` an integer of at least 1; `temperature` a number between 0 and 2; `seed` an integer;
 * - `response_format.type` one of text, json_object, json_schema ("Invalid value ... Supported values are:
 *   'json_object', 'json_schema', and 'text'"); with json_object, "'messages' must contain the word 'json' in some
 *   form" (JSON mode, https://platform.openai.com/docs/guides/structured-outputs#json-mode: "you must instruct the
 *   model to produce JSON").
 */
export function refuseChatBody(body: unknown, path: string): {message: string; param: string} | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return {message: 'The request body must be a JSON object.', param: ''};
  const request = body as Record<string, unknown>;
  const azure = path.startsWith('/openai/deployments/');
  if (!azure && (typeof request.model !== 'string' || !request.model))
    return {message: 'you must provide a model parameter', param: 'model'};
  const messages = request.messages;
  if (!Array.isArray(messages) || messages.length === 0)
    return {
      message: "Invalid 'messages': empty array. Expected an array with minimum length 1.",
      param: 'messages',
    };
  for (const [index, message] of (messages as unknown[]).entries()) {
    const {role, content} = (message ?? {}) as {role?: unknown; content?: unknown};
    if (typeof role !== 'string' || !ROLES.includes(role))
      return {
        message: `Invalid value: ${JSON.stringify(role)}. Supported values are: ${ROLES.map((r) => `'${r}'`).join(', ')}.`,
        param: `messages[${index}].role`,
      };
    if (
      ['system', 'developer', 'user'].includes(role) &&
      typeof content !== 'string' &&
      !Array.isArray(content)
    )
      return {
        message: `Missing required parameter: 'messages[${index}].content'.`,
        param: `messages[${index}].content`,
      };
  }
  const {max_tokens: maxTokens, temperature, seed, response_format: format} = request;
  if (
    maxTokens !== undefined &&
    maxTokens !== null &&
    (!Number.isInteger(maxTokens) || (maxTokens as number) < 1)
  )
    return {
      message: `Invalid 'max_tokens': expected an integer of at least 1, got ${JSON.stringify(maxTokens)}.`,
      param: 'max_tokens',
    };
  if (temperature !== undefined && (typeof temperature !== 'number' || temperature < 0 || temperature > 2))
    return {
      message: `Invalid 'temperature': expected a number between 0 and 2, got ${JSON.stringify(temperature)}.`,
      param: 'temperature',
    };
  if (seed !== undefined && seed !== null && !Number.isInteger(seed))
    return {
      message: `Invalid type for 'seed': expected an integer, got ${JSON.stringify(seed)}.`,
      param: 'seed',
    };
  if (format !== undefined) {
    const type = (format as {type?: unknown} | null)?.type;
    if (typeof type !== 'string' || !RESPONSE_FORMATS.includes(type))
      return {
        message: `Invalid value: ${JSON.stringify(type)}. Supported values are: 'json_object', 'json_schema', and 'text'.`,
        param: 'response_format.type',
      };
    const text = (messages as {content?: unknown}[]).map((m) => JSON.stringify(m.content ?? '')).join('\n');
    if (type === 'json_object' && !/json/i.test(text))
      return {
        message:
          "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
        param: 'messages',
      };
  }
  return undefined;
}
