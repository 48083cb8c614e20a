import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Dataset, Utterance} from '../../src/model/dataset.js';
import {SHARED, tempDir} from '../helpers/cli.js';

interface Clinc {
  train: [string, string][];
  test: [string, string][];
}

let clinc: Clinc | undefined;
const load = () =>
  (clinc ??= JSON.parse(readFileSync(join(SHARED, 'data/clinc150/data_full.json'), 'utf8')) as Clinc);

/** The first `intents` CLINC150 intents (in train order). */
export function clincIntents(intents: number): string[] {
  const names: string[] = [];
  for (const [, intent] of load().train) {
    if (!names.includes(intent)) names.push(intent);
    if (names.length === intents) break;
  }
  return names;
}

/** A dataset of `perIntent` CLINC150 train utterances per intent, from the `offset`-th on. */
export function clincDataset(intents: string[], perIntent: number, offset = 0): Dataset {
  const utterances: Utterance[] = [];
  for (const intent of intents)
    utterances.push(
      ...load()
        .train.filter(([, i]) => i === intent)
        .slice(offset, offset + perIntent)
        .map(([text]) => ({text, intent, source: 'seed' as const})),
    );
  return {
    format: 'synthnlu-dataset/1',
    language: 'en',
    intents: intents.map((name) => ({name})),
    entities: [],
    utterances,
  };
}

/** Real test utterances (CLINC150's test split) as a `text,intent` CSV. */
export function writeClincTestCsv(file: string, intents: string[], perIntent: number): string[][] {
  const rows = intents.flatMap((intent) =>
    load()
      .test.filter(([, i]) => i === intent)
      .slice(0, perIntent),
  );
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  writeFileSync(file, `text,intent\n${rows.map(([t, i]) => `${quote(t)},${i}`).join('\n')}\n`);
  return rows;
}

export function writeJson(file: string, value: unknown): string {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  return file;
}

/** In a new temporary folder: data.json (`perIntent` train utterances of `intents` intents) and real.csv. */
export function clincFiles(
  prefix: string,
  options: {intents: number; perIntent: number; testPerIntent: number},
): {dir: string; dataset: string; testCsv: string} {
  const dir = tempDir(prefix);
  const intents = clincIntents(options.intents);
  const dataset = writeJson(join(dir, 'data.json'), clincDataset(intents, options.perIntent));
  const testCsv = join(dir, 'real.csv');
  writeClincTestCsv(testCsv, intents, options.testPerIntent);
  return {dir, dataset, testCsv};
}

/** SNIPS utterances (slot-annotated) of one intent: `train` (train_X_full.json) or `validate`. */
function snipsUtterances(intent: string, part: 'train' | 'validate'): Utterance[] {
  const file = join(
    SHARED,
    'data/snips',
    intent,
    `${part === 'train' ? 'train' : 'validate'}_${intent}${part === 'train' ? '_full' : ''}.json`,
  );
  const rows = (
    JSON.parse(readFileSync(file, 'latin1')) as Record<string, {data: {text: string; entity?: string}[]}[]>
  )[intent]!;
  return rows.map(({data}) => {
    let text = '';
    const entities: NonNullable<Utterance['entities']> = [];
    for (const part of data) {
      if (part.entity)
        entities.push({entity: part.entity, start: text.length, end: text.length + part.text.length});
      text += part.text;
    }
    return {text, intent, source: 'seed' as const, ...(entities.length ? {entities} : {})};
  });
}

/**
 * A dataset of `perIntent` annotated SNIPS train utterances per intent; its entities are list entities whose
 * values are the annotated texts (what a user declares on Dialogflow), so more data extracts more.
 */
export function snipsDataset(intents: string[], perIntent: number): Dataset {
  const utterances = intents.flatMap((intent) => snipsUtterances(intent, 'train').slice(0, perIntent));
  return {
    format: 'synthnlu-dataset/1',
    language: 'en',
    intents: intents.map((name) => ({name})),
    entities: entityDefinitions(utterances, true),
    utterances,
  };
}

function entityDefinitions(utterances: Utterance[], list: boolean): Dataset['entities'] {
  const values = new Map<string, Set<string>>();
  for (const u of utterances)
    for (const span of u.entities ?? []) {
      const set = values.get(span.entity) ?? new Set();
      set.add(u.text.slice(span.start, span.end).trim());
      values.set(span.entity, set);
    }
  return [...values].map(([name, texts]) =>
    list
      ? {name, kind: 'list' as const, values: [...texts].filter(Boolean).map((value) => ({value}))}
      : {name, kind: 'ml' as const},
  );
}

/** The SNIPS validate utterances of `intents` (`perIntent` each) as an annotated test set file (a dataset). */
export function writeSnipsTestSet(file: string, intents: string[], perIntent: number): Dataset {
  const utterances = intents.flatMap((intent) => snipsUtterances(intent, 'validate').slice(0, perIntent));
  const dataset: Dataset = {
    format: 'synthnlu-dataset/1',
    language: 'en',
    intents: intents.map((name) => ({name})),
    entities: entityDefinitions(utterances, false),
    utterances,
  };
  writeJson(file, dataset);
  return dataset;
}
