/**
 * evaluate on a dataset in two languages (en + es), pushed without --language: each test utterance reaches the
 * platform with its own language (asserted on what the local servers received), the report has one accuracy
 * per language, --language es restricts to Spanish, Rasa (one model per server) refuses both languages at
 * once, and the cache keeps the same text in two languages apart.
 */
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {runCommand} from '@oclif/test';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {localeOf} from '../../connectors/lex/names.js';
import {openRecognitionCache} from '../../src/evaluate/cache.js';
import {ROOT, tempDir} from '../helpers/cli.js';
import {DialogflowCxTestServer} from '../support/dialogflow-cx-server/server.js';
import {DialogflowTestServer} from '../support/dialogflow-server/server.js';
import {startLexServer} from '../support/lex-server/server.js';
import {CluTestService} from '../support/clu-service/service.js';
import {cluLanguage} from '../../connectors/botframework/culture.js';
import nock from 'nock';
import {dialogflowCommand} from '../remote/dialogflow-helpers.js';
import type {Dataset} from '../../src/model/dataset.js';
import {datasetInLanguage} from '../../src/model/languages.js';
import {writeSmallDataset} from '../remote/fixtures.js';

/** Two intents in English and Spanish, four training phrases each per language, two test utterances each. */
function bilingualDataset(): Dataset {
  const train = (language: string, intent: string, texts: string[]) =>
    texts.map((text) => ({text, intent, language}));
  const test = (language: string, intent: string, text: string) => ({
    text,
    intent,
    language,
    split: 'test' as const,
  });
  return {
    format: 'synthnlu-dataset/1',
    language: 'en',
    languages: ['en', 'es'],
    intents: [{name: 'track_order'}, {name: 'greet'}],
    entities: [],
    utterances: [
      ...train('en', 'track_order', [
        'where is my parcel',
        'track my order',
        'where is my order now',
        'track the parcel please',
      ]),
      ...train('en', 'greet', ['hello there', 'hi', 'good morning', 'hello friend']),
      ...train('es', 'track_order', [
        'dónde está mi pedido',
        'rastrear mi pedido',
        'dónde está mi paquete',
        'rastrear el paquete por favor',
      ]),
      ...train('es', 'greet', ['hola', 'buenos días', 'hola amigo', 'buenas tardes']),
      test('en', 'track_order', 'where is my order'),
      test('en', 'greet', 'hello'),
      test('es', 'track_order', 'dónde está mi paquete ahora'),
      test('es', 'greet', 'hola buenos días'),
    ],
  };
}

/** The test split: each utterance with its language's code. */
const ASKED = [
  {text: 'hello', languageCode: 'en'},
  {text: 'where is my order', languageCode: 'en'},
  {text: 'dónde está mi paquete ahora', languageCode: 'es'},
  {text: 'hola buenos días', languageCode: 'es'},
];
const byLanguageAndText = (
  a: {text: string; languageCode: string},
  b: {text: string; languageCode: string},
) => a.languageCode.localeCompare(b.languageCode) || a.text.localeCompare(b.text);

interface LanguageRow {
  language: string;
  model?: {accuracy: number; testSize: number; recognizer?: string};
}

/** Each language's measured accuracy and test size, from --json. */
function perLanguage(stdout: string): Record<string, {accuracy: number; testSize: number}> {
  const report = JSON.parse(stdout) as {languages?: LanguageRow[]};
  return Object.fromEntries(
    (report.languages ?? []).map((l) => [
      l.language,
      {accuracy: l.model?.accuracy ?? NaN, testSize: l.model?.testSize ?? 0},
    ]),
  );
}

