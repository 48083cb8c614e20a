import {join} from 'node:path';
import {runCommand} from '@oclif/test';
import nock from 'nock';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import type {CluProject} from '../../connectors/botframework/clu/types.js';
import {trainIntentClassifier, type IntentClassifier} from '../../src/classifier/index.js';
import {ROOT} from '../helpers/cli.js';
import {CluTestService} from '../support/clu-service/service.js';
import {
  clincDataset,
  clincFiles,
  clincIntents,
  snipsDataset,
  writeClincTestCsv,
  writeJson,
  writeSnipsTestSet,
} from './fixtures.js';

const ENDPOINT = 'https://my-lang.cognitiveservices.azure.com';
const PROJECT_PATH = '/language/authoring/analyze-conversations/projects/support';
const RUNTIME_PATH = '/language/:analyze-conversations';
const KEY_ENV = 'SYNTHNLU_TEST_EVAL_CLU_KEY';
const KEY = 'clu-eval-key-0a1b2c3d4e5f60718293-VERYSECRET';
const API = {'api-version': '2023-04-01'};

let dir: string;
let dataset: string;
let testCsv: string;

beforeAll(() => {
  nock.disableNetConnect();
  process.env[KEY_ENV] = KEY;
  ({dir, dataset, testCsv} = clincFiles('synthnlu-evaluate-clu-', {
    intents: 6,
    perIntent: 10,
    testPerIntent: 5,
  }));
});
afterAll(() => {
  Reflect.deleteProperty(process.env, KEY_ENV);
  nock.enableNetConnect();
});
afterEach(() => nock.cleanAll());

type Fault = {status: number; body: unknown; headers?: Record<string, string>} | null;

/**
 * The CLU service for one project, through nock: `:import` keeps the project, `:train` trains a real recognizer
 * (synthnlu's classifier) on its Train utterances, the deployment serves that model, and the runtime answers
 * from the deployed model only (404 for a deployment that does not exist), with the key checked everywhere.
 */
function cluService() {
  const state: {
    project?: CluProject;
    trained?: IntentClassifier;
    deployed: Map<string, IntentClassifier>;
    analyzed: number;
    faults: Fault[];
  } = {deployed: new Map(), analyzed: 0, faults: []};
  const api = () => nock(ENDPOINT, {reqheaders: {'ocp-apim-subscription-key': KEY}});
  api()
    .get(PROJECT_PATH)
    .query(API)
    .reply(404, {error: {code: 'ProjectNotFound', message: 'not found'}})
    .post(`${PROJECT_PATH}/:import`, (body: CluProject) => ((state.project = body), true))
    .query(API)
    .reply(202, '', {
      'operation-location': `${ENDPOINT}${PROJECT_PATH}/import/jobs/i1?api-version=2023-04-01`,
    })
    .get(`${PROJECT_PATH}/import/jobs/i1`)
    .query(API)
    .reply(200, {status: 'succeeded'})
    .post(`${PROJECT_PATH}/:train`)
    .query(API)
    .reply(() => {
      const examples = state
        .project!.assets.utterances.filter((u) => u.dataset !== 'Test')
        .map((u) => ({text: u.text, intent: u.intent}));
      state.trained = trainIntentClassifier(examples, {seed: 1});
      return [
        202,
        '',
        {'operation-location': `${ENDPOINT}${PROJECT_PATH}/train/jobs/t1?api-version=2023-04-01`},
      ];
    })
    .get(`${PROJECT_PATH}/train/jobs/t1`)
    .query(API)
    .reply(200, {status: 'succeeded'})
    .put(`${PROJECT_PATH}/deployments/production`)
    .query(API)
    .reply(() => {
      state.deployed.set('production', state.trained!);
      return [
        202,
        '',
        {
          'operation-location': `${ENDPOINT}${PROJECT_PATH}/deployments/production/jobs/d1?api-version=2023-04-01`,
        },
      ];
    })
    .get(`${PROJECT_PATH}/deployments/production/jobs/d1`)
    .query(API)
    .reply(200, {status: 'succeeded'});
  api()
    .post(RUNTIME_PATH)
    .query(API)
    .times(1000)
    .reply((_uri, body) => {
      state.analyzed++;
      const fault = state.faults.shift();
      if (fault) {
        if (fault.status === 403) state.faults.unshift(fault);
        return [fault.status, fault.body, fault.headers ?? {}];
      }
      const request = body as {
        parameters: {projectName: string; deploymentName: string};
        analysisInput: {conversationItem: {text: string}};
      };
      const model = state.deployed.get(request.parameters.deploymentName);
      if (!model || request.parameters.projectName !== 'support')
        return [
          404,
          {error: {code: 'NotFound', message: `Deployment ${request.parameters.deploymentName} not found.`}},
        ];
      const prediction = model.predict(request.analysisInput.conversationItem.text);
      return [
        200,
        {
          kind: 'ConversationResult',
          result: {
            query: request.analysisInput.conversationItem.text,
            prediction: {
              topIntent: prediction.intent,
              projectKind: 'Conversation',
              intents: prediction.scores.map((s) => ({category: s.intent, confidenceScore: s.score})),
              entities: [],
            },
          },
        },
      ];
    });
  return state;
}

