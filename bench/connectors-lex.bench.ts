/**
 * The Lex V2 connector on 20,000 annotated utterances over 20 intents (1,000 each, each written as its {Slot}
 * template plus the literal): export (including the read-back that computes the one loss warning), schema check,
 * zip, import; and LUIS Calendar (1,724 utterances with many overlapping slot values) exported to Lex.
 */
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {lexBotFormat} from '../connectors/lex/format.js';
import {bigDataset} from './connectors-dialogflow-rasa.bench.js';
import {createConnectorContext} from '../src/convert/context.js';
import {importFromPath} from '../src/convert/import.js';
import {openImportSource} from '../src/convert/source.js';
import {buildZip, validateOutputFiles} from '../src/convert/write-output.js';
import {registry} from '../src/registry.js';

const UTTERANCES = 20_000;
const INTENTS = 20;
async function timed<T>(run: () => Promise<T>): Promise<{value: T; ms: number}> {
  const start = performance.now();
  const value = await run();
  return {value, ms: Math.round(performance.now() - start)};
}

export default async (): Promise<Record<string, number | string>> => {
  registry.format('lex');
  const dataset = bigDataset(UTTERANCES, INTENTS);
  const dir = mkdtempSync(join(tmpdir(), 'synthnlu-bench-lex-'));
  try {
    const exported = await timed(
      async () => (await lexBotFormat.exportDataset(dataset, createConnectorContext(), {})).files,
    );
    const validated = await timed(async () => validateOutputFiles(exported.value, registry.schemas));
    if (validated.value.length > 0) throw new Error('lex: export does not validate');
    const out = join(dir, 'bot.zip');
    const written = await timed(async () => {
      const bytes = await buildZip(exported.value);
      writeFileSync(out, bytes);
      return bytes.length;
    });
    const imported = await timed(
      async () =>
        (await lexBotFormat.importDataset(await openImportSource(out), createConnectorContext())).dataset,
    );
    const result: Record<string, number | string> = {
      utterances: UTTERANCES,
      intents: INTENTS,
      lex_export_ms: exported.ms,
      lex_schema_check_ms: validated.ms,
      lex_write_ms: written.ms,
      lex_output_mb: Math.round((written.value / 1024 / 1024) * 10) / 10,
      lex_import_ms: imported.ms,
      lex_imported_utterances: imported.value.utterances.length,
      lex_rss_after_mb: Math.round(process.memoryUsage().rss / 1024 / 1024),
    };
    const calendar = join(import.meta.dirname, '..', '..', 'shared', 'fixtures', 'luis', 'Calendar.json');
    if (existsSync(calendar)) {
      const {dataset: luis} = await importFromPath(calendar);
      result.calendar_utterances = luis.utterances.length;
      result.calendar_to_lex_ms = (
        await timed(async () => lexBotFormat.exportDataset(luis, createConnectorContext(), {}))
      ).ms;
    }
    return result;
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
};
