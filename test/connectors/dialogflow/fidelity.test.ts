/** What we write is what Dialogflow ES restores (issue 12): language, system entities, names, defaults, entries. */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {dialogflowAgentFormat} from '../../../connectors/dialogflow/es/format.js';
import type {OutputFile} from '../../../src/connector.js';
import {createConnectorContext} from '../../../src/convert/context.js';
import {importFromPath} from '../../../src/convert/import.js';
import type {Dataset} from '../../../src/model/dataset.js';
import {SHARED} from '../../helpers/cli.js';
import {atLeast} from '../../helpers/at-least.js';

const FIXTURES = join(SHARED, 'fixtures');

async function exportAgent(dataset: Dataset) {
  const context = createConnectorContext();
  const {files} = await dialogflowAgentFormat.exportDataset(dataset, context, {});
  return {files, warnings: context.warnings, byPath: new Map(files.map((f) => [f.path, f] as const))};
}

const jsonOf = (files: Map<string, OutputFile>, path: string) =>
  files.get(path)?.json as Record<string, unknown>;

describe('Dialogflow export', () => {
  it('writes a root default language, and file names that follow it (LUIS app, culture en-us)', async () => {
    const {dataset} = await importFromPath(join(FIXTURES, 'luis', 'Calendar.json'));
    expect(dataset.language).toBe('en-us');
    const {files, warnings, byPath} = await exportAgent(dataset);
    expect(jsonOf(byPath, 'agent.json')['language']).toBe('en');
    const perLanguage = files
      .map((f) => /_(?:usersays|entries)_([^/]+)\.json$/.exec(f.path)?.[1])
      .filter(Boolean);
    expect(perLanguage.length).toBeGreaterThan(0);
    expect(new Set(perLanguage)).toEqual(new Set(['en']));
    expect(warnings.find((w) => w.code === 'DIALOGFLOW_LANGUAGE')?.message).toContain(
      '"en-us" is written as "en"',
    );
  });

  it('writes only system entities that exist; others become custom entities, with a warning (CLU project)', async () => {
    const {dataset} = await importFromPath(join(FIXTURES, 'clu', 'CLUScriptDeployed.json'));
    const {files, warnings, byPath} = await exportAgent(dataset);
    const all = files.map((f) => String(f.content)).join('\n');
    expect(all).not.toMatch(/@sys\.media/);
    for (const meta of atLeast(1, [...all.matchAll(/"meta": "@(sys\.[^"]+)"/g)], 'system entity references'))
      expect([
        'sys.any',
        'sys.unit-currency',
        'sys.number',
        'sys.ignore',
        'sys.date-time',
        'sys.person',
        'sys.email',
        'sys.url',
        'sys.phone-number',
        'sys.ordinal',
        'sys.percentage',
        'sys.temperature',
        'sys.age',
        'sys.duration',
        'sys.date',
        'sys.time',
        'sys.location',
        'sys.geo-country',
        'sys.unit-length',
      ]).toContain(meta[1]);
    const warning = warnings.find((w) => w.code === 'DIALOGFLOW_UNKNOWN_SYSTEM_ENTITY');
    expect(warning?.message).toContain('"Artist"');
    expect(jsonOf(byPath, 'entities/Artist.json')).toMatchObject({name: 'Artist', automatedExpansion: true});
  });

  it('renames entity types and parameters Dialogflow refuses, with the mapping (Child_Entity_With_Spaces.lu)', async () => {
    const {dataset} = await importFromPath(join(FIXTURES, 'lu', 'Child_Entity_With_Spaces.lu'));
    const {files, warnings} = await exportAgent(dataset);
    for (const file of files) {
      if (/^entities\/[^/]+\.json$/.test(file.path) && !file.path.includes('_entries_'))
        expect((file.json as {name: string}).name).toMatch(/^[A-Za-z][A-Za-z0-9_-]*$/);
      if (/^intents\/[^/]+\.json$/.test(file.path) && !file.path.includes('_usersays_')) {
        const intent = file.json as {responses: Array<{parameters?: Array<{name: string}>}>};
        for (const p of intent.responses.flatMap((r) => r.parameters ?? []))
          expect(p.name).toMatch(/^[A-Za-z0-9_-]+$/);
      }
      if (file.path.includes('_usersays_'))
        for (const phrase of file.json as Array<{data: Array<{alias?: string}>}>)
          for (const part of phrase.data) if (part.alias) expect(part.alias).toMatch(/^[A-Za-z0-9_-]+$/);
    }
    expect(warnings.find((w) => w.code === 'DIALOGFLOW_ENTITY_RENAMED')?.message).toContain(
      '"Building Number" -> "Building_Number"',
    );
  });

  it('keeps the default welcome and fallback intents in a restore-ready agent, and says so', async () => {
    const {dataset} = await importFromPath(join(FIXTURES, 'rasa', 'moodbot-nlu.yml'));
    const {warnings, byPath} = await exportAgent(dataset);
    expect(jsonOf(byPath, 'intents/Default Welcome Intent.json')).toMatchObject({
      events: [{name: 'WELCOME'}],
    });
    expect(jsonOf(byPath, 'intents/Default Fallback Intent.json')).toMatchObject({fallbackIntent: true});
    expect(warnings.find((w) => w.code === 'DIALOGFLOW_DEFAULT_INTENTS_ADDED')?.message).toContain(
      'restoring',
    );
    // An imported agent keeps its own defaults (here named "Welcome Intent" / "Fallback Intent") and gets no second pair.
    const agent = await importFromPath(join(FIXTURES, 'dialogflow', 'fulfillment-bike-shop-nodejs'));
    const again = await exportAgent(agent.dataset);
    expect(again.warnings.find((w) => w.code === 'DIALOGFLOW_DEFAULT_INTENTS_ADDED')).toBeUndefined();
  });

  it('writes entity entries back exactly: no value inserted among synonyms, spaces kept (iosched sessions)', async () => {
    const folder = join(FIXTURES, 'dialogflow', 'dialogflow-iosched-nodejs');
    const {dataset} = await importFromPath(folder);
    const {byPath} = await exportAgent(dataset);
    const original = JSON.parse(
      readFileSync(join(folder, 'entities', 'sessions_entries_en.json'), 'utf8'),
    ) as unknown;
    expect(byPath.get('entities/sessions_entries_en.json')!.json).toEqual(original);
  });
});
