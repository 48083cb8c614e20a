/**
 * What we write is what LUIS / CLU read (issue 12): roles declared, nested children valid, CLU's own language
 * codes and 2023-04-01 fields, project names, orchestration projects, and per-format limits.
 */
import bflu from '@microsoft/bf-lu';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {cluFormat} from '../../../connectors/botframework/clu/format.js';
import type {CluProject} from '../../../connectors/botframework/clu/types.js';
import {luFormat} from '../../../connectors/botframework/lu/format.js';
import {luisFormat} from '../../../connectors/botframework/luis/format.js';
import type {LuisApp} from '../../../connectors/botframework/luis/types.js';
import {createConnectorContext} from '../../../src/convert/context.js';
import {exportToPath} from '../../../src/convert/export.js';
import {importFromPath} from '../../../src/convert/import.js';
import {SynthnluError} from '../../../src/errors.js';
import {checkDataset} from '../../../src/model/check-dataset.js';
import {emptyDataset, type Dataset} from '../../../src/model/dataset.js';
import {ROOT, SHARED, tempDir} from '../../helpers/cli.js';
import {memorySource} from '../../helpers/memory-source.js';
import {exportWith, importPath, importText} from './helpers.js';
import {atLeast} from '../../helpers/at-least.js';

const FIXTURES = join(SHARED, 'fixtures');

interface BfLuis {
  validate(): boolean;
  parseToLuContent(): string;
}
const luisBuilder = bflu.V2.LuisBuilder as unknown as {fromJson(app: unknown): BfLuis};

function labelsOf(app: {utterances: LuisApp['utterances']}) {
  const out: Array<{entity: string; role?: string}> = [];
  const visit = (labels: LuisApp['utterances'][number]['entities'] = []) => {
    for (const l of labels) {
      out.push(l);
      visit(l.children ?? []);
    }
  };
  for (const u of app.utterances) visit(u.entities);
  return out;
}

describe('LUIS app JSON: roles', () => {
  it('declares every role the labels use, so bf-lu reads roles and not new entities (iosched Dialogflow agent)', async () => {
    const {dataset} = await importFromPath(join(FIXTURES, 'dialogflow', 'dialogflow-iosched-nodejs'));
    const app = (await exportWith(luisFormat, dataset)).files[0]!.json as LuisApp;
    const roled = labelsOf(app).filter((l) => l.role !== undefined);
    expect(roled.length).toBeGreaterThan(0);
    const declared = new Map(
      [
        ...(app.entities ?? []),
        ...(app.closedLists ?? []),
        ...(app.prebuiltEntities ?? []),
        ...(app.regex_entities ?? []),
      ].map((e) => [e.name, e.roles ?? []]),
    );
    for (const label of roled) expect(declared.get(label.entity), label.entity).toContain(label.role);
    // bf-lu's own reading of the file: the same entity names, no entity named after a role.
    const lu = luisBuilder.fromJson(app).parseToLuContent();
    const back = await bflu.V2.LuisBuilder.fromLUAsync(lu);
    const names = (a: {entities?: Array<{name: string}>; closedLists?: Array<{name: string}>}) =>
      [...(a.entities ?? []), ...(a.closedLists ?? [])].map((e) => e.name).sort();
    expect(names(back as never)).toEqual(names(app));
    expect(back.utterances.flatMap((u) => u.entities).filter((l) => l.role).length).toBe(roled.length);
  });

  it('declares roles in the .lu it writes too (hasRoles)', async () => {
    const dataset: Dataset = {
      ...emptyDataset('en'),
      entities: [{name: 'city', kind: 'ml'}],
      utterances: [
        {
          text: 'fly from paris to rome',
          intent: 'book',
          entities: [
            {entity: 'city', start: 9, end: 14, role: 'origin'},
            {entity: 'city', start: 18, end: 22, role: 'destination'},
          ],
        },
      ],
    };
    const text = String((await exportWith(luFormat, dataset)).files[0]!.content);
    expect(text).toContain('@ ml city hasRoles origin, destination');
    const back = await bflu.V2.LuisBuilder.fromLUAsync(text);
    expect(back.entities.map((e) => e.name)).toEqual(['city']);
  });
});

