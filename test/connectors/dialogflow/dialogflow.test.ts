import {join} from 'node:path';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {dialogflowAgentFormat} from '../../../connectors/dialogflow/es/format.js';
import {safeFileStem, uniqueFileStems} from '../../../connectors/dialogflow/es/file-names.js';
import {rasaNluFormat} from '../../../connectors/rasa/format.js';
import type {ConnectorFormat, OutputFile} from '../../../src/connector.js';
import {createConnectorContext} from '../../../src/convert/context.js';
import {openImportSource} from '../../../src/convert/source.js';
import {validateOutputFiles} from '../../../src/convert/write-output.js';
import {registry} from '../../../src/registry.js';
import {SynthnluError} from '../../../src/errors.js';
import type {Dataset, EntitySpan} from '../../../src/model/dataset.js';
import {validateAgainstSchema} from '../../../src/schema/validate.js';
import {SHARED} from '../../helpers/cli.js';
import {memorySource} from '../../helpers/memory-source.js';
import {project} from '../../../src/conformance/projection.js';

const FIXTURES = join(SHARED, 'fixtures', 'dialogflow');

async function exportFiles(format: ConnectorFormat, dataset: Dataset, context = createConnectorContext()) {
  return (await format.exportDataset(dataset, context, {})).files;
}

function folderOf(files: OutputFile[]) {
  return memorySource(Object.fromEntries(files.map((f) => [f.path, f.content])), {
    kind: 'folder',
    path: 'agent',
  });
}

async function importFixture(name: string): Promise<Dataset> {
  return (
    await dialogflowAgentFormat.importDataset(
      await openImportSource(join(FIXTURES, name)),
      createConnectorContext(),
    )
  ).dataset;
}

async function dfRoundTrip(dataset: Dataset): Promise<{dataset: Dataset; files: OutputFile[]}> {
  const files = await exportFiles(dialogflowAgentFormat, dataset);
  expect(validateOutputFiles(files, registry.schemas)).toEqual([]);
  const back = (await dialogflowAgentFormat.importDataset(folderOf(files), createConnectorContext())).dataset;
  expect(validateAgainstSchema('dataset.schema.json', back)).toEqual([]);
  return {dataset: back, files};
}

describe('dialogflow: real agent exports', () => {
  it('icecream.zip (macOS junk, agent.json of {}): phrases split into parts become spans at the right offsets', async () => {
    const dataset = await importFixture('icecream.zip');
    expect(dataset.language).toBe('en');
    const give = dataset.utterances.find((u) => u.text === 'Give me a large chocolate')!;
    expect(give.intent).toBe('order.icecream');
    expect(give.entities).toEqual([
      {entity: 'icecream-size', start: 10, end: 15},
      {entity: 'icecream-flavor', start: 16, end: 25},
    ]);
    const size = dataset.entities.find((e) => e.name === 'icecream-size')!;
    expect(size.kind).toBe('list');
    expect(size.values).toContainEqual({value: 'medium', synonyms: ['2 scoops']});
    expect(dataset.metadata?.dialogflow).toEqual({agent: {}});
  });

  it('dadjokes-nested-root.zip: the agent inside a top-level folder is found', async () => {
    const dataset = await importFixture('dadjokes-nested-root.zip');
    expect(dataset.intents.map((i) => i.name)).toEqual(['dadjokes']);
    expect(dataset.utterances.length).toBeGreaterThan(0);
  });

  it('an agent in a sub-folder of an in-memory source is found as well', async () => {
    const files = await exportFiles(dialogflowAgentFormat, tinyDataset());
    const nested = memorySource(Object.fromEntries(files.map((f) => [`my-agent/${f.path}`, f.content])), {
      kind: 'folder',
    });
    expect(await dialogflowAgentFormat.detect(nested)).toBeGreaterThan(0.9);
    const back = (await dialogflowAgentFormat.importDataset(nested, createConnectorContext())).dataset;
    expect(project(back)).toEqual(project(tinyDataset()));
  });

  it('bike shop: @sys.ignore parts, system entities, responses and contexts survive a Dialogflow round trip', async () => {
    const original = await importFixture('fulfillment-bike-shop-nodejs');
    const make = original.utterances.find((u) => u.text.includes('road bike'))!;
    // "road bike" is marked @sys.ignore: not an annotation, but kept for Dialogflow.
    expect(make.entities?.some((e) => make.text.slice(e.start, e.end) === 'road bike') ?? false).toBe(false);
    expect(JSON.stringify(make.metadata)).toContain('ignored');
    expect(original.entities.find((e) => e.name === 'date')).toMatchObject({
      kind: 'prebuilt',
      prebuilt: 'date',
    });
    const {dataset: back, files} = await dfRoundTrip(original);
    expect(back.utterances.map((u) => [u.text, u.entities, u.metadata])).toEqual(
      original.utterances.map((u) => [u.text, u.entities, u.metadata]),
    );
    expect(back.intents).toEqual(original.intents);
    expect(back.metadata).toEqual(original.metadata);
    const says = files.find((f) => f.path === 'intents/Make Appointment_usersays_en.json')!;
    expect(JSON.stringify(says.json)).toContain('"meta":"@sys.ignore"');
  });

  it('iosched: every intent and phrase of a 49-intent agent comes back, including intents without phrases', async () => {
    const original = await importFixture('dialogflow-iosched-nodejs');
    expect(original.intents.length).toBe(49);
    expect(original.intents.map((i) => i.name)).toContain('fallback');
    const {dataset: back} = await dfRoundTrip(original);
    expect(back.intents.map((i) => i.name)).toEqual(original.intents.map((i) => i.name));
    expect(project(back, {roles: true} as never)).toEqual(project(original, {roles: true} as never));
    const room = back.entities.find((e) => e.name === 'room')!;
    expect(room).toEqual(original.entities.find((e) => e.name === 'room'));
  });
});

