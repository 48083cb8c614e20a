/**
 * A local, in-memory Dialogflow ES v2 server for tests and benchmarks: the Intents, EntityTypes, Agents and
 * long-running Operations services, loaded from the .proto files @google-cloud/dialogflow ships, so the real
 * client talks to it over gRPC exactly as it would to Google. It counts calls per method (tests assert "zero
 * write calls") and injects faults (UNAVAILABLE, RESOURCE_EXHAUSTED, DEADLINE_EXCEEDED after applying a batch).
 */
import {randomUUID} from 'node:crypto';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import * as grpc from '@grpc/grpc-js';
import JSZip from 'jszip';
import {trainIntentClassifier, type IntentClassifier} from '../../../src/classifier/index.js';
import {FakeGrpcServer, notFound} from '../fake-grpc-server.js';

export type {Fault} from '../fake-grpc-server.js';

const require = createRequire(import.meta.url);
const DIALOGFLOW_PROTOS = join(
  dirname(require.resolve('@google-cloud/dialogflow/package.json')),
  'build',
  'protos',
);

/** Intent and EntityType objects as proto-loader hands them over (camelCase, enums as strings). */
export interface ApiPart {
  text: string;
  entityType?: string;
  alias?: string;
  userDefined?: boolean;
}
export interface ApiIntent {
  name: string;
  displayName: string;
  trainingPhrases?: {name?: string; type?: string; parts: ApiPart[]}[];
  parameters?: {displayName: string; entityTypeDisplayName?: string; value?: string}[];
  [key: string]: unknown;
}
export interface ApiEntityType {
  name: string;
  displayName: string;
  kind?: string;
  entities?: {value: string; synonyms: string[]}[];
  [key: string]: unknown;
}

interface AgentState {
  intents: Map<string, ApiIntent>;
  entityTypes: Map<string, ApiEntityType>;
  trainings: number;
  /** The recognizer TrainAgent built from the intents' training phrases (synthnlu's classifier). */
  model?: IntentClassifier;
}

export class DialogflowTestServer extends FakeGrpcServer {
  readonly agents = new Map<string, AgentState>();
  protected readonly reads = new Set([
    'ListIntents',
    'GetIntent',
    'ListEntityTypes',
    'GetEntityType',
    'GetAgent',
    'ExportAgent',
    'GetOperation',
    'DetectIntent',
  ]);

  static async start(): Promise<DialogflowTestServer> {
    const server = new DialogflowTestServer();
    const v2 = join(DIALOGFLOW_PROTOS, 'google/cloud/dialogflow/v2');
    await server.listen({
      protoFiles: ['intent.proto', 'entity_type.proto', 'agent.proto', 'session.proto'].map((f) =>
        join(v2, f),
      ),
      includeDir: DIALOGFLOW_PROTOS,
      protosJson: '@google-cloud/dialogflow/build/protos/protos.json',
      servicePath: ['google', 'cloud', 'dialogflow', 'v2'],
      services: {
        Intents: server.#intents(),
        EntityTypes: server.#entityTypes(),
        Agents: server.#agentsService(),
        Sessions: server.#sessions(),
      },
    });
    return server;
  }

  agent(parent: string): AgentState {
    let state = this.agents.get(parent);
    if (!state) this.agents.set(parent, (state = {intents: new Map(), entityTypes: new Map(), trainings: 0}));
    return state;
  }

  reset(): void {
    this.resetCounts();
    this.agents.clear();
    this.clearFaults();
  }

  #intents() {
    return {
      ListIntents: (request: {
        parent: string;
        pageSize?: number;
        pageToken?: string;
        intentView?: string;
      }) => {
        const all = [...this.agent(request.parent).intents.values()];
        const start = Number(request.pageToken || 0);
        const size = request.pageSize || 100;
        const page = all
          .slice(start, start + size)
          .map((i) => (request.intentView === 'INTENT_VIEW_FULL' ? i : {...i, trainingPhrases: []}));
        return {intents: page, nextPageToken: start + size < all.length ? String(start + size) : ''};
      },
      GetIntent: (request: {name: string}) => {
        for (const state of this.agents.values()) {
          const intent = state.intents.get(request.name);
          if (intent) return intent;
        }
        throw notFound(request.name);
      },
      BatchUpdateIntents: (request: {parent: string; intentBatchInline?: {intents?: ApiIntent[]}}) => {
        const state = this.agent(request.parent);
        const intents = request.intentBatchInline?.intents ?? [];
        if (intents.length > 1000)
          throw {code: grpc.status.INVALID_ARGUMENT, message: 'at most 1000 intents per batch'};
        const saved = intents.map((intent) => this.#saveIntent(state, request.parent, intent));
        return this.done('google.cloud.dialogflow.v2.BatchUpdateIntentsResponse', {
          intents: saved.map(toProtoJson),
        });
      },
      BatchDeleteIntents: (request: {parent: string; intents?: {name: string}[]}) => {
        const state = this.agent(request.parent);
        for (const intent of request.intents ?? []) {
          if (!state.intents.delete(intent.name)) throw notFound(intent.name);
        }
        return this.done('google.protobuf.Empty');
      },
      CreateIntent: (request: {parent: string; intent: ApiIntent}) =>
        this.#saveIntent(this.agent(request.parent), request.parent, {...request.intent, name: ''}),
      DeleteIntent: (request: {name: string}) => {
        for (const state of this.agents.values()) if (state.intents.delete(request.name)) return {};
        throw notFound(request.name);
      },
    };
  }

