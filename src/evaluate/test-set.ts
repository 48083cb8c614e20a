/**
 * What `evaluate` (and `coverage --test-set`) tests on: real utterances only. A test set is any file synthnlu
 * imports, or a CSV with the header `text,intent`; without one, the dataset's split=test utterances, minus
 * anything generated (a generated utterance is never ground truth). `--sample N` draws a seeded stratified sample.
 */
import {extname} from 'node:path';
import {parse} from 'csv-parse/sync';
import {isSynthetic} from '../coverage/evaluate.js';
import {SynthnluError} from '../errors.js';
import type {ConnectorRegistry} from '../connector-registry.js';
import {loadAnyAsDataset} from '../convert/load-any.js';
import {readTextFile} from '../io/read-text.js';
import type {Dataset, Utterance} from '../model/dataset.js';
import {datasetLanguages, isMultiLanguageDataset, utteranceLanguage} from '../model/languages.js';
import {seededRandom, shuffleInPlace} from '../classifier/random.js';

export interface TestUtterance {
  text: string;
  intent: string;
  /** Its language: the platform is asked in it (a multi-language dataset is scored per language). */
  language?: string;
  /** The test set's entity spans (an importable format's annotations). */
  entities?: {entity: string; start: number; end: number; value?: string}[];
}

export interface TestSet {
  utterances: TestUtterance[];
  /** test-set: a --test-set file; test-split: the dataset's split=test utterances. */
  source: 'test-set' | 'test-split';
  file?: string;
  /** Generated or template-expanded utterances left out (never ground truth). */
  generatedExcluded: number;
  /** Set when --sample drew a stratified sample. */
  sample?: {utterances: number; of: number};
  /** The test set annotates entities (some utterance has a span): entity accuracy is scored. */
  annotated?: boolean;
}

const CSV_EXTENSIONS = new Set(['.csv', '.txt']);

/** A `text,intent` CSV as a dataset (one line per utterance; the header row is required). */
export async function readCsvTestSet(file: string): Promise<Dataset> {
  const {text} = await readTextFile(file, {what: 'test set'});
  let rows: {record: Record<string, string>; info: {lines: number}}[];
  try {
    rows = parse(text, {columns: true, info: true, skip_empty_lines: true, trim: true}) as typeof rows;
  } catch (error) {
    const line = (error as {lines?: number}).lines;
    throw new SynthnluError('TEST_SET_BAD_CSV', `not a valid CSV: ${(error as Error).message}`, {
      location: {file, ...(line ? {line} : {})},
      suggestion: 'Write one utterance per line as text,intent, quoting a text that holds a comma.',
    });
  }
  const header = text
    .split(/\r?\n/, 1)[0]!
    .split(',')
    .map((h) => h.trim().replace(/^"|"$/g, ''));
  if (!header.includes('text') || !header.includes('intent'))
    throw new SynthnluError(
      'TEST_SET_BAD_CSV',
      `the first line must be the header text,intent (got "${header.join(',')}")`,
      {
        location: {file, line: 1},
        suggestion: 'Add the header row `text,intent` above the utterances.',
      },
    );
  const utterances: Utterance[] = [];
  for (const {record, info} of rows) {
    const textValue = record.text ?? '';
    const intent = record.intent ?? '';
    if (!textValue || !intent)
      throw new SynthnluError('TEST_SET_BAD_CSV', `a row without ${textValue ? 'an intent' : 'a text'}`, {
        location: {file, line: info.lines},
        suggestion: 'Give every row both columns: text,intent.',
      });
    const language = record.language;
    utterances.push({text: textValue, intent, ...(language ? {language} : {})});
  }
  const intents = [...new Set(utterances.map((u) => u.intent))].map((name) => ({name}));
  const languages = [...new Set(utterances.flatMap((u) => (u.language ? [u.language] : [])))];
  return {
    format: 'synthnlu-dataset/1',
    language: languages[0] ?? 'en',
    ...(languages.length > 1 ? {languages: languages as [string, ...string[]]} : {}),
    intents,
    entities: [],
    utterances,
  };
}

