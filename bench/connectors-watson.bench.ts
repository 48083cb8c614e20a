/**
 * The watsonx Assistant connector: export, schema check and import of 25,000 annotated examples (Watson's
 * limit per skill) in memory, and the largest real export (../shared banking-simple, 339 KB, 380 dialog
 * nodes) imported and written back byte for byte.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {createConnectorContext} from '../src/convert/context.js';
import {openImportSource} from '../src/convert/source.js';
import {validateOutputFiles} from '../src/convert/write-output.js';
import {registry} from '../src/registry.js';
import {bigDataset, mb, timed} from './connectors-dialogflow-rasa.bench.js';

const EXAMPLES = 25_000;
const BANKING = join(
  fileURLToPath(new URL('..', import.meta.url)),
  '..',
  'shared',
  'fixtures',
  'watson',
  'banking-simple.json',
);

export default async (): Promise<Record<string, number | string>> => {
  // Through the registry, which registers the connector's schemas.
  const watsonFormat = registry.format('watson').format;
  const dataset = bigDataset(EXAMPLES);
  const exported = await timed(
    async () => (await watsonFormat.exportDataset(dataset, createConnectorContext(), {})).files,
  );
  const checked = await timed(() => validateOutputFiles(exported.value, registry.schemas));
  if (checked.value.length > 0) throw new Error('watson export does not validate');
  const text = exported.value[0]!.content as string;
  const source = {
    path: 'skill.json',
    kind: 'file' as const,
    list: () => ['skill.json'],
    readText: async () => text,
    readBytes: async () => Buffer.from(text),
  };
  const imported = await timed(
    async () => (await watsonFormat.importDataset(source, createConnectorContext())).dataset,
  );
  if (imported.value.utterances.length !== EXAMPLES) throw new Error('watson lost examples');

  const real = await timed(async () =>
    watsonFormat.importDataset(await openImportSource(BANKING), createConnectorContext()),
  );
  const again = await timed(
    async () => (await watsonFormat.exportDataset(real.value.dataset, createConnectorContext(), {})).files,
  );
  if (again.value[0]!.content !== readFileSync(BANKING, 'utf8'))
    throw new Error('banking-simple not written back byte for byte');
  return {
    examples: EXAMPLES,
    export_ms: exported.ms,
    schema_check_ms: checked.ms,
    output_mb: mb(text.length),
    import_ms: imported.ms,
    banking_simple_import_ms: real.ms,
    banking_simple_export_ms: again.ms,
    rss_after_mb: Math.round(process.memoryUsage().rss / 1024 / 1024),
  };
};
