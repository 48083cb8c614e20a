/**
 * push and pull of a dataset in several languages, without --language: every language lands on the platform
 * in its own language (asserted on what the local servers stored), a second push plans nothing, and pull
 * reads every language back into one dataset.
 */
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {runCommand} from '@oclif/test';
import nock from 'nock';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {loadDataset} from '../../src/load/inspect.js';
import type {Dataset} from '../../src/model/dataset.js';
import {datasetInLanguage} from '../../src/model/languages.js';
import {pushedUtterances} from '../../src/remote/plan.js';
import {localeOf} from '../../connectors/lex/names.js';
import {ROOT, tempDir} from '../helpers/cli.js';
import {
  DialogflowCxTestServer,
  type AgentState as CxAgentState,
} from '../support/dialogflow-cx-server/server.js';
import {CluTestService} from '../support/clu-service/service.js';
import {DialogflowTestServer} from '../support/dialogflow-server/server.js';
import {startLexServer, type LocalLexServer} from '../support/lex-server/server.js';
import {PARENT, dialogflowCommand} from './dialogflow-helpers.js';
import {bilingualDataset, writeSmallDataset} from './fixtures.js';

/** The texts push sends in one language, per intent, sorted. */
function pushedTexts(dataset: Dataset, language: string): Record<string, string[]> {
  const part = datasetInLanguage(dataset, language);
  const out: Record<string, string[]> = {};
  for (const intent of part.intents) out[intent.name] = [];
  for (const u of pushedUtterances(part)) out[u.intent]!.push(u.text);
  for (const list of Object.values(out)) list.sort();
  return out;
}

const phraseText = (phrase: {parts: {text: string}[]}) => phrase.parts.map((p) => p.text).join('');