/** A LUIS 7.0.0 app with an ML entity P1 whose children CC1 and CC2 label parts of its spans. */
const NESTED_APP = {
  luis_schema_version: '7.0.0',
  versionId: '0.1',
  name: 'nested',
  desc: '',
  culture: 'en-us',
  intents: [{name: 'order'}, {name: 'None'}],
  entities: [
    {
      name: 'P1',
      roles: [],
      children: [
        {name: 'CC1', instanceOf: null, children: [], features: []},
        {name: 'CC2', instanceOf: null, children: [], features: []},
      ],
    },
  ],
  composites: [],
  closedLists: [],
  prebuiltEntities: [],
  regex_entities: [],
  patternAnyEntities: [],
  phraselists: [],
  patterns: [],
  utterances: [
    {
      text: 'two large pizzas',
      intent: 'order',
      entities: [
        {
          entity: 'P1',
          startPos: 0,
          endPos: 15,
          children: [
            {entity: 'CC1', startPos: 0, endPos: 2},
            {entity: 'CC2', startPos: 4, endPos: 8},
          ],
        },
      ],
    },
  ],
};

describe('LUIS 7.0.0 nested children', () => {
  it('import into a dataset that validates, and export again to LUIS, .lu and CLU', async () => {
    const dataset = await importText(luisFormat, 'nested.json', JSON.stringify(NESTED_APP));
    expect(checkDataset(dataset).filter((d) => d.severity === 'error')).toEqual([]);
    const dir = tempDir('synthnlu-nested-');
    for (const to of ['luis', 'lu', 'clu']) await exportToPath(dataset, to, join(dir, `out-${to}`));

    const app = (await exportWith(luisFormat, dataset)).files[0]!.json as LuisApp;
    // The children stay inside P1; they are not also written as entities of their own.
    expect(app.entities!.map((e) => e.name)).toEqual(['P1']);
    expect(app.entities![0]!.children!.map((c) => c.name)).toEqual(['CC1', 'CC2']);
    expect(luisBuilder.fromJson(app).validate()).toBe(true);
  });

  it('CLU labels never name a category missing from assets.entities (Child_Entity_With_Spaces.lu)', async () => {
    for (const dataset of [
      await importText(luisFormat, 'nested.json', JSON.stringify(NESTED_APP)),
      await importPath(luFormat, join(FIXTURES, 'lu', 'Child_Entity_With_Spaces.lu')),
    ]) {
      const project = (await exportWith(cluFormat, dataset)).files[0]!.json as CluProject;
      const categories = new Set(project.assets.entities.map((e) => e.category));
      const labels = project.assets.utterances.flatMap((u) => u.entities ?? []);
      expect(labels.some((l) => l.category === 'CC1' || l.category === 'Building Number')).toBe(true);
      for (const label of labels) expect(categories.has(label.category), label.category).toBe(true);
    }
  });
});

