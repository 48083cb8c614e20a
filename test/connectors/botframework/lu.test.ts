import bflu from '@microsoft/bf-lu';
import fc from 'fast-check';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {luFormat} from '../../../connectors/botframework/formats.js';
import {parseLu} from '../../../connectors/botframework/lu/parse.js';
import {parseUtteranceLine, writeUtteranceLine} from '../../../connectors/botframework/lu/utterance.js';
import type {LuisApp, LuisEntityLabel} from '../../../connectors/botframework/luis/types.js';
import {SynthnluError} from '../../../src/errors.js';
import {createConnectorContext} from '../../../src/convert/context.js';
import {SHARED} from '../../helpers/cli.js';
import {memorySource} from '../../helpers/memory-source.js';
import {sampleDataset} from '../sample-dataset.js';
import {exportWith, importFiles, importText, spansOf} from './helpers.js';

const FIXTURES = join(SHARED, 'fixtures/lu');

/** Microsoft's own parser, the independent reference. */
async function bfluParse(text: string): Promise<LuisApp> {
  const builder = (bflu as unknown as {V2: {LuisBuilder: {fromLUAsync(t: string): Promise<object>}}}).V2
    .LuisBuilder;
  // The builder returns a LUIS app object (class instance): a JSON copy is the app as bf-lu would write it.
  return JSON.parse(JSON.stringify(await builder.fromLUAsync(text))) as LuisApp;
}

function labelKey(l: LuisEntityLabel): string {
  const kids = (l.children ?? []).map(labelKey).sort();
  return `${l.entity}${l.role ? `:${l.role}` : ''}@${l.startPos}-${l.endPos}${kids.length ? `[${kids.join(',')}]` : ''}`;
}

/** What both parsers must agree on: intents, utterances with labels, patterns, entity names by type. */
function comparable(app: LuisApp) {
  const names = (list: Array<{name: string}> | undefined) => (list ?? []).map((e) => e.name).sort();
  return {
    intents: names(app.intents),
    utterances: app.utterances
      .map((u) => `${u.intent}|${u.text}|${(u.entities ?? []).map(labelKey).sort().join(' ')}`)
      .sort(),
    patterns: (app.patterns ?? []).map((p) => `${p.intent}|${p.pattern}`).sort(),
    entities: names(app.entities),
    closedLists: (app.closedLists ?? [])
      .map((c) => `${c.name}:${c.subLists.map((s) => `${s.canonicalForm}=${s.list.join('|')}`).join(';')}`)
      .sort(),
    regex: (app.regex_entities ?? []).map((r) => `${r.name}:${r.regexPattern}`).sort(),
    prebuilt: (app.prebuiltEntities ?? [])
      .map((p) => `${p.name}:${[...(p.roles ?? [])].sort().join(',')}`)
      .sort(),
    composites: names(app.composites),
    phraselists: (app.phraselists ?? app.model_features ?? [])
      .map((p) => `${p.name}:${p.mode}:${p.words}`)
      .sort(),
  };
}

