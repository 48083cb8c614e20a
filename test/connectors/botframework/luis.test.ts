import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {luisFormat} from '../../../connectors/botframework/formats.js';
import type {LuisApp} from '../../../connectors/botframework/luis/types.js';
import {SynthnluError} from '../../../src/errors.js';
import {validateAgainstSchema} from '../../../src/schema/validate.js';
import {SHARED} from '../../helpers/cli.js';
import {sampleDataset} from '../sample-dataset.js';
import {exportWith, importFiles, importPath, importText, spansOf} from './helpers.js';

const FIXTURES = join(SHARED, 'fixtures/luis');

describe('LUIS app JSON', () => {
  it('writes schema 7.0.0 with inclusive endPos and the None intent', async () => {
    const {files, warnings} = await exportWith(luisFormat, sampleDataset());
    const app = files[0]!.json as LuisApp;
    expect(files[0]!.schema).toBe('luis-app.schema.json');
    expect(validateAgainstSchema('luis-app.schema.json', app)).toEqual([]);
    expect(app.luis_schema_version).toBe('7.0.0');
    expect(app.intents.map((i) => i.name)).toEqual(['book_flight', 'check_order', 'greet', 'None']);
    const emoji = app.utterances.find((u) => u.text.startsWith('😀'))!;
    // "654321" starts at UTF-16 index 13 (the emoji is two code units) and its last character is at 18.
    expect(emoji.entities).toEqual([{entity: 'order_id', startPos: 13, endPos: 18}]);
    expect(emoji.text.slice(13, 19)).toBe('654321');
    // Labelled list/regex/prebuilt entities become ML entities typed by a required feature.
    expect(app.entities).toContainEqual({
      name: 'city',
      roles: [],
      features: [{modelName: 'cityList', isRequired: true}],
    });
    expect(app.closedLists).toContainEqual(expect.objectContaining({name: 'cityList'}));
    expect(app.entities).toContainEqual({
      name: 'count',
      roles: [],
      features: [{modelName: 'number', isRequired: true}],
    });
    expect(app.prebuiltEntities).toEqual([{name: 'number', roles: []}]);
    // Tags and the split are the core's warnings (connector limits); LUIS itself has nothing more to say here.
    expect(warnings).toEqual([]);
  });

  it('round-trips the sample: kinds, list values and every span', async () => {
    const original = sampleDataset();
    const back = await importFiles(luisFormat, (await exportWith(luisFormat, original)).files);
    expect(spansOf(back)).toEqual(spansOf(original));
    expect(back.entities.map((e) => `${e.name}:${e.kind}`).sort()).toEqual([
      'city:list',
      'count:prebuilt',
      'order_id:regex',
      'person:ml',
    ]);
    expect(back.entities.find((e) => e.name === 'city')!.values).toEqual(
      original.entities[0]!.values!.map((v) => ({value: v.value, synonyms: v.synonyms ?? []})),
    );
  });

  it('exports only the requested split', async () => {
    const {files} = await exportWith(luisFormat, sampleDataset(), 'test');
    expect((files[0]!.json as LuisApp).utterances.map((u) => u.text)).toEqual([
      'book 2 seats to the big apple',
      'has my order shipped?',
      'good morning',
    ]);
  });

  for (const name of ['Calendar.json', 'all-entity-types.json']) {
    it(`reads the real 3.2.0 app ${name} and writes it back losslessly`, async () => {
      const path = join(FIXTURES, name);
      const first = await importPath(luisFormat, path);
      const {files} = await exportWith(luisFormat, first);
      expect(validateAgainstSchema('luis-app.schema.json', files[0]!.json)).toEqual([]);
      const second = await importFiles(luisFormat, files);
      expect(spansOf(second)).toEqual(spansOf(first));
      expect(second.entities).toEqual(first.entities);
      expect(second.patterns).toEqual(first.patterns);
      expect(second.phraseLists?.map((p) => [p.name, p.phrases, p.interchangeable])).toEqual(
        first.phraseLists?.map((p) => [p.name, p.phrases, p.interchangeable]),
      );
      // Export -> import -> export is a fixed point: nothing drifts on the next round.
      expect((await exportWith(luisFormat, second)).files[0]!.content).toBe(files[0]!.content);
    });
  }

  it('maps Calendar.json faithfully (labels, prebuilts, patterns)', async () => {
    const dataset = await importPath(luisFormat, join(FIXTURES, 'Calendar.json'));
    expect(dataset.intents).toHaveLength(35);
    expect(dataset.utterances).toHaveLength(1724);
    expect(dataset.patterns).toHaveLength(17);
    const first = dataset.utterances[0]!;
    expect(first.entities!.map((s) => first.text.slice(s.start, s.end))).toEqual([
      'christmas party',
      'next week',
    ]);
    expect(dataset.entities.find((e) => e.name === 'datetimeV2')).toMatchObject({
      kind: 'prebuilt',
      prebuilt: 'datetime',
    });
    expect(dataset.entities.find((e) => e.name === 'personName')).toMatchObject({
      kind: 'prebuilt',
      prebuilt: 'person',
    });
  });

  it('maps all-entity-types.json: lists, phrase lists and every prebuilt name', async () => {
    const dataset = await importPath(luisFormat, join(FIXTURES, 'all-entity-types.json'));
    const prebuilt = Object.fromEntries(
      dataset.entities.filter((e) => e.kind === 'prebuilt').map((e) => [e.name, e.prebuilt]),
    );
    expect(prebuilt).toEqual({
      datetimeV2: 'datetime',
      age: 'age',
      dimension: 'dimension',
      email: 'email',
      money: 'money',
      number: 'number',
      ordinal: 'ordinal',
      percentage: 'percentage',
      phonenumber: 'phone',
      temperature: 'temperature',
      url: 'url',
    });
    expect(dataset.phraseLists).toEqual([
      expect.objectContaining({
        name: 'ChocolateType',
        interchangeable: false,
        phrases: expect.arrayContaining(['kit kat', 'twix']),
      }),
      expect.objectContaining({name: 'question', interchangeable: true, phrases: ['are you', 'you are']}),
    ]);
  });

  it('refuses a label outside its utterance, naming the JSON path', async () => {
    const app = {
      luis_schema_version: '3.2.0',
      intents: [{name: 'a'}],
      utterances: [{text: 'hi', intent: 'a', entities: [{entity: 'x', startPos: 0, endPos: 2}]}],
    };
    const error = await importText(luisFormat, 'app.json', JSON.stringify(app)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SynthnluError);
    expect((error as SynthnluError).code).toBe('LUIS_BAD_OFFSET');
    expect((error as SynthnluError).location).toEqual({file: 'app.json', path: 'utterances[0].entities[0]'});
  });

  it('refuses a file that is not a LUIS app, with the schema problem', async () => {
    const error = await importText(
      luisFormat,
      'app.json',
      JSON.stringify({intents: [{}], utterances: []}),
    ).catch((e: unknown) => e);
    expect((error as SynthnluError).code).toBe('LUIS_INVALID');
    expect((error as SynthnluError).exitCode).toBe(2);
    expect((error as SynthnluError).message).toMatch(/app\.json/);
  });
});