function tinyDataset(): Dataset {
  return {
    format: 'synthnlu-dataset/1',
    language: 'en',
    intents: [{name: 'travel/book:flight', responses: ['Where to?']}, {name: 'travel_book_flight'}],
    entities: [
      {name: 'city', kind: 'list', values: [{value: 'Paris', synonyms: ['paname']}]},
      {name: 'zip', kind: 'regex', patterns: ['[0-9]{5}']},
      {name: 'when', kind: 'prebuilt', prebuilt: 'datetime'},
      {name: 'dish', kind: 'ml'},
    ],
    utterances: [
      {
        text: 'fly from paname to Paris tomorrow',
        intent: 'travel/book:flight',
        entities: [
          {entity: 'city', start: 9, end: 15, role: 'from'},
          {entity: 'city', start: 19, end: 24, role: 'to'},
          {entity: 'when', start: 25, end: 33},
        ],
      },
      {text: 'ship to 75001', intent: 'travel_book_flight', entities: [{entity: 'zip', start: 8, end: 13}]},
      {
        text: 'I had ramen',
        intent: 'travel_book_flight',
        entities: [{entity: 'dish', start: 6, end: 11, value: 'noodles'}],
      },
    ],
  };
}

describe('dialogflow: names, kinds and roles', () => {
  it('escapes characters file systems refuse, keeps the real names inside the files, and avoids collisions', async () => {
    expect(safeFileStem('a/b:c?')).toBe('a_b_c_');
    expect([...uniqueFileStems(['a/b', 'a_b', 'A_B']).values()]).toEqual(['a_b', 'a_b_2', 'A_B_3']);
    const files = await exportFiles(dialogflowAgentFormat, tinyDataset());
    expect(files.map((f) => f.path)).toContain('intents/travel_book_flight.json');
    expect(files.map((f) => f.path)).toContain('intents/travel_book_flight_2.json');
    const {dataset: back} = await dfRoundTrip(tinyDataset());
    expect(back.intents.map((i) => i.name).sort()).toEqual([
      'Default Fallback Intent',
      'Default Welcome Intent',
      'travel/book:flight',
      'travel_book_flight',
    ]);
    expect(back.intents.find((i) => i.name === 'travel/book:flight')?.responses).toEqual(['Where to?']);
  });

  it('maps entity kinds: list ↔ map entity, regex ↔ isRegexp, prebuilt ↔ @sys.*, free-form ↔ automated expansion', async () => {
    const files = await exportFiles(dialogflowAgentFormat, tinyDataset());
    const byPath = new Map(files.map((f) => [f.path, f.json as Record<string, unknown>]));
    expect(byPath.get('entities/zip.json')).toMatchObject({isRegexp: true});
    expect(byPath.get('entities/dish.json')).toMatchObject({automatedExpansion: true});
    expect(byPath.get('entities/dish_entries_en.json')).toEqual([
      {value: 'noodles', synonyms: ['noodles', 'ramen']},
    ]);
    expect(byPath.has('entities/when.json')).toBe(false);
    const says = JSON.stringify(
      byPath.get('intents/travel_book_flight_usersays_en.json') ??
        byPath.get('intents/travel_book_flight_2_usersays_en.json'),
    );
    expect(says).toBeDefined();
    const first = files.find((f) => f.path === 'intents/travel_book_flight_usersays_en.json')!;
    expect(JSON.stringify(first.json)).toContain('"alias":"from","meta":"@city"');
    expect(JSON.stringify(first.json)).toContain('"alias":"when","meta":"@sys.date-time"');
    const {dataset: back} = await dfRoundTrip(tinyDataset());
    expect(back.entities.map((e) => [e.name, e.kind]).sort()).toEqual([
      ['city', 'list'],
      ['dish', 'ml'],
      ['when', 'prebuilt'],
      ['zip', 'regex'],
    ]);
    // Roles travel as parameter aliases; a free-form entity's value comes back from its entries.
    expect(back.utterances.find((u) => u.text.startsWith('fly'))!.entities).toEqual(
      tinyDataset().utterances[0]!.entities,
    );
    expect(back.utterances.find((u) => u.text === 'I had ramen')!.entities).toEqual([
      {entity: 'dish', start: 6, end: 11, value: 'noodles'},
    ]);
  });

  it('warns once when an annotation value cannot be carried', async () => {
    const dataset = tinyDataset();
    dataset.utterances.push(
      {text: 'to Lyon', intent: 'greet', entities: [{entity: 'city', start: 3, end: 7, value: 'Lyon city'}]},
      {text: 'to Nice', intent: 'greet', entities: [{entity: 'city', start: 3, end: 7, value: 'Nice city'}]},
    );
    const context = createConnectorContext();
    await exportFiles(dialogflowAgentFormat, dataset, context);
    expect(context.warnings.filter((w) => w.code === 'DIALOGFLOW_SPAN_VALUE_DROPPED')).toHaveLength(1);
  });

  it('refuses a training phrase file that does not match the schema, naming the file and the JSON path', async () => {
    const files = await exportFiles(dialogflowAgentFormat, tinyDataset());
    const map = Object.fromEntries(files.map((f) => [f.path, f.content]));
    map['intents/travel_book_flight_usersays_en.json'] = JSON.stringify([{id: 'x', data: [{alias: 'city'}]}]);
    const error = await dialogflowAgentFormat
      .importDataset(memorySource(map, {kind: 'folder'}), createConnectorContext())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SynthnluError);
    expect((error as SynthnluError).exitCode).toBe(2);
    expect((error as SynthnluError).location.file).toBe('intents/travel_book_flight_usersays_en.json');
    expect((error as SynthnluError).diagnostics[0]!.path).toMatch(/\[0\]\.data\[0\]/);
  });

  it('refuses broken JSON with its line', async () => {
    const files = await exportFiles(dialogflowAgentFormat, tinyDataset());
    const map = Object.fromEntries(files.map((f) => [f.path, f.content]));
    map['entities/city.json'] = '{\n  "name": "city",\n  oops\n}';
    const error = (await dialogflowAgentFormat
      .importDataset(memorySource(map, {kind: 'folder'}), createConnectorContext())
      .catch((e: unknown) => e)) as SynthnluError;
    expect(error.code).toBe('DIALOGFLOW_BAD_JSON');
    expect(error.location).toMatchObject({file: 'entities/city.json', line: 3});
  });
});

