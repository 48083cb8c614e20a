/**
 * The conformance suite for every built-in connector (src/conformance, exported to third parties as
 * runConformance), then the built-ins' own checks on real platform files from ../shared/fixtures.
 */
import {existsSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {builtinConnectors} from '../../connectors/index.js';
import type {ConnectorFormat, OutputFile} from '../../src/connector.js';
import {project} from '../../src/conformance/projection.js';
import {runConformance} from '../../src/conformance/index.js';
import {createConnectorContext} from '../../src/convert/context.js';
import {importFromPath} from '../../src/convert/import.js';
import {checkPlatformLimits, unsupportedFeatureWarnings} from '../../src/convert/limits.js';
import {validateOutputFiles} from '../../src/convert/write-output.js';
import {SynthnluError} from '../../src/errors.js';
import type {Dataset} from '../../src/model/dataset.js';
import {formatLimits, formatSupports, registry} from '../../src/registry.js';
import {ROOT, SHARED} from '../helpers/cli.js';
import {memorySource} from '../helpers/memory-source.js';
import {announced, losses} from './silent-loss.js';

for (const connector of builtinConnectors) {
  await runConformance(connector, {goldenDir: join(ROOT, 'test/fixtures/golden')});
}

function asSource(format: ConnectorFormat, files: OutputFile[]) {
  const map = Object.fromEntries(files.map((f) => [f.path, f.content]));
  return memorySource(map, {kind: format.layout === 'archive' ? 'folder' : 'file', path: files[0]!.path});
}

async function roundTrip(format: ConnectorFormat, dataset: Dataset): Promise<Dataset> {
  const {files} = await format.exportDataset(dataset, createConnectorContext(), {});
  return (await format.importDataset(asSource(format, files), createConnectorContext())).dataset;
}

/** Real files from public projects (../shared/fixtures): each must import, with its format detected, and round-trip. */
const FIXTURE_FORMATS: Record<string, string> = {
  dialogflow: 'dialogflow',
  luis: 'luis',
  lu: 'lu',
  rasa: 'rasa',
  clu: 'clu',
  'dialogflow-cx': 'dialogflow-cx',
  watson: 'watson',
  'lex-v2': 'lex',
};

/** Real exports a format must refuse by name rather than import (fixture path under ../shared/fixtures → code). */
const REFUSED_FIXTURES: Record<string, string> = {
  'dialogflow-cx/dfcx-scrapi-sample-agent.blob': 'DIALOGFLOW_CX_BLOB_EXPORT',
};

/** A fixture entry: a file, an unzipped export, or a folder that holds only zipped exports (lex-v2/booktrip/). */
function exportsIn(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  const names = readdirSync(path);
  const zips = names.filter((n) => n.toLowerCase().endsWith('.zip'));
  return zips.length > 0 && zips.length === names.length ? zips.map((n) => join(path, n)) : [path];
}

/**
 * The real files of a folder of ../shared/fixtures. A missing or empty folder is a failing case, not zero
 * cases: otherwise a machine without ../shared would run none of these checks and stay green.
 */
function fixtureFiles(folder: string): string[] {
  const dir = join(SHARED, 'fixtures', folder);
  const files = existsSync(dir)
    ? readdirSync(dir)
        // Folders named _* hold reference material, not exports (lex-v2/_schemas-ivr-migration).
        .filter((name) => !/^(LICENSE|\.|_)/.test(name) && name !== 'SOURCES.md')
        .filter((name) => REFUSED_FIXTURES[`${folder}/${name}`] === undefined)
        .flatMap((name) => exportsIn(join(dir, name)))
    : [];
  if (files.length === 0) {
    it(`../shared/fixtures/${folder} holds real ${folder} files`, () => {
      expect.fail(
        `no fixtures in ${dir}: these conformance checks need the reference data in ../shared (see ../shared/README.md)`,
      );
    });
  }
  return files;
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
const LOSS_CHECKED_FORMATS = ['dialogflow', 'luis', 'lu', 'rasa', 'clu', 'watson', 'lex'];

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
          expect(validateOutputFiles(files, registry.schemas), `${name} -> ${format.id}`).toEqual([]);
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
