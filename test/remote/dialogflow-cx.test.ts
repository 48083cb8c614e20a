import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {status} from '@grpc/grpc-js';
import {runCommand} from '@oclif/test';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {cxApiEndpoint} from '../../connectors/dialogflow/cx/remote/client.js';
import {loadAnyAsDataset} from '../../src/convert/load-any.js';
import {importFromPath} from '../../src/convert/import.js';
import {loadDataset} from '../../src/load/inspect.js';
import type {Dataset} from '../../src/model/dataset.js';
import {writeDataset} from '../../src/model/write-dataset.js';
import {grpcError} from '../../src/remote/grpc.js';
import {phraseKeysByIntent, pushedUtterances} from '../../src/remote/plan.js';
import {Secrets} from '../../src/remote/secrets.js';
import {ROOT, runCli, tempDir} from '../helpers/cli.js';
import {DialogflowCxTestServer, type AgentState} from '../support/dialogflow-cx-server/server.js';
import {SPEC} from './dialogflow-helpers.js';

const AGENT = 'projects/synthnlu-test/locations/global/agents/0a1b2c3d-0000-4000-8000-000000000001';

let server: DialogflowCxTestServer;
let generated: Dataset;
let datasetFile: string;
let dir: string;
let agent: AgentState;

beforeAll(async () => {
  server = await DialogflowCxTestServer.start();
  dir = tempDir('synthnlu-cx-push-');
  generated = (await loadAnyAsDataset(SPEC, {seed: 1})).dataset;
  datasetFile = join(dir, 'data.json');
  await writeDataset(datasetFile, generated);
});
afterAll(async () => server.stop());
beforeEach(() => {
  server.reset();
  agent = server.addAgent(AGENT);
});

/** Runs a command in process against the local server; retries use tiny delays so faults cost milliseconds. */
async function cx(args: string[], project = AGENT) {
  return runCommand(
    [...args, '--endpoint', `http://127.0.0.1:${server.port}`, '--project', project, '--retry-base-ms', '1'],
    {root: ROOT},
  );
}

async function push(file: string, ...extra: string[]) {
  return cx(['push', file, '--to', 'dialogflow-cx', '--yes', '--backup-dir', join(dir, 'backups'), ...extra]);
}

async function pulled(): Promise<Dataset> {
  const out = join(dir, `pulled-${Date.now()}-${Math.random()}.json`);
  const run = await cx(['pull', '--from', 'dialogflow-cx', '--out', out]);
  expect(run.error).toBeUndefined();
  return (await loadDataset(out)).dataset;
}

function trainedPhrases(dataset: Dataset) {
  return phraseKeysByIntent(dataset, pushedUtterances(dataset));
}

function intentNamed(name: string) {
  return [...agent.intents.values()].find((i) => i.displayName === name)!;
}