  #saveIntent(state: AgentState, parent: string, intent: ApiIntent): ApiIntent {
    refuseMalformedIntent(intent);
    const clash = [...state.intents.values()].find(
      (i) => i.displayName === intent.displayName && i.name !== intent.name,
    );
    if (clash)
      throw {
        code: grpc.status.FAILED_PRECONDITION,
        message: `Intent with the display name '${intent.displayName}' already exists.`,
      };
    if (intent.name && !state.intents.has(intent.name)) throw notFound(intent.name);
    const name = intent.name || `${parent}/intents/${randomUUID()}`;
    const saved: ApiIntent = {
      ...intent,
      name,
      trainingPhrases: (intent.trainingPhrases ?? []).map((phrase) => ({
        ...phrase,
        name: phrase.name || randomUUID(),
      })),
    };
    state.intents.set(name, saved);
    return saved;
  }

  #entityTypes() {
    return {
      ListEntityTypes: (request: {parent: string; pageSize?: number; pageToken?: string}) => {
        const all = [...this.agent(request.parent).entityTypes.values()];
        const start = Number(request.pageToken || 0);
        const size = request.pageSize || 100;
        return {
          entityTypes: all.slice(start, start + size),
          nextPageToken: start + size < all.length ? String(start + size) : '',
        };
      },
      BatchUpdateEntityTypes: (request: {
        parent: string;
        entityTypeBatchInline?: {entityTypes?: ApiEntityType[]};
      }) => {
        const state = this.agent(request.parent);
        const saved = (request.entityTypeBatchInline?.entityTypes ?? []).map((entityType) => {
          const clash = [...state.entityTypes.values()].find(
            (e) => e.displayName === entityType.displayName && e.name !== entityType.name,
          );
          if (clash)
            throw {
              code: grpc.status.FAILED_PRECONDITION,
              message: `Entity type '${entityType.displayName}' already exists.`,
            };
          const name = entityType.name || `${request.parent}/entityTypes/${randomUUID()}`;
          const value = {...entityType, name};
          state.entityTypes.set(name, value);
          return value;
        });
        return this.done('google.cloud.dialogflow.v2.BatchUpdateEntityTypesResponse', {
          entityTypes: saved.map(toProtoJson),
        });
      },
      BatchDeleteEntityTypes: (request: {parent: string; entityTypeNames?: string[]}) => {
        const state = this.agent(request.parent);
        for (const name of request.entityTypeNames ?? [])
          if (!state.entityTypes.delete(name)) throw notFound(name);
        return this.done('google.protobuf.Empty');
      },
    };
  }

  /** detectIntent answers from the model the last TrainAgent built: an agent never trained is refused. */
  #sessions() {
    return {
      DetectIntent: (request: {
        session: string;
        queryInput?: {text?: {text: string; languageCode: string}};
      }) => {
        const parent = request.session.replace(/\/sessions\/[^/]+$/, '');
        const state = this.agents.get(parent);
        if (!state) throw notFound(parent);
        if (!state.model)
          throw {code: grpc.status.FAILED_PRECONDITION, message: `Agent ${parent} is not trained.`};
        const text = request.queryInput?.text?.text ?? '';
        const prediction = state.model.predict(text);
        const intent = [...state.intents.values()].find((i) => i.displayName === prediction.intent);
        return {
          responseId: randomUUID(),
          queryResult: {
            queryText: text,
            languageCode: request.queryInput?.text?.languageCode ?? 'en',
            intent: {name: intent?.name ?? '', displayName: prediction.intent, isFallback: false},
            intentDetectionConfidence: prediction.score,
            allRequiredParamsPresent: true,
          },
        };
      },
    };
  }

  #agentsService() {
    return {
      GetAgent: (request: {parent: string}) => ({
        parent: request.parent.replace(/\/agent$/, ''),
        displayName: 'test-agent',
        defaultLanguageCode: 'en',
      }),
      TrainAgent: (request: {parent: string}) => {
        const state = this.agent(request.parent);
        state.trainings++;
        const examples = [...state.intents.values()].flatMap((intent) =>
          (intent.trainingPhrases ?? []).map((p) => ({
            text: p.parts.map((part) => part.text).join(''),
            intent: intent.displayName,
          })),
        );
        if (new Set(examples.map((e) => e.intent)).size >= 2)
          state.model = trainIntentClassifier(examples, {seed: 1});
        return this.done('google.protobuf.Empty');
      },
      ExportAgent: async (request: {parent: string}) => {
        const state = this.agent(request.parent);
        const zip = new JSZip();
        zip.file('agent.json', JSON.stringify({displayName: 'test-agent', language: 'en'}));
        for (const intent of state.intents.values())
          zip.file(`intents/${intent.displayName}.json`, JSON.stringify(intent));
        for (const entityType of state.entityTypes.values())
          zip.file(`entities/${entityType.displayName}.json`, JSON.stringify(entityType));
        const agentContent = await zip.generateAsync({type: 'uint8array'});
        return this.done('google.cloud.dialogflow.v2.ExportAgentResponse', {agentContent});
      },
      RestoreAgent: async (request: {parent: string; agentContent?: Buffer}) => {
        const state = this.agent(request.parent);
        const restored = await readAgentZip(request.agentContent ?? Buffer.alloc(0));
        state.intents = new Map(restored.intents.map((i) => [i.name, i]));
        state.entityTypes = new Map(restored.entityTypes.map((e) => [e.name, e]));
        return this.done('google.protobuf.Empty');
      },
      ImportAgent: async (request: {parent: string; agentContent?: Buffer}) => {
        const state = this.agent(request.parent);
        const imported = await readAgentZip(request.agentContent ?? Buffer.alloc(0));
        for (const intent of imported.intents) state.intents.set(intent.name, intent);
        for (const entityType of imported.entityTypes) state.entityTypes.set(entityType.name, entityType);
        return this.done('google.protobuf.Empty');
      },
    };
  }
}

