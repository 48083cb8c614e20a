/**
 * The conformance suite: every format in the registry, built-in or not, must pass these. A connector that
 * fails here would lose or corrupt someone's training data.
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {ConnectorFormat, OutputFile} from '../../src/connector.js';
import {createConnectorContext} from '../../src/convert/context.js';
import {exportToPath} from '../../src/convert/export.js';
import {detectFormat, importFromPath} from '../../src/convert/import.js';
import {openImportSource} from '../../src/convert/source.js';
import {validateOutputFiles} from '../../src/convert/write-output.js';
import {SynthnluError} from '../../src/errors.js';
import type {Dataset} from '../../src/model/dataset.js';
import {formatLimits, formatSupports, registry} from '../../src/registry.js';
import {validateAgainstSchema} from '../../src/schema/validate.js';
import {checkPlatformLimits, unsupportedFeatureWarnings} from '../../src/convert/limits.js';
import {ROOT, SHARED, tempDir} from '../helpers/cli.js';
import {memorySource} from '../helpers/memory-source.js';
import {project} from './projection.js';
import {announced, losses} from './silent-loss.js';
import {sampleDataset} from './sample-dataset.js';

const GOLDEN = join(ROOT, 'test/fixtures/golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

async function exportFiles(format: ConnectorFormat, dataset: Dataset): Promise<OutputFile[]> {
  return (await format.exportDataset(dataset, createConnectorContext(), {})).files;
}

function asSource(format: ConnectorFormat, files: OutputFile[]) {
  const map = Object.fromEntries(files.map((f) => [f.path, f.content]));
  return memorySource(map, {kind: format.layout === 'archive' ? 'folder' : 'file', path: files[0]!.path});
}

async function roundTrip(format: ConnectorFormat, dataset: Dataset): Promise<Dataset> {
  const files = await exportFiles(format, dataset);
  const {dataset: back} = await format.importDataset(asSource(format, files), createConnectorContext());
  return back;
}

for (const {connector, format} of registry
  .connectors()
  .flatMap((connector) => connector.formats.map((format) => ({connector, format})))) {
  describe(`conformance: ${format.id} (${connector.id})`, () => {
    it('exports files that validate against their schemas', async () => {
      const files = await exportFiles(format, sampleDataset());
      expect(files.length).toBeGreaterThan(0);
      expect(validateOutputFiles(files)).toEqual([]);
      for (const file of files) {
        if (file.schema) expect(format.schemas).toContain(file.schema);
      }
    });

    it('matches its golden files', async () => {
      const files = await exportFiles(format, sampleDataset());
      const folder = join(GOLDEN, format.id);
      if (UPDATE) {
        rmSync(folder, {recursive: true, force: true});
        for (const file of files) {
          mkdirSync(dirname(join(folder, file.path)), {recursive: true});
          writeFileSync(join(folder, file.path), file.content);
        }
      }
      expect(
        existsSync(folder),
        `no golden files for ${format.id}: run UPDATE_GOLDEN=1 npx vitest run test/connectors/conformance.test.ts`,
      ).toBe(true);
      const listed = (dir: string, prefix = ''): string[] =>
        readdirSync(dir).flatMap((name) =>
          statSync(join(dir, name)).isDirectory()
            ? listed(join(dir, name), `${prefix}${name}/`)
            : [`${prefix}${name}`],
        );
      expect(files.map((f) => f.path).sort()).toEqual(listed(folder).sort());
      for (const file of files) {
        const golden = readFileSync(join(folder, file.path));
        expect(Buffer.from(file.content).toString('utf8'), file.path).toBe(golden.toString('utf8'));
      }
    });

    it('round-trips import -> export -> import without losing intents, utterances or annotations', async () => {
      const original = sampleDataset();
      const once = await roundTrip(format, original);
      expect(validateAgainstSchema('dataset.schema.json', once)).toEqual([]);
      expect(project(once, formatSupports(connector, format))).toEqual(
        project(original, formatSupports(connector, format)),
      );
      const twice = await roundTrip(format, once);
      expect(project(twice, formatSupports(connector, format))).toEqual(
        project(once, formatSupports(connector, format)),
      );
    });

    it('is detected from its own output without --from', async () => {
      const files = await exportFiles(format, sampleDataset());
      const dir = tempDir(`synthnlu-detect-${format.id}-`);
      const out = join(dir, format.layout === 'archive' ? 'agent.zip' : `data${format.extensions[0] ?? ''}`);
      const {writeExportOutput} = await import('../../src/convert/write-output.js');
      await writeExportOutput(files, out, format.layout);
      const detected = await detectFormat(await openImportSource(out));
      expect(detected.format.id).toBe(format.id);
    });

    it('refuses data over the platform limits before writing anything', async () => {
      const limits = formatLimits(connector, format);
      const dir = tempDir(`synthnlu-limits-${format.id}-`);
      const out = join(dir, format.layout === 'archive' ? 'agent.zip' : 'out.txt');
      const dataset = sampleDataset();
      if (limits.maxUtteranceLength !== undefined) {
        dataset.utterances.push({text: 'x'.repeat(limits.maxUtteranceLength + 1), intent: 'greet'});
      } else if (limits.maxIntents !== undefined) {
        for (let i = 0; i <= limits.maxIntents; i++)
          dataset.utterances.push({text: `hello ${i}`, intent: `intent_${i}`});
      } else {
        // Rasa documents no limits on intents, examples or length: nothing to enforce.
        return;
      }
      const error = await exportToPath(dataset, format.id, out).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SynthnluError);
      expect((error as SynthnluError).code).toMatch(/^LIMIT_/);
      expect((error as SynthnluError).exitCode).toBe(1);
      expect(readdirSync(dir)).toEqual([]);
    });
  });
}

/** Real files from public projects (../shared/fixtures): each must import, with its format detected, and round-trip. */
const FIXTURE_FORMATS: Record<string, string> = {
  dialogflow: 'dialogflow',
  luis: 'luis',
  lu: 'lu',
  rasa: 'rasa',
  clu: 'clu',
  'dialogflow-cx': 'dialogflow-cx',
};

