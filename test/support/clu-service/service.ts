/**
 * The Azure CLU authoring and runtime REST APIs (api-version 2023-04-01) for tests, through nock: projects
 * by name, `:import` (creates or replaces a project), `:export`, `:train` (a real recognizer, synthnlu's
 * classifier, trained on the project's non-Test utterances, kept under its model label, with a gazetteer of
 * their entity spans), deployments of a
 * trained model, deleting deployments, models and projects (asynchronous jobs where CLU's are), and the
 * runtime `:analyze-conversations`, which answers from the deployed model only. It refuses what CLU refuses:
 * a wrong key (401), a missing project or deployment (404), deploying a model that does not exist, and
 * deleting a model a deployment still serves (409), and a malformed `:import` body, model label or deployment
 * name (400, see refuseMalformedProject and refuseName below, each rule with its reference).
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
  /** Every runtime conversation item asked, in order (its text and language, as sent). */
  readonly analyzed: {text: string; language?: string}[] = [];
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
      const problem = refuseName(name, 'Project name', PROJECT_NAME) ?? refuseMalformedProject(body);
      if (problem) return badRequest(problem);
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
      const {modelLabel, trainingMode} = body as {modelLabel: string; trainingMode?: string};
      const problem =
        refuseName(modelLabel, 'modelLabel', PROJECT_NAME) ??
        (['standard', 'advanced'].includes(trainingMode ?? '')
          ? undefined
          : `trainingMode must be standard or advanced (got ${JSON.stringify(trainingMode)}).`);
      if (problem) return badRequest(problem);
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
      const problem = refuseName(deployment, 'Deployment name', PROJECT_NAME);
      if (problem) return badRequest(problem);
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
    const {text, language} = request.analysisInput.conversationItem;
    this.analyzed.push({text, ...(language === undefined ? {} : {language})});
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
  analysisInput: {conversationItem: {text: string; language?: string}};
}

const notFound = (what: string): [number, unknown] => [
  404,
  {error: {code: 'NotFound', message: `${what} not found.`}},
];

/**
 * A 400 as the Language service answers a request body it cannot take
 * (https://learn.microsoft.com/rest/api/language/conversational-analysis-authoring/import#errorresponse:
 * error.code InvalidRequest, innererror.code InvalidRequestBodyFormat).
 */
const badRequest = (message: string): [number, unknown] => [
  400,
  {
    error: {
      code: 'InvalidRequest',
      message: 'Invalid Request.',
      innererror: {code: 'InvalidRequestBodyFormat', message},
    },
  },
];

/**
 * Naming limits (https://learn.microsoft.com/azure/ai-services/language-service/conversational-language-understanding/service-limits#naming-limits):
 * project, model and deployment names "can only use letters (a-z, A-Z), numbers (0-9) and symbols _ . -",
 * no spaces, at most 50 characters; intent and entity names may use letters, numbers and every symbol but ":",
 * at most 50 characters.
 */
const PROJECT_NAME = /^[A-Za-z0-9_.-]{1,50}$/;
const LABEL_NAME = /^[^:]{1,50}$/;
/** Data limits (same page): utterances 1-500 characters when authoring, at most 500 intents, 350 entities and 50,000 utterances per project. */
const LIMITS = {text: 500, intents: 500, entities: 350, utterances: 50_000};
/** The StringIndexType values of the authoring API (import request body, stringIndexType). */
const STRING_INDEX_TYPES = ['Utf16CodeUnit', 'Utf8CodeUnit', 'TextElements_v8', 'UnicodeCodePoint'];
/** A language code as CLU lists them (https://learn.microsoft.com/azure/ai-services/language-service/conversational-language-understanding/language-support): "en-us", "fr", "zh-hans". */
const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

function refuseName(value: unknown, what: string, pattern: RegExp): string | undefined {
  if (typeof value !== 'string' || !pattern.test(value))
    return `${what} ${JSON.stringify(value)} breaks the naming limits (${pattern.source}).`;
  return undefined;
}

