/**
 * Reading a model's answer: it was asked for {"utterances": [{"seed": n, "text": "..."}]}, but models wrap
 * JSON in code fences, add a sentence before it, leave trailing commas, return a bare array or plain strings.
 * The answer is repaired where the intent is unambiguous, validated with ajv, and each item that still does
 * not fit is dropped and counted.
 */
import {Ajv} from 'ajv';

export interface AnswerItem {
  text: string;
  /** 1-based number of the example it paraphrases, when the model said so. */
  seed?: number;
  /** The variation family letter the model says it wrote. */
  style?: string;
}

export interface ParsedAnswer {
  items: AnswerItem[];
  /** Items that were not an utterance (wrong type, empty text). */
  droppedItems: number;
  /** The answer held no usable JSON at all. */
  unusable: boolean;
  /** The JSON needed repair (fences, surrounding prose, trailing commas, another shape). */
  repaired: boolean;
}

const ITEM_SCHEMA = {
  anyOf: [
    {type: 'string', minLength: 1, maxLength: 2000},
    {
      type: 'object',
      required: ['text'],
      properties: {
        text: {type: 'string', minLength: 1, maxLength: 2000},
        seed: {type: 'integer', minimum: 1},
        style: {type: 'string'},
      },
    },
  ],
} as const;

const ANSWER_SCHEMA = {
  type: 'object',
  required: ['utterances'],
  properties: {utterances: {type: 'array'}},
} as const;

const ajv = new Ajv({strict: true, allowUnionTypes: true});
const validItem = ajv.compile<string | {text: string; seed?: number; style?: string}>(ITEM_SCHEMA);
const validAnswer = ajv.compile<{utterances: unknown[]}>(ANSWER_SCHEMA);

export function parseAnswer(content: string): ParsedAnswer {
  let repaired = false;
  let json = tryParse(content);
  if (json === undefined) {
    repaired = true;
    json = tryParse(repairJsonText(content));
  }
  const list = json === undefined ? undefined : utteranceList(json);
  if (!list) return {items: [], droppedItems: 0, unusable: true, repaired: false};
  if (!validAnswer(json)) repaired = true;
  const items: AnswerItem[] = [];
  let droppedItems = 0;
  for (const raw of list) {
    // A seed number given as a string ("2") is what the model meant.
    const item =
      raw && typeof raw === 'object' && typeof (raw as {seed?: unknown}).seed === 'string'
        ? {...raw, seed: Number((raw as {seed: string}).seed)}
        : raw;
    if (!validItem(item)) {
      droppedItems++;
      continue;
    }
    const text = (typeof item === 'string' ? item : item.text).trim();
    if (!text) {
      droppedItems++;
      continue;
    }
    const parsed: AnswerItem = {text};
    if (typeof item !== 'string' && item.seed !== undefined) parsed.seed = item.seed;
    if (typeof item !== 'string' && item.style !== undefined) parsed.style = item.style.trim().toUpperCase();
    items.push(parsed);
  }
  return {items, droppedItems, unusable: false, repaired};
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Prose and code fences around the JSON go (the first balanced {...} or [...] is kept), and so do trailing
 * commas; the scan knows JSON strings, so nothing inside an utterance is touched.
 */
export function repairJsonText(content: string): string {
  const start = content.search(/[[{]/);
  if (start < 0) return content;
  let out = '';
  let depth = 0;
  let inString = false;
  let pendingComma = '';
  for (let i = start; i < content.length; i++) {
    const ch = content[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\') out += content[++i] ?? '';
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === ',') {
      out += pendingComma;
      pendingComma = ',';
      continue;
    }
    if (/\s/.test(ch)) {
      if (pendingComma) pendingComma += ch;
      else out += ch;
      continue;
    }
    // A comma right before a closing bracket is dropped; before anything else it stays.
    if (ch !== '}' && ch !== ']') out += pendingComma;
    pendingComma = '';
    out += ch;
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return out;
    }
  }
  return out;
}

/** The array of utterances, from the asked-for shape or the nearest other one (a bare array, another key). */
function utteranceList(json: unknown): unknown[] | undefined {
  if (validAnswer(json)) return json.utterances;
  if (Array.isArray(json)) return json;
  if (json && typeof json === 'object') {
    const arrays = Object.values(json).filter(Array.isArray);
    if (arrays.length === 1) return arrays[0];
  }
  return undefined;
}
