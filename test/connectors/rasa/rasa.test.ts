import {join} from 'node:path';
import fc from 'fast-check';
import {parse} from 'yaml';
import {describe, expect, it} from 'vitest';
import {parseAnnotatedExample} from '../../../connectors/rasa/annotation.js';
import {rasaNluFormat} from '../../../connectors/rasa/format.js';
import {codePointToUtf16} from '../../../connectors/rasa/read.js';
import {createConnectorContext} from '../../../src/convert/context.js';
import {openImportSource} from '../../../src/convert/source.js';
import {validateOutputFiles} from '../../../src/convert/write-output.js';
import {registry} from '../../../src/registry.js';
import {SynthnluError} from '../../../src/errors.js';
import type {Dataset, EntitySpan} from '../../../src/model/dataset.js';
import {validateAgainstSchema} from '../../../src/schema/validate.js';
import {SHARED} from '../../helpers/cli.js';
import {memorySource} from '../../helpers/memory-source.js';

const FIXTURES = join(SHARED, 'fixtures', 'rasa');

async function importText(name: string, text: string, context = createConnectorContext()): Promise<Dataset> {
  return (await rasaNluFormat.importDataset(memorySource({[name]: text}, {kind: 'file'}), context)).dataset;
}

async function importFixture(name: string): Promise<Dataset> {
  return (
    await rasaNluFormat.importDataset(await openImportSource(join(FIXTURES, name)), createConnectorContext())
  ).dataset;
}

async function roundTrip(dataset: Dataset): Promise<Dataset> {
  const {files} = await rasaNluFormat.exportDataset(dataset, createConnectorContext(), {});
  expect(validateOutputFiles(files, registry.schemas)).toEqual([]);
  return importText('nlu.yml', files[0]!.content as string);
}

describe('rasa: real training data', () => {
  it('helpdesk (YAML 2.0): dictionary annotations keep their value', async () => {
    const dataset = await importFixture('helpdesk-assistant-nlu.yml');
    const urgent = dataset.utterances.find((u) => u.text === 'open an urgent issue')!;
    expect(urgent.entities).toEqual([{entity: 'priority', start: 8, end: 14, value: 'high'}]);
  });

  it('demo-rasa.json (legacy JSON): entities, synonyms and regex features', async () => {
    const dataset = await importFixture('demo-rasa.json');
    const north = dataset.utterances.find((u) => u.text === "i'm looking for a place in the north of town")!;
    expect(north.intent).toBe('restaurant_search');
    expect(north.entities).toEqual([{entity: 'location', start: 31, end: 36}]);
    expect(north.text.slice(31, 36)).toBe('north');
    for (const utterance of dataset.utterances)
      for (const span of utterance.entities ?? []) {
        expect(span.start).toBeLessThan(span.end);
        expect(span.end).toBeLessThanOrEqual(utterance.text.length);
      }
    expect(dataset.entities.find((e) => e.name === 'zipcode')).toEqual({
      name: 'zipcode',
      kind: 'regex',
      patterns: ['[0-9]{5}'],
    });
    expect(JSON.stringify(dataset.metadata)).toContain('vegetarian');
  });

  it('botium (legacy Markdown): intents, synonyms, regex and lookup sections', async () => {
    const md = await importFixture('botium-sample-nlu.md');
    expect(md.intents).toHaveLength(17);
    expect(md.intents[0]!.name).toBe('ask_how_contribute');
    expect(md.utterances.find((u) => u.text === 'Can I assist?')?.intent).toBe('ask_how_contribute');
    expect(md.entities.filter((e) => e.kind === 'regex')).toHaveLength(2);
    const lookups = (md.phraseLists?.length ?? 0) + md.entities.filter((e) => e.kind === 'list').length;
    expect(lookups).toBe(2);
    expect(
      ((md.metadata?.rasa as {synonyms?: unknown[]}).synonyms?.length ?? 0) +
        md.entities
          .filter((e) => e.kind === 'list')
          .flatMap((e) => e.values ?? [])
          .filter((v) => v.synonyms).length,
    ).toBe(25);
  });

  it("keeps a Rasa file's intents, examples, synonyms and lookups through a round trip, and writes it back the same", async () => {
    const original = await importFixture('botium-sample-nlu.yml');
    const back = await roundTrip(original);
    const once = (await rasaNluFormat.exportDataset(original, createConnectorContext(), {})).files[0]!
      .content;
    const twice = (await rasaNluFormat.exportDataset(back, createConnectorContext(), {})).files[0]!.content;
    expect(twice).toBe(once);
    expect(back.utterances).toEqual(original.utterances);
    expect(back.entities).toEqual(original.entities);
    expect(back.phraseLists).toEqual(original.phraseLists);
    expect(back.metadata).toEqual(original.metadata);
  });
});

