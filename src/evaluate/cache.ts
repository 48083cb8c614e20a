/**
 * Answers already paid for: one JSON-lines file per (platform target, training fingerprint) under
 * .synthnlu/evaluate-cache, keyed by language and text (the same text in two languages is two requests),
 * appended as answers arrive, so an interrupted run resumes without sending a text twice. The file name is a
 * hash of the key; the file holds texts and answers, never a secret. A line without a language (written before
 * answers were kept per language) is an answer in the dataset's primary language, the one it was asked in.
 */
import {createHash} from 'node:crypto';
import {appendFile, mkdir, readFile} from 'node:fs/promises';
import {join} from 'node:path';
import type {Dataset} from '../model/dataset.js';
import {pushedUtterances} from '../remote/plan.js';
import type {Recognition} from '../remote/types.js';

export const DEFAULT_CACHE_DIR = '.synthnlu/evaluate-cache';

export interface RecognitionCache {
  get(text: string, language?: string): Recognition | undefined;
  put(text: string, recognition: Recognition, language?: string): Promise<void>;
  readonly size: number;
}

/** One answer's key: its language (none: the remote's default) and its text. */
export function recognitionKey(text: string, language: string | undefined): string {
  return `${language ?? ''}\u0000${text}`;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What the platform was trained on: a hash of the training phrases (by intent) a push would send. */
export function trainingFingerprint(dataset: Dataset): string {
  const lines = pushedUtterances(dataset)
    .map((u) => `${u.intent}\u0000${u.text}`)
    .sort();
  return sha256(lines.join('\n')).slice(0, 16);
}

/** Where answers are cached: the platform and its non-secret connection flags (endpoint, project, deployment). */
export function platformTarget(
  platform: string,
  flags: Readonly<Record<string, string | undefined>>,
): string {
  const parts = Object.entries(flags)
    .filter(([name, value]) => value !== undefined && !name.endsWith('-env'))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}=${value}`);
  return [platform, ...parts].join(' ');
}

export async function openRecognitionCache(
  dir: string,
  target: string,
  fingerprint: string,
  primaryLanguage?: string,
): Promise<RecognitionCache> {
  const file = join(dir, `${sha256(`${target}\u0000${fingerprint}`).slice(0, 32)}.jsonl`);
  const answers = new Map<string, Recognition>();
  try {
    for (const line of (await readFile(file, 'utf8')).split('\n')) {
      if (!line) continue;
      try {
        const {text, recognition, language} = JSON.parse(line) as {
          text: string;
          recognition: Recognition;
          language?: string;
        };
        if (typeof text === 'string' && recognition)
          answers.set(recognitionKey(text, language ?? primaryLanguage), recognition);
      } catch {
        // A line cut short by an interrupted run: that answer is asked again.
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let ready = false;
  return {
    get: (text, language) => answers.get(recognitionKey(text, language)),
    get size() {
      return answers.size;
    },
    async put(text, recognition, language) {
      answers.set(recognitionKey(text, language), recognition);
      if (!ready) {
        await mkdir(dir, {recursive: true});
        ready = true;
      }
      await appendFile(file, `${JSON.stringify({text, ...(language ? {language} : {}), recognition})}\n`);
    },
  };
}

/** A cache that keeps nothing (--no-cache). */
export function noCache(): RecognitionCache {
  const answers = new Map<string, Recognition>();
  return {
    get: (text, language) => answers.get(recognitionKey(text, language)),
    get size() {
      return answers.size;
    },
    put: async (text, recognition, language) => void answers.set(recognitionKey(text, language), recognition),
  };
}
