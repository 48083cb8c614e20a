/**
 * The Lex V2 format on real files: Dialogflow ES agents converted to Lex (the zip validates against the Lex
 * schemas, and ES -> Lex -> ES keeps intents, utterances and annotations), real Lex exports re-exported byte
 * for byte, and what the mapping does with templates, built-ins, the fallback intent, locales, names and limits.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import JSZip from 'jszip';
import {beforeAll, describe, expect, it} from 'vitest';
import {project} from '../../../src/conformance/projection.js';
import {createConnectorContext} from '../../../src/convert/context.js';
import {exportToPath} from '../../../src/convert/export.js';
import {importFromPath} from '../../../src/convert/import.js';
import {openImportSource} from '../../../src/convert/source.js';
import type {OutputFile} from '../../../src/connector.js';
import {SynthnluError} from '../../../src/errors.js';
import type {Dataset} from '../../../src/model/dataset.js';
import {registry} from '../../../src/registry.js';
import {validateAgainstSchema} from '../../../src/schema/validate.js';
import {runCli, SHARED, tempDir} from '../../helpers/cli.js';
import {memorySource} from '../../helpers/memory-source.js';

const LEX = join(SHARED, 'fixtures', 'lex-v2');
const ES = join(SHARED, 'fixtures', 'dialogflow');
const lex = registry.format('lex');

/** The schema a file of a Lex export validates against, by its place in the export. */
function schemaOf(path: string): string | undefined {
  if (path === 'Manifest.json') return 'lex-manifest.schema.json';
  if (/^[^/]+\/Bot\.json$/.test(path)) return 'lex-bot.schema.json';
  if (/\/BotLocale\.json$/.test(path)) return 'lex-bot-locale.schema.json';
  if (/\/Slots\/[^/]+\/Slot\.json$/.test(path)) return 'lex-slot.schema.json';
  if (/\/Intent\.json$/.test(path)) return 'lex-intent.schema.json';
  if (/\/SlotType\.json$/.test(path)) return 'lex-slot-type.schema.json';
  return undefined;
}

async function exportLex(dataset: Dataset): Promise<{files: OutputFile[]; warnings: string[]}> {
  const context = createConnectorContext();
  const {files} = await lex.format.exportDataset(dataset, context, {});
  return {files, warnings: context.warnings.map((w) => w.code)};
}

async function readLex(files: OutputFile[]): Promise<Dataset> {
  const source = memorySource(Object.fromEntries(files.map((f) => [f.path, f.content])), {
    kind: 'folder',
    path: 'bot',
  });
  return (await lex.format.importDataset(source, createConnectorContext())).dataset;
}

function lexFixtures(): string[] {
  return readdirSync(LEX)
    .filter((n) => !/^(LICENSE|_|\.)/.test(n))
    .map((n) => {
      const inner = readdirSync(join(LEX, n));
      const zip = inner.find((f) => f.endsWith('.zip'));
      return zip && inner.length === 1 ? join(LEX, n, zip) : join(LEX, n);
    });
}

