/**
 * The coverage benchmark's large input, built from `../shared/data/clinc150`: 200 intents (CLINC150's 150
 * intents, plus its 1,200 out-of-scope queries cut into 50 topic-less intents of 24), 10 real seeds per intent,
 * and generated utterances derived from each seed until the dataset holds `total` utterances. Each generated
 * utterance names its seed in `origin`, as `synthnlu generate` records it.
 *
 * The variation here is a fixed, self-contained mix (request wrappers, dropped and swapped words, typos), not
 * the generator's: the benchmark measures coverage, so its input must not change when the generator does.
 */
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {seededRandom} from '../src/classifier/random.js';
import type {Dataset, Utterance} from '../src/model/dataset.js';

const CLINC = fileURLToPath(new URL('../../shared/data/clinc150/data_full.json', import.meta.url));
const SEEDS_PER_INTENT = 10;
const OOS_INTENTS = 50;

interface ClincFile {
  train: [string, string][];
  oos_train: [string, string][];
  oos_val: [string, string][];
  oos_test: [string, string][];
}

/** Seed texts per intent: 10 per CLINC intent, drawn reproducibly, then 50 intents cut from the oos queries. */
export function clincSeeds(seed = 7): Map<string, string[]> {
  const data = JSON.parse(readFileSync(CLINC, 'utf8')) as ClincFile;
  const random = seededRandom(seed);
  const pick = <T>(items: T[], count: number): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, count);
  };
  const byIntent = new Map<string, string[]>();
  for (const [text, intent] of data.train) byIntent.set(intent, [...(byIntent.get(intent) ?? []), text]);
  const seeds = new Map<string, string[]>();
  for (const [intent, texts] of [...byIntent].sort(([a], [b]) => a.localeCompare(b)))
    seeds.set(intent, pick(texts, SEEDS_PER_INTENT));
  const oos = pick([...data.oos_train, ...data.oos_val, ...data.oos_test], Infinity).map(([text]) => text);
  const chunk = Math.floor(oos.length / OOS_INTENTS);
  for (let k = 0; k < OOS_INTENTS; k++)
    seeds.set(`oos_topic_${k}`, oos.slice(k * chunk, k * chunk + SEEDS_PER_INTENT));
  return seeds;
}

const PREFIXES = [
  '',
  '',
  'please ',
  'can you ',
  'hey ',
  'i want to know ',
  'could you tell me ',
  'quick question ',
];
const SUFFIXES = ['', '', ' please', ' thanks', ' now', ' asap', '?', ' for me'];

function typo(word: string, random: () => number): string {
  if (word.length < 3) return word;
  const at = 1 + Math.floor(random() * (word.length - 2));
  switch (Math.floor(random() * 3)) {
    case 0:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    default:
      return word.slice(0, at) + word[at] + word.slice(at);
  }
}

/** One variant of a seed: a wrapper plus one to three word edits. */
function vary(seed: string, random: () => number): string {
  const words = seed
    .toLowerCase()
    .replace(/[?.!,]/g, '')
    .split(/\s+/)
    .filter(Boolean);
  const edits = 1 + Math.floor(random() * 3);
  for (let e = 0; e < edits && words.length > 1; e++) {
    const at = Math.floor(random() * words.length);
    const op = random();
    if (op < 0.35) words[at] = typo(words[at]!, random);
    else if (op < 0.55 && words.length > 3) words.splice(at, 1);
    else if (op < 0.75 && at + 1 < words.length) [words[at], words[at + 1]] = [words[at + 1]!, words[at]!];
    else words.splice(at, 0, words[Math.floor(random() * words.length)]!);
  }
  const prefix = PREFIXES[Math.floor(random() * PREFIXES.length)]!;
  const suffix = SUFFIXES[Math.floor(random() * SUFFIXES.length)]!;
  return `${prefix}${words.join(' ')}${suffix}`;
}

/** Seeds plus generated utterances, `total` in all, spread evenly over intents and seeds (distinct texts). */
export function clincScaleDataset(total = 100_000, seed = 7): Dataset {
  const seeds = clincSeeds(seed);
  const random = seededRandom(seed + 1);
  const perIntent = Math.floor(total / seeds.size);
  const utterances: Utterance[] = [];
  for (const [intent, texts] of seeds) {
    const seen = new Set(texts);
    for (const text of texts) utterances.push({text, intent, source: 'seed'});
    for (let attempts = 0; seen.size < perIntent && attempts < perIntent * 20; attempts++) {
      const origin = texts[attempts % texts.length]!;
      const text = vary(origin, random);
      if (seen.has(text)) continue;
      seen.add(text);
      utterances.push({text, intent, source: 'generated', origin});
    }
  }
  return {
    format: 'synthnlu-dataset/1',
    language: 'en',
    intents: [...seeds.keys()].map((name) => ({name})),
    entities: [],
    utterances,
  };
}