/** Reads an agent zip written by this server's ExportAgent. */
export async function readAgentZip(
  content: Uint8Array,
): Promise<{intents: ApiIntent[]; entityTypes: ApiEntityType[]}> {
  const zip = await JSZip.loadAsync(content);
  const intents: ApiIntent[] = [];
  const entityTypes: ApiEntityType[] = [];
  for (const [path, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    if (path.startsWith('intents/')) intents.push(JSON.parse(await file.async('string')) as ApiIntent);
    if (path.startsWith('entities/'))
      entityTypes.push(JSON.parse(await file.async('string')) as ApiEntityType);
  }
  return {intents, entityTypes};
}

/** proto-loader objects use enum names as strings, which protobufjs fromObject accepts as well. */
function toProtoJson<T>(value: T): T {
  return value;
}

const invalid = (message: string) => ({code: grpc.status.INVALID_ARGUMENT, message});

/**
 * What the Dialogflow ES v2 API reference requires of an intent's annotations and parameters
 * (https://cloud.google.com/dialogflow/es/docs/reference/rpc/google.cloud.dialogflow.v2#intent):
 * - Intent.displayName: "Required. The name of this intent."
 * - TrainingPhrase.Part.entity_type: "Optional. The entity type name prefixed with @. This field is required for
 *   annotated parts of the training phrase." alias: "Optional. The parameter name for the value extracted from the
 *   annotated part of the example. This field is required for annotated parts of the training phrase."
 * - Parameter.display_name: "Required. The name of the parameter." entity_type_display_name: "Optional. The name
 *   of the entity type, prefixed with @, that describes values of the parameter."
 * Anything else the real API accepts, the fake accepts too: a parameter value that is not `$alias` is a valid
 * constant there (so push tests check the stored values themselves, not only a pull of them).
 */
function refuseMalformedIntent(intent: ApiIntent): void {
  if (!intent.displayName) throw invalid('Intent.display_name is required.');
  for (const phrase of intent.trainingPhrases ?? []) {
    for (const part of phrase.parts) {
      if (!part.entityType && !part.alias) continue;
      if (!part.entityType?.startsWith('@'))
        throw invalid(
          `Training phrase part "${part.text}": entity_type must be an entity type name prefixed with @.`,
        );
      if (!part.alias)
        throw invalid(`Training phrase part "${part.text}": alias is required for an annotated part.`);
    }
  }
  for (const parameter of intent.parameters ?? []) {
    if (!parameter.displayName) throw invalid('Parameter.display_name is required.');
    if (parameter.entityTypeDisplayName && !parameter.entityTypeDisplayName.startsWith('@'))
      throw invalid(
        `Parameter "${parameter.displayName}": entity_type_display_name must be prefixed with @ (got "${parameter.entityTypeDisplayName}").`,
      );
  }
}
