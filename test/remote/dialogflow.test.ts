import {readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {status} from '@grpc/grpc-js';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {loadAnyAsDataset} from '../../src/convert/load-any.js';
import {loadDataset} from '../../src/load/inspect.js';
import type {Dataset} from '../../src/model/dataset.js';
import {writeDataset} from '../../src/model/write-dataset.js';
import {phraseKeysByIntent, pushedUtterances} from '../../src/remote/plan.js';
import {tempDir} from '../helpers/cli.js';
import {DialogflowTestServer, readAgentZip} from '../support/dialogflow-server/server.js';
import {PARENT, SPEC, dialogflowCommand} from './dialogflow-helpers.js';

let server: DialogflowTestServer;
let generated: Dataset;
let datasetFile: string;
let dir: string;

beforeAll(async () => {
  server = await DialogflowTestServer.start();
  dir = tempDir('synthnlu-push-');
  generated = (await loadAnyAsDataset(SPEC, {seed: 1})).dataset;
  datasetFile = join(dir, 'data.json');
  await writeDataset(datasetFile, generated);
});
afterAll(async () => server.stop());
beforeEach(() => server.reset());

async function push(file: string, ...extra: string[]) {
  return dialogflowCommand(server, [
    'push',
    file,
    '--to',
    'dialogflow',
    '--yes',
    '--backup-dir',
    join(dir, 'backups'),
    ...extra,
  ]);
}

/** Intent -> set of phrase keys (text + annotations) for the pushed part of a dataset. */
function trainedPhrases(dataset: Dataset) {
  return phraseKeysByIntent(dataset, pushedUtterances(dataset));
}

describe('push/pull against the local Dialogflow server (real @google-cloud/dialogflow client)', () => {
  it('pushes a generated dataset and pulls back the same intents, phrases and annotations', async () => {
    const pushed = await push(datasetFile, '--json');
    expect(pushed.error).toBeUndefined();
    const result = JSON.parse(pushed.stdout);
    expect(result.failed).toBe(0);
    expect(result.plan.intents.create.length).toBe(generated.intents.length);
    expect(server.callCount('BatchUpdateIntents')).toBeGreaterThan(0);
    // Batched: far fewer calls than intents.
    expect(server.callCount('BatchUpdateIntents')).toBeLessThan(generated.intents.length);
    expect(server.callCount('CreateIntent')).toBe(0);

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
    const back = (await loadDataset(out)).dataset;
    expect(back.intents.map((i) => i.name).sort()).toEqual(generated.intents.map((i) => i.name).sort());
    expect(trainedPhrases(back)).toEqual(trainedPhrases(generated));
    const annotated = back.utterances.filter((u) => u.entities?.length);
    expect(annotated.length).toBeGreaterThan(0);
    // List and regex entities come back as entity types with the same values.
    for (const entity of generated.entities.filter((e) => e.kind === 'list'))
      expect(
        back.entities
          .find((e) => e.name === entity.name)
          ?.values?.map((v) => v.value)
          .sort(),
      ).toEqual(entity.values!.map((v) => v.value).sort());
  });

  it('stores annotated phrases as the API defines them: @entity parts with an alias, each alias a $alias parameter', async () => {
    const pushed = await push(datasetFile, '--json');
    expect(pushed.error).toBeUndefined();
    const stored = [...server.agent(PARENT).intents.values()];
    let annotatedParts = 0;
    for (const intent of stored) {
      const parameters = new Map((intent.parameters ?? []).map((p) => [p.displayName, p]));
      for (const part of (intent.trainingPhrases ?? []).flatMap((phrase) => phrase.parts)) {
        if (!part.alias) continue;
        annotatedParts++;
        // The value a parameter takes from its annotation is `$alias`; a bare "alias" is a constant string.
        expect(parameters.get(part.alias), `${intent.displayName}: ${part.alias}`).toMatchObject({
          value: `$${part.alias}`,
          entityTypeDisplayName: part.entityType,
        });
      }
    }
    expect(annotatedParts).toBeGreaterThan(10);
  });

  it('the local server refuses an annotated part without @ or alias, as the API reference says', async () => {
    const [{IntentsClient}, {grpc}] = await Promise.all([
      import('@google-cloud/dialogflow'),
      import('google-gax'),
    ]);
    const client = new IntentsClient({
      apiEndpoint: '127.0.0.1',
      port: server.port,
      sslCreds: grpc.credentials.createInsecure(),
      universeDomain: 'googleapis.com',
    });
    const create = (parts: Array<Record<string, string>>) =>
      client.createIntent({
        parent: PARENT,
        intent: {displayName: `refused_${parts.length}`, trainingPhrases: [{type: 'EXAMPLE', parts}]},
      });
    await expect(create([{text: 'a pizza', entityType: 'food', alias: 'food'}])).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
    });
    await expect(
      create([
        {text: 'to ', userDefined: 'true'},
        {text: 'a pizza', entityType: '@food'},
      ]),
    ).rejects.toMatchObject({code: status.INVALID_ARGUMENT});
    await client.close();
  });

  it('updates exactly one intent when one changed, and makes zero write calls when nothing did', async () => {
    await push(datasetFile);
    server.resetCounts();
    const unchanged = await push(datasetFile, '--json');
    expect(unchanged.error).toBeUndefined();
    expect(JSON.parse(unchanged.stdout).plan.empty).toBe(true);
    expect(server.writeCalls()).toBe(0);
    expect(server.callCount('ExportAgent')).toBe(0);

    const changed: Dataset = structuredClone(generated);
    const target = changed.intents[1]!.name;
    changed.utterances.push({text: 'a brand new phrase nobody wrote before', intent: target});
    const changedFile = join(dir, 'changed.json');
    await writeDataset(changedFile, changed);
    const before = new Map(
      [...server.agent(PARENT).intents.values()].map((i) => [i.displayName, JSON.stringify(i)]),
    );
    server.resetCounts();
    const again = await push(changedFile, '--json');
    const result = JSON.parse(again.stdout);
    expect(result.plan.intents.update).toEqual([{name: target, added: 1, removed: 0}]);
    expect(result.plan.intents.create).toEqual([]);
    expect(server.callCount('BatchUpdateIntents')).toBe(1);
    const sent = server.requests.get('BatchUpdateIntents')![0] as {
      intentBatchInline: {intents: {displayName: string}[]};
    };
    expect(sent.intentBatchInline.intents.map((i) => i.displayName)).toEqual([target]);
    const after = [...server.agent(PARENT).intents.values()];
    expect(
      after.filter((i) => before.get(i.displayName) !== JSON.stringify(i)).map((i) => i.displayName),
    ).toEqual([target]);
  });

  it('keeps responses and other fields of an updated intent, and leaves unknown intents alone without --prune', async () => {
    await push(datasetFile);
    const state = server.agent(PARENT);
    const first = [...state.intents.values()].find((i) => i.displayName === generated.intents[0]!.name)!;
    first.messages = [{text: {text: ['Sure, here you go.']}}];
    first.trainingPhrases = first.trainingPhrases!.slice(1);
    state.intents.set('projects/synthnlu-test/agent/intents/foreign', {
      name: 'projects/synthnlu-test/agent/intents/foreign',
      displayName: 'smalltalk.hello',
      trainingPhrases: [{type: 'EXAMPLE', parts: [{text: 'hey'}]}],
    });
    const run = await push(datasetFile, '--json');
    expect(JSON.parse(run.stdout).plan.intents.update).toEqual([
      {name: first.displayName, added: 1, removed: 0},
    ]);
    expect(JSON.parse(run.stdout).plan.intents.delete).toEqual([]);
    const updated = [...state.intents.values()].find((i) => i.displayName === first.displayName)!;
    expect(updated.messages).toMatchObject([{text: {text: ['Sure, here you go.']}}]);
    expect(state.intents.has('projects/synthnlu-test/agent/intents/foreign')).toBe(true);
  });

  it('--prune deletes only after a backup of the agent exists, and the backup holds the deleted intent', async () => {
    await push(datasetFile);
    const state = server.agent(PARENT);
    state.intents.set('projects/synthnlu-test/agent/intents/old', {
      name: 'projects/synthnlu-test/agent/intents/old',
      displayName: 'legacy.intent',
      trainingPhrases: [{type: 'EXAMPLE', parts: [{text: 'old stuff'}]}],
    });
    const backups = join(dir, 'prune-backups');
    server.resetCounts();
    const run = await dialogflowCommand(server, [
      'push',
      datasetFile,
      '--to',
      'dialogflow',
      '--yes',
      '--prune',
      '--backup-dir',
      backups,
      '--json',
    ]);
    const result = JSON.parse(run.stdout);
    expect(result.plan.intents.delete).toEqual([{name: 'legacy.intent', added: 0, removed: 1}]);
    expect(server.callCount('ExportAgent')).toBe(1);
    expect(server.callCount('BatchDeleteIntents')).toBe(1);
    // The backup is taken before the first write of any kind.
    const firstWrite = server.callLog.findIndex((m) => m.startsWith('Batch'));
    expect(server.callLog.indexOf('ExportAgent')).toBeGreaterThanOrEqual(0);
    expect(server.callLog.indexOf('ExportAgent')).toBeLessThan(firstWrite);
    expect(state.intents.has('projects/synthnlu-test/agent/intents/old')).toBe(false);
    const backup = await readAgentZip(readFileSync(result.backup));
    expect(backup.intents.map((i) => i.displayName)).toContain('legacy.intent');
    expect(readdirSync(backups)).toHaveLength(1);
  });

  it('--prune deletes nothing when the backup fails', async () => {
    await push(datasetFile);
    server.agent(PARENT).intents.set('projects/synthnlu-test/agent/intents/old', {
      name: 'projects/synthnlu-test/agent/intents/old',
      displayName: 'legacy.intent',
      trainingPhrases: [],
    });
    server.injectFault({method: 'ExportAgent', code: status.PERMISSION_DENIED, times: Infinity});
    server.resetCounts();
    const run = await push(datasetFile, '--prune');
    expect(run.error?.oclif?.exit).toBe(1);
    expect(run.stderr).toContain('Dialogflow API Admin');
    expect(server.writeCalls()).toBe(0);
    expect(server.agent(PARENT).intents.has('projects/synthnlu-test/agent/intents/old')).toBe(true);
  });

  it('updates a changed entity type in place (same resource name), in one batch call', async () => {
    await push(datasetFile);
    const listEntity = generated.entities.find((e) => e.kind === 'list')!;
    const before = [...server.agent(PARENT).entityTypes.values()].find(
      (e) => e.displayName === listEntity.name,
    )!;
    const changed: Dataset = structuredClone(generated);
    changed.entities.find((e) => e.name === listEntity.name)!.values!.push({value: 'brand-new-value'});
    const file = join(dir, 'entity-changed.json');
    await writeDataset(file, changed);
    server.resetCounts();
    const result = JSON.parse((await push(file, '--json')).stdout);
    expect(result.plan.entityTypes.update).toEqual([{name: listEntity.name, added: 1, removed: 0}]);
    expect(result.plan.intents.update).toEqual([]);
    expect(server.callCount('BatchUpdateEntityTypes')).toBe(1);
    expect(server.callCount('BatchUpdateIntents')).toBe(0);
    const after = server.agent(PARENT).entityTypes.get(before.name)!;
    expect(after.entities!.map((e) => e.value)).toContain('brand-new-value');
    expect(server.agent(PARENT).entityTypes.size).toBe(
      generated.entities.filter((e) => e.kind === 'list' || e.kind === 'regex').length,
    );
  });

  it('addresses a regional agent with --location', async () => {
    const run = await push(datasetFile, '--location', 'europe-west2', '--json');
    expect(run.error).toBeUndefined();
    expect(server.agents.has('projects/synthnlu-test/locations/europe-west2/agent')).toBe(true);
    expect(server.agents.get(PARENT)?.intents.size ?? 0).toBe(0);
  });

  it('--dry-run returns the plan and writes nothing', async () => {
    const run = await push(datasetFile, '--dry-run', '--json');
    const result = JSON.parse(run.stdout);
    expect(result.dryRun).toBe(true);
    expect(result.plan.intents.create).toHaveLength(generated.intents.length);
    expect(server.writeCalls()).toBe(0);
    expect(server.callCount('ExportAgent')).toBe(0);
  });

  it('--train trains once after applying', async () => {
    const run = await push(datasetFile, '--train', '--json');
    expect(JSON.parse(run.stdout).trained).toBe(true);
    expect(server.callCount('TrainAgent')).toBe(1);
    expect(server.agent(PARENT).trainings).toBe(1);
  });
});

