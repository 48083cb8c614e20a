/**
 * Push of 500 intents x 100 phrases (with annotations) to the local Dialogflow server through the real
 * @google-cloud/dialogflow client: number of calls and time for the first push, a no-op second push, a
 * one-intent change, and a pull.
 */
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {mkdtempSync} from 'node:fs';
import {dialogflowRemote} from '../connectors/dialogflow/es/remote.js';
import type {Dataset, Utterance} from '../src/model/dataset.js';
import {silentProgress} from '../src/remote/progress.js';
import {pullDataset, pushDataset, type PushOptions} from '../src/remote/push.js';
import {Secrets} from '../src/remote/secrets.js';
import {DialogflowTestServer} from '../test/support/dialogflow-server/server.js';

const INTENTS = 500;
const PHRASES = 100;

function bigDataset(): Dataset {
  const utterances: Utterance[] = [];
  const cities = ['paris', 'berlin', 'new york', 'tokyo'];
  for (let i = 0; i < INTENTS; i++)
    for (let j = 0; j < PHRASES; j++) {
      const city = cities[j % cities.length]!;
      const prefix = `request ${i} variant ${j} to `;
      utterances.push({
        text: `${prefix}${city} please`,
        intent: `intent_${i}`,
        ...(j % 2 === 0
          ? {entities: [{entity: 'city', start: prefix.length, end: prefix.length + city.length}]}
          : {}),
      });
    }
  return {
    format: 'synthnlu-dataset/1',
    language: 'en',
    intents: Array.from({length: INTENTS}, (_, i) => ({name: `intent_${i}`})),
    entities: [{name: 'city', kind: 'list', values: cities.map((value) => ({value}))}],
    utterances,
  };
}

export default async (): Promise<Record<string, number | string>> => {
  const server = await DialogflowTestServer.start();
  const remote = dialogflowRemote!;
  const dataset = bigDataset();
  const options = () => ({
    flags: {endpoint: `http://127.0.0.1:${server.port}`, project: 'bench'},
    env: {},
    secrets: new Secrets(),
  });
  const pushOptions: PushOptions = {
    prune: false,
    train: true,
    dryRun: false,
    backupDir: mkdtempSync(join(tmpdir(), 'synthnlu-bench-')),
    confirm: async () => true,
    progress: silentProgress,
    note: () => {},
  };
  const timed = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
    const start = performance.now();
    const value = await run();
    return [value, Math.round(performance.now() - start)];
  };

  const [first, firstMs] = await timed(() => pushDataset(remote, dataset, options(), pushOptions));
  const firstCalls = Object.fromEntries(server.calls);
  server.resetCounts();
  const [, secondMs] = await timed(() =>
    pushDataset(remote, dataset, options(), {...pushOptions, train: false}),
  );
  const secondWrites = server.writeCalls();
  server.resetCounts();
  const changed = structuredClone(dataset);
  changed.utterances.push({text: 'one more phrase', intent: 'intent_7'});
  const [third, thirdMs] = await timed(() =>
    pushDataset(remote, changed, options(), {...pushOptions, train: false}),
  );
  const thirdBatchCalls = server.callCount('BatchUpdateIntents');
  server.resetCounts();
  const [pulled, pullMs] = await timed(() => pullDataset(remote, options()));
  await server.stop();
  return {
    intents: INTENTS,
    phrases: INTENTS * PHRASES,
    first_push_ms: firstMs,
    first_push_calls: Object.values(firstCalls).reduce((a, b) => a + b, 0),
    first_push_calls_by_method: JSON.stringify(firstCalls),
    first_push_failed: first.failed,
    unchanged_push_ms: secondMs,
    unchanged_push_write_calls: secondWrites,
    one_intent_push_ms: thirdMs,
    one_intent_push_batch_calls: thirdBatchCalls,
    one_intent_updated: third.results.length,
    pull_ms: pullMs,
    pulled_utterances: pulled.utterances.length,
  };
};
