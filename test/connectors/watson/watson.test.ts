/**
 * The watsonx Assistant connector on the ten real exports in ../shared/fixtures/watson and on small datasets:
 * byte-identical re-export, what each part of a skill becomes in the dataset, names Watson refuses, and
 * what it cannot carry announced.
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {watsonFormat} from '../../../connectors/watson/format.js';
import type {WatsonActionsSkill, WatsonWorkspace} from '../../../connectors/watson/types.js';
import type {OutputFile} from '../../../src/connector.js';
import {createConnectorContext} from '../../../src/convert/context.js';
import {exportToPath} from '../../../src/convert/export.js';
import {importFromPath} from '../../../src/convert/import.js';
import {validateOutputFiles} from '../../../src/convert/write-output.js';
import {registry} from '../../../src/registry.js';
import {SynthnluError} from '../../../src/errors.js';
import {emptyDataset, type Dataset} from '../../../src/model/dataset.js';
import {validateAgainstSchema} from '../../../src/schema/validate.js';
import {runCli, SHARED, tempDir} from '../../helpers/cli.js';
import {memorySource} from '../../helpers/memory-source.js';

const FIXTURES = join(SHARED, 'fixtures', 'watson');
const REAL = readdirSync(FIXTURES).filter((n) => n.endsWith('.json'));

async function exportWatson(dataset: Dataset, context = createConnectorContext()): Promise<OutputFile> {
  const {files} = await watsonFormat.exportDataset(dataset, context, {});
  expect(validateOutputFiles(files, registry.schemas)).toEqual([]);
  return files[0]!;
}

async function importText(text: string, context = createConnectorContext()): Promise<Dataset> {
  const source = memorySource({'skill.json': text}, {kind: 'file', path: 'skill.json'});
  return (await watsonFormat.importDataset(source, context)).dataset;
}

function workspaceOf(file: OutputFile): WatsonWorkspace {
  const json = JSON.parse(file.content as string) as Partial<WatsonActionsSkill>;
  return json.workspace ?? (json as unknown as WatsonWorkspace);
}

describe('the real exports', () => {
  it('holds ten exports, each valid against the workspace schema (actions skills against its wrapper)', () => {
    expect(REAL).toHaveLength(10);
    for (const name of REAL) {
      const json = JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, unknown>;
      const ref =
        'workspace' in json
          ? 'watson-workspace.schema.json#/definitions/actionsSkill'
          : 'watson-workspace.schema.json';
      expect(validateAgainstSchema(ref, json), name).toEqual([]);
    }
  });

  for (const name of REAL) {
    it(`${name}: an unchanged import is written back byte for byte`, async () => {
      const {dataset} = await importFromPath(join(FIXTURES, name));
      const file = await exportWatson(dataset);
      expect(file.content === readFileSync(join(FIXTURES, name), 'utf8')).toBe(true);
    });
  }

  it('one changed example changes that example only: dialog nodes, counterexamples and settings stay as read', async () => {
    const path = join(FIXTURES, 'admin-zone-it.json');
    const original = JSON.parse(readFileSync(path, 'utf8')) as WatsonWorkspace;
    const {dataset} = await importFromPath(path);
    dataset.utterances[0]!.text = 'una frase nuova';
    const written = JSON.parse((await exportWatson(dataset)).content as string) as WatsonWorkspace;
    expect(written.intents[0]!.examples![0]!.text).toBe('una frase nuova');
    written.intents[0]!.examples![0]!.text = original.intents[0]!.examples![0]!.text;
    expect(written).toEqual(original);
    expect(Object.keys(written)).toEqual(Object.keys(original));
  });

  it('Italian and Portuguese workspaces: the dataset language is the workspace language, and back', async () => {
    const it_ = await importFromPath(join(FIXTURES, 'admin-zone-it.json'));
    const pt = await importFromPath(join(FIXTURES, 'conversation-demo-ptbr.json'));
    expect(it_.dataset.language).toBe('it');
    expect(pt.dataset.language).toBe('pt-br');
    expect(pt.dataset.utterances.map((u) => u.text)).toContain('calendário');
    // A dataset in pt-BR or it-IT from another format gets Watson's own codes.
    const fresh = (language: string) => ({
      ...emptyDataset(language),
      utterances: [{text: 'olá', intent: 'greet'}],
    });
    expect(workspaceOf(await exportWatson(fresh('pt-BR'))).language).toBe('pt-br');
    expect(workspaceOf(await exportWatson(fresh('it-IT'))).language).toBe('it');
    expect(workspaceOf(await exportWatson(fresh('en-us'))).language).toBe('en');
  });

  it('contextual entity mentions become annotated spans at the same offsets', async () => {
    const {dataset} = await importFromPath(join(FIXTURES, 'weather-bot-mentions.json'));
    const annotated = dataset.utterances.filter((u) => u.entities?.length);
    expect(annotated).toHaveLength(4);
    for (const u of annotated) for (const span of u.entities!) expect(span.entity).toBe('location');
    const raw = JSON.parse(
      readFileSync(join(FIXTURES, 'weather-bot-mentions.json'), 'utf8'),
    ) as WatsonWorkspace;
    const withMention = raw.intents.flatMap((i) => i.examples ?? []).find((e) => e.mentions?.length)!;
    const u = dataset.utterances.find((x) => x.text === withMention.text)!;
    const [start, end] = withMention.mentions![0]!.location;
    expect(u.entities![0]).toMatchObject({start, end});
  });

  it('synonym values become list entities, pattern values regex entities, sys-* prebuilt entities', async () => {
    const {dataset} = await importFromPath(join(FIXTURES, 'customer-care-sample.json'));
    const byName = new Map(dataset.entities.map((e) => [e.name, e]));
    expect(byName.get('phone')).toMatchObject({kind: 'regex'});
    expect(byName.get('phone')!.patterns!.length).toBeGreaterThan(0);
    expect(byName.get('sys-location')).toMatchObject({kind: 'prebuilt', prebuilt: 'location'});
    expect(byName.get('sys-person')).toMatchObject({kind: 'prebuilt', prebuilt: 'person'});
    const list = dataset.entities.find((e) => e.kind === 'list')!;
    expect(list.values!.length).toBeGreaterThan(0);
  });

  it('a workspace of system entities only (aadf-ptbr) gives prebuilt entities', async () => {
    const {dataset} = await importFromPath(join(FIXTURES, 'aadf-ptbr.json'));
    expect(dataset.entities.map((e) => `${e.name}=${e.prebuilt}`).sort()).toEqual([
      'sys-currency=money',
      'sys-date=date',
      'sys-number=number',
      'sys-percentage=percentage',
      'sys-time=time',
    ]);
  });

  it('learningOptOut (camel case) and an old export without api_version are kept as they are', async () => {
    for (const [name, key] of [
      ['watson-banking-chatbot.json', 'learningOptOut'],
      ['conversation-demo-ptbr.json', 'created'],
    ] as const) {
      const {dataset} = await importFromPath(join(FIXTURES, name));
      dataset.utterances.push({text: 'something new', intent: dataset.intents[0]!.name});
      const written = workspaceOf(await exportWatson(dataset));
      expect(written, name).toHaveProperty(key);
      expect(written.intents[0]!.examples!.at(-1)).toEqual({text: 'something new'});
    }
  });

  it('an actions skill: its intents and entities are read, its actions written back around them', async () => {
    const path = join(FIXTURES, 'customer-care-actions.json');
    const raw = JSON.parse(readFileSync(path, 'utf8')) as WatsonActionsSkill;
    const {dataset} = await importFromPath(path);
    expect(dataset.intents.map((i) => i.name)).toEqual(raw.workspace.intents.map((i) => i.intent));
    expect(dataset.language).toBe(raw.language);
    dataset.utterances.pop();
    const written = JSON.parse((await exportWatson(dataset)).content as string) as WatsonActionsSkill;
    expect(written.workspace['actions']).toEqual(raw.workspace['actions']);
    expect(written.dialog_settings).toEqual(raw.dialog_settings);
    const count = (w: WatsonWorkspace) => w.intents.reduce((n, i) => n + (i.examples?.length ?? 0), 0);
    expect(count(written.workspace)).toBe(count(raw.workspace) - 1);
  });

  it('counterexamples are kept (said on import) and, with the dialog, named in one warning elsewhere', async () => {
    const imported = await importFromPath(join(FIXTURES, 'admin-zone-it.json'));
    expect(imported.warnings.map((w) => w.code)).toContain('WATSON_COUNTEREXAMPLES_KEPT');
    const out = join(tempDir('synthnlu-watson-'), 'app.json');
    const summary = await exportToPath(imported.dataset, 'luis', out);
    const dropped = summary.warnings.filter((w) => w.code === 'EXPORT_DROPS_PLATFORM_DATA');
    expect(dropped).toHaveLength(1);
    expect(dropped[0]!.message).toContain('only watson reads');
    expect(dropped[0]!.message).toContain('workspace.dialog_nodes');
    expect(dropped[0]!.message).toContain('workspace.counterexamples');
  });
});

describe('writing what Watson refuses', () => {
  const base = (): Dataset => ({
    ...emptyDataset('en'),
    entities: [
      {name: 'Weather.City', kind: 'list', values: [{value: 'Paris', synonyms: ['paris', 'x'.repeat(65)]}]},
      {name: 'when', kind: 'prebuilt', prebuilt: 'date'},
    ],
    utterances: [
      {
        text: 'weather in Paris',
        intent: 'Get Weather',
        entities: [{entity: 'Weather.City', start: 11, end: 16}],
      },
      {text: 'weather in Paris', intent: 'Get Weather'},
      {text: 'line one\nline two', intent: 'sys-help'},
      {
        text: 'forecast for tomorrow',
        intent: 'Get Weather',
        entities: [{entity: 'when', start: 13, end: 21}],
      },
    ],
  });

  it('renames intents and entities with the mapping shown, and says what else changed', async () => {
    const context = createConnectorContext();
    const written = workspaceOf(await exportWatson(base(), context));
    expect(written.intents.map((i) => i.intent)).toEqual(['Get_Weather', 'x_sys-help']);
    const messages = context.warnings.map((w) => `${w.code}: ${w.message}`).join('\n');
    expect(messages).toContain('WATSON_INTENT_RENAMED');
    expect(messages).toContain('"Get Weather" -> "Get_Weather"');
    expect(messages).toContain('"sys-help" -> "x_sys-help"');
    expect(messages).toContain('"Weather.City" -> "Weather_City"');
    expect(messages).toContain('WATSON_EXAMPLES_DROPPED');
    expect(messages).toContain('WATSON_TEXT_CHANGED');
    expect(messages).toContain('WATSON_LIST_CHANGED');
    expect(messages).toContain('WATSON_SYSTEM_ENTITY_ANNOTATED');
    const [weather, help] = written.intents;
    expect(weather!.examples).toEqual([
      {text: 'weather in Paris', mentions: [{entity: 'Weather_City', location: [11, 16]}]},
      {text: 'forecast for tomorrow', mentions: [{entity: 'when', location: [13, 21]}]},
    ]);
    expect(help!.examples).toEqual([{text: 'line one line two'}]);
    expect(written.entities).toEqual([
      {entity: 'Weather_City', values: [{type: 'synonyms', value: 'Paris', synonyms: ['paris']}]},
      {entity: 'sys-date', values: []},
      {entity: 'when', values: []},
    ]);
  });

  it('regex entities become pattern values, at most 5 patterns each', async () => {
    const dataset: Dataset = {
      ...emptyDataset('en'),
      entities: [{name: 'code', kind: 'regex', patterns: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6']}],
      utterances: [{text: 'code a1', intent: 'code'}],
    };
    const written = workspaceOf(await exportWatson(dataset));
    expect(written.entities).toEqual([
      {
        entity: 'code',
        values: [
          {type: 'patterns', value: 'code', patterns: ['a1', 'a2', 'a3', 'a4', 'a5']},
          {type: 'patterns', value: 'code_2', patterns: ['a6']},
        ],
      },
    ]);
    const back = await importText(JSON.stringify(written));
    expect(back.entities[0]).toMatchObject({kind: 'regex', patterns: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6']});
  });

  it('over 1,024 characters or 2,000 intents: refused before anything is written', async () => {
    const out = join(tempDir('synthnlu-watson-'), 'skill.json');
    const long = {...emptyDataset('en'), utterances: [{text: 'x'.repeat(1025), intent: 'a'}]};
    await expect(exportToPath(long, 'watson', out)).rejects.toMatchObject({code: 'LIMIT_UTTERANCE_TOO_LONG'});
    const many = {
      ...emptyDataset('en'),
      utterances: Array.from({length: 2001}, (_, i) => ({text: `hello ${i}`, intent: `i${i}`})),
    };
    await expect(exportToPath(many, 'watson', out)).rejects.toMatchObject({code: 'LIMIT_TOO_MANY_INTENTS'});
  });
});

describe('bad input', () => {
  it('a mention outside its example: WATSON_BAD_MENTION with the JSON path', async () => {
    const text = JSON.stringify({
      intents: [{intent: 'a', examples: [{text: 'hi', mentions: [{entity: 'x', location: [0, 9]}]}]}],
      entities: [{entity: 'x', values: []}],
    });
    const error = (await importText(text).catch((e: unknown) => e)) as SynthnluError;
    expect(error).toBeInstanceOf(SynthnluError);
    expect(error.code).toBe('WATSON_BAD_MENTION');
    expect(error.exitCode).toBe(2);
    expect(error.location.path).toBe('intents[0].examples[0].mentions[0].location');
  });

  it('an example Watson would refuse: WATSON_INVALID naming where', async () => {
    const text = JSON.stringify({intents: [{intent: 'a', examples: [{text: 'tab\there'}]}], entities: []});
    const error = (await importText(text).catch((e: unknown) => e)) as SynthnluError;
    expect(error.code).toBe('WATSON_INVALID');
    expect(error.location.path).toContain('intents[0].examples[0].text');
  });

  it('the CLI converts a real export and refuses a broken one with exit 2', () => {
    const dir = tempDir('synthnlu-watson-cli-');
    const ok = runCli([
      'convert',
      join(FIXTURES, 'pizzeria-slots.json'),
      '--to',
      'rasa',
      '--out',
      join(dir, 'nlu.yml'),
    ]);
    expect(ok.stderr).toContain('EXPORT_DROPS_PLATFORM_DATA');
    expect(ok.status).toBe(0);
    const broken = join(dir, 'broken.json');
    writeFileSync(
      broken,
      JSON.stringify({
        intents: [{intent: 'a', examples: [{text: 'hi', mentions: [{entity: 'x', location: [1, 7]}]}]}],
        entities: [{entity: 'x', values: []}],
      }),
    );
    const bad = runCli(['convert', broken, '--to', 'rasa', '--out', join(dir, 'bad.yml')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('mention of @x at [1, 7] is outside the example');
    expect(bad.stderr).toContain('intents[0].examples[0].mentions[0].location');
    expect(existsSync(join(dir, 'bad.yml'))).toBe(false);
    expect(bad.status).toBe(2);
  });
});

describe('offsets survive the round trip (property)', () => {
  const word = fc.constantFrom('book', 'a', 'table', 'in', 'Zoë', '😀', 'São', 'Paulo', 'for', 'two');
  it('any annotated example reads back with the same text and spans', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(word, fc.boolean()), {minLength: 1, maxLength: 8}),
        async (words) => {
          let text = '';
          const entities: Array<{entity: string; start: number; end: number}> = [];
          for (const [w, tagged] of words) {
            if (text) text += ' ';
            if (tagged) entities.push({entity: 'thing', start: text.length, end: text.length + w.length});
            text += w;
          }
          const dataset: Dataset = {
            ...emptyDataset('en'),
            entities: [{name: 'thing', kind: 'ml'}],
            utterances: [{text, intent: 'say', entities}],
          };
          const back = await importText((await exportWatson(dataset)).content as string);
          expect(back.utterances).toHaveLength(1);
          expect(back.utterances[0]!.text).toBe(text);
          expect(back.utterances[0]!.entities ?? []).toEqual(entities);
        },
      ),
      {numRuns: 60},
    );
  });
});

describe('kept parts from a dataset anyone may have edited', () => {
  const workspace = {
    name: 'mixed',
    intents: [{intent: 'call', examples: [{text: 'call me at 555-1234'}]}],
    entities: [
      {
        entity: 'contact',
        values: [
          {type: 'synonyms', value: 'office', synonyms: ['work']},
          {type: 'patterns', value: 'phone', patterns: ['\\d{3}-\\d{4}']},
        ],
      },
    ],
    language: 'en',
  };

  it('an entity with synonym and pattern values: a list entity, its pattern values kept and written back', async () => {
    const text = JSON.stringify(workspace, null, 2);
    const dataset = await importText(text);
    expect(dataset.entities[0]).toMatchObject({
      kind: 'list',
      values: [{value: 'office', synonyms: ['work']}],
    });
    expect((await exportWatson(dataset)).content).toBe(text);
    const out = join(tempDir('synthnlu-watson-'), 'nlu.yml');
    const summary = await exportToPath(dataset, 'rasa', out);
    expect(summary.warnings.map((w) => w.message).join('\n')).toMatch(/only watson reads \(.*patternValues/);
  });

  it('a layout that would not give JSON is not used', async () => {
    const dataset = await importText(JSON.stringify(workspace));
    (dataset.metadata!['watson'] as {fileLayout: unknown}).fileLayout = {indent: '}{', newline: true};
    const file = await exportWatson(dataset);
    expect(JSON.parse(file.content as string)).toEqual(workspace);
  });
});

describe('a workspace without the keys a current export has', () => {
  it('no language (English) and no entities: written back as read', async () => {
    const text = JSON.stringify({name: 'old', intents: [{intent: 'hi', examples: [{text: 'hello'}]}]});
    const dataset = await importText(text);
    expect(dataset.language).toBe('en');
    expect((await exportWatson(dataset)).content).toBe(text);
    dataset.language = 'de';
    expect(workspaceOf(await exportWatson(dataset)).language).toBe('de');
  });
});