describe('.lu', () => {
  it('exports the sample so that bf-lu reads the same intents, utterances and labels', async () => {
    const {files} = await exportWith(luFormat, sampleDataset());
    const text = String(files[0]!.content);
    expect(files[0]!.path).toBe('conformance-bot.lu');
    expect(text).toContain('- 😀 status of {@order_id=654321}');
    expect(text).toContain('@ list cityList =');
    const reference = await bfluParse(text);
    expect(comparable(parseLu(text, 'x.lu'))).toEqual(comparable(reference));
    const emoji = reference.utterances.find((u) => u.text.startsWith('😀'))!;
    expect(emoji.entities).toEqual([{entity: 'order_id', startPos: 13, endPos: 18}]);
    expect(reference.entities!.find((e) => e.name === 'count')!.features).toEqual([
      {modelName: 'number', isRequired: true},
    ]);
  });

  it('round-trips the sample through .lu', async () => {
    const original = sampleDataset();
    const back = await importFiles(luFormat, (await exportWith(luFormat, original)).files);
    expect(spansOf(back)).toEqual(spansOf(original));
    expect(back.entities.map((e) => `${e.name}:${e.kind}`).sort()).toEqual([
      'city:list',
      'count:prebuilt',
      'order_id:regex',
      'person:ml',
    ]);
  });

  const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.lu'));
  for (const name of fixtures) {
    it(`reads the real file ${name} exactly as bf-lu does, and round-trips it`, async () => {
      const text = readFileSync(join(FIXTURES, name), 'utf8');
      expect(comparable(parseLu(text, name))).toEqual(comparable(await bfluParse(text)));
      const first = await importText(luFormat, name, text);
      const {files} = await exportWith(luFormat, first);
      const exported = String(files[0]!.content);
      // Our export of a real file is itself valid for bf-lu and means the same.
      expect(comparable(await bfluParse(exported))).toEqual(comparable(parseLu(exported, 'again.lu')));
      const second = await importFiles(luFormat, files);
      expect(spansOf(second)).toEqual(spansOf(first));
      // Children of ML entities are declared entities too (declaration order is not meaningful).
      expect(second.entities.map((e) => `${e.name}:${e.kind}`).sort()).toEqual(
        first.entities.map((e) => `${e.name}:${e.kind}`).sort(),
      );
    });
  }

  it('escapes braces and backslashes in text and keeps labels at the start and end', async () => {
    const line = writeUtteranceLine('{x} a\\b c}', [
      {entity: 'e', startPos: 0, endPos: 2},
      {entity: 'f', startPos: 8, endPos: 9},
    ]);
    expect(line).toBe('{@e=\\{x\\}} a\\\\b {@f=c\\}}');
    expect(parseUtteranceLine(line)).toEqual({
      text: '{x} a\\b c}',
      labels: [
        {entity: 'e', startPos: 0, endPos: 2},
        {entity: 'f', startPos: 8, endPos: 9},
      ],
      isPattern: false,
    });
    const reference = await bfluParse(`# i\n- ${line}\n@ ml e\n@ ml f\n`);
    expect(reference.utterances[0]).toMatchObject({
      text: '{x} a\\b c}',
      entities: [
        {entity: 'e', startPos: 0, endPos: 2},
        {entity: 'f', startPos: 8, endPos: 9},
      ],
    });
  });

  it('keeps unlabelled text with [brackets], (a|b) and braces an utterance, not a pattern, for bf-lu too', async () => {
    const texts = ['see [note] now', 'pick (yes|no) please', 'curly {x} here', 'back\\slash (a) [b]'];
    const lines = texts.map((t) => `- ${writeUtteranceLine(t, [])}`);
    expect(lines[0]).toBe('- see \\[note\\] now');
    const content = `# i\n${lines.join('\n')}\n`;
    const ours = parseLu(content, 'x.lu');
    const reference = await bfluParse(content);
    expect(ours.utterances.map((u) => u.text)).toEqual(texts);
    expect(reference.utterances.map((u) => u.text)).toEqual(texts);
    expect(reference.patterns).toEqual([]);
  });

  it('property: any text (emoji, combining marks, braces) with any span survives write -> read, UTF-16 offsets', () => {
    const char = fc.constantFrom('a', 'b', ' ', '{', '}', '\\', '😀', 'e\u0301', '✈️', '=', ':', '@');
    fc.assert(
      fc.property(fc.array(char, {minLength: 1, maxLength: 20}), fc.nat(), fc.nat(), (chars, a, b) => {
        const text = chars.join('');
        fc.pre(text.trim() === text && text.length > 0);
        const start = a % text.length;
        const end = start + (b % (text.length - start));
        // .lu cannot express a label that begins with a space (bf-lu skips spaces after "=").
        fc.pre(!/\s/.test(text[start]!));
        const label = {entity: 'thing', startPos: start, endPos: end};
        const parsed = parseUtteranceLine(writeUtteranceLine(text, [label]));
        expect(parsed.text).toBe(text);
        expect(parsed.labels).toEqual([label]);
      }),
      {numRuns: 500},
    );
  });

  it('property: bf-lu agrees with our writer on label offsets', async () => {
    const word = fc.constantFrom('fly', 'to', 'Zoe\u0308', '😀', '\\{x\\}', 'Paris', 'ok!');
    await fc.assert(
      fc.asyncProperty(fc.array(word, {minLength: 1, maxLength: 6}), fc.nat(), async (words, pick) => {
        const text = words.join(' ').replace(/\\([{}])/g, '$1');
        const index = pick % words.length;
        const start =
          words
            .slice(0, index)
            .join(' ')
            .replace(/\\([{}])/g, '$1').length + (index > 0 ? 1 : 0);
        const end = start + words[index]!.replace(/\\([{}])/g, '$1').length - 1;
        const line = writeUtteranceLine(text, [{entity: 'thing', startPos: start, endPos: end}]);
        const reference = await bfluParse(`# i\n- ${line}\n@ ml thing\n`);
        expect(reference.utterances[0]).toMatchObject({
          text,
          entities: [{entity: 'thing', startPos: start, endPos: end}],
        });
      }),
      {numRuns: 25},
    );
  });

  it('refuses an unclosed label with the file and line', async () => {
    const error = await importText(luFormat, 'bad.lu', '# greet\n- hello\n- hi {name=bob\n').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SynthnluError);
    expect((error as SynthnluError).code).toBe('LU_SYNTAX');
    expect((error as SynthnluError).location).toEqual({file: 'bad.lu', line: 3});
  });
});

