/**
 * push --to rasa against the local Rasa server (test/support/rasa-server), which refuses the training payloads
 * Rasa refuses: the push test checks the YAML the server was trained on, and the refusal tests resend the payload
 * a push sent with one mapping broken.
 */
import {join} from 'node:path';
import {runCommand} from '@oclif/test';
import {parse, stringify} from 'yaml';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {loadAnyAsDataset} from '../../src/convert/load-any.js';
import type {Dataset} from '../../src/model/dataset.js';
import {writeDataset} from '../../src/model/write-dataset.js';
import {pushedUtterances} from '../../src/remote/plan.js';
import {ROOT, tempDir} from '../helpers/cli.js';
import {RasaTestServer, rasaAnnotatedExamples} from '../support/rasa-server/server.js';
import {SPEC} from './dialogflow-helpers.js';

let server: RasaTestServer;
let dir: string;
let datasetFile: string;
let generated: Dataset;

beforeAll(async () => {
  server = await RasaTestServer.start();
  dir = tempDir('synthnlu-rasa-server-');
  generated = (await loadAnyAsDataset(SPEC, {seed: 1})).dataset;
  datasetFile = join(dir, 'data.json');
  await writeDataset(datasetFile, generated);
});
afterAll(async () => server.stop());
beforeEach(() => {
  server.models.clear();
  server.trainingData.clear();
  server.loaded = undefined;
});

async function push() {
  const target = ['--to', 'rasa', '--endpoint', server.url, '--yes'];
  const options = ['--retry-base-ms', '1', '--backup-dir', join(dir, 'backups')];
  const run = await runCommand(['push', datasetFile, ...target, ...options], {root: ROOT});
  expect(run.error).toBeUndefined();
  return server.trainingData.get(server.loaded!)!;
}

async function train(body: string, contentType = 'application/x-yaml') {
  const response = await fetch(`${server.url}/model/train`, {
    method: 'POST',
    headers: {'content-type': contentType},
    body,
  });
  return {status: response.status, body: await response.text()};
}

describe('push --to rasa against the local Rasa server', () => {
  it('trains on every pushed utterance under its intent, each annotation on the span of the dataset', async () => {
    const yaml = await push();
    const sent = parse(yaml) as {version: unknown; nlu: {intent?: string; examples: string}[]};
    expect(sent.version).toBe('3.1');
    const stored = (sent.nlu ?? [])
      .filter((item) => item.intent)
      .flatMap((item) =>
        rasaAnnotatedExamples(stringify({nlu: [item]})).map((example) => ({
          intent: item.intent!,
          text: example.text,
          entities: example.entities,
        })),
      );
    const key = (u: {intent: string; text: string}) => `${u.intent}\u0000${u.text}`;
    const byKey = new Map(stored.map((u) => [key(u), u]));
    let spans = 0;
    for (const utterance of pushedUtterances(generated)) {
      const trained = byKey.get(key(utterance));
      expect(trained, utterance.text).toBeDefined();
      expect(trained!.entities).toEqual(
        (utterance.entities ?? []).map((s) => ({entity: s.entity, start: s.start, end: s.end})),
      );
      spans += utterance.entities?.length ?? 0;
    }
    expect(spans).toBeGreaterThan(10);
    expect(stored).toHaveLength(byKey.size);
  });
});

describe('the local Rasa server refuses the training payloads Rasa refuses', () => {
  it('accepts the payload a push sent, and refuses it with the version written as a number', async () => {
    const yaml = await push();
    expect(await train(yaml)).toMatchObject({status: 200});
    const broken = yaml.replace(/^version: "?3\.1"?$/m, 'version: 3.1');
    expect(broken).not.toBe(yaml);
    expect(await train(broken)).toMatchObject({
      status: 400,
      body: expect.stringContaining('version must be'),
    });
  });

  it('refuses examples given as a list instead of one block, a repeated key, YAML sent as JSON, and no body', async () => {
    const yaml = await push();
    const data = parse(yaml) as {nlu: {intent?: string; examples: unknown}[]};
    const item = data.nlu.find((i) => i.intent)!;
    item.examples = String(item.examples)
      .split('\n')
      .filter(Boolean)
      .map((line) => line.replace(/^- /, ''));
    expect(await train(stringify(data))).toMatchObject({
      status: 400,
      body: expect.stringContaining('examples must be one string'),
    });
    expect(await train(`${yaml}\nversion: "3.1"\n`)).toMatchObject({status: 400});
    expect(await train(yaml, 'application/json')).toMatchObject({status: 400});
    expect(await train('')).toMatchObject({status: 400});
  });
});