describe('Dialogflow ES agents to Lex V2', () => {
  const agents = readdirSync(ES).filter((n) => !n.startsWith('LICENSE'));
  it('finds the ES fixtures', () => expect(agents.length).toBeGreaterThanOrEqual(4));

  for (const agent of agents) {
    it(`${agent}: the Lex export validates against the Lex schemas and ES -> Lex -> ES keeps intents, utterances and annotations`, async () => {
      const {dataset: es} = await importFromPath(join(ES, agent));
      const {files} = await exportLex(es);
      for (const file of files.filter((f) => f.path.endsWith('.json'))) {
        const schema = schemaOf(file.path);
        expect(schema, file.path).toBeDefined();
        expect(validateAgainstSchema(schema!, JSON.parse(String(file.content))), file.path).toEqual([]);
      }
      const viaLex = await readLex(files);
      const dialogflow = registry.format('dialogflow');
      const context = createConnectorContext();
      const {files: esFiles} = await dialogflow.format.exportDataset(viaLex, context, {});
      const back = (
        await dialogflow.format.importDataset(
          memorySource(Object.fromEntries(esFiles.map((f) => [f.path, f.content])), {
            kind: 'folder',
            path: 'agent',
          }),
          createConnectorContext(),
        )
      ).dataset;
      const supports = {...lex.connector.limits.supports, roles: false};
      const before = project(es, supports);
      const after = project(back, supports);
      expect(after.intents).toEqual(before.intents);
      expect(after.utterances).toEqual(before.utterances);
    });
  }

  it('synthnlu convert <ES zip> --to lex --out x.zip writes a zip every file of which the Lex schemas accept', async () => {
    const out = join(tempDir(), 'lex-bot.zip');
    const run = runCli(['convert', join(ES, 'icecream.zip'), '--to', 'lex', '--out', out]);
    expect(run.stderr + run.stdout).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    expect(names).toContain('Manifest.json');
    expect(names.some((n) => /\/Intents\/order_icecream\/Intent\.json$/.test(n))).toBe(true);
    for (const name of names) {
      const schema = schemaOf(name);
      expect(schema, name).toBeDefined();
      expect(validateAgainstSchema(schema!, JSON.parse(await zip.file(name)!.async('string'))), name).toEqual(
        [],
      );
    }
    const intent = JSON.parse(
      await zip.file(names.find((n) => n.endsWith('order_icecream/Intent.json'))!)!.async('string'),
    );
    // The ES name does not fit Lex's pattern: the original travels in the description and comes back.
    expect(intent.description).toBe('order.icecream');
    expect(
      intent.sampleUtterances.some((s: {utterance: string}) => /\{icecream-flavor\}/.test(s.utterance)),
    ).toBe(true);
  });
});

describe('real Lex V2 exports', () => {
  for (const path of lexFixtures()) {
    it(`${path.slice(LEX.length + 1)}: an unchanged bot re-exports byte for byte, every file`, async () => {
      const {dataset} = await importFromPath(path);
      const {files, warnings} = await exportLex(dataset);
      expect(warnings).not.toContain('LEX_SLOT_TEMPLATES');
      const source = await openImportSource(path);
      const list = source.list().filter((f) => !f.endsWith('/'));
      const root = list.find((f) => /(^|\/)Manifest\.json$/.test(f))!.replace(/Manifest\.json$/, '');
      expect(files.map((f) => root + f.path).sort()).toEqual(list.filter((f) => f.startsWith(root)).sort());
      for (const file of files) expect(file.content, file.path).toBe(await source.readText(root + file.path));
    });
  }

  it('cloud-assistant: templates become annotated utterances filled from slot values; built-ins, regex types and the fallback intent map', async () => {
    const {dataset} = await importFromPath(join(LEX, 'cloud-assistant'));
    const launch = dataset.utterances.filter(
      (u) => u.intent === 'ec2-create' && u.text.startsWith('launch a '),
    );
    expect(launch.map((u) => u.text)).toEqual(
      expect.arrayContaining([
        'launch a ami-00c39f71452c08778 instance',
        'launch a t2.micro instance',
        'launch a t2.small instance',
      ]),
    );
    const t2 = launch.find((u) => u.text === 'launch a t2.micro instance')!;
    expect(t2.entities).toEqual([{entity: 'instanceType', start: 9, end: 17}]);
    const count = dataset.utterances.find((u) => u.text.startsWith('launch 2 '))!;
    expect(count.entities![0]).toEqual({entity: 'count', start: 7, end: 8});
    expect(dataset.entities.find((e) => e.name === 'count')).toMatchObject({
      kind: 'prebuilt',
      prebuilt: 'number',
    });
    expect(dataset.entities.find((e) => e.name === 'objName')).toMatchObject({
      kind: 'regex',
      patterns: ['[0-9][a-z]'],
    });
    expect(dataset.entities.find((e) => e.name === 'region')).toMatchObject({kind: 'list'});
    expect(dataset.entities.find((e) => e.name === 'ipAddress')).toMatchObject({kind: 'ml'});
    expect(dataset.intents.map((i) => i.name)).toContain('None');
    expect(dataset.intents.map((i) => i.name)).not.toContain('FallbackIntent');
  });

  it('acme-lexbot-en-es: both locales in the dataset, one language each, written back to their own locale', async () => {
    const context = createConnectorContext();
    const source = await openImportSource(join(LEX, 'acme-lexbot-en-es'));
    const {dataset} = await lex.format.importDataset(source, context);
    expect(dataset.language).toBe('en');
    expect(dataset.languages).toEqual(['en', 'es']);
    dataset.utterances.push({text: 'I need to pay an invoice', intent: 'Finance', language: 'en'});
    const {files} = await exportLex(dataset);
    const es = files.find((f) => f.path === 'acme-lexbot/BotLocales/es_US/Intents/Sales/Intent.json')!;
    expect(es.content).toBe(await source.readText('acme-lexbot/BotLocales/es_US/Intents/Sales/Intent.json'));
    const finance = JSON.parse(
      String(
        files.find((f) => f.path === 'acme-lexbot/BotLocales/en_US/Intents/Finance/Intent.json')!.content,
      ),
    );
    expect(finance.sampleUtterances.map((s: {utterance: string}) => s.utterance)).toContain(
      'I need to pay an invoice',
    );
  });
});

