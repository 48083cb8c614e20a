import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {dialogflowCxAgentFormat} from '../../../connectors/dialogflow/cx/format.js';
import {cxFileName} from '../../../connectors/dialogflow/cx/layout.js';
import type {OutputFile} from '../../../src/connector.js';
import {createConnectorContext} from '../../../src/convert/context.js';
import {exportToPath} from '../../../src/convert/export.js';
import {importFromPath} from '../../../src/convert/import.js';
import {openImportSource} from '../../../src/convert/source.js';
import {validateOutputFiles} from '../../../src/convert/write-output.js';
import {SynthnluError} from '../../../src/errors.js';
import type {Dataset} from '../../../src/model/dataset.js';
import {formatSupports, registry} from '../../../src/registry.js';
import {runCli, SHARED, tempDir} from '../../helpers/cli.js';
import {memorySource} from '../../helpers/memory-source.js';
import {project} from '../../../src/conformance/projection.js';

const FIXTURES = join(SHARED, 'fixtures', 'dialogflow-cx');
const AGENTS = ['divebooker', 'goodbye-graffiti', 'lifeblood-donation', 'nuvalence-caller-data-collection'];

async function exportCx(dataset: Dataset, context = createConnectorContext()): Promise<OutputFile[]> {
  const files = (await dialogflowCxAgentFormat.exportDataset(dataset, context, {})).files;
  expect(validateOutputFiles(files, registry.schemas)).toEqual([]);
  return files;
}

function text(file: OutputFile): string {
  return typeof file.content === 'string' ? file.content : Buffer.from(file.content).toString('utf8');
}

async function importCx(files: Record<string, string>, context = createConnectorContext()): Promise<Dataset> {
  return (
    await dialogflowCxAgentFormat.importDataset(memorySource(files, {kind: 'folder', path: 'agent'}), context)
  ).dataset;
}