/** Real exports a format must refuse by name rather than import (fixture path under ../shared/fixtures → code). */
const REFUSED_FIXTURES: Record<string, string> = {
  'dialogflow-cx/dfcx-scrapi-sample-agent.blob': 'DIALOGFLOW_CX_BLOB_EXPORT',
};

function fixtureFiles(folder: string): string[] {
  const dir = join(SHARED, 'fixtures', folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith('LICENSE') && !name.startsWith('.') && name !== 'SOURCES.md')
    .filter((name) => REFUSED_FIXTURES[`${folder}/${name}`] === undefined)
    .map((name) => join(dir, name));
}

describe('real platform files from ../shared/fixtures', () => {
  for (const [folder, formatId] of Object.entries(FIXTURE_FORMATS)) {
    for (const path of fixtureFiles(folder)) {
      const name = path.slice(SHARED.length + 1);
      it(`${name}: imports (detected as ${formatId}) and round-trips`, async () => {
        const imported = await importFromPath(path);
        expect(imported.format).toBe(formatId);
        expect(imported.dataset.intents.length).toBeGreaterThan(0);
        const {connector, format} = registry.format(formatId);
        const again = await roundTrip(format, imported.dataset);
        expect(project(again, formatSupports(connector, format))).toEqual(
          project(imported.dataset, formatSupports(connector, format)),
        );
      });
    }
  }
});

/**
 * No silent loss: every real fixture converted to every other format and read back. Whatever changed (an
 * intent, an utterance's text, a span, its value or role, a list entity) must be announced by a warning of the
 * export that lost it; an export may also refuse (a limit). See silent-loss.ts for what counts as announced.
 */
/** The formats the cross-format check covers, as sources (their fixtures) and as targets. */
const LOSS_CHECKED_FORMATS = ['dialogflow', 'luis', 'lu', 'rasa', 'clu'];

describe('no silent loss across formats (real fixtures from ../shared/fixtures)', () => {
  const targets = registry
    .connectors()
    .flatMap((connector) => connector.formats.map((format) => ({connector, format})))
    .filter(({format}) => LOSS_CHECKED_FORMATS.includes(format.id));
  for (const [folder, formatId] of Object.entries(FIXTURE_FORMATS)) {
    if (!LOSS_CHECKED_FORMATS.includes(formatId)) continue;
    for (const path of fixtureFiles(folder)) {
      const name = path.slice(SHARED.length + 1);
      it(`${name} -> every other format: each difference is announced`, async () => {
        const imported = await importFromPath(path);
        let compared = 0;
        for (const {connector, format} of targets) {
          if (format.id === formatId) continue;
          const limits = checkPlatformLimits(imported.dataset, formatLimits(connector, format), format.id);
          if (limits.some((d) => d.severity === 'error')) continue;
          const supports = formatSupports(connector, format);
          const context = createConnectorContext();
          const {files} = await format.exportDataset(imported.dataset, context, {});
          expect(validateOutputFiles(files), `${name} -> ${format.id}`).toEqual([]);
          const {dataset: back} = await format.importDataset(
            asSource(format, files),
            createConnectorContext(),
          );
          const warnings = [
            ...unsupportedFeatureWarnings(imported.dataset, supports, format.id),
            ...context.warnings,
          ];
          const said = announced(warnings);
          const silent = losses(imported.dataset, back, supports).filter((loss) => !said.has(loss.kind));
          expect(silent.slice(0, 5), `${name} -> ${format.id}: changed without a warning`).toEqual([]);
          compared += 1;
        }
        expect(compared).toBeGreaterThanOrEqual(3);
      });
    }
  }
});

describe('real platform files that must be refused by name', () => {
  for (const [name, code] of Object.entries(REFUSED_FIXTURES)) {
    it(`${name}: refused with ${code}`, async () => {
      const error = await importFromPath(join(SHARED, 'fixtures', name)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SynthnluError);
      expect((error as SynthnluError).code).toBe(code);
      expect((error as SynthnluError).exitCode).toBe(2);
    });
  }
});