describe('faults injected into the local Dialogflow server', () => {
  it('survives UNAVAILABLE twice and RESOURCE_EXHAUSTED on reads and writes', async () => {
    server.injectFault({method: 'ListIntents', code: status.UNAVAILABLE, times: 2});
    server.injectFault({method: 'BatchUpdateIntents', code: status.RESOURCE_EXHAUSTED, times: 1});
    server.injectFault({method: 'BatchUpdateEntityTypes', code: status.UNAVAILABLE, times: 2});
    const run = await push(datasetFile, '--json');
    expect(run.error).toBeUndefined();
    expect(JSON.parse(run.stdout).failed).toBe(0);
    // Two failed reads and the one that worked, plus one before the write retry (it looks for intents the
    // failed attempt might have created).
    expect(server.callCount('ListIntents')).toBe(4);
    expect(trainedPhrases(await pulledDataset())).toEqual(trainedPhrases(generated));
  });

  it('a deadline exceeded after the server applied a batch does not create duplicates on retry', async () => {
    server.injectFault({
      method: 'BatchUpdateIntents',
      code: status.DEADLINE_EXCEEDED,
      times: 1,
      applyFirst: true,
    });
    const run = await push(datasetFile, '--json');
    expect(run.error).toBeUndefined();
    expect(JSON.parse(run.stdout).failed).toBe(0);
    const names = [...server.agent(PARENT).intents.values()].map((i) => i.displayName);
    expect(names.length).toBe(new Set(names).size);
    expect(names.length).toBe(generated.intents.length);
    expect(trainedPhrases(await pulledDataset())).toEqual(trainedPhrases(generated));
  });

  it('a persistent fault ends with a per-intent report and exit 1, leaving other batches applied', async () => {
    const big: Dataset = structuredClone(generated);
    // Enough intents for two batches: the second one fails for good.
    for (let i = 0; i < 210; i++) big.intents.push({name: `extra_${i}`});
    for (let i = 0; i < 210; i++) big.utterances.push({text: `extra phrase ${i}`, intent: `extra_${i}`});
    const file = join(dir, 'big.json');
    await writeDataset(file, big);
    server.injectFault({method: 'BatchUpdateIntents', code: status.UNAVAILABLE, after: 1, times: Infinity});
    const run = await push(file);
    expect(run.error?.oclif?.exit).toBe(1);
    expect(run.stdout).toMatch(
      /! create intent extra_\d+ failed: Dialogflow batchUpdateIntents failed: injected UNAVAILABLE/,
    );
    const firstBatch = server.agent(PARENT).intents.size;
    expect(firstBatch).toBe(200);
    const json = await push(file, '--json');
    const result = JSON.parse(json.stdout);
    const failed = result.results.filter((r: {status: string}) => r.status === 'failed');
    expect(failed.length).toBe(big.intents.length - 200);
    expect(result.results.filter((r: {status: string}) => r.status === 'ok').length).toBe(0);
  });
});

