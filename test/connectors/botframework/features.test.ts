import {describe, expect, it} from 'vitest';
import {cluFormat, luFormat, luisFormat} from '../../../connectors/botframework/formats.js';
import type {CluProject} from '../../../connectors/botframework/clu/types.js';
import type {LuisApp} from '../../../connectors/botframework/luis/types.js';
import {
  canonicalToCluPrebuilt,
  canonicalToLuisPrebuilt,
  cluPrebuiltToCanonical,
  luisPrebuiltToCanonical,
} from '../../../connectors/botframework/prebuilt-names.js';
import type {Dataset} from '../../../src/model/dataset.js';
import {memorySource} from '../../helpers/memory-source.js';
import {sampleDataset} from '../sample-dataset.js';
import {exportWith, importFiles, spansOf} from './helpers.js';

function withRoles(): Dataset {
  return {
    format: 'synthnlu-dataset/1',
    name: 'roles',
    language: 'en-US',
    intents: [{name: 'book'}],
    entities: [{name: 'city', kind: 'ml', roles: ['from', 'to']}],
    utterances: [
      {
        text: 'from Paris to Rome',
        intent: 'book',
        entities: [
          {entity: 'city', start: 5, end: 10, role: 'from'},
          {entity: 'city', start: 14, end: 18, role: 'to'},
        ],
      },
      {
        text: 'Rome from Oslo',
        intent: 'book',
        entities: [
          {entity: 'city', start: 0, end: 4, role: 'to', children: [{entity: 'city', start: 0, end: 2}]},
          {entity: 'city', start: 10, end: 14, role: 'from'},
        ],
      },
    ],
    patterns: [{intent: 'book', pattern: 'from {city:from} to {city:to}'}],
    phraseLists: [{name: 'travel', phrases: ['fly', 'travel'], interchangeable: true}],
  };
}

describe('Bot Framework features', () => {
  for (const format of [luisFormat, luFormat]) {
    it(`${format.id} keeps roles, patterns and phrase lists`, async () => {
      const original = withRoles();
      original.utterances[1]!.entities![0] = {entity: 'city', start: 0, end: 4, role: 'to'};
      const back = await importFiles(format, (await exportWith(format, original)).files);
      expect(spansOf(back)).toEqual(spansOf(original));
      expect(back.entities.find((e) => e.name === 'city')!.roles).toEqual(['from', 'to']);
      expect(back.patterns).toEqual(original.patterns);
      expect(back.phraseLists!.map((p) => [p.name, p.phrases, p.interchangeable])).toEqual([
        ['travel', ['fly', 'travel'], true],
      ]);
    });
  }

  it('CLU warns once that roles and nested labels are flattened, and keeps the child as its own label', async () => {
    const {files, warnings} = await exportWith(cluFormat, withRoles());
    expect(warnings.map((w) => w.message)).toEqual([
      'CLU has no entity roles; labels are exported without their role',
      'CLU has no nested entities; child labels are exported as labels of their own',
    ]);
    const project = files[0]!.json as CluProject;
    expect(project.assets.utterances[1]!.entities).toEqual([
      {category: 'city', offset: 0, length: 4},
      {category: 'city', offset: 0, length: 2},
      {category: 'city', offset: 10, length: 4},
    ]);
  });

  it('LUIS warns once when normalised values of free-form spans cannot be carried', async () => {
    const dataset = sampleDataset();
    dataset.utterances[7]!.entities![0]!.value = 'Zoë';
    dataset.utterances.push({
      text: 'I am Bob',
      intent: 'greet',
      entities: [{entity: 'person', start: 5, end: 8, value: 'Robert'}],
    });
    const {warnings} = await exportWith(luisFormat, dataset);
    expect(warnings.filter((w) => /carry no value/.test(w.message))).toHaveLength(1);
  });

  it('LUIS export adds the required None intent and keeps the app culture', async () => {
    const {files} = await exportWith(luisFormat, withRoles());
    const app = files[0]!.json as LuisApp;
    expect(app.intents.map((i) => i.name)).toEqual(['book', 'None']);
    expect(app.culture).toBe('en-us');
  });

  it('maps every canonical prebuilt type to LUIS and CLU and back', () => {
    const exact = [
      'number',
      'ordinal',
      'datetime',
      'email',
      'url',
      'phone',
      'money',
      'percentage',
      'temperature',
      'age',
      'dimension',
      'person',
    ];
    for (const type of exact) {
      expect(luisPrebuiltToCanonical(canonicalToLuisPrebuilt(type)!)).toBe(type);
      expect(cluPrebuiltToCanonical(canonicalToCluPrebuilt(type)!)).toBe(type);
    }
    expect(canonicalToLuisPrebuilt('geography')).toBe('geographyV2');
    expect(canonicalToLuisPrebuilt('date')).toBe('datetimeV2');
    expect(canonicalToCluPrebuilt('location')).toBe('Geography.Location');
    expect(canonicalToLuisPrebuilt('any')).toBeUndefined();
    // Unknown platform names still become valid canonical names.
    expect(cluPrebuiltToCanonical('Media.Artist')).toBe('media.artist');
    expect(cluPrebuiltToCanonical('Phone Number')).toBe('phone');
  });

  it('detects each format from its own output and not from the others', async () => {
    const dataset = sampleDataset();
    const outputs = await Promise.all(
      [luisFormat, luFormat, cluFormat].map(async (f) => (await exportWith(f, dataset)).files[0]!),
    );
    const scores = await Promise.all(
      outputs.map(async (file) => {
        const source = memorySource({[file.path]: file.content}, {kind: 'file'});
        return Promise.all([luisFormat, luFormat, cluFormat].map((f) => f.detect(source)));
      }),
    );
    expect(scores).toEqual([
      [0.95, 0, 0],
      [0, 0.95, 0],
      [0, 0, 0.95],
    ]);
  });
});