describe('mapping rules', () => {
  let sample: Dataset;
  beforeAll(() => {
    sample = {
      format: 'synthnlu-dataset/1',
      language: 'en',
      intents: [{name: 'book room'}, {name: 'None'}],
      entities: [
        {name: 'room type', kind: 'list', values: [{value: 'double', synonyms: ['twin']}, {value: 'suite'}]},
        {name: 'nights', kind: 'prebuilt', prebuilt: 'number'},
      ],
      utterances: [
        {
          text: 'book a twin room for 3 nights',
          intent: 'book room',
          entities: [
            {entity: 'room type', start: 7, end: 11, value: 'double'},
            {entity: 'nights', start: 21, end: 22},
          ],
        },
        {text: 'a suite please', intent: 'book room', entities: [{entity: 'room type', start: 2, end: 7}]},
        {text: 'what is the weather', intent: 'None'},
      ],
    };
  });

  it('annotations become {Slot} references with values in the slot type; AMAZON.Number for number; names Lex refuses travel in descriptions', async () => {
    const {files, warnings} = await exportLex(sample);
    const intent = JSON.parse(
      String(files.find((f) => f.path.endsWith('/Intents/book_room/Intent.json'))!.content),
    );
    expect(intent.description).toBe('book room');
    expect(intent.sampleUtterances.map((s: {utterance: string}) => s.utterance)).toEqual([
      'book a {room_type} room for {nights} nights',
      'book a twin room for 3 nights',
      'a {room_type} please',
      'a suite please',
    ]);
    const nights = JSON.parse(String(files.find((f) => f.path.endsWith('/Slots/nights/Slot.json'))!.content));
    expect(nights.slotTypeName).toBe('AMAZON.Number');
    const type = JSON.parse(
      String(files.find((f) => f.path.endsWith('/SlotTypes/room_type/SlotType.json'))!.content),
    );
    expect(type.slotTypeValues).toEqual([
      {sampleValue: {value: 'double'}, synonyms: [{value: 'twin'}]},
      {sampleValue: {value: 'suite'}, synonyms: null},
    ]);
    expect(type.valueSelectionSetting.resolutionStrategy).toBe('TOP_RESOLUTION');
    const fallback = JSON.parse(
      String(files.find((f) => f.path.endsWith('/Intents/FallbackIntent/Intent.json'))!.content),
    );
    expect(fallback.parentIntentSignature).toBe('AMAZON.FallbackIntent');
    expect(fallback.sampleUtterances).toBeNull();
    // The None example is the one loss, and the one warning says so.
    expect(warnings.filter((w) => w === 'LEX_SLOT_TEMPLATES')).toHaveLength(1);
    const back = await readLex(files);
    expect(back.intents.map((i) => i.name).sort()).toEqual(['None', 'book room']);
    expect(back.utterances.filter((u) => u.intent === 'book room')).toEqual(
      sample.utterances.filter((u) => u.intent === 'book room').map((u) => ({...u, source: 'imported'})),
    );
  });

  it('keeps an intent within 1,500 samples: templates first, literal companions dropped with the warning', async () => {
    const many: Dataset = {
      ...sample,
      utterances: Array.from({length: 1000}, (_, i) => {
        const text = `book a suite for guest ${i}`;
        return {text, intent: 'book room', entities: [{entity: 'room type', start: 7, end: 12}]};
      }),
    };
    const context = createConnectorContext();
    const {files} = await lex.format.exportDataset(many, context, {});
    const intent = files.find((f) => f.path.endsWith('/Intents/book_room/Intent.json'))!;
    const samples = (intent.json as {sampleUtterances: Array<{utterance: string}>}).sampleUtterances;
    expect(samples).toHaveLength(1500);
    expect(samples.filter((s) => s.utterance.includes('{room_type}'))).toHaveLength(1000);
    expect(validateAgainstSchema('lex-intent.schema.json', intent.json)).toEqual([]);
    expect(context.warnings.find((w) => w.code === 'LEX_SLOT_TEMPLATES')?.message).toMatch(
      /500 extra utterances filled from templates/,
    );
  });

  it('folder names from metadata never leave the bot folder', async () => {
    const hostile: Dataset = {
      ...sample,
      metadata: {lex: {botFolder: '../../etc'}},
      intents: [{name: 'book room', metadata: {lex: {lexName: 'book_room', folder: '../../outside'}}}],
    };
    const {files} = await exportLex(hostile);
    for (const file of files) expect(file.path.split('/')).not.toContain('..');
    expect(files.some((f) => f.path.endsWith('/Intents/book_room/Intent.json'))).toBe(true);
  });

  it('refuses a slot type over 10,000 values and synonyms before writing anything (LIMIT_LEX, exit 1)', async () => {
    const big: Dataset = {
      ...sample,
      entities: [
        {name: 'sku', kind: 'list', values: Array.from({length: 10_001}, (_, i) => ({value: `sku${i}`}))},
      ],
      utterances: [{text: 'find sku0', intent: 'find', entities: [{entity: 'sku', start: 5, end: 9}]}],
    };
    const out = join(tempDir(), 'bot.zip');
    const error = await exportToPath(big, 'lex', out).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SynthnluError);
    expect((error as SynthnluError).code).toBe('LIMIT_LEX');
    expect((error as SynthnluError).exitCode).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('bad input: no bot -> LEX_NO_BOT (exit 2); broken JSON names the file and line', async () => {
    const none = await lex.format
      .importDataset(
        memorySource({'a.txt': 'x', 'b.txt': 'y'}, {kind: 'folder', path: 'x'}),
        createConnectorContext(),
      )
      .catch((e: unknown) => e);
    expect((none as SynthnluError).code).toBe('LEX_NO_BOT');
    expect((none as SynthnluError).exitCode).toBe(2);
    const {files} = await exportLex(sample);
    const broken = Object.fromEntries(files.map((f) => [f.path, f.content]));
    const path = files.find((f) => f.path.endsWith('book_room/Intent.json'))!.path;
    broken[path] = '{\n  "name": "book_room",\n  oops\n}';
    const error = await lex.format
      .importDataset(memorySource(broken, {kind: 'folder', path: 'x'}), createConnectorContext())
      .catch((e: unknown) => e);
    expect((error as SynthnluError).code).toBe('LEX_BAD_JSON');
    expect((error as SynthnluError).location).toMatchObject({file: path, line: 3});
  });
});