describe('rasa: syntax', () => {
  it('reads every annotation form, and legacy (entity:value)', () => {
    expect(
      parseAnnotatedExample('[NYC](city:New York) to [Paris]{"entity": "city", "role": "to", "group": "1"}'),
    ).toEqual({
      text: 'NYC to Paris',
      entities: [
        {entity: 'city', start: 0, end: 3, value: 'New York'},
        {entity: 'city', start: 7, end: 12, role: 'to', group: '1'},
      ],
    });
    expect(parseAnnotatedExample('a [b] (c) {d} stays').text).toBe('a [b] (c) {d} stays');
  });

  it('reads list-form examples with metadata, and writes them back in list form', async () => {
    const text =
      'version: "3.1"\nnlu:\n- intent: greet\n  metadata: {sentiment: neutral}\n  examples:\n  - text: |\n      hi [Ann](name)\n    metadata:\n      source: chat\n  - text: hello\n';
    const dataset = await importText('nlu.yml', text);
    expect(dataset.utterances[0]).toMatchObject({
      text: 'hi Ann',
      entities: [{entity: 'name', start: 3, end: 6}],
      metadata: {rasa: {metadata: {source: 'chat'}}},
    });
    expect(dataset.intents[0]!.metadata).toEqual({rasa: {metadata: {sentiment: 'neutral'}}});
    const back = await roundTrip(dataset);
    expect(back.utterances).toEqual(dataset.utterances);
    expect(back.intents).toEqual(dataset.intents);
  });

  it('converts legacy JSON code point offsets to UTF-16 offsets', async () => {
    expect(codePointToUtf16('😀a', 1)).toBe(2);
    const json = JSON.stringify({
      rasa_nlu_data: {
        common_examples: [
          {
            text: '😀 fly to 東京 👩‍👩‍👧 now',
            intent: 'fly',
            entities: [{start: 9, end: 11, value: '東京', entity: 'city'}],
          },
        ],
      },
    });
    const dataset = await importText('data.json', json);
    const u = dataset.utterances[0]!;
    expect(u.text.slice(u.entities![0]!.start, u.entities![0]!.end)).toBe('東京');
    expect(u.entities![0]).toEqual({entity: 'city', start: 10, end: 12});
  });

  it('writes a domain.yml fragment when asked, with roles and groups', async () => {
    const data = await importText(
      'nlu.yml',
      'nlu:\n- intent: fly\n  examples: |\n    - to [Paris]{"entity": "city", "role": "to"}\n',
    );
    const {files} = await rasaNluFormat.exportDataset(data, createConnectorContext(), {
      domain: true,
    } as never);
    expect(files.map((f) => f.path)).toEqual(['nlu.yml', 'domain.yml']);
    expect(validateOutputFiles(files, registry.schemas)).toEqual([]);
    expect(parse(files[1]!.content as string)).toEqual({
      version: '3.1',
      intents: ['fly'],
      entities: [{city: {roles: ['to']}}],
    });
  });

  it('refuses YAML that does not parse, with the line', async () => {
    const error = (await importText(
      'nlu.yml',
      'nlu:\n- intent: greet\n  examples: |\n    - hi\n bad: [\n',
    ).catch((e: unknown) => e)) as SynthnluError;
    expect(error).toBeInstanceOf(SynthnluError);
    expect(error.code).toBe('RASA_BAD_YAML');
    expect(error.exitCode).toBe(2);
    expect(error.location.line).toBeGreaterThanOrEqual(5);
  });

  it('refuses a block the schema does not allow, naming its path and line', async () => {
    const error = (await importText(
      'nlu.yml',
      'version: "3.1"\nnlu:\n- intent: greet\n  examples: |\n    - hi\n- intnet: typo\n  examples: |\n    - x\n',
    ).catch((e: unknown) => e)) as SynthnluError;
    expect(error).toBeInstanceOf(SynthnluError);
    expect(error.exitCode).toBe(2);
    expect(error.diagnostics[0]!.path).toMatch(/nlu\[1\]/);
    expect(error.diagnostics[0]!.line).toBe(6);
  });

  it('refuses a broken annotation with its line', async () => {
    const error = (await importText(
      'nlu.yml',
      'nlu:\n- intent: greet\n  examples: |\n    - hi\n    - I am [Ann]{"entity": }\n',
    ).catch((e: unknown) => e)) as SynthnluError;
    expect(error.code).toBe('RASA_BAD_ANNOTATION');
    expect(error.location.line).toBe(5);
  });

  it('warns once when it has to change text (line breaks, surrounding spaces)', async () => {
    const context = createConnectorContext();
    const dataset: Dataset = {
      format: 'synthnlu-dataset/1',
      language: 'en',
      intents: [],
      entities: [],
      utterances: [
        {text: 'two\nlines', intent: 'a'},
        {text: ' padded [x](y) ', intent: 'a', entities: [{entity: 'e', start: 1, end: 7}]},
      ],
    };
    const {files} = await rasaNluFormat.exportDataset(dataset, context, {});
    const back = await importText('nlu.yml', files[0]!.content as string);
    expect(back.utterances.map((u) => [u.text, u.entities])).toEqual([
      ['two lines', undefined],
      // Rasa has no escape: the text's own "[x](y)" would read as markup, so its brackets are rewritten.
      ['padded (x)(y)', [{entity: 'e', start: 0, end: 6}]],
    ]);
    expect(context.warnings.map((w) => w.code).sort()).toEqual([
      'RASA_BRACKETS_REWRITTEN',
      'RASA_TEXT_CHANGED',
      'RASA_TEXT_TRIMMED',
    ]);
  });
});

