/** Export and import of 100,000 utterances per Bot Framework format (LUIS JSON, .lu, CLU JSON). */
import {cluFormat, luFormat, luisFormat} from '../connectors/botframework/formats.js';
import type {ConnectorFormat} from '../src/connector.js';
import {createConnectorContext} from '../src/convert/context.js';
import type {Dataset} from '../src/model/dataset.js';
import {memorySource} from '../test/helpers/memory-source.js';

const COUNT = 100_000;

function bigDataset(): Dataset {
  const cities = ['Paris', 'New York', 'Tokyo', 'São Paulo'];
  return {
    format: 'synthnlu-dataset/1',
    name: 'bench',
    language: 'en',
    intents: Array.from({length: 20}, (_, i) => ({name: `intent_${i}`})),
    entities: [
      {name: 'city', kind: 'list', values: cities.map((value) => ({value}))},
      {name: 'person', kind: 'ml'},
    ],
    utterances: Array.from({length: COUNT}, (_, i) => {
      const city = cities[i % cities.length]!;
      const text = `😀 please book ${i} seats to ${city} for Zoe\u0308 ${i % 7}`;
      const cityStart = text.indexOf(city);
      const personStart = text.indexOf('Zoe');
      return {
        text,
        intent: `intent_${i % 20}`,
        entities: [
          {entity: 'city', start: cityStart, end: cityStart + city.length},
          {entity: 'person', start: personStart, end: personStart + 4},
        ],
        split: i % 5 === 0 ? 'test' : 'train',
      };
    }),
  };
}

async function measure(format: ConnectorFormat, dataset: Dataset): Promise<Record<string, number>> {
  let t = performance.now();
  const {files} = await format.exportDataset(dataset, createConnectorContext(), {});
  const exportMs = performance.now() - t;
  const file = files[0]!;
  t = performance.now();
  const {dataset: back} = await format.importDataset(
    memorySource({[file.path]: file.content}, {kind: 'file'}),
    createConnectorContext(),
  );
  const importMs = performance.now() - t;
  if (back.utterances.length !== COUNT)
    throw new Error(`${format.id}: read back ${back.utterances.length} utterances`);
  return {
    [`${format.id}_export_ms`]: Math.round(exportMs),
    [`${format.id}_import_ms`]: Math.round(importMs),
    [`${format.id}_file_mb`]: Math.round((Buffer.byteLength(file.content) / 1e6) * 10) / 10,
    [`${format.id}_heap_mb_after`]: Math.round(process.memoryUsage().heapUsed / 1e6),
  };
}

export default async (): Promise<Record<string, number | string>> => {
  const dataset = bigDataset();
  const out: Record<string, number | string> = {utterances: COUNT};
  for (const format of [luisFormat, luFormat, cluFormat]) Object.assign(out, await measure(format, dataset));
  return out;
};