describe('push/pull against the local Dialogflow CX server (real @google-cloud/dialogflow-cx client)', () => {
  it('pushes a generated dataset and pulls back the same intents, phrases, annotations and entity values', async () => {
    const run = await push(datasetFile, '--json');
    expect(run.error).toBeUndefined();
    const result = JSON.parse(run.stdout);
    expect(result.failed).toBe(0);
    expect(result.plan.intents.create).toHaveLength(generated.intents.length);
    expect(server.callCount('CreateIntent')).toBe(generated.intents.length);
    expect(server.callCount('UpdateIntent')).toBe(0);
    const back = await pulled();
    expect(back.intents.map((i) => i.name).sort()).toEqual(generated.intents.map((i) => i.name).sort());
    expect(trainedPhrases(back)).toEqual(trainedPhrases(generated));
    expect(back.utterances.filter((u) => u.entities?.length).length).toBeGreaterThan(0);
    for (const entity of generated.entities.filter((e) => e.kind === 'list'))
      expect(back.entities.find((e) => e.name === entity.name)?.values).toEqual(entity.values);
  });

  it('stores each annotation as the API defines it: a part whose parameter_id names a declared parameter typed by the entity type resource', async () => {
    const run = await push(datasetFile, '--json');
    expect(run.error).toBeUndefined();
    const typeByResource = new Map([...agent.entityTypes.values()].map((t) => [t.name, t.displayName]));
    const kinds = new Map(generated.entities.map((e) => [e.name, e.kind]));
    let checked = 0;
    for (const utterance of pushedUtterances(generated)) {
      if (!utterance.entities?.length) continue;
      const stored = intentNamed(utterance.intent);
      const phrase = stored.phrases
        .get('en')!
        .find((p) => p.parts.map((part) => part.text).join('') === utterance.text);
      expect(phrase, utterance.text).toBeDefined();
      const annotated = phrase!.parts.filter((part) => part.parameterId);
      expect(annotated.map((part) => part.text)).toEqual(
        utterance.entities.map((span) => utterance.text.slice(span.start, span.end)),
      );
      for (const [index, part] of annotated.entries()) {
        const span = utterance.entities[index]!;
        expect(part.parameterId).toBe(span.role ?? span.entity);
        const parameter = stored.parameters.find((p) => p.id === part.parameterId)!;
        expect(parameter, `${utterance.intent}: ${part.parameterId}`).toBeDefined();
        if (kinds.get(span.entity) === 'prebuilt')
          expect(parameter.entityType).toMatch(/^projects\/-\/locations\/-\/agents\/-\/entityTypes\/sys\./);
        else expect(typeByResource.get(parameter.entityType)).toBe(span.entity);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
    // List entities are stored as KIND_MAP entries whose synonyms hold the value (CX matches synonyms only).
    for (const entity of generated.entities.filter((e) => e.kind === 'list')) {
      const type = [...agent.entityTypes.values()].find((t) => t.displayName === entity.name)!;
      expect(type.kind).toBe('KIND_MAP');
      for (const entry of type.entities.get('en')!) expect(entry.synonyms).toContain(entry.value);
    }
  });

  it('makes zero write calls when nothing changed, and updates exactly the changed intent, in its language only', async () => {
    await push(datasetFile);
    const target = generated.intents[1]!.name;
    const stored = intentNamed(target);
    stored.phrases.set('de', [{id: 'x', parts: [{text: 'ein deutscher Satz'}], repeatCount: 1}]);
    stored.labels = {owner: 'support-team'};
    server.resetCounts();
    const unchanged = JSON.parse((await push(datasetFile, '--json')).stdout);
    expect(unchanged.plan.empty).toBe(true);
    expect(server.writeCalls()).toBe(0);
    expect(server.callCount('ExportAgent')).toBe(0);

    const changed: Dataset = structuredClone(generated);
    changed.utterances.push({text: 'a brand new phrase nobody wrote before', intent: target});
    const file = join(dir, 'changed.json');
    await writeDataset(file, changed);
    server.resetCounts();
    const result = JSON.parse((await push(file, '--json')).stdout);
    expect(result.plan.intents.update).toEqual([{name: target, added: 1, removed: 0}]);
    expect(server.writeCalls()).toBe(1);
    const [request] = server.requests.get('UpdateIntent') as {
      languageCode: string;
      updateMask: {paths: string[]};
    }[];
    expect(request!.languageCode).toBe('en');
    expect(request!.updateMask.paths).toEqual(['training_phrases', 'parameters']);
    expect(stored.phrases.get('de')).toEqual([
      {id: 'x', parts: [{text: 'ein deutscher Satz'}], repeatCount: 1},
    ]);
    expect(stored.labels).toEqual({owner: 'support-team'});
    expect(stored.phrases.get('en')!.map((p) => p.parts.map((part) => part.text).join(''))).toContain(
      'a brand new phrase nobody wrote before',
    );
  });

  it('leaves intents the dataset does not have alone without --prune', async () => {
    await push(datasetFile);
    agent.intents.set(`${AGENT}/intents/foreign`, {
      name: `${AGENT}/intents/foreign`,
      displayName: 'smalltalk.hello',
      phrases: new Map([['en', [{parts: [{text: 'hey'}]}]]]),
      parameters: [],
    });
    const result = JSON.parse((await push(datasetFile, '--json')).stdout);
    expect(result.plan.intents.delete).toEqual([]);
    expect(agent.intents.has(`${AGENT}/intents/foreign`)).toBe(true);
  });

  it('--prune deletes only after a backup exists, and the backup is a JSON package `synthnlu import` reads', async () => {
    await push(datasetFile);
    agent.intents.set(`${AGENT}/intents/old`, {
      name: `${AGENT}/intents/old`,
      displayName: 'legacy.intent',
      phrases: new Map([['en', [{parts: [{text: 'old stuff'}]}]]]),
      parameters: [],
    });
    server.resetCounts();
    const result = JSON.parse((await push(datasetFile, '--prune', '--json')).stdout);
    expect(result.plan.intents.delete).toEqual([{name: 'legacy.intent', added: 0, removed: 1}]);
    expect(server.callCount('DeleteIntent')).toBe(1);
    const exportAt = server.callLog.indexOf('ExportAgent');
    expect(exportAt).toBeGreaterThanOrEqual(0);
    expect(exportAt).toBeLessThan(server.callLog.indexOf('DeleteIntent'));
    expect(agent.intents.has(`${AGENT}/intents/old`)).toBe(false);
    const backup = await importFromPath(result.backup);
    expect(backup.format).toBe('dialogflow-cx');
    expect(backup.dataset.utterances.find((u) => u.intent === 'legacy.intent')?.text).toBe('old stuff');
    expect((server.requests.get('ExportAgent')![0] as {dataFormat: string}).dataFormat).toBe('JSON_PACKAGE');
  });

  it('--prune deletes nothing when the backup fails', async () => {
    await push(datasetFile);
    agent.intents.set(`${AGENT}/intents/old`, {
      name: `${AGENT}/intents/old`,
      displayName: 'legacy.intent',
      phrases: new Map(),
      parameters: [],
    });
    server.injectFault({method: 'ExportAgent', code: status.PERMISSION_DENIED, times: Infinity});
    server.resetCounts();
    const run = await push(datasetFile, '--prune');
    expect(run.error?.oclif?.exit).toBe(1);
    expect(run.stderr).toContain('Dialogflow API Admin');
    expect(server.writeCalls()).toBe(0);
    expect(agent.intents.has(`${AGENT}/intents/old`)).toBe(true);
  });

  it('updates a changed entity type in place (same resource name) with an update mask', async () => {
    await push(datasetFile);
    const list = generated.entities.find((e) => e.kind === 'list')!;
    const before = [...agent.entityTypes.values()].find((t) => t.displayName === list.name)!;
    const changed: Dataset = structuredClone(generated);
    changed.entities.find((e) => e.name === list.name)!.values!.push({value: 'brand-new-value'});
    const file = join(dir, 'entity-changed.json');
    await writeDataset(file, changed);
    server.resetCounts();
    const result = JSON.parse((await push(file, '--json')).stdout);
    expect(result.plan.entityTypes.update).toEqual([{name: list.name, added: 1, removed: 0}]);
    expect(server.writeCalls()).toBe(1);
    expect(server.callCount('UpdateEntityType')).toBe(1);
    expect(
      agent.entityTypes
        .get(before.name)!
        .entities.get('en')!
        .map((e) => e.value),
    ).toContain('brand-new-value');
  });

  it('--dry-run returns the plan and writes nothing', async () => {
    const result = JSON.parse((await push(datasetFile, '--dry-run', '--json')).stdout);
    expect(result.dryRun).toBe(true);
    expect(result.plan.intents.create).toHaveLength(generated.intents.length);
    expect(server.writeCalls()).toBe(0);
    expect(server.callCount('ExportAgent')).toBe(0);
  });

  it('--train trains every flow once after applying', async () => {
    const result = JSON.parse((await push(datasetFile, '--train', '--json')).stdout);
    expect(result.trained).toBe(true);
    expect(server.callCount('TrainFlow')).toBe(2);
    expect(agent.flows.map((f) => f.trainings)).toEqual([1, 1]);
    const firstTrain = server.callLog.indexOf('TrainFlow');
    expect(server.callLog.lastIndexOf('CreateIntent')).toBeLessThan(firstTrain);
  });

  it('a dataset in a language the agent lacks: the plan says so, push enables it and writes only in it', async () => {
    const german: Dataset = {...structuredClone(generated), language: 'de'};
    const file = join(dir, 'german.json');
    await writeDataset(file, german);
    const dry = await push(file, '--dry-run');
    expect(dry.error).toBeUndefined();
    expect(dry.stdout).toContain('de is not on dialogflow-cx yet: push adds it.');
    expect(server.writeCalls()).toBe(0);
    const run = await push(file, '--json');
    expect(run.error).toBeUndefined();
    expect(agent.supportedLanguageCodes).toEqual(['de']);
    for (const intent of agent.intents.values()) expect(intent.phrases.get('en') ?? []).toEqual([]);
    expect([...agent.intents.values()].some((i) => (i.phrases.get('de') ?? []).length > 0)).toBe(true);
  });
});

describe('the local CX server refuses what the API reference says CX refuses', () => {
  type Sent = {
    parent: string;
    languageCode: string;
    intent: {
      displayName: string;
      trainingPhrases: {parts: {text: string; parameterId?: string}[]; repeatCount?: number}[];
      parameters: {id: string; entityType: string}[];
    };
  };
  type SentType = {
    parent: string;
    languageCode: string;
    entityType: {
      displayName: string;
      kind: 'KIND_MAP' | 'KIND_LIST' | 'KIND_REGEXP' | 'KIND_UNSPECIFIED';
      entities: {value: string; synonyms: string[]}[];
    };
  };

  /** The real v3 clients on the local server, and the requests a push sent (the client code path's output). */
  async function clientsAfterPush() {
    expect((await push(datasetFile)).error).toBeUndefined();
    const [{v3}, {grpc}] = await Promise.all([import('@google-cloud/dialogflow-cx'), import('google-gax')]);
    const options = {
      apiEndpoint: '127.0.0.1',
      port: server.port,
      sslCreds: grpc.credentials.createInsecure(),
      universeDomain: 'googleapis.com',
    };
    const sent = structuredClone(server.requests.get('CreateIntent') as Sent[]);
    return {
      intents: new v3.IntentsClient(options),
      entityTypes: new v3.EntityTypesClient(options),
      annotated: sent.find((r) => r.intent.trainingPhrases.some((p) => p.parts.some((x) => x.parameterId)))!,
      types: structuredClone(server.requests.get('CreateEntityType') as SentType[]),
    };
  }
  const refused = {code: status.INVALID_ARGUMENT};

  it('a training-phrase part pointing at a parameter the intent does not declare', async () => {
    const {intents, annotated} = await clientsAfterPush();
    // The request synthnlu sent, under a new name, is accepted: the refusal below is the broken mapping's.
    await intents.createIntent({...annotated, intent: {...annotated.intent, displayName: 'copy_ok'}});
    const broken = structuredClone(annotated);
    broken.intent.displayName = 'copy_broken';
    const part = broken.intent.trainingPhrases.flatMap((p) => p.parts).find((x) => x.parameterId)!;
    part.parameterId = `${part.parameterId}_renamed`;
    await expect(intents.createIntent(broken)).rejects.toMatchObject({
      ...refused,
      details: expect.stringContaining('is not a parameter of the intent'),
    });
    // A parameter typed with the file form "@name" instead of the entity type's resource name.
    const fileForm = structuredClone(annotated);
    fileForm.intent.displayName = 'copy_file_form';
    fileForm.intent.parameters[0]!.entityType = `@${fileForm.intent.parameters[0]!.id}`;
    await expect(intents.createIntent(fileForm)).rejects.toMatchObject(refused);
    // A parameter id outside [A-Za-z0-9._-], and an empty part.
    const spaced = structuredClone(annotated);
    spaced.intent.displayName = 'copy_spaced';
    for (const p of spaced.intent.parameters) p.id = `${p.id} x`;
    for (const x of spaced.intent.trainingPhrases.flatMap((p) => p.parts))
      if (x.parameterId) x.parameterId = `${x.parameterId} x`;
    await expect(intents.createIntent(spaced)).rejects.toMatchObject(refused);
    const empty = structuredClone(annotated);
    empty.intent.displayName = 'copy_empty';
    empty.intent.trainingPhrases[0]!.parts.push({text: ''});
    await expect(intents.createIntent(empty)).rejects.toMatchObject(refused);
    await intents.close();
  });

  it('an update mask path that is no field of Intent (the JSON spelling), a language the agent lacks, and a malformed intent name', async () => {
    const {intents, annotated} = await clientsAfterPush();
    const stored = intentNamed(annotated.intent.displayName);
    const update = (paths: string[], languageCode = 'en', name = stored.name) =>
      intents.updateIntent({intent: {...annotated.intent, name}, languageCode, updateMask: {paths}});
    await update(['training_phrases', 'parameters']);
    await expect(update(['trainingPhrases'])).rejects.toMatchObject(refused);
    await expect(update(['training_phrases'], 'de')).rejects.toMatchObject(refused);
    await expect(
      update(['training_phrases'], 'en', stored.name.replace('/locations/global', '')),
    ).rejects.toMatchObject(refused);
    agent.supportedLanguageCodes.push('de');
    await update(['training_phrases', 'parameters'], 'de');
    expect(stored.phrases.get('de')).toHaveLength(annotated.intent.trainingPhrases.length);
    await intents.close();
  });

  it('an entity type without a kind, and a KIND_LIST entry whose synonyms are not exactly its value', async () => {
    const {entityTypes, types} = await clientsAfterPush();
    const list = types.find((t) => t.entityType.entities.some((e) => e.synonyms.length > 1))!;
    expect(list).toBeDefined();
    const create = (entityType: SentType['entityType']) =>
      entityTypes.createEntityType({...list, entityType});
    await create({...list.entityType, displayName: 'copy_ok'});
    await expect(
      create({...list.entityType, displayName: 'copy_list', kind: 'KIND_LIST'}),
    ).rejects.toMatchObject(refused);
    await expect(
      create({...list.entityType, displayName: 'copy_unspecified', kind: 'KIND_UNSPECIFIED'}),
    ).rejects.toMatchObject(refused);
    await expect(
      create({
        ...list.entityType,
        displayName: 'copy_no_synonyms',
        entities: list.entityType.entities.map((e) => ({value: e.value, synonyms: []})),
      }),
    ).rejects.toMatchObject(refused);
    await entityTypes.close();
  });
});

describe('finding the agent: --project, --location and regional endpoints', () => {
  it('uses the one agent of a project in --location', async () => {
    server.reset();
    const regional = server.addAgent('projects/synthnlu-test/locations/europe-west2/agents/eu-1');
    const run = await cx(
      ['push', datasetFile, '--to', 'dialogflow-cx', '--yes', '--location', 'europe-west2', '--json'],
      'synthnlu-test',
    );
    expect(run.error).toBeUndefined();
    expect(regional.intents.size).toBe(generated.intents.length);
    expect((server.requests.get('ListAgents')![0] as {parent: string}).parent).toBe(
      'projects/synthnlu-test/locations/europe-west2',
    );
  });

  it('lists the agents to choose from when the location has several, and writes nothing', async () => {
    server.addAgent('projects/synthnlu-test/locations/global/agents/second', {displayName: 'second bot'});
    const run = await cx(['push', datasetFile, '--to', 'dialogflow-cx', '--yes'], 'synthnlu-test');
    expect(run.error?.oclif?.exit).toBe(2);
    expect(run.stderr).toContain('has 2 agents; say which one');
    expect(run.stderr).toContain('projects/synthnlu-test/locations/global/agents/second (second bot)');
    expect(server.writeCalls()).toBe(0);
  });

  it('refuses a --location that contradicts the full agent name', async () => {
    const run = await cx([
      'pull',
      '--from',
      'dialogflow-cx',
      '--out',
      join(dir, 'x.json'),
      '--location',
      'us-east1',
    ]);
    expect(run.error?.oclif?.exit).toBe(2);
    expect(run.stderr).toContain("does not match the agent's location global");
  });

  it('talks to the regional host of a location', () => {
    expect(cxApiEndpoint('europe-west2')).toBe('europe-west2-dialogflow.googleapis.com');
    expect(cxApiEndpoint('global')).toBe('dialogflow.googleapis.com');
  });
});

describe('faults injected into the local Dialogflow CX server', () => {
  it('survives UNAVAILABLE twice and RESOURCE_EXHAUSTED on reads and writes', async () => {
    server.injectFault({method: 'ListIntents', code: status.UNAVAILABLE, times: 2});
    server.injectFault({method: 'CreateIntent', code: status.RESOURCE_EXHAUSTED, times: 1});
    server.injectFault({method: 'CreateEntityType', code: status.UNAVAILABLE, times: 2});
    const run = await push(datasetFile, '--json');
    expect(run.error).toBeUndefined();
    expect(JSON.parse(run.stdout).failed).toBe(0);
    expect(server.callCount('ListIntents')).toBeGreaterThanOrEqual(3);
    expect(trainedPhrases(await pulled())).toEqual(trainedPhrases(generated));
  });

  it('a deadline exceeded after the server created an intent does not create a duplicate on retry', async () => {
    server.injectFault({method: 'CreateIntent', code: status.DEADLINE_EXCEEDED, times: 1, applyFirst: true});
    server.injectFault({
      method: 'CreateEntityType',
      code: status.DEADLINE_EXCEEDED,
      times: 1,
      applyFirst: true,
    });
    const run = await push(datasetFile, '--json');
    expect(run.error).toBeUndefined();
    expect(JSON.parse(run.stdout).failed).toBe(0);
    const names = [...agent.intents.values()].map((i) => i.displayName);
    expect(names.length).toBe(new Set(names).size);
    expect(names.length).toBe(generated.intents.length);
    const types = [...agent.entityTypes.values()].map((t) => t.displayName);
    expect(types.length).toBe(new Set(types).size);
    expect(trainedPhrases(await pulled())).toEqual(trainedPhrases(generated));
  });

  it('a persistent fault ends with a per-intent report and exit 1, leaving the other intents written', async () => {
    server.injectFault({method: 'CreateIntent', code: status.UNAVAILABLE, after: 3, times: Infinity});
    const run = await push(datasetFile);
    expect(run.error?.oclif?.exit).toBe(1);
    expect(run.stdout).toMatch(
      /! create intent \S+ failed: Dialogflow CX createIntent failed: injected UNAVAILABLE/,
    );
    expect(agent.intents.size).toBe(3);
  });
});

describe('errors', () => {
  it('without Google credentials: how to authenticate, exit 2, no stack trace', () => {
    const home = tempDir();
    const env = {
      GOOGLE_APPLICATION_CREDENTIALS: '',
      HOME: home,
      CLOUDSDK_CONFIG: join(home, 'gcloud'),
      // Not on Google Cloud: skip the metadata-server probe, as a laptop without it would fail it.
      METADATA_SERVER_DETECTION: 'none',
    };
    const run = runCli(['push', SPEC, '--to', 'dialogflow-cx', '--project', AGENT, '--yes', '--json'], {
      env,
    });
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({
      error: {code: 'DIALOGFLOW_CX_NO_CREDENTIALS', exitCode: 2},
    });
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('missing Google credentials are bad input with a way to authenticate, not a failed check', () => {
    const noAdc = Object.assign(new Error('Could not load the default credentials. Browse to ...'), {
      code: 'NO_ADC_FOUND',
    });
    const style = {label: 'Dialogflow CX', codePrefix: 'DIALOGFLOW_CX', hints: {}};
    const error = grpcError('listIntents', noAdc, style, {env: {}, secrets: new Secrets()});
    expect(error.code).toBe('DIALOGFLOW_CX_NO_CREDENTIALS');
    expect(error.exitCode).toBe(2);
    expect(error.suggestion).toMatch(/gcloud auth application-default login/);
    const unavailable = grpcError('listIntents', {code: status.UNAVAILABLE, details: 'down'}, style, {
      env: {},
      secrets: new Secrets(),
    });
    expect(unavailable.code).toBe('DIALOGFLOW_CX_GRPC_14');
    expect(unavailable.exitCode).toBe(1);
  });
});

describe('secrets', () => {
  it('never prints the service-account private key of a failing push', async () => {
    const secret = '-----BEGIN PRIVATE KEY-----\nMIIEvSECRETSECRETSECRET\n-----END PRIVATE KEY-----\n';
    const keyFile = join(dir, 'key.json');
    writeFileSync(
      keyFile,
      JSON.stringify({
        type: 'service_account',
        project_id: 'p',
        client_email: 'a@b.iam.gserviceaccount.com',
        private_key: secret,
      }),
    );
    server.injectFault({method: 'ListIntents', code: status.PERMISSION_DENIED, times: Infinity});
    for (const json of [[], ['--json']]) {
      const run = await push(datasetFile, '--key-file', keyFile, ...json);
      expect(run.error?.oclif?.exit).toBe(1);
      expect(run.stdout + run.stderr + String(run.error?.message)).not.toContain('SECRETSECRET');
    }
    expect(readFileSync(keyFile, 'utf8')).toContain('SECRETSECRET');
  });
});
