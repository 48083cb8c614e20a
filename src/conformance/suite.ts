import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import type * as Vitest from 'vitest';
import type {Connector, ConnectorFormat, OutputFile} from '../connector.js';
import {ConnectorRegistry, formatLimits, formatSupports} from '../connector-registry.js';
import {createConnectorContext} from '../convert/context.js';
import {exportToPath} from '../convert/export.js';
import {detectFormat, importFromPath} from '../convert/import.js';
import {checkPlatformLimits, unsupportedFeatureWarnings} from '../convert/limits.js';
import {openImportSource} from '../convert/source.js';
import {validateOutputFiles, writeExportOutput} from '../convert/write-output.js';
import {SynthnluError} from '../errors.js';
import {checkDataset} from '../model/check-dataset.js';
import type {Dataset} from '../model/dataset.js';
import {registry as builtins} from '../registry.js';
import {validateAgainstSchema} from '../schema/validate.js';
import {FEATURE_VIEWS, FEATURES, type Feature} from './features.js';
import {project} from './projection.js';
import type {ConformanceOptions} from './run-conformance.js';
import {conformanceDataset} from './sample-dataset.js';

type TestApi = Pick<typeof Vitest, 'describe' | 'it' | 'expect' | 'afterAll'>;

const ALL_SUPPORTED = Object.fromEntries(FEATURES.map((f) => [f, true])) as Record<Feature, boolean>;

/** The registry the cases run against: every built-in, with `connector` in place of one of the same id. */
function registryWith(connector: Connector): ConnectorRegistry {
  return new ConnectorRegistry([...builtins.connectors().filter((c) => c.id !== connector.id), connector]);
}

/**
 * Without nested entities a format may drop child labels or flatten them into labels of their own (CLU), and
 * says so; either way the labels of child entities are left out of the round-trip comparison.
 */
function withoutChildLabels(dataset: Dataset, childEntities: ReadonlySet<string>): Dataset {
  return {
    ...dataset,
    utterances: dataset.utterances.map((u) => ({
      ...u,
      entities: (u.entities ?? [])
        .filter((s) => !childEntities.has(s.entity))
        .map(({children: _c, ...s}) => s),
    })),
  };
}

/**
 * The sample in two languages: its own utterances in its language, and each again in Spanish (" por favor"
 * appended, so every span keeps its offsets), for the multi-language case.
 */
function inTwoLanguages(dataset: Dataset): Dataset {
  return {
    ...dataset,
    languages: [dataset.language, 'es'],
    utterances: [
      ...dataset.utterances.map((u) => ({...u, language: dataset.language})),
      ...dataset.utterances.map((u) => ({...u, text: `${u.text} por favor`, language: 'es'})),
    ],
  };
}

/** Per language (primary subtag), the sorted texts of a dataset. */
function textsByLanguage(dataset: Dataset): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const u of dataset.utterances)
    (out[(u.language ?? dataset.language).split('-')[0]!.toLowerCase()] ??= []).push(u.text);
  for (const list of Object.values(out)) list.sort();
  return out;
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory()
      ? filesUnder(join(dir, name), `${prefix}${name}/`)
      : [`${prefix}${name}`],
  );
}