const clu = (command: string[], ...extra: string[]) => cluOn('support', command, ...extra);
const cluOn = (project: string, command: string[], ...extra: string[]) =>
  runCommand(
    [
      ...command,
      '--endpoint',
      ENDPOINT,
      '--project',
      project,
      '--key-env',
      KEY_ENV,
      '--retry-base-ms',
      '1',
      ...extra,
    ],
    {
      root: ROOT,
    },
  );

const pushTrained = async () => {
  const push = await clu([
    'push',
    dataset,
    '--to',
    'clu',
    '--yes',
    '--train',
    '--deployment',
    'production',
    '--backup-dir',
    join(dir, 'b'),
  ]);
  expect(push.error).toBeUndefined();
};

const evaluate = (...extra: string[]) =>
  clu(['evaluate', dataset, '--on', 'clu', '--test-set', testCsv, '--no-cache'], ...extra);

describe('evaluate --on clu (runtime :analyze-conversations, answered by the model pushed and deployed)', () => {
  it('scores each test utterance on the deployment, retrying a 429 after its Retry-After', async () => {
    const service = cluService();
    await pushTrained();
    service.faults.push({
      status: 429,
      body: {error: {code: '429', message: 'Rate limit is exceeded.'}},
      headers: {'Retry-After': '0'},
    });
    const run = await evaluate('--deployment', 'production', '--json');
    expect(run.error).toBeUndefined();
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({requests: 30, fallbackRate: 0});
    expect(report.accuracy).toBeGreaterThan(0.5);
    expect(service.analyzed).toBe(31);
    expect(run.stdout + run.stderr).not.toContain(KEY);
  });

  it('says the deployment does not exist, instead of scoring nothing', async () => {
    cluService();
    await pushTrained();
    const run = await evaluate('--deployment', 'staging');
    expect(run.error?.oclif?.exit).toBe(1);
    expect(run.stderr).toContain('CLU has no deployment "staging" of project "support"');
    expect(run.stderr).toContain('--train --deployment staging');
  });

  it('stops on a used-up call volume quota with a clear message', async () => {
    const service = cluService();
    await pushTrained();
    service.faults.push({
      status: 403,
      body: {
        error: {
          code: '403',
          message:
            'Out of call volume quota for ConversationalLanguageUnderstanding F0 pricing tier. Please retry after 12 days.',
        },
      },
    });
    const run = await evaluate('--deployment', 'production', '--concurrency', '1');
    expect(run.error?.oclif?.exit).toBe(1);
    expect(run.stderr).toContain('Azure CLU: the call volume quota is used up');
    expect(service.analyzed).toBe(1);
  });

  it('needs --deployment and a key', async () => {
    const noDeployment = await evaluate();
    expect(noDeployment.error?.oclif?.exit).toBe(2);
    expect(noDeployment.stderr).toContain('evaluating on CLU needs --deployment');
    const noKey = await runCommand(
      [
        'evaluate',
        dataset,
        '--on',
        'clu',
        '--test-set',
        testCsv,
        '--endpoint',
        ENDPOINT,
        '--project',
        'support',
        '--deployment',
        'production',
        '--key-env',
        'SYNTHNLU_UNSET_KEY',
      ],
      {root: ROOT},
    );
    expect(noKey.error?.oclif?.exit).toBe(2);
    expect(noKey.stderr).toContain('SYNTHNLU_UNSET_KEY is not set');
  });
});