describe('Dialogflow ES: a two-language dataset pushed and pulled without --language', () => {
  let server: DialogflowTestServer;
  let dir: string;
  let file: string;
  const dataset = bilingualDataset();

  beforeAll(async () => {
    server = await DialogflowTestServer.start();
    dir = tempDir('synthnlu-ml-push-');
    file = await writeSmallDataset(dir, dataset);
  });
  afterAll(async () => server.stop());
  beforeEach(() => server.reset());

  const push = (...extra: string[]) =>
    dialogflowCommand(server, [
      'push',
      file,
      '--to',
      'dialogflow',
      '--backup-dir',
      join(dir, 'backups'),
      ...extra,
    ]);

  /** What the server stored, per language: intent → its phrases' texts (sorted). */
  function stored(language: 'en' | 'es'): Record<string, string[]> {
    const state = server.agents.get(PARENT)!;
    const out: Record<string, string[]> = {};
    for (const intent of state.intents.values()) {
      const phrases =
        language === 'en'
          ? (intent.trainingPhrases ?? [])
          : (state.phrases.get(language)?.get(intent.name) ?? []);
      out[intent.displayName] = phrases.map(phraseText).sort();
    }
    return out;
  }

  it('plans per language, adds Spanish to the agent, writes each language in its own, backs up once', async () => {
    const dry = await push('--dry-run');
    expect(dry.error).toBeUndefined();
    const lines = dry.stdout.split('\n');
    expect(lines).toContain('en:');
    expect(lines).toContain('es: (not on dialogflow yet: push adds the language)');
    expect(dry.stdout).toMatch(/Plan for dialogflow \(en, es\): intents 4 to create/);

    const pushed = await push('--yes', '--json');
    expect(pushed.error).toBeUndefined();
    const result = JSON.parse(pushed.stdout);
    expect(result.failed).toBe(0);
    expect(result.plan.languages.map((p: {language: string}) => p.language)).toEqual(['en', 'es']);
    expect(result.plan.languages[1].addsLanguage).toBe(true);
    expect(
      result.plan.intents.create
        .map((c: {name: string; language: string}) => `${c.name}/${c.language}`)
        .sort(),
    ).toEqual(['greet/en', 'greet/es', 'track_order/en', 'track_order/es']);

    const state = server.agents.get(PARENT)!;
    expect(state.supportedLanguageCodes).toEqual(['es']);
    expect(stored('en')).toEqual(pushedTexts(dataset, 'en'));
    expect(stored('es')).toEqual(pushedTexts(dataset, 'es'));
    // The Spanish annotation is stored on the Spanish phrase, with the entity type.
    const track = [...state.intents.values()].find((i) => i.displayName === 'track_order')!;
    const spanish = state.phrases.get('es')!.get(track.name)!;
    expect(spanish.flatMap((p) => p.parts.filter((part) => part.entityType))).toEqual([
      expect.objectContaining({text: 'dhl', entityType: '@carrier'}),
    ]);
    // Entries per language: the Spanish forms only in Spanish.
    const carrier = [...state.entityTypes.values()].find((e) => e.displayName === 'carrier')!;
    expect(carrier.entities!.find((e) => e.value === 'ups')!.synonyms).not.toContain('paquete ups');
    expect(
      state.entries
        .get('es')!
        .get(carrier.name)!
        .find((e) => e.value === 'ups')!.synonyms,
    ).toContain('paquete ups');
    expect(server.callCount('SetAgent')).toBe(1);
    expect(server.callCount('ExportAgent')).toBe(1);
    expect(readdirSync(join(dir, 'backups')).length).toBeGreaterThan(0);

    // A second push of the same dataset plans nothing and writes nothing.
    const writes = server.callCount('BatchUpdateIntents') + server.callCount('BatchUpdateEntityTypes');
    const again = await push('--yes', '--json');
    expect(again.error).toBeUndefined();
    const second = JSON.parse(again.stdout);
    expect(second.plan.empty).toBe(true);
    expect(second.plan.languages.every((p: {empty: boolean}) => p.empty)).toBe(true);
    expect(server.callCount('BatchUpdateIntents') + server.callCount('BatchUpdateEntityTypes')).toBe(writes);
    expect(server.callCount('SetAgent')).toBe(1);

    // Pull reads both languages back into one dataset.
    const out = join(dir, 'pulled.json');
    const pulled = await dialogflowCommand(server, [
      'pull',
      '--from',
      'dialogflow',
      '--out',
      out,
      '--force',
      '--json',
    ]);
    expect(pulled.error).toBeUndefined();
    expect(JSON.parse(pulled.stdout).languages).toEqual(['en', 'es']);
    const back = (await loadDataset(out)).dataset;
    expect(back.languages).toEqual(['en', 'es']);
    expect(pushedTexts(back, 'en')).toEqual(pushedTexts(dataset, 'en'));
    expect(pushedTexts(back, 'es')).toEqual(pushedTexts(dataset, 'es'));
    expect(
      back.entities.find((e) => e.name === 'carrier')!.values!.find((v) => v.value === 'ups')!
        .synonymsByLanguage?.es,
    ).toContain('paquete ups');

    // --language still picks one language on both sides.
    const only = join(dir, 'es.json');
    const spanishOnly = await dialogflowCommand(server, [
      'pull',
      '--from',
      'dialogflow',
      '--out',
      only,
      '--force',
      '--language',
      'es',
      '--json',
    ]);
    expect(spanishOnly.error).toBeUndefined();
    const es = (await loadDataset(only)).dataset;
    expect(es.language).toBe('es');
    expect(es.languages).toBeUndefined();
    expect(pushedTexts(es, 'es')).toEqual(pushedTexts(dataset, 'es'));
  });

  it('deletes an intent the dataset dropped once, in the primary language, only with --prune and a backup', async () => {
    expect((await push('--yes')).error).toBeUndefined();
    const fewer = bilingualDataset();
    fewer.intents = fewer.intents.filter((i) => i.name !== 'greet');
    fewer.utterances = fewer.utterances.filter((u) => u.intent !== 'greet');
    const fewerFile = await writeSmallDataset(tempDir('synthnlu-ml-fewer-'), fewer);
    const args = [
      'push',
      fewerFile,
      '--to',
      'dialogflow',
      '--backup-dir',
      join(dir, 'backups'),
      '--yes',
      '--json',
    ];
    const kept = JSON.parse((await dialogflowCommand(server, args)).stdout);
    expect(kept.plan.intents.delete).toEqual([]);
    expect(Object.keys(stored('en')).sort()).toEqual(['greet', 'track_order']);

    const pruned = JSON.parse((await dialogflowCommand(server, [...args, '--prune'])).stdout);
    expect(pruned.plan.intents.delete).toEqual([{name: 'greet', language: 'en', added: 0, removed: 2}]);
    expect(pruned.backup).toBeDefined();
    expect(Object.keys(stored('en'))).toEqual(['track_order']);
    expect(pruned.failed).toBe(0);
  });
});