describe('dialogflow-cx: real agent exports', () => {
  for (const agent of AGENTS) {
    for (const name of [agent, `${agent}.zip`]) {
      it(`${name}: import then export gives back every file of the package byte for byte`, async () => {
        const source = await openImportSource(join(FIXTURES, name));
        const imported = await importFromPath(join(FIXTURES, name));
        expect(imported.format).toBe('dialogflow-cx');
        const files = await exportCx(imported.dataset);
        const root = source
          .list()
          .find((f) => f.endsWith('agent.json'))!
          .slice(0, -'agent.json'.length);
        const original = source.list().filter((f) => f.startsWith(root));
        expect(files.map((f) => root + f.path).sort()).toEqual([...original].sort());
        for (const file of files) expect(text(file), file.path).toBe(await source.readText(root + file.path));
      });
    }
  }

  it('divebooker: parts become spans at their offsets; @sys types and parameter ids become entities and roles', async () => {
    const {dataset} = await importFromPath(join(FIXTURES, 'divebooker'));
    const cortez = dataset.utterances.find((u) => u.text.startsWith('I would like to hire a bot'))!;
    expect(cortez.text).toBe('I would like to hire a bot in the Sea of Cortez with other 16 divers');
    expect(cortez.entities).toEqual([
      {entity: 'destination', start: 34, end: 47, value: 'Mexico'},
      {entity: 'number-of-guests', start: 59, end: 61},
    ]);
    const month = dataset.utterances.find((u) => u.text.endsWith('next June'))!;
    expect(month.entities).toContainEqual({entity: 'departure-month', start: 47, end: 56});
    expect(month.text.slice(47, 56)).toBe('next June');
    expect(dataset.entities.find((e) => e.name === 'departure-month')).toMatchObject({
      kind: 'prebuilt',
      prebuilt: 'datetime',
      metadata: {dialogflowCx: {sys: 'sys.date-period'}},
    });
    expect(dataset.entities.find((e) => e.name === 'number-of-guests')).toMatchObject({
      kind: 'regex',
      patterns: ['\\b([4-9]|1[0-5])\\b'],
    });
    const destination = dataset.entities.find((e) => e.name === 'destination')!;
    expect(destination.values).toContainEqual({
      value: 'Mexico',
      synonyms: ['Guadalupe Islands', 'Sea of Cortez', 'Socorro Islands'],
    });
    expect(destination.metadata).toMatchObject({
      dialogflowCx: {excludedPhrases: {en: [{value: 'Europe', languageCode: 'en'}]}},
    });
  });

  it('names the CX-only settings of the training data in one warning (kept for CX, lost elsewhere)', async () => {
    const dive = await importFromPath(join(FIXTURES, 'divebooker'));
    const only = dive.warnings.filter((w) => w.code === 'DIALOGFLOW_CX_ONLY_SETTINGS');
    expect(only).toHaveLength(1);
    expect(only[0]!.message).toContain('excluded phrases of entity types (destination)');
    const graffiti = await importFromPath(join(FIXTURES, 'goodbye-graffiti'));
    const labels = graffiti.warnings.find((w) => w.code === 'DIALOGFLOW_CX_ONLY_SETTINGS')!;
    expect(labels.message).toContain('intent labels (prebuilt_components_');
    expect(labels.message).toContain('and 8 more)');
    const lifeblood = await importFromPath(join(FIXTURES, 'lifeblood-donation'));
    expect(lifeblood.warnings.filter((w) => w.code === 'DIALOGFLOW_CX_ONLY_SETTINGS')).toEqual([]);
  });

  it('goodbye-graffiti (zipped on macOS under a folder): one warning names everything that is not training data', async () => {
    const imported = await importFromPath(join(FIXTURES, 'goodbye-graffiti.zip'));
    const notData = imported.warnings.filter((w) => w.code === 'DIALOGFLOW_CX_NOT_TRAINING_DATA');
    expect(notData).toHaveLength(1);
    for (const kind of ['flows', 'pages', 'webhooks', 'generators', 'generativeSettings'])
      expect(notData[0]!.message).toContain(`${kind} (`);
    expect(imported.dataset.utterances.length).toBe(1020);
  });

  it('refuses the BLOB export by name, also when --from dialogflow-cx is given', async () => {
    for (const from of [undefined, 'dialogflow-cx']) {
      const error = await importFromPath(
        join(FIXTURES, 'dfcx-scrapi-sample-agent.blob'),
        from ? {from} : {},
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SynthnluError);
      expect((error as SynthnluError).code).toBe('DIALOGFLOW_CX_BLOB_EXPORT');
      expect((error as SynthnluError).suggestion).toMatch(/JSON package/);
    }
  });

  it('converts every fixture to every other format, naming the CX-only parts in one warning', async () => {
    const refused: string[] = [];
    for (const agent of AGENTS) {
      const imported = await importFromPath(join(FIXTURES, agent));
      for (const {connector, format} of registry
        .connectors()
        .flatMap((c) => c.formats.map((f) => ({connector: c, format: f})))) {
        if (format.id === 'dialogflow-cx') continue;
        const out = join(
          tempDir('synthnlu-cx-convert-'),
          format.layout === 'archive' ? 'out.zip' : `out${format.extensions[0] ?? ''}`,
        );
        const result = await exportToPath(imported.dataset, format.id, out).catch((e: unknown) => e);
        if (result instanceof SynthnluError) {
          // A platform limit (LUIS: intent names of 50 characters at most) refuses the whole export, loudly.
          expect(result.code, `${agent} -> ${format.id}`).toMatch(/^LIMIT_/);
          refused.push(`${agent} -> ${format.id}`);
          continue;
        }
        const summary = result as Awaited<ReturnType<typeof exportToPath>>;
        const warnings = [...imported.warnings, ...summary.warnings];
        expect(
          warnings.filter((w) => w.code === 'DIALOGFLOW_CX_NOT_TRAINING_DATA'),
          `${agent} -> ${format.id}`,
        ).toHaveLength(1);
        const usesRoles = imported.dataset.utterances.some((u) => u.entities?.some((s) => s.role));
        if (usesRoles && !formatSupports(connector, format).roles)
          expect(warnings.map((w) => w.message).join('\n')).toMatch(/entity roles/);
        const back = await importFromPath(out, {from: format.id});
        const intents = project(imported.dataset).intents.filter((i) =>
          imported.dataset.utterances.some((u) => u.intent === i),
        );
        // A format that renames the intent names it refuses (watson: no spaces) says so with the mapping.
        const renamed = summary.warnings.find((w) => w.code.endsWith('_INTENT_RENAMED'));
        if (renamed) {
          expect(project(back.dataset).intents, `${agent} -> ${format.id}`).toHaveLength(intents.length);
          for (const i of intents.filter((name) => !project(back.dataset).intents.includes(name)))
            expect(renamed.message).toContain(`"${i}" -> `);
        } else expect(project(back.dataset).intents, `${agent} -> ${format.id}`).toEqual(intents);
      }
    }
    expect(refused).toEqual([
      'goodbye-graffiti -> luis',
      'goodbye-graffiti -> lu',
      'goodbye-graffiti -> clu',
    ]);
  }, 60_000);
});