/** Text with the characters offsets go wrong on: emoji (surrogate pairs), ZWJ sequences, combining marks. */
const piece = fc.constantFrom(
  'a',
  'b',
  ' ',
  'é',
  'e\u0301',
  '😀',
  '👩‍👩‍👧',
  '✈️',
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  '"',
  ':',
  '\\',
  '中',
);
const word = fc.array(piece, {minLength: 1, maxLength: 4}).map((p) => p.join(''));

/** Random text with non-overlapping spans at any position, including the very start and end. */
export const annotatedText = fc
  .array(fc.tuple(word, fc.boolean()), {minLength: 1, maxLength: 6})
  .map((chunks) => {
    let text = '';
    const spans: EntitySpan[] = [];
    for (const [i, [chunk, annotate]] of chunks.entries()) {
      if (i > 0 && (annotate || spans.length > 0)) text += ' ';
      const start = text.length;
      text += chunk;
      if (annotate) spans.push({entity: i % 2 === 0 ? 'thing' : 'other', start, end: text.length});
    }
    return {text, spans};
  })
  .filter(({text}) => text.trim() === text && text.length > 0);

describe('dialogflow: offsets (property)', () => {
  it('export → import keeps every text and span exactly, for emoji, combining marks and spans at both ends', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(annotatedText, {minLength: 1, maxLength: 5}), async (items) => {
        const dataset: Dataset = {
          format: 'synthnlu-dataset/1',
          language: 'en',
          intents: [{name: 'test'}],
          entities: [
            {name: 'thing', kind: 'ml'},
            {name: 'other', kind: 'ml'},
          ],
          utterances: items.map(({text, spans}) => ({text, intent: 'test', entities: spans})),
        };
        const files = await exportFiles(dialogflowAgentFormat, dataset);
        const back = (await dialogflowAgentFormat.importDataset(folderOf(files), createConnectorContext()))
          .dataset;
        expect(back.utterances.map((u) => [u.text, u.entities ?? []])).toEqual(
          items.map((i) => [i.text, i.spans]),
        );
      }),
      {numRuns: 150},
    );
  });
});