describe('Dialogflow CX: a two-language dataset pushed and pulled without --language', () => {
  const AGENT = 'projects/synthnlu-test/locations/global/agents/0a1b2c3d-0000-4000-8000-0000000000aa';
  let server: DialogflowCxTestServer;
  let dir: string;
  let file: string;
  const dataset = bilingualDataset();

  beforeAll(async () => {
    server = await DialogflowCxTestServer.start();
    dir = tempDir('synthnlu-ml-cx-');
    file = await writeSmallDataset(dir, dataset);
  });
  afterAll(async () => server.stop());
  beforeEach(() => server.reset());

  const cx = (args: string[]) =>
    runCommand(
      [...args, '--endpoint', `http://127.0.0.1:${server.port}`, '--project', AGENT, '--retry-base-ms', '1'],
      {root: ROOT},
    );

  function stored(agent: CxAgentState, language: string): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const intent of agent.intents.values())
      out[intent.displayName] = (intent.phrases.get(language) ?? []).map(phraseText).sort();
    return out;
  }

  it('enables Spanish in the agent, writes each language in its own, a second push plans nothing, pull reads both', async () => {
    const agent = server.addAgent(AGENT);
    const args = [
      'push',
      file,
      '--to',
      'dialogflow-cx',
      '--backup-dir',
      join(dir, 'backups'),
      '--yes',
      '--json',
    ];
    const pushed = await cx(args);
    expect(pushed.error).toBeUndefined();
    const result = JSON.parse(pushed.stdout);
    expect(result.failed).toBe(0);
    expect(
      result.plan.languages.map((p: {language: string; addsLanguage?: boolean}) => [
        p.language,
        !!p.addsLanguage,
      ]),
    ).toEqual([
      ['en', false],
      ['es', true],
    ]);
    expect(agent.supportedLanguageCodes).toEqual(['es']);
    expect(stored(agent, 'en')).toEqual(pushedTexts(dataset, 'en'));
    expect(stored(agent, 'es')).toEqual(pushedTexts(dataset, 'es'));
    const carrier = [...agent.entityTypes.values()].find((t) => t.displayName === 'carrier')!;
    expect(carrier.entities.get('es')!.find((e) => e.value === 'ups')!.synonyms).toContain('paquete ups');
    expect(carrier.entities.get('en')!.find((e) => e.value === 'ups')!.synonyms).not.toContain('paquete ups');
    // Two intents created once each (Spanish updates the intents English created), one export as the backup.
    expect(server.callCount('CreateIntent')).toBe(2);
    expect(server.callCount('ExportAgent')).toBe(1);

    const writes = server.callCount('UpdateIntent') + server.callCount('UpdateEntityType');
    const again = JSON.parse((await cx(args)).stdout);
    expect(again.plan.empty).toBe(true);
    expect(server.callCount('UpdateIntent') + server.callCount('UpdateEntityType')).toBe(writes);
    expect(server.callCount('UpdateAgent')).toBe(1);

    const out = join(dir, 'cx-pulled.json');
    const pulled = await cx(['pull', '--from', 'dialogflow-cx', '--out', out, '--force']);
    expect(pulled.error).toBeUndefined();
    const back = (await loadDataset(out)).dataset;
    expect(back.languages).toEqual(['en', 'es']);
    expect(pushedTexts(back, 'en')).toEqual(pushedTexts(dataset, 'en'));
    expect(pushedTexts(back, 'es')).toEqual(pushedTexts(dataset, 'es'));
  });
});

/** Where the dataset's Spanish goes on Lex (the connector's locale for es). */
const ES_LOCALE = localeOf('es');