describe('.lu single-line utterances', () => {
  it('trims and joins lines, moving the labels with the text, and warns once', async () => {
    const dataset = {
      format: 'synthnlu-dataset/1' as const,
      language: 'en',
      intents: [{name: 'i'}],
      entities: [{name: 'x', kind: 'ml' as const}],
      utterances: [
        {text: '  hello\nworld', intent: 'i', entities: [{entity: 'x', start: 8, end: 13}]},
        {text: 'bye ', intent: 'i'},
      ],
    };
    const {files, warnings} = await exportWith(luFormat, dataset);
    expect(String(files[0]!.content)).toContain('- hello {@x=world}\n- bye\n');
    expect(warnings.filter((w) => w.code === 'EXPORT_LU_TEXT_CHANGED')).toHaveLength(1);
    const reference = await bfluParse(String(files[0]!.content));
    expect(reference.utterances[0]).toMatchObject({
      text: 'hello world',
      entities: [{entity: 'x', startPos: 6, endPos: 10}],
    });
  });
});

describe('.lu folders', () => {
  it('reads every .lu of a folder as one app, definitions and labels across files', async () => {
    const source = memorySource({
      'dialogs/b.lu': '# order\n- order {@dish=pizza}\n',
      'dialogs/a.lu': '# greet\n- hi\n\n@ ml dish\n',
      'README.md': 'not a .lu',
    });
    const {dataset} = await luFormat.importDataset(source, createConnectorContext());
    expect(dataset.intents.map((i) => i.name)).toEqual(['greet', 'order', 'None']);
    expect(spansOf(dataset)).toEqual(['greet|hi|', 'order|order pizza|dish@6-11']);
  });

  it('follows an import of a file read in the same folder, and refuses one that is not there by file and line', async () => {
    const together = memorySource({
      'main.lu': '[greetings](greet.lu)\n# bye\n- goodbye\n',
      'greet.lu': '# greet\n- hello\n',
    });
    const {dataset} = await luFormat.importDataset(together, createConnectorContext());
    expect(dataset.intents.map((i) => i.name)).toEqual(['greet', 'bye', 'None']);
    const alone = memorySource({
      'main.lu': '# bye\n- goodbye\n[greetings](greet.lu)\n',
      'other.lu': '# x\n- y\n',
    });
    const error = await luFormat.importDataset(alone, createConnectorContext()).catch((e: unknown) => e);
    expect((error as SynthnluError).location).toEqual({file: 'main.lu', line: 3});
  });

  it('reports a syntax error at the right file and line', async () => {
    const source = memorySource({'a.lu': '# greet\n- hi\n', 'b.lu': '# x\n- fine\n- broken {dish=pizza\n'});
    const error = await luFormat.importDataset(source, createConnectorContext()).catch((e: unknown) => e);
    expect((error as SynthnluError).location).toEqual({file: 'b.lu', line: 3});
  });
});
