/**
 * Every model answer is kept on disk, keyed by what determines it (model, messages, sampling settings and the
 * request seed), so a rerun with the same inputs reads the same answers: byte-identical output, no cost.
 * One JSON file per answer, written atomically; the key and the endpoint are never part of an entry.
 */
import {createHash} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {writeFileAtomic} from '../io/atomic-write.js';
import type {ChatAnswer, ChatRequest} from './client.js';

export const DEFAULT_CACHE_DIR = '.synthnlu/llm-cache';
const ENTRY_FORMAT = 'synthnlu-llm-cache/1';

export function cacheKey(model: string, request: ChatRequest): string {
  const identity = JSON.stringify({
    format: ENTRY_FORMAT,
    model,
    messages: request.messages,
    temperature: request.temperature,
    seed: request.seed,
    maxTokens: request.maxTokens,
  });
  return createHash('sha256').update(identity).digest('hex');
}

export class ResponseCache {
  constructor(readonly dir: string) {}

  #path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<ChatAnswer | undefined> {
    let text: string;
    try {
      text = await readFile(this.#path(key), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(text) as {format?: string; content?: unknown; usage?: ChatAnswer['usage']};
      if (entry.format !== ENTRY_FORMAT || typeof entry.content !== 'string') return undefined;
      return {content: entry.content, usage: entry.usage ?? {prompt: 0, completion: 0}};
    } catch {
      // A damaged entry is a miss: the answer is asked for again and the entry rewritten.
      return undefined;
    }
  }

  async put(key: string, model: string, answer: ChatAnswer): Promise<void> {
    const entry = {format: ENTRY_FORMAT, model, content: answer.content, usage: answer.usage};
    await writeFileAtomic(this.#path(key), `${JSON.stringify(entry, null, 2)}\n`);
  }
}