describe('Lex V2: a two-language dataset pushed and pulled without --language', () => {
  const env: Record<string, string | undefined> = {};
  let server: LocalLexServer;
  let dir: string;
  let file: string;
  const dataset = bilingualDataset();

  beforeAll(() => {
    for (const k of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_PROFILE', 'AWS_REGION'])
      env[k] = process.env[k];
    process.env.AWS_ACCESS_KEY_ID = 'AKIDLOCALTEST';
    process.env.AWS_SECRET_ACCESS_KEY = 'lex-secret-key-0123456789-MULTILANG';
    process.env.AWS_REGION = 'us-east-1';
    Reflect.deleteProperty(process.env, 'AWS_PROFILE');
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(env))
      if (v === undefined) Reflect.deleteProperty(process.env, k);
      else process.env[k] = v;
  });
  beforeEach(async () => {
    server = await startLexServer({botName: 'SupportBot'});
    dir = tempDir('synthnlu-ml-lex-');
    file = await writeSmallDataset(dir, dataset);
  });
  afterEach(async () => server.close());

  const lex = (args: string[]) =>
    runCommand([...args, '--endpoint', server.endpoint, '--retry-base-ms', '1'], {root: ROOT});

  function stored(localeId: string): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const intent of server.locale(localeId).intents.values())
      if (intent.intentName !== 'FallbackIntent')
        out[intent.intentName] = (intent.sampleUtterances ?? []).map((s) => s.utterance).sort();
    return out;
  }

  it('creates the Spanish locale, writes each language to its locale, builds both, a second push plans nothing, pull reads both', async () => {
    const args = [
      'push',
      file,
      '--to',
      'lex',
      '--bot',
      'SupportBot',
      '--backup-dir',
      join(dir, 'backups'),
      '--yes',
    ];
    const pushed = await lex([...args, '--train', '--json']);
    expect(pushed.error).toBeUndefined();
    const result = JSON.parse(pushed.stdout);
    expect(result.failed).toBe(0);
    expect(
      result.plan.languages.map((p: {language: string; addsLanguage?: boolean}) => [
        p.language,
        !!p.addsLanguage,
      ]),
    ).toEqual([
      ['en', false],
      ['es', true],
    ]);
    expect(
      server.requests
        .filter((r) => r.method === 'PUT' && /\/botlocales$/.test(r.path))
        .map((r) => r.body.localeId),
    ).toEqual([ES_LOCALE]);
    // Each locale holds its language's texts (annotated ones also as a {slot} template), none of the other's.
    for (const [localeId, language, other] of [
      ['en_US', 'en', 'es'],
      [ES_LOCALE, 'es', 'en'],
    ] as const) {
      const samples = stored(localeId);
      expect(Object.keys(samples).sort()).toEqual(['greet', 'track_order']);
      for (const [intent, texts] of Object.entries(pushedTexts(dataset, language)))
        expect(samples[intent]).toEqual(expect.arrayContaining(texts));
      for (const texts of Object.values(pushedTexts(dataset, other)))
        for (const text of texts) expect(Object.values(samples).flat()).not.toContain(text);
    }
    const carrier = (localeId: string) =>
      [...server.locale(localeId).slotTypes.values()].find((t) => t.slotTypeName === 'carrier')!;
    expect(
      carrier(ES_LOCALE).slotTypeValues!.flatMap((v) => (v.synonyms ?? []).map((s) => s.value)),
    ).toContain('paquete ups');
    expect(
      carrier('en_US').slotTypeValues!.flatMap((v) => (v.synonyms ?? []).map((s) => s.value)),
    ).not.toContain('paquete ups');
    expect(server.locale('en_US').builds).toBe(1);
    expect(server.locale(ES_LOCALE).builds).toBe(1);

    const writes = server.writes().length;
    const again = JSON.parse((await lex([...args, '--json'])).stdout);
    expect(again.plan.empty).toBe(true);
    expect(server.writes().length).toBe(writes);

    const out = join(dir, 'lex-pulled.json');
    const pulled = await lex(['pull', '--from', 'lex', '--bot', 'SupportBot', '--out', out, '--force']);
    expect(pulled.error).toBeUndefined();
    const back = (await loadDataset(out)).dataset;
    expect(back.languages).toEqual(['en', 'es']);
    // Lex's fallback intent comes back in each locale as the dataset's None, without samples.
    for (const language of ['en', 'es']) {
      const {None: none, ...texts} = pushedTexts(back, language);
      expect(none).toEqual([]);
      expect(texts).toEqual(pushedTexts(dataset, language));
    }
  });

  it('--locale with two languages is refused before anything is written', async () => {
    const run = await lex([
      'push',
      file,
      '--to',
      'lex',
      '--bot',
      'SupportBot',
      '--locale',
      'en_GB',
      '--yes',
      '--json',
    ]);
    expect(JSON.parse(run.stdout).error.code).toBe('LEX_LOCALE_WITH_LANGUAGES');
    expect(server.writes()).toEqual([]);
  });
});