describe('evaluate --on dialogflow: a two-language agent', () => {
  let server: DialogflowTestServer;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    server = await DialogflowTestServer.start();
    dir = tempDir('synthnlu-ml-eval-df-');
    file = await writeSmallDataset(dir, bilingualDataset());
  });
  afterAll(async () => server.stop());
  beforeEach(() => server.reset());

  const run = (args: string[]) => dialogflowCommand(server, args);
  const asked = () =>
    (server.requests.get('DetectIntent') as {queryInput: {text: {text: string; languageCode: string}}}[]).map(
      (r) => ({text: r.queryInput.text.text, languageCode: r.queryInput.text.languageCode}),
    );

  it('asks each utterance in its own language and reports one accuracy per language', async () => {
    const pushed = await run([
      'push',
      file,
      '--to',
      'dialogflow',
      '--train',
      '--yes',
      '--backup-dir',
      join(dir, 'b'),
    ]);
    expect(pushed.error).toBeUndefined();
    server.resetCounts();
    const evaluated = await run(['evaluate', file, '--on', 'dialogflow', '--no-cache', '--json']);
    expect(evaluated.error).toBeUndefined();
    expect(asked().sort(byLanguageAndText)).toEqual(ASKED);
    const languages = perLanguage(evaluated.stdout);
    expect(Object.keys(languages)).toEqual(['en', 'es']);
    expect(languages.en!.testSize).toBe(2);
    expect(languages.es!.testSize).toBe(2);
    // Each language's agent answers its own greeting (the Spanish model knows "buenos días" is not an order).
    expect(languages.en!.accuracy).toBe(1);
    expect(languages.es!.accuracy).toBe(1);

    server.resetCounts();
    const spanish = await run([
      'evaluate',
      file,
      '--on',
      'dialogflow',
      '--language',
      'es',
      '--no-cache',
      '--json',
    ]);
    expect(spanish.error).toBeUndefined();
    expect(asked().sort(byLanguageAndText)).toEqual(ASKED.slice(2));
    expect(JSON.parse(spanish.stdout)).toMatchObject({accuracy: 1, model: {testSize: 2}});
  });

  it('refuses a language the agent lacks (INVALID_ARGUMENT, as Dialogflow does)', async () => {
    const enOnly = await writeSmallDataset(
      tempDir('synthnlu-ml-eval-en-'),
      datasetInLanguage(bilingualDataset(), 'en'),
    );
    expect(
      (await run(['push', enOnly, '--to', 'dialogflow', '--train', '--yes', '--backup-dir', join(dir, 'b2')]))
        .error,
    ).toBeUndefined();
    const evaluated = await run(['evaluate', file, '--on', 'dialogflow', '--language', 'es', '--no-cache']);
    expect(evaluated.stderr).toMatch(/does not support the language 'es'/);
  });
});

describe('evaluate --on dialogflow-cx: a two-language agent', () => {
  const AGENT = 'projects/synthnlu-test/locations/global/agents/0a1b2c3d-0000-4000-8000-0000000000ab';
  let server: DialogflowCxTestServer;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    server = await DialogflowCxTestServer.start();
    dir = tempDir('synthnlu-ml-eval-cx-');
    file = await writeSmallDataset(dir, bilingualDataset());
  });
  afterAll(async () => server.stop());
  beforeEach(() => server.reset());

  const cx = (args: string[]) =>
    runCommand(
      [...args, '--endpoint', `http://127.0.0.1:${server.port}`, '--project', AGENT, '--retry-base-ms', '1'],
      {root: ROOT},
    );

  it('asks matchIntent in each utterance language and reports one accuracy per language', async () => {
    server.addAgent(AGENT);
    const pushed = await cx([
      'push',
      file,
      '--to',
      'dialogflow-cx',
      '--train',
      '--yes',
      '--backup-dir',
      join(dir, 'b'),
    ]);
    expect(pushed.error).toBeUndefined();
    server.resetCounts();
    const evaluated = await cx(['evaluate', file, '--on', 'dialogflow-cx', '--no-cache', '--json']);
    expect(evaluated.error).toBeUndefined();
    const asked = (
      server.requests.get('MatchIntent') as {queryInput: {text: {text: string}; languageCode: string}}[]
    )
      .map((r) => ({text: r.queryInput.text.text, languageCode: r.queryInput.languageCode}))
      .sort(byLanguageAndText);
    expect(asked).toEqual(ASKED);
    const languages = perLanguage(evaluated.stdout);
    expect(languages).toEqual({en: {accuracy: 1, testSize: 2}, es: {accuracy: 1, testSize: 2}});
  });
});