/** Rasa trims examples (and synthnlu warns): compare with leading/trailing spaces removed and spans moved. */
function trimmed(dataset: Dataset): Dataset {
  return {
    ...dataset,
    utterances: dataset.utterances.map((u) => {
      const lead = u.text.length - u.text.trimStart().length;
      return {
        ...u,
        text: u.text.trim(),
        ...(u.entities
          ? {entities: u.entities.map((e) => ({...e, start: e.start - lead, end: e.end - lead}))}
          : {}),
      };
    }),
  };
}

describe('dialogflow ↔ rasa', () => {
  async function convert(dataset: Dataset, to: ConnectorFormat): Promise<Dataset> {
    const files = await exportFiles(to, dataset);
    const source =
      to.layout === 'archive'
        ? folderOf(files)
        : memorySource({[files[0]!.path]: files[0]!.content}, {kind: 'file'});
    return (await to.importDataset(source, createConnectorContext())).dataset;
  }

  for (const fixture of ['icecream.zip', 'fulfillment-bike-shop-nodejs', 'dialogflow-iosched-nodejs']) {
    it(`${fixture} → rasa → dialogflow keeps every intent, training phrase and annotation`, async () => {
      const agent = await importFixture(fixture);
      const rasa = await convert(agent, rasaNluFormat);
      const back = await convert(rasa, dialogflowAgentFormat);
      const supports = {roles: true} as never;
      const expected = project(trimmed(agent), supports);
      expect(project(rasa, supports).utterances).toEqual(expected.utterances);
      expect(project(back, supports).utterances).toEqual(expected.utterances);
      expect(project(back).intents).toEqual(expected.intents);
    });
  }

  it('helpdesk rasa data → dialogflow → rasa keeps annotations with values', async () => {
    const source = await openImportSource(join(SHARED, 'fixtures', 'rasa', 'helpdesk-assistant-nlu.yml'));
    const rasa = (await rasaNluFormat.importDataset(source, createConnectorContext())).dataset;
    const agent = await convert(rasa, dialogflowAgentFormat);
    const back = await convert(agent, rasaNluFormat);
    const supports = {roles: true} as never;
    expect(project(agent, supports).utterances).toEqual(project(rasa, supports).utterances);
    expect(project(back, supports).utterances).toEqual(project(rasa, supports).utterances);
    expect(agent.utterances.some((u) => u.entities?.some((e) => e.value === 'high'))).toBe(true);
  });
});