describe('Azure CLU: a two-language dataset pushed and pulled without --language', () => {
  const ENDPOINT = 'https://my-lang.cognitiveservices.azure.com';
  const KEY_ENV = 'SYNTHNLU_TEST_ML_CLU_KEY';
  const KEY = 'clu-key-multilingual-0123456789-SECRET';
  let dir: string;
  let file: string;
  const dataset = bilingualDataset();

  beforeAll(async () => {
    nock.disableNetConnect();
    process.env[KEY_ENV] = KEY;
    dir = tempDir('synthnlu-ml-clu-');
    file = await writeSmallDataset(dir, dataset);
  });
  afterAll(() => {
    Reflect.deleteProperty(process.env, KEY_ENV);
    nock.enableNetConnect();
  });
  afterEach(() => nock.cleanAll());

  const clu = (args: string[]) =>
    runCommand(
      [...args, '--endpoint', ENDPOINT, '--project', 'support', '--key-env', KEY_ENV, '--retry-base-ms', '1'],
      {root: ROOT},
    );

  /** CLU's codes for the dataset's languages (cluLanguage: English takes a region). */
  const CLU_CODES: Record<string, string> = {en: 'en-us', es: 'es'};

  it('one multilingual project holds both languages, a second push imports nothing, pull reads both', async () => {
    const service = new CluTestService(ENDPOINT, KEY);
    const args = ['push', file, '--to', 'clu', '--backup-dir', join(dir, 'backups'), '--yes', '--json'];
    const pushed = await clu(args);
    expect(pushed.error).toBeUndefined();
    const result = JSON.parse(pushed.stdout);
    expect(result.failed).toBe(0);
    expect(result.plan.languages.map((p: {language: string}) => p.language)).toEqual(['en', 'es']);

    const project = service.projects.get('support')!.project;
    expect(project.metadata.multilingual).toBe(true);
    for (const language of ['en', 'es']) {
      const texts: Record<string, string[]> = {greet: [], track_order: []};
      for (const u of project.assets.utterances)
        if (u.language === CLU_CODES[language] && u.dataset !== 'Test') texts[u.intent]!.push(u.text);
      for (const list of Object.values(texts)) list.sort();
      expect(texts).toEqual(pushedTexts(dataset, language));
    }
    const ups = project.assets.entities
      .find((e) => e.category === 'carrier')!
      .list!.sublists.find((s) => s.listKey === 'ups')!;
    expect(ups.synonyms.find((g) => g.language === 'es')!.values).toContain('paquete ups');
    expect(ups.synonyms.find((g) => g.language === 'en-us')!.values).not.toContain('paquete ups');

    const imports = () => service.log.filter((l) => l.includes(':import')).length;
    const before = imports();
    const again = JSON.parse((await clu(args)).stdout);
    expect(again.plan.empty).toBe(true);
    expect(imports()).toBe(before);

    const out = join(dir, 'clu-pulled.json');
    const pulled = await clu(['pull', '--from', 'clu', '--out', out, '--force']);
    expect(pulled.error).toBeUndefined();
    const back = (await loadDataset(out)).dataset;
    // Pulled in CLU's own codes (English is en-us there), as a one-language pull always was.
    expect(back.languages).toEqual(['en-us', 'es']);
    expect(pushedTexts(back, 'en-us')).toEqual(pushedTexts(dataset, 'en'));
    expect(pushedTexts(back, 'es')).toEqual(pushedTexts(dataset, 'es'));
  });
});

describe('Rasa: one model per server', () => {
  it('refuses a two-language dataset before connecting, naming a push per language', async () => {
    const dir = tempDir('synthnlu-ml-rasa-');
    const file = await writeSmallDataset(dir, bilingualDataset());
    // Nothing listens on this port: the refusal comes before any request.
    const run = await runCommand(
      ['push', file, '--to', 'rasa', '--endpoint', 'http://127.0.0.1:9', '--yes', '--json'],
      {
        root: ROOT,
      },
    );
    const error = JSON.parse(run.stdout).error;
    expect(error.code).toBe('REMOTE_ONE_LANGUAGE');
    expect(error.suggestion).toContain('--to rasa --language en');
    expect(error.suggestion).toContain('--to rasa --language es');
    const english = await runCommand(
      [
        'push',
        file,
        '--to',
        'rasa',
        '--endpoint',
        'http://127.0.0.1:9',
        '--language',
        'en',
        '--dry-run',
        '--json',
      ],
      {root: ROOT},
    );
    expect(JSON.parse(english.stdout).error?.code).not.toBe('REMOTE_ONE_LANGUAGE');
  });
});