describe('CLU output', () => {
  const one = (language: string, name?: string): Dataset => ({
    ...emptyDataset(language, name),
    utterances: [{text: 'hallo', intent: 'greet'}],
  });
  const projectOf = async (dataset: Dataset) => {
    const {files, warnings} = await exportWith(cluFormat, dataset);
    return {project: files[0]!.json as CluProject, warnings};
  };

  it("uses CLU's language codes: the root language, a region only for English", async () => {
    const cases: Array<[string, string]> = [
      ['de', 'de'],
      ['de-DE', 'de'],
      ['ja-jp', 'ja'],
      ['fr-FR', 'fr'],
      ['es', 'es'],
      ['zh-CN', 'zh-hans'],
      ['zh-TW', 'zh-hant'],
      ['pt', 'pt-br'],
      ['en', 'en-us'],
      ['en-GB', 'en-gb'],
    ];
    for (const [language, clu] of cases) {
      const {project} = await projectOf(one(language));
      expect(project.metadata.language, language).toBe(clu);
      expect(project.assets.utterances[0]!.language, language).toBe(clu);
    }
  });

  it('writes only 2023-04-01 fields, and says what it left out (real CLU exports)', async () => {
    for (const name of ['EmailProject.json', 'CLUScriptDeployed.json']) {
      const dataset = await importPath(cluFormat, join(FIXTURES, 'clu', name));
      const {project, warnings} = await projectOf(dataset);
      expect(project.projectFileVersion).toBe('2023-04-01');
      for (const entity of atLeast(1, project.assets.entities, name)) {
        expect(
          Object.keys(entity).every((k) =>
            ['category', 'compositionSetting', 'list', 'prebuilts', 'regex', 'requiredComponents'].includes(
              k,
            ),
          ),
          JSON.stringify(entity),
        ).toBe(true);
        if (entity.compositionSetting !== undefined)
          expect([
            'returnLongestOverlap',
            'requireExactOverlap',
            'separateComponents',
            'combineComponents',
          ]).toContain(entity.compositionSetting);
      }
      expect(Object.keys(project.metadata.settings ?? {})).toEqual(['confidenceThreshold']);
      expect(
        warnings.some((w) => w.code === 'CLU_FIELDS_DROPPED' || w.code === 'CLU_SETTING_CHANGED'),
        name,
      ).toBe(true);
    }
    const email = await projectOf(await importPath(cluFormat, join(FIXTURES, 'clu', 'EmailProject.json')));
    expect(email.warnings.map((w) => w.message).join('\n')).toContain('no compositionSetting "returnUnion"');
    const script = await projectOf(
      await importPath(cluFormat, join(FIXTURES, 'clu', 'CLUScriptDeployed.json')),
    );
    expect(script.warnings.find((w) => w.code === 'CLU_FIELDS_DROPPED')?.message).toContain(
      'metadata.settings.normalizeCasing',
    );
  });

  it("checks the project name against CLU's rules and suggests --name", async () => {
    const {project, warnings} = await projectOf(one('en', 'Pizza Bot: orders (v2)'));
    expect(project.metadata.projectName).toBe('Pizza_Bot_orders_v2');
    expect(warnings.find((w) => w.code === 'CLU_PROJECT_NAME_CHANGED')?.suggestion).toContain('--name');
    const long = await projectOf(one('en', 'x'.repeat(60)));
    expect(long.project.metadata.projectName).toHaveLength(50);
    const fine = await projectOf(one('en', 'my.project-1_a'));
    expect(fine.project.metadata.projectName).toBe('my.project-1_a');
    expect(fine.warnings.filter((w) => w.code === 'CLU_PROJECT_NAME_CHANGED')).toEqual([]);
  });

  it("an explicit name wins over the imported project's own: CLU projectName and LUIS app name", async () => {
    const imported = await importPath(cluFormat, join(ROOT, 'test/fixtures/clu/support-export.json'));
    expect(imported.name).toBe('support');
    const context = createConnectorContext();
    const clu = await cluFormat.exportDataset(imported, context, {name: 'support-v2'});
    expect((clu.files[0]!.json as CluProject).metadata.projectName).toBe('support-v2');
    const luis = await luisFormat.exportDataset(imported, context, {name: 'support-v2'});
    expect((luis.files[0]!.json as LuisApp).name).toBe('support-v2');
    // Without the flag the dataset's own name is kept.
    const kept = await cluFormat.exportDataset(imported, createConnectorContext(), {});
    expect((kept.files[0]!.json as CluProject).metadata.projectName).toBe('support');
  });

  it('warns that span values of non-list entities are not carried (formbot nlu.yml)', async () => {
    const {dataset} = await importFromPath(join(FIXTURES, 'rasa', 'formbot-nlu.yml'));
    const {warnings} = await projectOf(dataset);
    expect(warnings.find((w) => w.message.startsWith('CLU labels carry no value'))?.message).toContain(
      '"asian oriental" -> "asian" (cuisine)',
    );
  });
});

