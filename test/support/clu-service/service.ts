/**
 * The Azure CLU authoring and runtime REST APIs (api-version 2023-04-01) for tests, through nock: projects
 * by name, `:import` (creates or replaces a project), `:export`, `:train` (a real recognizer, synthnlu's
 * classifier, trained on the project's non-Test utterances, kept under its model label, with a gazetteer of
 * their entity spans), deployments of a
 * trained model, deleting deployments, models and projects (asynchronous jobs where CLU's are), and the
 * runtime `:analyze-conversations`, which answers from the deployed model only. It refuses what CLU refuses:
 * a wrong key (401), a missing project or deployment (404), deploying a model that does not exist, and
 * deleting a model a deployment still serves (409).
 */
import nock from 'nock';
import type {CluProject} from '../../../connectors/botframework/clu/types.js';
import {trainIntentClassifier, type IntentClassifier} from '../../../src/classifier/index.js';
import {Gazetteer} from '../gazetteer.js';

const AUTHORING = '/language/authoring/analyze-conversations/projects';
const RUNTIME = '/language/:analyze-conversations';

export interface CluProjectState {
  project: CluProject;
  models: Map<string, {classifier: IntentClassifier; entities: Gazetteer}>;
  /** Deployment name → trained model label. */
  deployments: Map<string, string>;
}

export class CluTestService {
  readonly projects = new Map<string, CluProjectState>();
  /** Every request as `METHOD path` (no query), in order. */
  readonly log: string[] = [];
  #jobs = 0;

  constructor(
    readonly endpoint: string,
    readonly key: string,
  ) {
    const scope = nock(endpoint, {reqheaders: {'ocp-apim-subscription-key': key}}).persist();
    for (const method of ['GET', 'POST', 'PUT', 'DELETE'] as const)
      scope
        .intercept((path) => path.startsWith(AUTHORING) || path.startsWith(RUNTIME), method)
        .query(true)
        .reply((uri, body) => this.#handle(method, new URL(uri, endpoint).pathname, body));
  }

  /** How many logged requests match `METHOD path-regex`. */
  count(method: string, path: RegExp): number {
    return this.log.filter(
      (line) => line.startsWith(`${method} `) && path.test(line.slice(method.length + 1)),
    ).length;
  }

  #job(path: string): [number, string, Record<string, string>] {
    return [
      202,
      '',
      {'operation-location': `${this.endpoint}${path}/jobs/j${++this.#jobs}?api-version=2023-04-01`},
    ];
  }

  #handle(method: string, path: string, body: unknown): [number, unknown, Record<string, string>?] {
    this.log.push(`${method} ${decodeURIComponent(path)}`);
    if (path === RUNTIME && method === 'POST') return this.#analyze(body as AnalyzeRequest);
    if (/\/jobs\/j\d+$/.test(path) && method === 'GET')
      return [200, {status: 'succeeded', resultUrl: `${this.endpoint}${path}/result?api-version=2023-04-01`}];
    const match = /^\/language\/authoring\/analyze-conversations\/projects\/([^/:]+)(.*)$/.exec(path);
    if (!match) return notFound('Route');
    const name = decodeURIComponent(match[1]!);
    const rest = decodeURIComponent(match[2]!);
    const state = this.projects.get(name);
    if (/^\/export\/jobs\/j\d+\/result$/.test(rest) && method === 'GET')
      return state ? [200, state.project] : notFound('Project');
    if (rest === '/:import' && method === 'POST') {
      const project = body as CluProject;
      if (state) state.project = project;
      else this.projects.set(name, {project, models: new Map(), deployments: new Map()});
      return this.#job(`${AUTHORING}/${name}/import`);
    }
    if (!state) return notFound('Project');
    if (rest === '' && method === 'GET') return [200, {projectName: name, projectKind: 'Conversation'}];
    if (rest === '' && method === 'DELETE') {
      this.projects.delete(name);
      return this.#job(`${AUTHORING}/global/deletion`);
    }
    if (rest === '/:export' && method === 'POST') return this.#job(`${AUTHORING}/${name}/export`);
    if (rest === '/:train' && method === 'POST') {
      const {modelLabel} = body as {modelLabel: string};
      const examples = state.project.assets.utterances
        .filter((u) => u.dataset !== 'Test')
        .map((u) => ({text: u.text, intent: u.intent}));
      const annotated = state.project.assets.utterances
        .filter((u) => u.dataset !== 'Test')
        .map((u) => ({
          text: u.text,
          entities: (u.entities ?? []).map((e) => ({
            entity: e.category,
            start: e.offset,
            end: e.offset + e.length,
          })),
        }));
      state.models.set(modelLabel, {
        classifier: trainIntentClassifier(examples, {seed: 1}),
        entities: new Gazetteer(annotated),
      });
      return this.#job(`${AUTHORING}/${name}/train`);
    }
    const deployment = /^\/deployments\/([^/]+)$/.exec(rest)?.[1];
    if (deployment && method === 'PUT') {
      const label = (body as {trainedModelLabel: string}).trainedModelLabel;
      if (!state.models.has(label)) return notFound(`Trained model ${label}`);
      state.deployments.set(deployment, label);
      return this.#job(`${AUTHORING}/${name}/deployments/${deployment}`);
    }
    if (deployment && method === 'DELETE') {
      if (!state.deployments.delete(deployment)) return notFound(`Deployment ${deployment}`);
      return this.#job(`${AUTHORING}/${name}/deployments/${deployment}`);
    }
    const model = /^\/models\/([^/]+)$/.exec(rest)?.[1];
    if (model && method === 'DELETE') {
      if (!state.models.has(model)) return notFound(`Trained model ${model}`);
      if ([...state.deployments.values()].includes(model))
        return [
          409,
          {error: {code: 'Conflict', message: `The trained model ${model} is assigned to a deployment.`}},
        ];
      state.models.delete(model);
      return [204, ''];
    }
    return notFound('Route');
  }

  #analyze(request: AnalyzeRequest): [number, unknown] {
    const {projectName, deploymentName} = request.parameters;
    const state = this.projects.get(projectName);
    const label = state?.deployments.get(deploymentName);
    const model = label === undefined ? undefined : state!.models.get(label);
    if (!model) return notFound(`Deployment ${deploymentName}`);
    const text = request.analysisInput.conversationItem.text;
    const prediction = model.classifier.predict(text);
    return [
      200,
      {
        kind: 'ConversationResult',
        result: {
          query: text,
          prediction: {
            topIntent: prediction.intent,
            projectKind: 'Conversation',
            intents: prediction.scores.map((s) => ({category: s.intent, confidenceScore: s.score})),
            entities: model.entities.extract(text).map((e) => ({
              category: e.entity,
              text: e.value,
              offset: e.start,
              length: e.end - e.start,
              confidenceScore: 1,
            })),
          },
        },
      },
    ];
  }
}

interface AnalyzeRequest {
  parameters: {projectName: string; deploymentName: string};
  analysisInput: {conversationItem: {text: string}};
}

const notFound = (what: string): [number, unknown] => [
  404,
  {error: {code: 'NotFound', message: `${what} not found.`}},
];
