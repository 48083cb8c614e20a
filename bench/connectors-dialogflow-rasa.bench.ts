/**
 * Export and import of 100,000 utterances with the Dialogflow ES and Rasa connectors: in memory (the connector's
 * own work) and through the core's zip/file writer and reader (what `synthnlu export/import` does).
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {dialogflowAgentFormat} from '../connectors/dialogflow/es/format.js';
import {rasaNluFormat} from '../connectors/rasa/format.js';
import type {ConnectorFormat, OutputFile} from '../src/connector.js';
import {createConnectorContext} from '../src/convert/context.js';
import {openImportSource} from '../src/convert/source.js';
import {buildZip, validateOutputFiles} from '../src/convert/write-output.js';
import {registry} from '../src/registry.js';
import type {Dataset} from '../src/model/dataset.js';

const UTTERANCES = 100_000;
const INTENTS = 100;
const CITIES = ['Paris', 'New York', 'Tokyo', 'São Paulo', 'Zürich', 'Reykjavík'];

/** `count` utterances over `intents` intents, each with a number and a city annotated (shared with the Lex and watson benches). */
export function bigDataset(count = UTTERANCES, intents = INTENTS): Dataset {
  const utterances: Dataset['utterances'] = [];
  for (let i = 0; i < count; i++) {
    const city = CITIES[i % CITIES.length]!;
    const prefix = i % 7 === 0 ? '😀 ' : '';
    const text = `${prefix}please book ${i % 9} seats to ${city} for request ${i}`;
    const cityStart = text.indexOf(city);
    const countStart = text.indexOf(String(i % 9));
    utterances.push({
      text,
      intent: `intent_${i % intents}`,
      entities: [
        {entity: 'count', start: countStart, end: countStart + 1},
        {entity: 'city', start: cityStart, end: cityStart + city.length},
      ],
    });
  }
  return {
    format: 'synthnlu-dataset/1',
    language: 'en',
    intents: Array.from({length: intents}, (_, i) => ({name: `intent_${i}`})),
    entities: [
      {name: 'city', kind: 'list', values: CITIES.map((value) => ({value, synonyms: [value.toLowerCase()]}))},
      {name: 'count', kind: 'prebuilt', prebuilt: 'number'},
    ],
    utterances,
  };
}

export function mb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

export async function timed<T>(run: () => Promise<T> | T): Promise<{value: T; ms: number}> {
  const start = performance.now();
  const value = await run();
  return {value, ms: Math.round(performance.now() - start)};
}

async function measure(
  format: ConnectorFormat,
  dataset: Dataset,
  dir: string,
): Promise<Record<string, number>> {
  const exported = await timed(
    async () => (await format.exportDataset(dataset, createConnectorContext(), {})).files,
  );
  const files: OutputFile[] = exported.value;
  const validated = await timed(async () => validateOutputFiles(files, registry.schemas));
  if (validated.value.length > 0) throw new Error(`${format.id}: export does not validate`);
  const out = join(dir, format.layout === 'archive' ? `${format.id}.zip` : 'nlu.yml');
  const written = await timed(async () => {
    const bytes =
      format.layout === 'archive' ? await buildZip(files) : Buffer.from(files[0]!.content as string);
    writeFileSync(out, bytes);
    return bytes.length;
  });
  const imported = await timed(async () => {
    const source = await openImportSource(out);
    return (await format.importDataset(source, createConnectorContext())).dataset;
  });
  if (imported.value.utterances.length !== dataset.utterances.length)
    throw new Error(`${format.id}: lost utterances`);
  return {
    [`${format.id}_export_ms`]: exported.ms,
    [`${format.id}_schema_check_ms`]: validated.ms,
    [`${format.id}_write_ms`]: written.ms,
    [`${format.id}_output_mb`]: mb(written.value),
    [`${format.id}_import_ms`]: imported.ms,
    [`${format.id}_rss_after_mb`]: mb(process.memoryUsage().rss),
  };
}

export default async (): Promise<Record<string, number | string>> => {
  const dataset = bigDataset();
  const dir = mkdtempSync(join(tmpdir(), 'synthnlu-bench-df-rasa-'));
  try {
    return {
      utterances: UTTERANCES,
      intents: INTENTS,
      ...(await measure(dialogflowAgentFormat, dataset, dir)),
      ...(await measure(rasaNluFormat, dataset, dir)),
    };
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
};