/**
 * What CLU's import refuses of a conversation project body, from the import file format
 * (https://learn.microsoft.com/azure/ai-services/language-service/conversational-language-understanding/concepts/data-formats#import-project-file-format)
 * and the REST reference (https://learn.microsoft.com/rest/api/language/conversational-analysis-authoring/import):
 * - projectFileVersion and stringIndexType are required; metadata.projectKind and assets.projectKind are
 *   "Conversation" for a conversation project; metadata.language is required, a language code;
 * - an utterance's intent is one of assets.intents, each entity label's category one of assets.entities
 *   ("category: the type of entity", "intent: the intent of the utterance" refer to the declared assets);
 * - a label's offset ("the inclusive character position of the start of the entity") and length ("the character
 *   length of the entity") lie inside the utterance text, counted in stringIndexType units (Utf16CodeUnit is a
 *   JavaScript string index);
 * - dataset is "Train" or "Test"; an utterance's language differs from the project's only in a multilingual
 *   project ("multilingual: ... enables you to have utterances in multiple languages in your dataset");
 * - the naming and data limits above.
 */
export function refuseMalformedProject(body: unknown): string | undefined {
  const project = body as Partial<CluProject> | undefined;
  if (!project || typeof project !== 'object') return 'The request body must be a project JSON object.';
  if (typeof project.projectFileVersion !== 'string') return 'projectFileVersion is required.';
  if (!STRING_INDEX_TYPES.includes(String(project.stringIndexType)))
    return `stringIndexType must be one of ${STRING_INDEX_TYPES.join(', ')}.`;
  const metadata = project.metadata;
  if (metadata?.projectKind !== 'Conversation')
    return `metadata.projectKind must be Conversation (got ${JSON.stringify(metadata?.projectKind)}).`;
  if (typeof metadata.language !== 'string' || !LANGUAGE.test(metadata.language))
    return `metadata.language must be a language code (got ${JSON.stringify(metadata.language)}).`;
  const assets = project.assets;
  if (assets?.projectKind !== 'Conversation')
    return `assets.projectKind must be Conversation (got ${JSON.stringify(assets?.projectKind)}).`;
  const intents = new Set<string>();
  for (const intent of assets.intents ?? []) {
    const problem = refuseName(intent.category, 'Intent category', LABEL_NAME);
    if (problem) return problem;
    intents.add(intent.category);
  }
  const entities = new Set<string>();
  for (const entity of assets.entities ?? []) {
    const problem = refuseName(entity.category, 'Entity category', LABEL_NAME);
    if (problem) return problem;
    entities.add(entity.category);
  }
  const utterances = assets.utterances ?? [];
  if (intents.size > LIMITS.intents)
    return `${intents.size} intents: a project holds at most ${LIMITS.intents}.`;
  if (entities.size > LIMITS.entities)
    return `${entities.size} entities: a project holds at most ${LIMITS.entities}.`;
  if (utterances.length > LIMITS.utterances)
    return `${utterances.length} utterances: a project holds at most ${LIMITS.utterances}.`;
  for (const [index, utterance] of utterances.entries()) {
    const where = `assets.utterances[${index}] ("${utterance.text}")`;
    if (
      typeof utterance.text !== 'string' ||
      utterance.text.length < 1 ||
      utterance.text.length > LIMITS.text
    )
      return `${where}: text must have 1 to ${LIMITS.text} characters.`;
    if (!intents.has(utterance.intent))
      return `${where}: intent "${utterance.intent}" is not in assets.intents.`;
    if (utterance.dataset !== undefined && utterance.dataset !== 'Train' && utterance.dataset !== 'Test')
      return `${where}: dataset must be Train or Test (got ${JSON.stringify(utterance.dataset)}).`;
    if (utterance.language !== undefined) {
      if (!LANGUAGE.test(utterance.language))
        return `${where}: language "${utterance.language}" is not a language code.`;
      if (!metadata.multilingual && utterance.language.toLowerCase() !== metadata.language.toLowerCase())
        return `${where}: language "${utterance.language}" differs from the project's "${metadata.language}" and the project is not multilingual.`;
    }
    for (const label of utterance.entities ?? []) {
      if (!entities.has(label.category))
        return `${where}: entity category "${label.category}" is not in assets.entities.`;
      if (
        !Number.isInteger(label.offset) ||
        !Number.isInteger(label.length) ||
        label.offset < 0 ||
        label.length < 1
      )
        return `${where}: entity "${label.category}" needs an offset >= 0 and a length >= 1.`;
      if (label.offset + label.length > utterance.text.length)
        return `${where}: entity "${label.category}" at offset ${label.offset}, length ${label.length} runs past the text (${utterance.text.length} characters).`;
    }
  }
  return undefined;
}
