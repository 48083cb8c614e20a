/**
 * push --to clu against the CLU test service (test/support/clu-service), which refuses the import bodies CLU
 * refuses: the push test checks what the service stored, and the refusal tests resend the body a push sent with
 * one mapping broken.
 */
import {join} from 'node:path';
import {runCommand} from '@oclif/test';
import nock from 'nock';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import type {CluProject} from '../../connectors/botframework/clu/types.js';
import {loadAnyAsDataset} from '../../src/convert/load-any.js';
import type {Dataset} from '../../src/model/dataset.js';
import {writeDataset} from '../../src/model/write-dataset.js';
import {pushedUtterances} from '../../src/remote/plan.js';
import {ROOT, tempDir} from '../helpers/cli.js';
import {CluTestService} from '../support/clu-service/service.js';
import {SPEC} from './dialogflow-helpers.js';

const ENDPOINT = 'https://my-lang.cognitiveservices.azure.com';
const KEY_ENV = 'SYNTHNLU_TEST_CLU_SERVICE_KEY';
const KEY = 'clu-service-key-1a2b3c4d5e6f7a8b9c0d-VERYSECRET';

let dir: string;
let datasetFile: string;
let generated: Dataset;
let service: CluTestService;

beforeAll(async () => {
  nock.disableNetConnect();
  process.env[KEY_ENV] = KEY;
  dir = tempDir('synthnlu-clu-service-');
  generated = (await loadAnyAsDataset(SPEC, {seed: 1})).dataset;
  datasetFile = join(dir, 'data.json');
  await writeDataset(datasetFile, generated);
});
afterAll(() => {
  Reflect.deleteProperty(process.env, KEY_ENV);
  nock.enableNetConnect();
});
beforeEach(() => {
  service = new CluTestService(ENDPOINT, KEY);
});
afterEach(() => nock.cleanAll());

async function push(file: string, ...extra: string[]) {
  return runCommand(
    [
      'push',
      file,
      '--to',
      'clu',
      '--yes',
      '--backup-dir',
      join(dir, 'backups'),
      '--endpoint',
      ENDPOINT,
      '--project',
      'support',
      '--key-env',
      KEY_ENV,
      '--retry-base-ms',
      '1',
      ...extra,
    ],
    {root: ROOT},
  );
}

/** POSTs an :import body to the service over HTTP (through nock), as CluApi does. */
async function importBody(project: unknown, name = 'support-copy') {
  const response = await fetch(
    `${ENDPOINT}/language/authoring/analyze-conversations/projects/${name}/:import?api-version=2023-04-01`,
    {
      method: 'POST',
      headers: {'ocp-apim-subscription-key': KEY, 'content-type': 'application/json'},
      body: JSON.stringify(project),
    },
  );
  return {
    status: response.status,
    body: (await response.text()) as string,
  };
}

describe('push --to clu against the CLU test service', () => {
  it('stores every pushed utterance with its intent, and each label at the offset and length of its span', async () => {
    const run = await push(datasetFile, '--json');
    expect(run.error).toBeUndefined();
    const stored = service.projects.get('support')!.project;
    expect(stored.metadata.projectKind).toBe('Conversation');
    expect(stored.assets.projectKind).toBe('Conversation');
    const byKey = new Map(stored.assets.utterances.map((u) => [`${u.intent}\u0000${u.text}`, u]));
    let labels = 0;
    for (const utterance of pushedUtterances(generated)) {
      const saved = byKey.get(`${utterance.intent}\u0000${utterance.text}`);
      expect(saved, utterance.text).toBeDefined();
      const spans = (utterance.entities ?? []).map((s) => ({
        category: s.entity,
        text: utterance.text.slice(s.start, s.end),
      }));
      expect(
        (saved!.entities ?? []).map((label) => ({
          category: label.category,
          text: saved!.text.slice(label.offset, label.offset + label.length),
        })),
      ).toEqual(spans);
      labels += spans.length;
    }
    expect(labels).toBeGreaterThan(10);
    const declared = new Set(stored.assets.entities?.map((e) => e.category));
    for (const entity of generated.entities.filter((e) => e.kind === 'list'))
      expect(declared.has(entity.name), entity.name).toBe(true);
  });
});

describe('the CLU test service refuses the import bodies CLU refuses', () => {
  /** The body a push sent (the client code path's output), to break one mapping at a time. */
  async function sentBody(): Promise<CluProject> {
    expect((await push(datasetFile)).error).toBeUndefined();
    return structuredClone(service.projects.get('support')!.project);
  }
  const refused = (problem: RegExp) => ({status: 400, body: expect.stringMatching(problem)});

  it('accepts the body as sent, and refuses it with an entity offset off by one past the text', async () => {
    const body = await sentBody();
    expect(await importBody(body)).toMatchObject({status: 202});
    const broken = structuredClone(body);
    const utterance = broken.assets.utterances.find((u) => u.entities?.length)!;
    const label = utterance.entities![0]!;
    // The last label shifted so that it ends one character past the text.
    label.offset = utterance.text.length - label.length + 1;
    expect(await importBody(broken)).toMatchObject(refused(/runs past the text/));
  });

  it('refuses a label whose category, or an utterance whose intent, is not declared in the assets', async () => {
    const body = await sentBody();
    const category = structuredClone(body);
    category.assets.utterances.find((u) => u.entities?.length)!.entities![0]!.category = 'undeclared_entity';
    expect(await importBody(category)).toMatchObject(refused(/not in assets\.entities/));
    const intent = structuredClone(body);
    intent.assets.intents = intent.assets.intents.filter(
      (i) => i.category !== intent.assets.utterances[0]!.intent,
    );
    expect(await importBody(intent)).toMatchObject(refused(/not in assets\.intents/));
  });

  it('refuses a wrong project kind, a malformed language, another language in a one-language project, and a third dataset', async () => {
    const body = await sentBody();
    const kind = structuredClone(body);
    (kind.metadata as {projectKind: string}).projectKind = 'Orchestration';
    expect(await importBody(kind)).toMatchObject(refused(/projectKind/));
    const language = structuredClone(body);
    language.metadata.language = 'English';
    expect(await importBody(language)).toMatchObject(refused(/language code/));
    const other = structuredClone(body);
    other.metadata.multilingual = false;
    other.assets.utterances[0]!.language = 'de';
    expect(await importBody(other)).toMatchObject(refused(/not multilingual/));
    other.metadata.multilingual = true;
    expect(await importBody(other)).toMatchObject({status: 202});
    const dataset = structuredClone(body);
    (dataset.assets.utterances[0] as {dataset: string}).dataset = 'Validation';
    expect(await importBody(dataset)).toMatchObject(refused(/Train or Test/));
    expect(await importBody(body, 'has space')).toMatchObject(refused(/naming limits/));
  });
});