describe('dialogflow-cx: what the files carry', () => {
  const intentFile = (params: unknown[] = []) =>
    JSON.stringify({name: 'a1', displayName: 'order.pizza', parameters: params, priority: 500000});
  const phrases = (lang: string, texts: string[]) =>
    JSON.stringify({
      trainingPhrases: texts.map((t) => ({parts: [{text: t}], repeatCount: 1, languageCode: lang})),
    });

  it('multi-language agents: every language is read, each utterance tagged with its language, and written back', async () => {
    const context = createConnectorContext();
    const files = {
      'agent.json': JSON.stringify({defaultLanguageCode: 'en', supportedLanguageCodes: ['de', 'fr']}),
      'intents/order.pizza/order.pizza.json': intentFile(),
      'intents/order.pizza/trainingPhrases/en.json': phrases('en', ['a pizza please']),
      'intents/order.pizza/trainingPhrases/de.json': phrases('de', ['eine Pizza bitte']),
      'intents/order.pizza/trainingPhrases/fr.json': phrases('fr', ['une pizza']),
      'playbooks/Order/Order.json': '{"displayName": "Order"}\n',
      'tools/menu.json': '{"displayName": "menu"}\n',
    };
    const dataset = await importCx(files, context);
    expect(dataset.language).toBe('en');
    expect(dataset.languages).toEqual(['en', 'de', 'fr']);
    expect(dataset.utterances.map((u) => [u.language, u.text])).toEqual([
      ['en', 'a pizza please'],
      ['de', 'eine Pizza bitte'],
      ['fr', 'une pizza'],
    ]);
    const notData = context.warnings.find((w) => w.code === 'DIALOGFLOW_CX_NOT_TRAINING_DATA')!;
    expect(notData.message).toContain('playbooks (1 file), tools (1 file)');
    const out = await exportCx(dataset);
    const de = out.find((f) => f.path === 'intents/order.pizza/trainingPhrases/de.json')!;
    expect(JSON.parse(text(de))).toEqual(JSON.parse(files['intents/order.pizza/trainingPhrases/de.json']));
    expect(text(out.find((f) => f.path === 'playbooks/Order/Order.json')!)).toBe(
      files['playbooks/Order/Order.json'],
    );
  });

  it('fuzzy extraction and redaction flags are kept: fuzzy on the entity, redact in metadata and back in the files', async () => {
    const files = {
      'agent.json': JSON.stringify({defaultLanguageCode: 'en'}),
      'entityTypes/topping/topping.json': JSON.stringify({
        name: 'e1',
        displayName: 'topping',
        kind: 'KIND_MAP',
        enableFuzzyExtraction: true,
        redact: true,
      }),
      'entityTypes/topping/entities/en.json': JSON.stringify({
        entities: [{value: 'ham', synonyms: ['ham', 'prosciutto'], languageCode: 'en'}],
      }),
      'intents/order.pizza/order.pizza.json': intentFile([
        {id: 'topping', entityType: '@topping', redact: true},
      ]),
      'intents/order.pizza/trainingPhrases/en.json': JSON.stringify({
        trainingPhrases: [
          {parts: [{text: 'with '}, {text: 'prosciutto', parameterId: 'topping'}], languageCode: 'en'},
        ],
      }),
    };
    const context = createConnectorContext();
    const dataset = await importCx(files, context);
    const only = context.warnings.find((w) => w.code === 'DIALOGFLOW_CX_ONLY_SETTINGS')!;
    expect(only.message).toContain('redaction of entity types (topping)');
    expect(only.message).toContain('redaction of parameters (order.pizza.topping)');
    const topping = dataset.entities.find((e) => e.name === 'topping')!;
    expect(topping.fuzzy).toBe(true);
    expect(topping.metadata).toMatchObject({dialogflowCx: {entityType: {redact: true}}});
    expect(dataset.utterances[0]!.entities).toEqual([{entity: 'topping', start: 5, end: 15, value: 'ham'}]);
    const out = await exportCx(dataset);
    const type = JSON.parse(text(out.find((f) => f.path === 'entityTypes/topping/topping.json')!));
    expect(type).toMatchObject({enableFuzzyExtraction: true, redact: true, kind: 'KIND_MAP'});
    const intent = JSON.parse(text(out.find((f) => f.path === 'intents/order.pizza/order.pizza.json')!));
    expect(intent.parameters).toEqual([{id: 'topping', entityType: '@topping', redact: true}]);
    topping.fuzzy = false;
    const off = await exportCx(dataset);
    expect(
      JSON.parse(text(off.find((f) => f.path === 'entityTypes/topping/topping.json')!)).enableFuzzyExtraction,
    ).toBe(false);
  });

  it('never writes a kept file outside the package, whatever the dataset says', async () => {
    const context = createConnectorContext();
    const dataset = await importCx({
      'agent.json': JSON.stringify({defaultLanguageCode: 'en'}),
      'intents/a/a.json': intentFile(),
      'intents/a/trainingPhrases/en.json': phrases('en', ['hello']),
      'flows/Main/Main.json': '{}\n',
    });
    const files = (dataset.metadata!.dialogflowCx as {files: Record<string, string>}).files;
    Object.assign(files, {
      '../escape.json': 'x',
      '/etc/passwd': 'x',
      'flows/../../up.json': 'x',
      'C:/windows.json': 'x',
      'intents/a/a.json': 'x',
    });
    const out = await exportCx(dataset, context);
    expect(out.map((f) => f.path).sort()).toEqual([
      'agent.json',
      'flows/Main/Main.json',
      'intents/a/a.json',
      'intents/a/trainingPhrases/en.json',
    ]);
    expect(text(out.find((f) => f.path === 'intents/a/a.json')!)).not.toBe('x');
    expect(context.warnings.filter((w) => w.code === 'DIALOGFLOW_CX_UNSAFE_PATH')).toHaveLength(5);
  });

  it('names are percent-encoded in folder names and read back from the files, never from the names', async () => {
    expect(cxFileName('Käse > Brot: ja')).toBe('K%c3%a4se %3e Brot%3a ja');
    const dataset: Dataset = {
      format: 'synthnlu-dataset/1',
      language: 'en',
      intents: [{name: 'Käse > Brot'}],
      entities: [],
      utterances: [{text: 'cheese bread', intent: 'Käse > Brot'}],
    };
    const files = await exportCx(dataset);
    expect(files.map((f) => f.path)).toContain('intents/K%c3%a4se %3e Brot/K%c3%a4se %3e Brot.json');
    const back = await importCx(Object.fromEntries(files.map((f) => [f.path, text(f)])));
    expect(back.intents.map((i) => i.name)).toEqual(['Käse > Brot']);
  });

  it('a new dataset gets a start flow that routes every intent, and escapes <, > and & as the console does', async () => {
    const dataset: Dataset = {
      format: 'synthnlu-dataset/1',
      language: 'en',
      intents: [{name: 'greet'}, {name: 'compare'}],
      entities: [],
      utterances: [
        {text: 'hi', intent: 'greet'},
        {text: 'is 2 < 3 & 4 > 1', intent: 'compare'},
      ],
    };
    const files = await exportCx(dataset);
    const flow = JSON.parse(
      text(files.find((f) => f.path === 'flows/Default Start Flow/Default Start Flow.json')!),
    );
    expect(flow.transitionRoutes.map((r: {intent: string}) => r.intent)).toEqual(['greet', 'compare']);
    const compare = text(files.find((f) => f.path === 'intents/compare/trainingPhrases/en.json')!);
    expect(compare).toContain('"is 2 \\u003c 3 \\u0026 4 \\u003e 1"');
  });
});