describe('evaluate --on lex: one locale per language', () => {
  const AWS_VARS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION', 'AWS_PROFILE'];
  const saved = new Map(AWS_VARS.map((k) => [k, process.env[k]]));
  beforeAll(() => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIDLOCALTEST';
    process.env.AWS_SECRET_ACCESS_KEY = 'lex-eval-ml-secret-0123456789';
    process.env.AWS_REGION = 'us-east-1';
    Reflect.deleteProperty(process.env, 'AWS_PROFILE');
  });
  afterAll(() => {
    for (const [k, v] of saved)
      if (v === undefined) Reflect.deleteProperty(process.env, k);
      else process.env[k] = v;
  });

  it("asks RecognizeText in each language's locale (localeOf) and reports one accuracy per language", async () => {
    const server = await startLexServer({botName: 'EvalBot'});
    try {
      const dir = tempDir('synthnlu-ml-eval-lex-');
      const file = await writeSmallDataset(dir, bilingualDataset());
      const lex = (args: string[]) =>
        runCommand([...args, '--bot', 'EvalBot', '--endpoint', server.endpoint, '--retry-base-ms', '1'], {
          root: ROOT,
        });
      const pushed = await lex([
        'push',
        file,
        '--to',
        'lex',
        '--yes',
        '--train',
        '--backup-dir',
        join(dir, 'b'),
      ]);
      expect(pushed.error).toBeUndefined();
      const before = server.requests.length;
      const evaluated = await lex(['evaluate', file, '--on', 'lex', '--no-cache', '--json']);
      expect(evaluated.error).toBeUndefined();
      const asked = server.requests
        .slice(before)
        .flatMap((r) => {
          const m = /\/botLocales\/([^/]+)\/sessions\/[^/]+\/text$/.exec(r.path);
          return m ? [{text: String(r.body.text), languageCode: m[1]!}] : [];
        })
        .sort(byLanguageAndText);
      expect(asked).toEqual(ASKED.map((a) => ({...a, languageCode: localeOf(a.languageCode)})));
      expect(perLanguage(evaluated.stdout)).toEqual({
        en: {accuracy: 1, testSize: 2},
        es: {accuracy: 1, testSize: 2},
      });
    } finally {
      await server.close();
    }
  });
});