describe('prebuilt entities named like the LUIS prebuilt', () => {
  const dataset = (): Dataset => ({
    format: 'synthnlu-dataset/1',
    language: 'en',
    intents: [{name: 'contact'}],
    entities: [{name: 'email', kind: 'prebuilt', prebuilt: 'email'}],
    utterances: [
      {text: 'mail me at a@b.co', intent: 'contact', entities: [{entity: 'email', start: 11, end: 17}]},
    ],
  });

  it('keeps the labels as an ML entity, with a warning, because LUIS cannot label a prebuilt', async () => {
    const {files, warnings} = await exportWith(luisFormat, dataset());
    const app = files[0]!.json as LuisApp;
    expect(app.prebuiltEntities).toEqual([]);
    expect(app.entities).toEqual([{name: 'email', roles: []}]);
    expect(warnings.map((w) => w.code)).toEqual(['EXPORT_PREBUILT_LABELLED']);
  });

  it('writes .lu that bf-lu accepts', async () => {
    const {files} = await exportWith(luFormat, dataset());
    const bflu = (await import('@microsoft/bf-lu')).default as unknown as {
      V2: {LuisBuilder: {fromLUAsync(t: string): Promise<object>}};
    };
    const app = JSON.parse(
      JSON.stringify(await bflu.V2.LuisBuilder.fromLUAsync(String(files[0]!.content))),
    ) as LuisApp;
    expect(app.utterances[0]!.entities).toEqual([{entity: 'email', startPos: 11, endPos: 16}]);
  });

  it('an unlabelled one stays a LUIS prebuilt', async () => {
    const unlabelled = dataset();
    delete unlabelled.utterances[0]!.entities;
    const app = (await exportWith(luisFormat, unlabelled)).files[0]!.json as LuisApp;
    expect(app.prebuiltEntities).toEqual([{name: 'email', roles: []}]);
    expect(app.entities).toEqual([]);
  });
});

describe('labels of entities the dataset never declares', () => {
  const headerless = (): Dataset => ({
    format: 'synthnlu-dataset/1',
    language: 'en',
    intents: [],
    entities: [],
    utterances: [{text: 'ship to Oslo', intent: 'ship', entities: [{entity: 'place', start: 8, end: 12}]}],
  });

  it('declares them as free-form entities in LUIS and CLU, so the platform accepts the labels', async () => {
    const luis = (await exportWith(luisFormat, headerless())).files[0]!.json as LuisApp;
    expect(luis.entities).toEqual([{name: 'place', roles: []}]);
    const clu = (await exportWith(cluFormat, headerless())).files[0]!.json as CluProject;
    expect(clu.assets.entities).toEqual([{category: 'place', compositionSetting: 'combineComponents'}]);
    expect(clu.assets.intents).toEqual([{category: 'ship'}]);
  });
});