async function pulledDataset(): Promise<Dataset> {
  const out = join(dir, `pulled-${Date.now()}.json`);
  const run = await dialogflowCommand(server, ['pull', '--from', 'dialogflow', '--out', out]);
  expect(run.error).toBeUndefined();
  return (await loadDataset(out)).dataset;
}

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
    // The local server gets no credentials (a loopback endpoint drops them), so it quotes the key back in its
    // error, as a misconfigured proxy might: the message reaches the user only through redaction.
    const keyBody = 'MIIEvSECRETSECRETSECRET';
    server.injectFault({
      method: 'ListIntents',
      code: status.PERMISSION_DENIED,
      times: Infinity,
      details: `caller key ${keyBody} (JSON ${JSON.stringify(secret)}) lacks dialogflow.intents.list`,
    });
    for (const json of [[], ['--json']]) {
      const run = await push(datasetFile, '--key-file', keyFile, ...json);
      expect(run.error?.oclif?.exit).toBe(1);
      const everything = run.stdout + run.stderr + String(run.error?.message);
      // The server's message did reach the output, with the key scrubbed from it.
      expect(everything).toContain('lacks dialogflow.intents.list');
      expect(everything).toContain('[REDACTED]');
      expect(everything).not.toContain('SECRETSECRET');
    }
  });
});