/** A test set file as a dataset: a `text,intent` CSV, or anything `import` reads (through the command's registry). */
export async function loadTestSetDataset(file: string, registry: ConnectorRegistry): Promise<Dataset> {
  if (CSV_EXTENSIONS.has(extname(file).toLowerCase())) return readCsvTestSet(file);
  return (await loadAnyAsDataset(file, {registry})).dataset;
}

/**
 * The language of each test utterance: a one-language dataset's own (a test file's default language says
 * nothing about the agent); in several languages the utterance's tag (a CSV's `language` column, an imported
 * file's languages), else the dataset's primary language.
 */
function testLanguage(dataset: Dataset, source: Dataset | undefined): (u: Utterance) => string {
  if (!isMultiLanguageDataset(dataset)) return () => dataset.language;
  if (source && isMultiLanguageDataset(source)) return (u) => utteranceLanguage(u, source);
  return (u) => u.language ?? dataset.language;
}

/**
 * The test utterances: the --test-set file's, or the dataset's test split; generated ones never, nor those in a
 * language the dataset does not hold (or --language left out).
 */
export async function loadTestSet(
  dataset: Dataset,
  file: string | undefined,
  registry: ConnectorRegistry,
): Promise<TestSet> {
  const source = file ? await loadTestSetDataset(file, registry) : undefined;
  const languageOf = testLanguage(dataset, source);
  const held = datasetLanguages(dataset);
  const pool = (source ? source.utterances : dataset.utterances.filter((u) => u.split === 'test')).filter(
    (u) => held.includes(languageOf(u)),
  );
  const real = pool.filter((u) => !isSynthetic(u));
  const utterances = real.map((u): TestUtterance => ({
    text: u.text,
    intent: u.intent,
    language: languageOf(u),
    ...(u.entities?.length
      ? {
          entities: u.entities.map((span) => ({
            entity: span.entity,
            start: span.start,
            end: span.end,
            ...(span.value === undefined ? {} : {value: span.value}),
          })),
        }
      : {}),
  }));
  if (utterances.length === 0)
    throw new SynthnluError(
      'EVALUATE_NO_TEST_UTTERANCES',
      file
        ? `the test set has no real utterances to test on${pool.length ? ` (all ${pool.length} are generated)` : ''}`
        : `the dataset has no real split=test utterances to test on${pool.length ? ` (all ${pool.length} are generated)` : ''}`,
      {
        ...(file ? {location: {file}} : {}),
        suggestion: 'Pass real user utterances with --test-set real.csv (a CSV with the header text,intent).',
      },
    );
  return {
    utterances,
    source: file ? 'test-set' : 'test-split',
    ...(file ? {file} : {}),
    generatedExcluded: pool.length - real.length,
    ...(utterances.some((u) => u.entities) ? {annotated: true} : {}),
  };
}

/**
 * A seeded stratified sample of `size` utterances: each intent keeps its share (at least one each while the
 * sample has room), in the test set's order.
 */
export function sampleTestSet(testSet: TestSet, size: number, seed: number): TestSet {
  const all = testSet.utterances;
  if (size >= all.length) return testSet;
  const byIntent = new Map<string, number[]>();
  all.forEach((u, i) => {
    const members = byIntent.get(u.intent) ?? [];
    members.push(i);
    byIntent.set(u.intent, members);
  });
  const intents = [...byIntent.keys()].sort();
  // Largest-remainder apportionment of `size` over the intents' shares.
  const quotas = intents.map((intent) => (byIntent.get(intent)!.length * size) / all.length);
  const take = quotas.map((q) => Math.floor(q));
  let left = size - take.reduce((a, b) => a + b, 0);
  const order = intents
    .map((_, k) => k)
    .sort((a, b) => quotas[b]! - take[b]! - (quotas[a]! - take[a]!) || a - b);
  for (const k of order) {
    if (left === 0) break;
    take[k]!++;
    left--;
  }
  const random = seededRandom(seed);
  const keep = new Uint8Array(all.length);
  intents.forEach((intent, k) => {
    const members = [...byIntent.get(intent)!];
    shuffleInPlace(members, random);
    for (const i of members.slice(0, take[k])) keep[i] = 1;
  });
  return {
    ...testSet,
    utterances: all.filter((_, i) => keep[i]),
    sample: {utterances: size, of: all.length},
  };
}