describe('CLU orchestration projects', () => {
  const orchestration = {
    projectFileVersion: '2023-04-01',
    stringIndexType: 'Utf16CodeUnit',
    metadata: {
      projectKind: 'Orchestration',
      projectName: 'router',
      language: 'en-us',
      settings: {confidenceThreshold: 0},
    },
    assets: {
      projectKind: 'Orchestration',
      intents: [
        {category: 'None'},
        {
          category: 'Email',
          orchestration: {
            targetProjectKind: 'Conversation',
            conversationOrchestration: {projectName: 'EmailApp', deploymentName: 'prod'},
          },
        },
        {
          category: 'FAQ',
          orchestration: {
            targetProjectKind: 'QuestionAnswering',
            questionAnsweringOrchestration: {projectName: 'faq'},
          },
        },
      ],
      utterances: [
        {text: 'send an email to Bob', intent: 'Email', language: 'en-us', dataset: 'Train'},
        {text: 'what are your opening hours', intent: 'FAQ', language: 'en-us', dataset: 'Test'},
      ],
    },
  };

  it('imports intents and utterances, keeps the targets in metadata and says so', async () => {
    const context = createConnectorContext();
    const source = memorySource({'router.json': JSON.stringify(orchestration)}, {kind: 'file'});
    const {dataset} = await cluFormat.importDataset(source, context);
    expect(dataset.intents.map((i) => i.name)).toEqual(['None', 'Email', 'FAQ']);
    expect(dataset.utterances.map((u) => [u.intent, u.split])).toEqual([
      ['Email', 'train'],
      ['FAQ', 'test'],
    ]);
    expect(dataset.intents[1]!.metadata).toMatchObject({
      clu: {orchestration: {targetProjectKind: 'Conversation'}},
    });
    expect(context.warnings.find((w) => w.code === 'CLU_ORCHESTRATION_READ')?.message).toContain(
      'targets of 2 intents',
    );
    expect(checkDataset(dataset).filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('limits per format', () => {
  const withEntities = (kind: 'list' | 'regex', count: number): Dataset => ({
    ...emptyDataset('en'),
    entities: Array.from({length: count}, (_, i) =>
      kind === 'list'
        ? {name: `e${i}`, kind, values: [{value: `v${i}`}]}
        : {name: `e${i}`, kind, patterns: [`\\d{${i + 1}}`]},
    ),
    utterances: [{text: 'hello', intent: 'greet'}],
  });
  const refusal = async (dataset: Dataset, to: string) => {
    const dir = tempDir(`synthnlu-limit-${to}-`);
    return exportToPath(dataset, to, join(dir, 'out')).then(
      () => undefined,
      (e: unknown) => e as SynthnluError,
    );
  };

  it('LUIS: 50 list and 20 regex entities; CLU: 350 entities and 20 regex', async () => {
    expect(await refusal(withEntities('list', 50), 'luis')).toBeUndefined();
    const lists = await refusal(withEntities('list', 51), 'luis');
    expect(lists?.code).toBe('LIMIT_TOO_MANY_ENTITIES');
    expect(lists?.message).toContain('at most 50 list entities');
    expect(await refusal(withEntities('list', 51), 'clu')).toBeUndefined();
    expect((await refusal(withEntities('regex', 21), 'lu'))?.message).toContain(
      'at most 20 regular expression',
    );
    expect((await refusal(withEntities('regex', 21), 'clu'))?.message).toContain(
      'at most 20 entities with a regex',
    );
    expect(await refusal(withEntities('regex', 20), 'clu')).toBeUndefined();
  });

  it('LUIS: 10 roles per entity', async () => {
    const dataset: Dataset = {
      ...emptyDataset('en'),
      entities: [{name: 'city', kind: 'ml', roles: Array.from({length: 11}, (_, i) => `r${i}`)}],
      utterances: [{text: 'hello', intent: 'greet'}],
    };
    expect((await refusal(dataset, 'luis'))?.message).toContain('roles on entity "city"');
  });

  it('utterances per app: LUIS 15,000, CLU 50,000', async () => {
    const dataset: Dataset = {
      ...emptyDataset('en'),
      utterances: Array.from({length: 15001}, (_, i) => ({text: `hello ${i}`, intent: `i${i % 10}`})),
    };
    expect((await refusal(dataset, 'luis'))?.code).toBe('LIMIT_TOO_MANY_UTTERANCES');
    expect(await refusal(dataset, 'clu')).toBeUndefined();
    // Over the older 25,000: written, with a warning.
    const many: Dataset = {
      ...emptyDataset('en'),
      utterances: Array.from({length: 25001}, (_, i) => ({text: `hello ${i}`, intent: `i${i % 10}`})),
    };
    const {warnings} = await exportWith(cluFormat, many);
    expect(warnings.find((w) => w.code === 'LIMIT_CLU_OLD_UTTERANCE_LIMIT')?.message).toContain('25,000');
    const under = await exportWith(cluFormat, dataset);
    expect(under.warnings.find((w) => w.code === 'LIMIT_CLU_OLD_UTTERANCE_LIMIT')).toBeUndefined();
  });
});