const piece = fc.constantFrom(
  'a',
  'B',
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
  '#',
  '-',
);
const word = fc.array(piece, {minLength: 1, maxLength: 4}).map((p) => p.join(''));
const annotated = fc
  .array(
    fc.tuple(
      word,
      fc.option(fc.constantFrom('v]}x', 'New York', '"q"'), {nil: undefined}),
      fc.boolean(),
      fc.option(fc.constantFrom('from', 'to'), {nil: undefined}),
    ),
    {minLength: 1, maxLength: 6},
  )
  .map((chunks) => {
    let text = '';
    const spans: EntitySpan[] = [];
    for (const [i, [chunk, value, annotate, role]] of chunks.entries()) {
      if (i > 0) text += ' ';
      const start = text.length;
      text += chunk;
      if (!annotate) continue;
      const span: EntitySpan = {entity: i % 2 === 0 ? 'thing' : 'other:x', start, end: text.length};
      if (value !== undefined && value !== chunk) span.value = value;
      if (role) span.role = role;
      spans.push(span);
    }
    return {text, spans};
  })
  .filter(
    ({text, spans}) =>
      text.trim() === text &&
      !/^-/.test(text) &&
      spans.every((s) => text.slice(s.start, s.end).trim() === text.slice(s.start, s.end)),
  );

describe('rasa: offsets and escaping (property)', () => {
  it('export → import keeps spans, values and roles exactly, and texts unless brackets must be rewritten (warned)', async () => {
    let rewrites = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(annotated, {minLength: 1, maxLength: 5}), async (items) => {
        const dataset: Dataset = {
          format: 'synthnlu-dataset/1',
          language: 'en',
          intents: [{name: 'test'}],
          entities: [],
          utterances: items.map(({text, spans}) => ({
            text,
            intent: 'test',
            ...(spans.length > 0 ? {entities: spans} : {}),
          })),
        };
        const context = createConnectorContext();
        const {files} = await rasaNluFormat.exportDataset(dataset, context, {});
        expect(validateOutputFiles(files, registry.schemas)).toEqual([]);
        const back = await importText('nlu.yml', files[0]!.content as string);
        expect(validateAgainstSchema('dataset.schema.json', back)).toEqual([]);
        // Spans always survive; a text changes only by "[" -> "(" and "]" -> ")", and only with a warning.
        const rewrite = (t: string) => t.replace(/\[/g, '(').replace(/\]/g, ')');
        expect(back.utterances.map((u) => [rewrite(u.text), u.entities ?? []])).toEqual(
          items.map((i) => [rewrite(i.text), i.spans]),
        );
        const changed = back.utterances.filter((u, i) => u.text !== items[i]!.text);
        const warning = context.warnings.find((w) => w.code === 'RASA_BRACKETS_REWRITTEN');
        expect(warning === undefined).toBe(changed.length === 0);
        if (changed.length > 0) rewrites += 1;
      }),
      {numRuns: 200},
    );
    // The generator must exercise the rewrite, not only texts Rasa reads as they are.
    expect(rewrites).toBeGreaterThan(5);
  });
});