export function defineConformanceSuite(
  test: TestApi,
  connector: Connector,
  options: ConformanceOptions,
): void {
  const {describe, it, expect, afterAll} = test;
  const sample = options.dataset ?? conformanceDataset;
  // The registry holds the connector's schemas, which its exports and imports validate against.
  let registration: ConnectorRegistry | Error;
  try {
    registration = registryWith(connector);
  } catch (error) {
    registration = error as Error;
  }
  const registry = (): ConnectorRegistry => {
    if (registration instanceof Error) throw registration;
    return registration;
  };
  const context = () => createConnectorContext({schemas: registry().schemas});
  const scratch = mkdtempSync(join(tmpdir(), `synthnlu-conformance-${connector.id}-`));
  afterAll(() => rmSync(scratch, {recursive: true, force: true}));
  let outputs = 0;
  const outPath = (format: ConnectorFormat): string => {
    const dir = join(scratch, String(outputs++));
    mkdirSync(dir);
    return join(dir, format.layout === 'archive' ? 'agent.zip' : `data${format.extensions[0] ?? '.txt'}`);
  };

  const exportFiles = async (format: ConnectorFormat, dataset: Dataset): Promise<OutputFile[]> =>
    (await format.exportDataset(dataset, context(), {})).files;

  /** Export with the format itself (every utterance), written as the CLI writes it, and read back. */
  const roundTrip = async (format: ConnectorFormat, dataset: Dataset): Promise<Dataset> => {
    const out = outPath(format);
    await writeExportOutput(await exportFiles(format, dataset), out, format.layout, {
      schemas: registry().schemas,
    });
    return (await format.importDataset(await openImportSource(out), context())).dataset;
  };

  describe(`conformance: connector ${connector.id}`, () => {
    it('registers next to every built-in: unique ids, every named schema given', () => {
      expect(registry).not.toThrow();
      expect(connector.formats.length).toBeGreaterThan(0);
    });

    it('starts from a valid dataset', () => {
      expect(validateAgainstSchema('dataset.schema.json', sample())).toEqual([]);
      expect(checkDataset(sample()).filter((d) => d.severity === 'error')).toEqual([]);
    });
  });

  for (const format of connector.formats) {
    const supports = formatSupports(connector, format);
    const limits = formatLimits(connector, format);
    describe(`conformance: ${format.id} (${connector.id})`, () => {
      it('exports files that validate against their schemas', async () => {
        registry();
        const files = await exportFiles(format, sample());
        expect(files.length).toBeGreaterThan(0);
        expect(validateOutputFiles(files, registry().schemas)).toEqual([]);
        for (const file of files) if (file.schema) expect(format.schemas).toContain(file.schema);
      });

      if (options.goldenDir) {
        const folder = join(options.goldenDir, format.id);
        it('matches its golden files', async () => {
          const files = await exportFiles(format, sample());
          if (process.env.UPDATE_GOLDEN === '1') {
            rmSync(folder, {recursive: true, force: true});
            for (const file of files) {
              mkdirSync(dirname(join(folder, file.path)), {recursive: true});
              writeFileSync(join(folder, file.path), file.content);
            }
          }
          expect(
            existsSync(folder),
            `no golden files for ${format.id} in ${folder}: run with UPDATE_GOLDEN=1`,
          ).toBe(true);
          expect(files.map((f) => f.path).sort()).toEqual(filesUnder(folder).sort());
          for (const file of files) {
            const golden = readFileSync(join(folder, file.path), 'utf8');
            expect(Buffer.from(file.content).toString('utf8'), file.path).toBe(golden);
          }
        });
      }

      it('round-trips export -> import -> export without losing intents, utterances or annotations', async () => {
        const original = sample();
        const children = new Set(
          supports.nestedEntities ? [] : original.entities.flatMap((e) => e.children ?? []),
        );
        const same = (dataset: Dataset) => project(withoutChildLabels(dataset, children), supports);
        const once = await roundTrip(format, original);
        expect(validateAgainstSchema('dataset.schema.json', once)).toEqual([]);
        expect(same(once)).toEqual(same(original));
        const twice = await roundTrip(format, once);
        expect(same(twice)).toEqual(same(once));
      });

      it('exports a dataset in two languages and reads every utterance back in its language', async () => {
        const original = inTwoLanguages(sample());
        expect(checkDataset(original).filter((d) => d.severity === 'error')).toEqual([]);
        const out = outPath(format);
        await exportToPath(original, format.id, out, {registry: registry(), testAsTrain: true});
        const back = (await importFromPath(out, {from: format.id, registry: registry()})).dataset;
        expect((back.languages ?? [back.language]).map((l) => l.split('-')[0]!.toLowerCase())).toEqual([
          original.language.split('-')[0]!.toLowerCase(),
          'es',
        ]);
        expect(textsByLanguage(back)).toEqual(textsByLanguage(original));
      });

      it('is detected from its own output among every built-in format', async () => {
        const out = outPath(format);
        await writeExportOutput(await exportFiles(format, sample()), out, format.layout, {
          schemas: registry().schemas,
        });
        const detected = await detectFormat(await openImportSource(out), registry());
        expect(detected.format.id).toBe(format.id);
      });

      if (limits.maxUtteranceLength !== undefined || limits.maxIntents !== undefined) {
        it('refuses data over the platform limits before writing anything', async () => {
          const dataset = sample();
          if (limits.maxUtteranceLength !== undefined) {
            dataset.utterances.push({text: 'x'.repeat(limits.maxUtteranceLength + 1), intent: 'greet'});
          } else {
            for (let i = 0; i <= limits.maxIntents!; i++)
              dataset.utterances.push({text: `hello ${i}`, intent: `intent_${i}`});
          }
          const out = outPath(format);
          const error = await exportToPath(dataset, format.id, out, {
            registry: registry(),
          }).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(SynthnluError);
          expect((error as SynthnluError).code).toMatch(/^LIMIT_/);
          expect((error as SynthnluError).exitCode).toBe(1);
          expect(readdirSync(dirname(out))).toEqual([]);
        });
      } else {
        it('declares no length or intent-count limit: a 10,000-character utterance and 1,000 intents go through', async () => {
          const dataset = sample();
          const long = `${'very '.repeat(2_000)}long`;
          dataset.utterances.push({text: long, intent: 'greet'});
          for (let i = 0; i < 1_000; i++)
            dataset.utterances.push({text: `hello ${i}`, intent: `intent_${i}`});
          expect(
            checkPlatformLimits(dataset, limits, format.id).filter((d) => d.severity === 'error'),
          ).toEqual([]);
          const back = await roundTrip(format, dataset);
          expect(back.utterances.map((u) => u.text)).toContain(long);
          expect(new Set(back.utterances.map((u) => u.intent)).size).toBeGreaterThanOrEqual(1_003);
        });
      }

      for (const feature of FEATURES) {
        const view = FEATURE_VIEWS[feature];
        if (supports[feature]) {
          it(`supports.${feature}: carries it through export and import`, async () => {
            const original = sample();
            expect(view(original), `the sample dataset has no ${feature}`).not.toEqual([]);
            expect(view(await roundTrip(format, original))).toEqual(view(original));
          });
        } else {
          it(`supports.${feature} is false: an export says it is dropped`, async () => {
            const original = sample();
            expect(view(original), `the sample dataset has no ${feature}`).not.toEqual([]);
            const summary = await exportToPath(original, format.id, outPath(format), {
              registry: registry(),
            });
            const expected =
              feature === 'split'
                ? [expect.objectContaining({code: 'EXPORT_TEST_SPLIT_LEFT_OUT'})]
                : unsupportedFeatureWarnings(original, {...ALL_SUPPORTED, [feature]: false}, format.id);
            expect(expected).toHaveLength(1);
            expect(summary.warnings).toEqual(expect.arrayContaining(expected));
          });
        }
      }
    });
  }
}