describe('evaluate --on clu: one multilingual project', () => {
  const ENDPOINT = 'https://my-lang.cognitiveservices.azure.com';
  const KEY_ENV = 'SYNTHNLU_TEST_ML_EVAL_CLU_KEY';
  const KEY = 'clu-eval-ml-key-0123456789-SECRET';
  beforeAll(() => {
    nock.disableNetConnect();
    process.env[KEY_ENV] = KEY;
  });
  afterAll(() => {
    Reflect.deleteProperty(process.env, KEY_ENV);
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("sends each conversation item with its language (CLU's code) and reports one accuracy per language", async () => {
    const service = new CluTestService(ENDPOINT, KEY);
    const dir = tempDir('synthnlu-ml-eval-clu-');
    const file = await writeSmallDataset(dir, bilingualDataset());
    const clu = (args: string[]) =>
      runCommand(
        [
          ...args,
          '--endpoint',
          ENDPOINT,
          '--project',
          'support',
          '--key-env',
          KEY_ENV,
          '--retry-base-ms',
          '1',
        ],
        {root: ROOT},
      );
    const pushed = await clu([
      'push',
      file,
      '--to',
      'clu',
      '--yes',
      '--train',
      '--deployment',
      'production',
      '--backup-dir',
      join(dir, 'b'),
    ]);
    expect(pushed.error).toBeUndefined();
    const evaluated = await clu([
      'evaluate',
      file,
      '--on',
      'clu',
      '--deployment',
      'production',
      '--no-cache',
      '--json',
    ]);
    expect(evaluated.error).toBeUndefined();
    const asked = service.analyzed
      .map((a) => ({text: a.text, languageCode: a.language ?? ''}))
      .sort(byLanguageAndText);
    expect(asked).toEqual(ASKED.map((a) => ({...a, languageCode: cluLanguage(a.languageCode)})));
    expect(Object.keys(perLanguage(evaluated.stdout))).toEqual(['en', 'es']);
  });
});

describe('evaluate --on local: one classifier per language', () => {
  it('scores each language on its own model; the text report names each accuracy', async () => {
    const dir = tempDir('synthnlu-ml-eval-local-');
    const file = await writeSmallDataset(dir, bilingualDataset());
    const json = await runCommand(['evaluate', file, '--on', 'local', '--json'], {root: ROOT});
    expect(json.error).toBeUndefined();
    expect(perLanguage(json.stdout)).toEqual({
      en: {accuracy: 1, testSize: 2},
      es: {accuracy: 1, testSize: 2},
    });
    const text = await runCommand(['evaluate', file, '--on', 'local'], {root: ROOT});
    expect(text.stdout).toMatch(/^ {2}en: .*accuracy 100\.0%/m);
    expect(text.stdout).toMatch(/^ {2}es: .*accuracy 100\.0%/m);
  });
});

describe('evaluate --on rasa: one model per server', () => {
  it('refuses a test set in two languages before sending anything, suggesting --language', async () => {
    const dir = tempDir('synthnlu-ml-eval-rasa-');
    const file = await writeSmallDataset(dir, bilingualDataset());
    // Port 9 (discard): a request would fail with a connection error, not the refusal.
    const run = await runCommand(['evaluate', file, '--on', 'rasa', '--endpoint', 'http://127.0.0.1:9'], {
      root: ROOT,
    });
    expect(run.stderr).toMatch(
      /rasa runs one model per server, but the test set is in 2 languages \(en, es\)/,
    );
    expect(run.stderr).toMatch(/fix: Evaluate one language per server: --language en/);
    // With one language picked, the run goes on to the server (here: nothing listens, so the connection fails).
    const english = await runCommand(
      ['evaluate', file, '--on', 'rasa', '--endpoint', 'http://127.0.0.1:9', '--language', 'en'],
      {root: ROOT},
    );
    expect(english.error).toBeDefined();
    expect(english.stderr).not.toMatch(/one model per server/);
  });
});

describe('the recognition cache keys answers by language and text', () => {
  it('keeps the same text in two languages apart, and reads a line without a language as the primary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synthnlu-ml-cache-'));
    const cache = await openRecognitionCache(dir, 'dialogflow project=p', 'f', 'en');
    await cache.put('taxi', {intent: 'book_taxi'}, 'en');
    expect(cache.get('taxi', 'es')).toBeUndefined();
    await cache.put('taxi', {intent: 'reservar_taxi'}, 'es');
    const again = await openRecognitionCache(dir, 'dialogflow project=p', 'f', 'en');
    expect([again.get('taxi', 'en')?.intent, again.get('taxi', 'es')?.intent, again.size]).toEqual([
      'book_taxi',
      'reservar_taxi',
      2,
    ]);
    // A cache written before answers carried their language.
    const old = mkdtempSync(join(tmpdir(), 'synthnlu-ml-cache-old-'));
    const file = (await import('node:fs')).readdirSync(dir)[0]!;
    writeFileSync(join(old, file), `${JSON.stringify({text: 'hello', recognition: {intent: 'greet'}})}\n`);
    const legacy = await openRecognitionCache(old, 'dialogflow project=p', 'f', 'en');
    expect([legacy.get('hello', 'en')?.intent, legacy.get('hello', 'es')]).toEqual(['greet', undefined]);
  });
});