describe('dialogflow: what the model does not hold is kept for Dialogflow', () => {
  const agent = {
    'agent.json': JSON.stringify({
      language: 'en',
      supportedLanguages: ['de'],
      defaultTimezone: 'Europe/Berlin',
    }),
    'package.json': JSON.stringify({version: '1.0.0'}),
    'intents/order.json': JSON.stringify({
      name: 'order',
      contexts: ['shop'],
      events: [{name: 'ORDER'}],
      webhookUsed: true,
      responses: [
        {
          parameters: [],
          messages: [
            {type: 0, lang: 'en', speech: ['On it']},
            {type: 4, payload: {x: 1}},
          ],
        },
      ],
    }),
    'intents/order_usersays_en.json': JSON.stringify([
      {
        data: [
          {text: 'two '},
          {text: 'kg', meta: '@unit', alias: 'unit'},
          {text: ' of '},
          {text: 'rice', meta: '@product', alias: 'product'},
        ],
      },
      {data: [{text: '@sys.number:count @unit:unit', meta: '@sys.ignore'}], isTemplate: true},
    ]),
    'intents/order_usersays_de.json': JSON.stringify([{data: [{text: 'zwei kg Reis'}]}]),
    'entities/unit.json': JSON.stringify({name: 'unit', isRegexp: true}),
    'entities/unit_entries_en.json': JSON.stringify([{value: 'k?g', synonyms: ['k?g']}]),
    'entities/product.json': JSON.stringify({name: 'product', isEnum: true}),
    'entities/product_entries_en.json': JSON.stringify([{value: '@food:food', synonyms: ['@food:food']}]),
    'entities/product_entries_de.json': JSON.stringify([{value: '@essen:essen', synonyms: ['@essen:essen']}]),
  };

  it('reads regex and composite entity types, templates and other languages, and writes them back', async () => {
    const context = createConnectorContext();
    const dataset = (
      await dialogflowAgentFormat.importDataset(memorySource(agent, {kind: 'folder'}), context)
    ).dataset;
    expect(dataset.entities.map((e) => [e.name, e.kind])).toEqual([
      ['product', 'ml'],
      ['unit', 'regex'],
    ]);
    expect(dataset.entities.find((e) => e.name === 'unit')!.patterns).toEqual(['k?g']);
    // Both languages' training phrases, each tagged with its language (agent.json lists de).
    expect(dataset.languages).toEqual(['en', 'de']);
    expect(dataset.utterances.map((u) => [u.language, u.text])).toEqual([
      ['en', 'two kg of rice'],
      ['de', 'zwei kg Reis'],
    ]);
    expect(dataset.intents[0]!.responses).toEqual(['On it']);
    expect(context.warnings.map((w) => w.code)).toContain('DIALOGFLOW_TEMPLATES_KEPT');
    const files = await exportFiles(dialogflowAgentFormat, dataset);
    const byPath = new Map(files.map((f) => [f.path, f.json]));
    expect(byPath.get('intents/order_usersays_de.json')).toMatchObject(
      JSON.parse(agent['intents/order_usersays_de.json']),
    );
    expect(byPath.get('entities/product_entries_de.json')).toEqual(
      JSON.parse(agent['entities/product_entries_de.json']),
    );
    expect(byPath.get('entities/product.json')).toMatchObject({isEnum: true});
    expect(byPath.get('agent.json')).toEqual(JSON.parse(agent['agent.json']));
    const intent = byPath.get('intents/order.json') as Record<string, unknown>;
    expect(intent).toMatchObject({contexts: ['shop'], events: [{name: 'ORDER'}], webhookUsed: true});
    expect(JSON.stringify(intent)).toContain('"payload":{"x":1}');
    expect((byPath.get('intents/order_usersays_en.json') as unknown[]).at(-1)).toMatchObject({
      isTemplate: true,
    });
  });

  it('renames entity types the console refuses, with a warning giving the mapping', async () => {
    const context = createConnectorContext();
    const dataset = tinyDataset();
    dataset.entities.push({name: 'Child Entity', kind: 'ml'});
    dataset.utterances.push({
      text: 'kid stuff',
      intent: 'x',
      entities: [{entity: 'Child Entity', start: 0, end: 3}],
    });
    const files = await exportFiles(dialogflowAgentFormat, dataset, context);
    expect(context.warnings.find((w) => w.code === 'DIALOGFLOW_ENTITY_RENAMED')?.message).toContain(
      '"Child Entity" -> "Child_Entity"',
    );
    expect(files.map((f) => f.path)).toContain('entities/Child_Entity.json');
    expect(JSON.stringify(files.map((f) => f.json))).not.toContain('Child Entity');
  });
});
