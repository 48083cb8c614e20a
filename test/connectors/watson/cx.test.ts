/**
 * Watson and Dialogflow CX both ways, which the shared cross-format check leaves out (CX is not among its
 * targets): every real Watson export through CX and back, every real CX agent through Watson and back, each
 * difference announced by a warning of the export that made it (see ../silent-loss.ts).
 */
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {ConnectorFormat, OutputFile} from '../../../src/connector.js';
import {createConnectorContext} from '../../../src/convert/context.js';
import {importFromPath} from '../../../src/convert/import.js';
import {checkPlatformLimits, unsupportedFeatureWarnings} from '../../../src/convert/limits.js';
import {validateOutputFiles} from '../../../src/convert/write-output.js';
import {formatLimits, formatSupports, registry} from '../../../src/registry.js';
import {SHARED} from '../../helpers/cli.js';
import {memorySource} from '../../helpers/memory-source.js';
import {announced, losses} from '../silent-loss.js';

function asSource(format: ConnectorFormat, files: OutputFile[]) {
  const map = Object.fromEntries(files.map((f) => [f.path, f.content]));
  return memorySource(map, {kind: format.layout === 'archive' ? 'folder' : 'file', path: files[0]!.path});
}

async function check(path: string, to: string): Promise<void> {
  const {dataset} = await importFromPath(path);
  const {connector, format} = registry.format(to);
  expect(
    checkPlatformLimits(dataset, formatLimits(connector, format), to).filter((d) => d.severity === 'error'),
  ).toEqual([]);
  const context = createConnectorContext();
  const {files} = await format.exportDataset(dataset, context, {});
  expect(validateOutputFiles(files, registry.schemas)).toEqual([]);
  const {dataset: back} = await format.importDataset(asSource(format, files), createConnectorContext());
  const supports = formatSupports(connector, format);
  const said = announced([...unsupportedFeatureWarnings(dataset, supports, to), ...context.warnings]);
  const silent = losses(dataset, back, supports).filter((loss) => !said.has(loss.kind));
  expect(silent.slice(0, 5)).toEqual([]);
}

const WATSON = join(SHARED, 'fixtures', 'watson');
const CX = join(SHARED, 'fixtures', 'dialogflow-cx');

describe('watson <-> dialogflow-cx: no silent loss', () => {
  for (const name of readdirSync(WATSON).filter((n) => n.endsWith('.json')))
    it(`watson/${name} -> dialogflow-cx`, async () => check(join(WATSON, name), 'dialogflow-cx'));
  for (const name of readdirSync(CX).filter(
    (n) => !n.startsWith('LICENSE') && !n.endsWith('.blob') && !n.endsWith('.md'),
  ))
    it(`dialogflow-cx/${name} -> watson`, async () => check(join(CX, name), 'watson'));
});