describe('evaluate --on clu --train A --train B (A/B: a deployment per arm in a scratch project)', () => {
  let poor: string;
  let rich: string;
  let richOther: string;
  let abCsv: string;
  beforeAll(() => {
    const intents = clincIntents(6);
    poor = writeJson(join(dir, 'poor.json'), clincDataset(intents, 2));
    rich = writeJson(join(dir, 'rich.json'), clincDataset(intents, 30));
    richOther = writeJson(join(dir, 'rich-other.json'), clincDataset(intents, 30, 30));
    abCsv = join(dir, 'ab.csv');
    writeClincTestCsv(abCsv, intents, 15);
  });

  const pushTo = async (project: string, data: string) => {
    const run = await cluOn(
      project,
      ['push', data, '--to', 'clu', '--yes', '--train', '--deployment', 'production'],
      '--backup-dir',
      join(dir, 'b'),
    );
    expect(run.error).toBeUndefined();
  };
  const ab = (a: string, b: string, ...extra: string[]) =>
    clu(
      [
        'evaluate',
        '--on',
        'clu',
        '--train',
        a,
        '--train',
        b,
        '--test-set',
        abCsv,
        '--no-cache',
        '--backup-dir',
        join(dir, 'ab-backups'),
        '--json',
      ],
      ...extra,
    );

  it('trains and deploys each arm in the scratch project only, detects the better arm, and puts the scratch project back', async () => {
    const service = new CluTestService(ENDPOINT, KEY);
    await pushTo('support', dataset);
    await pushTo('support-scratch', poor);
    const production = structuredClone(service.projects.get('support')!.project);
    const productionModels = [...service.projects.get('support')!.models.keys()];
    const scratchBefore = structuredClone(service.projects.get('support-scratch')!.project);
    service.log.length = 0;
    const run = await ab(poor, rich, '--scratch-project', 'support-scratch');
    expect(run.error).toBeUndefined();
    const report = JSON.parse(run.stdout);
    expect(report.arms.map((a: {train: string}) => a.train)).toEqual([poor, rich]);
    expect(report.arms[1].accuracy).toBeGreaterThan(report.arms[0].accuracy);
    expect(report.difference.mcnemar.significant).toBe(true);
    expect(report.restored).toBe(true);
    expect(report.backup).toMatch(/clu-support-scratch-/);
    const scratch = service.projects.get('support-scratch')!;
    // Each arm was deployed to a deployment of its own and asked there; both are gone, with their models.
    expect(service.count('PUT', /deployments\/synthnlu-ab-1$/)).toBe(1);
    expect(service.count('PUT', /deployments\/synthnlu-ab-2$/)).toBe(1);
    expect(service.count('DELETE', /support-scratch\/deployments\/synthnlu-ab-[12]$/)).toBe(2);
    expect(service.count('DELETE', /support-scratch\/models\/synthnlu-/)).toBe(2);
    expect([...scratch.deployments.keys()]).toEqual(['production']);
    expect(scratch.models.size).toBe(1);
    expect(scratch.project).toEqual(scratchBefore);
    expect(service.count('POST', /^\/language\/:analyze-conversations$/)).toBe(180);
    // The push target was neither written to nor asked.
    expect(service.log.filter((line) => /projects\/support(\/|$)/.test(line))).toEqual([]);
    expect(service.projects.get('support')!.project).toEqual(production);
    expect([...service.projects.get('support')!.models.keys()]).toEqual(productionModels);
    expect(run.stdout + run.stderr).not.toContain(KEY);
  });

  it('reports two equally good arms as not significantly different, and deletes a scratch project it created', async () => {
    const service = new CluTestService(ENDPOINT, KEY);
    const run = await ab(rich, richOther, '--scratch-project', 'support-ab');
    expect(run.error).toBeUndefined();
    const report = JSON.parse(run.stdout);
    expect(report.difference.mcnemar.onlyA + report.difference.mcnemar.onlyB).toBeGreaterThan(0);
    expect(report.difference.mcnemar.significant).toBe(false);
    expect(report.difference.mcnemar.pValue).toBeGreaterThan(0.05);
    expect(report.restored).toBe(true);
    expect(service.count('DELETE', /projects\/support-ab$/)).toBe(1);
    expect(service.projects.has('support-ab')).toBe(false);
  });

  it('keeps the arms with --keep, and refuses a scratch project that is the push target', async () => {
    const service = new CluTestService(ENDPOINT, KEY);
    const kept = await ab(rich, richOther, '--scratch-project', 'support-ab', '--keep');
    expect(JSON.parse(kept.stdout).restored).toBe(false);
    expect([...service.projects.get('support-ab')!.deployments.keys()]).toEqual([
      'synthnlu-ab-1',
      'synthnlu-ab-2',
    ]);
    service.log.length = 0;
    const same = await ab(poor, rich, '--scratch-project', 'Support');
    expect(same.error?.oclif?.exit).toBe(2);
    expect(JSON.parse(same.stdout).error.code).toBe('EVALUATE_SCRATCH_IS_TARGET');
    expect(service.log).toEqual([]);
  });
});

describe('evaluate --on clu with an annotated test set', () => {
  it('scores the entities the runtime extracts from what was trained (per-entity precision and recall)', async () => {
    const intents = ['GetWeather', 'BookRestaurant', 'PlayMusic'];
    const data = writeJson(join(dir, 'snips.json'), snipsDataset(intents, 300));
    const testSet = join(dir, 'snips-test.json');
    writeSnipsTestSet(testSet, intents, 30);
    const service = new CluTestService(ENDPOINT, KEY);
    const push = await clu(
      ['push', data, '--to', 'clu', '--yes', '--train', '--deployment', 'production'],
      '--backup-dir',
      join(dir, 'b'),
    );
    expect(push.error).toBeUndefined();
    const run = await clu([
      'evaluate',
      data,
      '--on',
      'clu',
      '--test-set',
      testSet,
      '--no-cache',
      '--deployment',
      'production',
      '--json',
    ]);
    expect(run.error).toBeUndefined();
    const metrics = new Map(
      (JSON.parse(run.stdout).entityAccuracy as {entity: string; recall: number; support: number}[]).map(
        (m) => [m.entity, m],
      ),
    );
    expect(metrics.get('restaurant_type')).toMatchObject({support: 21, recall: 1});
    expect(metrics.get('party_size_number')!.recall).toBeCloseTo(0.4706, 4);
    expect(service.count('POST', /^\/language\/:analyze-conversations$/)).toBe(90);
  });
});
