import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {cluFormat} from '../../../connectors/botframework/formats.js';
import type {CluProject} from '../../../connectors/botframework/clu/types.js';
import {SynthnluError} from '../../../src/errors.js';
import {validateAgainstSchema} from '../../../src/schema/validate.js';
import {SHARED} from '../../helpers/cli.js';
import {sampleDataset} from '../sample-dataset.js';
import {exportWith, importFiles, importPath, importText, spansOf} from './helpers.js';

const FIXTURES = join(SHARED, 'fixtures/clu');

describe('Azure CLU project JSON', () => {
  it('writes UTF-16 offset/length, the Train/Test split and list/regex/prebuilt components', async () => {
    const {files, warnings} = await exportWith(cluFormat, sampleDataset());
    const project = files[0]!.json as CluProject;
    expect(validateAgainstSchema('clu-project.schema.json', project)).toEqual([]);
    expect(project).toMatchObject({projectFileVersion: '2023-04-01', stringIndexType: 'Utf16CodeUnit'});
    expect(project.metadata).toMatchObject({
      projectKind: 'Conversation',
      projectName: 'conformance-bot',
      language: 'en-us',
    });
    const emoji = project.assets.utterances.find((u) => u.text.startsWith('😀'))!;
    expect(emoji.entities).toEqual([{category: 'order_id', offset: 13, length: 6}]);
    const zoe = project.assets.utterances.find((u) => u.text.startsWith('hi, I am'))!;
    // Zoë written with a combining diaeresis is 4 UTF-16 units, not 3.
    expect(zoe.entities).toEqual([{category: 'person', offset: 9, length: 4}]);
    expect(project.assets.utterances.filter((u) => u.dataset === 'Test').map((u) => u.text)).toEqual([
      'book 2 seats to the big apple',
      'has my order shipped?',
      'good morning',
    ]);
    const city = project.assets.entities.find((e) => e.category === 'city')!;
    expect(city.list!.sublists[0]).toEqual({
      listKey: 'New York',
      synonyms: [{language: 'en-us', values: ['New York', 'NYC', 'big apple']}],
    });
    expect(project.assets.entities.find((e) => e.category === 'count')!.prebuilts).toEqual([
      {category: 'Quantity.Number'},
    ]);
    expect(
      project.assets.entities.find((e) => e.category === 'order_id')!.regex!.expressions[0]!.regexPattern,
    ).toBe('[0-9]{6}');
    expect(warnings).toEqual([]);
  });

  it('round-trips spans, the split and list values', async () => {
    const original = sampleDataset();
    const back = await importFiles(cluFormat, (await exportWith(cluFormat, original)).files);
    expect(spansOf(back)).toEqual(spansOf(original));
    expect(back.utterances.map((u) => u.split)).toEqual(original.utterances.map((u) => u.split));
    expect(back.entities.map((e) => `${e.name}:${e.kind}`)).toEqual([
      'city:list',
      'order_id:regex',
      'count:prebuilt',
      'person:ml',
    ]);
  });

  for (const name of ['CLUScriptDeployed.json', 'EmailProject.json']) {
    it(`reads the real project ${name} and writes it back without drift`, async () => {
      const first = await importPath(cluFormat, join(FIXTURES, name));
      expect(first.utterances.length).toBeGreaterThan(0);
      for (const u of first.utterances)
        for (const s of u.entities ?? []) expect(s.end).toBeLessThanOrEqual(u.text.length);
      const {files} = await exportWith(cluFormat, first);
      expect(validateAgainstSchema('clu-project.schema.json', files[0]!.json)).toEqual([]);
      const second = await importFiles(cluFormat, files);
      expect(spansOf(second)).toEqual(spansOf(first));
      // Only 2023-04-01 fields are written (EmailProject's "returnUnion" is not one): compare what the model holds.
      const modelOf = (d: typeof first) => d.entities.map(({metadata: _metadata, ...rest}) => rest);
      expect(modelOf(second)).toEqual(modelOf(first));
      expect((await exportWith(cluFormat, second)).files[0]!.content).toBe(files[0]!.content);
    });
  }

  it('reads the 2022-03-01-preview EmailProject labels at the right characters', async () => {
    const dataset = await importPath(cluFormat, join(FIXTURES, 'EmailProject.json'));
    const first = dataset.utterances[0]!;
    expect(first.text.slice(first.entities![0]!.start, first.entities![0]!.end)).toBe('Blake');
    expect(dataset.entities.find((e) => e.name === 'Sender')).toMatchObject({
      kind: 'prebuilt',
      prebuilt: 'person',
    });
  });

  it('converts UnicodeCodePoint offsets to UTF-16', async () => {
    const project = {
      projectFileVersion: '2022-05-01',
      stringIndexType: 'UnicodeCodePoint',
      metadata: {projectKind: 'Conversation', projectName: 'p', language: 'en-us'},
      assets: {
        intents: [{category: 'a'}],
        entities: [{category: 'x'}],
        utterances: [
          {text: '😀 go to Paris', intent: 'a', entities: [{category: 'x', offset: 8, length: 5}]},
        ],
      },
    };
    const dataset = await importText(cluFormat, 'p.json', JSON.stringify(project));
    const u = dataset.utterances[0]!;
    expect(u.text.slice(u.entities![0]!.start, u.entities![0]!.end)).toBe('Paris');
  });

  it('refuses the early preview layout (assets.examples, entityName) by name', async () => {
    const old = {
      'api-version': '2021-11-01-preview',
      stringIndexType: 'Utf16CodeUnit',
      metadata: {projectKind: 'conversation', projectName: 'old', language: 'en-us'},
      assets: {
        intents: [{name: 'a'}],
        entities: [{name: 'x'}],
        examples: [{text: 'hi', intent: 'a', entities: [{entityName: 'x', offset: 0, length: 2}]}],
      },
    };
    const error = await importText(cluFormat, 'old.json', JSON.stringify(old)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SynthnluError);
    expect((error as SynthnluError).code).toBe('CLU_UNSUPPORTED_LAYOUT');
    expect((error as SynthnluError).message).toMatch(
      /early CLU preview layout \(api-version 2021-11-01-preview/,
    );
  });

  it('refuses a label past the end of its utterance with the JSON path', async () => {
    const project = {
      projectFileVersion: '2023-04-01',
      stringIndexType: 'Utf16CodeUnit',
      metadata: {projectKind: 'Conversation', projectName: 'p', language: 'en-us'},
      assets: {
        intents: [{category: 'a'}],
        entities: [],
        utterances: [{text: 'hi', intent: 'a', entities: [{category: 'x', offset: 1, length: 5}]}],
      },
    };
    const error = await importText(cluFormat, 'p.json', JSON.stringify(project)).catch((e: unknown) => e);
    expect((error as SynthnluError).code).toBe('CLU_BAD_OFFSET');
    expect((error as SynthnluError).location.path).toBe('assets.utterances[0].entities[0]');
  });
});