describe('dialogflow-cx: Dialogflow ES <-> CX', () => {
  it('`synthnlu convert agent-es.zip --to dialogflow-cx --out cx/` writes a CX package folder', () => {
    const out = join(tempDir('synthnlu-cli-cx-'), 'cx') + '/';
    const run = runCli([
      'convert',
      join(SHARED, 'fixtures', 'dialogflow', 'icecream.zip'),
      '--to',
      'dialogflow-cx',
      '--out',
      out,
    ]);
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Converted dialogflow -> dialogflow-cx/);
    expect(existsSync(join(out, 'agent.json'))).toBe(true);
    expect(existsSync(join(out, 'intents', 'order.icecream', 'trainingPhrases', 'en.json'))).toBe(true);
    expect(existsSync(join(out, 'flows', 'Default Start Flow', 'Default Start Flow.json'))).toBe(true);
  });

  for (const agent of [
    'icecream.zip',
    'dadjokes-nested-root.zip',
    'dialogflow-iosched-nodejs',
    'fulfillment-bike-shop-nodejs',
  ]) {
    it(`${agent}: ES -> CX -> ES keeps intents, utterances, spans and list entities`, async () => {
      const es = await importFromPath(join(SHARED, 'fixtures', 'dialogflow', agent));
      const cxOut = join(tempDir('synthnlu-es-cx-'), 'cx');
      await exportToPath(es.dataset, 'dialogflow-cx', cxOut);
      const cx = await importFromPath(cxOut);
      expect(cx.format).toBe('dialogflow-cx');
      const supports = registry.format('dialogflow-cx').connector.limits.supports;
      expect(project(cx.dataset, supports)).toEqual(project(es.dataset, supports));
      const esOut = join(tempDir('synthnlu-cx-es-'), 'agent.zip');
      await exportToPath(cx.dataset, 'dialogflow', esOut);
      const esAgain = await importFromPath(esOut);
      expect(project(esAgain.dataset, supports)).toEqual(project(es.dataset, supports));
      expect(readFileSync(join(cxOut, 'agent.json'), 'utf8')).toContain('"defaultLanguageCode"');
    });
  }
});
