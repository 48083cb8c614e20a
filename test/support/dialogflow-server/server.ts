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
import * as protoLoader from '@grpc/proto-loader';
import JSZip from 'jszip';
import protobuf from 'protobufjs';

const require = createRequire(import.meta.url);
const DIALOGFLOW_PROTOS = join(
  dirname(require.resolve('@google-cloud/dialogflow/package.json')),
  'build',
  'protos',
);
// google-gax does not export its package.json: walk up from its entry point to the package folder.
const GAX_PROTOS = join(
  require.resolve('google-gax').replace(/(node_modules[\\/]google-gax)[\\/].*$/, '$1'),
  'build',
  'protos',
);
const TYPE_PREFIX = 'type.googleapis.com/';

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

export interface Fault {
  /** Method name as in the proto: BatchUpdateIntents, ListIntents, ExportAgent... */
  method: string;
  code: grpc.status;
  /** How many calls fail (default 1); Infinity for a persistent fault. */
  times?: number;
  /** Let this many calls of the method succeed first. */
  after?: number;
  /** Apply the request, then answer with the error (a response lost to a deadline: the retry must be idempotent). */
  applyFirst?: boolean;
}

interface AgentState {
  intents: Map<string, ApiIntent>;
  entityTypes: Map<string, ApiEntityType>;
  trainings: number;
}

export class DialogflowTestServer {
  readonly calls = new Map<string, number>();
  /** Methods in the order they were called, for ordering assertions (backup before the first write). */
  readonly callLog: string[] = [];
  /** Every request body per method, for assertions. */
  readonly requests = new Map<string, unknown[]>();
  readonly agents = new Map<string, AgentState>();
  readonly #faults: (Fault & {seen: number; failed: number})[] = [];
  readonly #server = new grpc.Server();
  #root!: protobuf.Root;
  port = 0;

  static async start(): Promise<DialogflowTestServer> {
    const server = new DialogflowTestServer();
    await server.#listen();
    return server;
  }

  /** Client options that point the real @google-cloud/dialogflow clients at this server. */
  clientOptions(): Record<string, unknown> {
    return {
      apiEndpoint: '127.0.0.1',
      port: this.port,
      sslCreds: grpc.credentials.createInsecure(),
      universeDomain: 'googleapis.com',
    };
  }

  agent(parent: string): AgentState {
    let state = this.agents.get(parent);
    if (!state) this.agents.set(parent, (state = {intents: new Map(), entityTypes: new Map(), trainings: 0}));
    return state;
  }

  callCount(method: string): number {
    return this.calls.get(method) ?? 0;
  }

  /** Calls that change agent state. */
  writeCalls(): number {
    const reads = new Set([
      'ListIntents',
      'GetIntent',
      'ListEntityTypes',
      'GetEntityType',
      'GetAgent',
      'ExportAgent',
      'GetOperation',
    ]);
    let total = 0;
    for (const [method, count] of this.calls) if (!reads.has(method)) total += count;
    return total;
  }

  injectFault(fault: Fault): void {
    this.#faults.push({...fault, seen: 0, failed: 0});
  }

  reset(): void {
    this.calls.clear();
    this.callLog.length = 0;
    this.requests.clear();
    this.agents.clear();
    this.#faults.length = 0;
  }

  resetCounts(): void {
    this.calls.clear();
    this.callLog.length = 0;
    this.requests.clear();
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.tryShutdown(() => resolve()));
    this.#server.forceShutdown();
  }

  async #listen(): Promise<void> {
    const v2 = join(DIALOGFLOW_PROTOS, 'google/cloud/dialogflow/v2');
    const files = [
      join(v2, 'intent.proto'),
      join(v2, 'entity_type.proto'),
      join(v2, 'agent.proto'),
      join(GAX_PROTOS, 'google/longrunning/operations.proto'),
    ];
    const definition = protoLoader.loadSync(files, {
      includeDirs: [DIALOGFLOW_PROTOS, GAX_PROTOS],
      keepCase: false,
      longs: String,
      enums: String,
      defaults: false,
      oneofs: true,
    });
    const loaded = grpc.loadPackageDefinition(definition) as unknown as {
      google: {
        cloud: {dialogflow: {v2: Record<string, {service: grpc.ServiceDefinition}>}};
        longrunning: {Operations: {service: grpc.ServiceDefinition}};
      };
    };
    this.#root = protobuf.Root.fromJSON(require('@google-cloud/dialogflow/build/protos/protos.json'));
    const services = loaded.google.cloud.dialogflow.v2;
    this.#server.addService(services.Intents!.service, this.#wrap(this.#intents()));
    this.#server.addService(services.EntityTypes!.service, this.#wrap(this.#entityTypes()));
    this.#server.addService(services.Agents!.service, this.#wrap(this.#agentsService()));
    this.#server.addService(
      loaded.google.longrunning.Operations.service,
      this.#wrap({
        GetOperation: (request: {name: string}) => ({name: request.name, done: true}),
      }),
    );
    this.port = await new Promise<number>((resolve, reject) =>
      this.#server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) =>
        error ? reject(error) : resolve(port),
      ),
    );
  }

  /** Turns plain handlers into unary gRPC handlers with call counting and fault injection. */
  #wrap(
    handlers: Record<string, (request: never) => unknown | Promise<unknown>>,
  ): grpc.UntypedServiceImplementation {
    const implementation: grpc.UntypedServiceImplementation = {};
    for (const [method, handler] of Object.entries(handlers)) {
      implementation[method[0]!.toLowerCase() + method.slice(1)] = (
        call: grpc.ServerUnaryCall<unknown, unknown>,
        callback: grpc.sendUnaryData<unknown>,
      ) => {
        this.calls.set(method, this.callCount(method) + 1);
        this.callLog.push(method);
        const list = this.requests.get(method) ?? [];
        list.push(call.request);
        this.requests.set(method, list);
        const fault = this.#faults.find(
          (f) => f.method === method && f.failed < (f.times ?? 1) && f.seen++ >= (f.after ?? 0),
        );
        const fail = () => {
          fault!.failed++;
          callback({code: fault!.code, details: `injected ${grpc.status[fault!.code]}`} as grpc.ServiceError);
        };
        if (fault && !fault.applyFirst) return fail();
        Promise.resolve()
          .then(() => handler(call.request as never))
          .then(
            (response) => (fault ? fail() : callback(null, response)),
            (error: {code?: number; message: string}) =>
              callback({
                code: error.code ?? grpc.status.INTERNAL,
                details: error.message,
              } as grpc.ServiceError),
          );
      };
    }
    return implementation;
  }

  #done(typeName: string, value: Record<string, unknown> = {}): unknown {
    const type = this.#root.lookupType(typeName);
    const encoded = type.encode(type.fromObject(value)).finish();
    return {
      name: `operations/${randomUUID()}`,
      done: true,
      response: {typeUrl: TYPE_PREFIX + typeName, value: Buffer.from(encoded)},
    };
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
        return this.#done('google.cloud.dialogflow.v2.BatchUpdateIntentsResponse', {
          intents: saved.map(toProtoJson),
        });
      },
      BatchDeleteIntents: (request: {parent: string; intents?: {name: string}[]}) => {
        const state = this.agent(request.parent);
        for (const intent of request.intents ?? []) {
          if (!state.intents.delete(intent.name)) throw notFound(intent.name);
        }
        return this.#done('google.protobuf.Empty');
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
        return this.#done('google.cloud.dialogflow.v2.BatchUpdateEntityTypesResponse', {
          entityTypes: saved.map(toProtoJson),
        });
      },
      BatchDeleteEntityTypes: (request: {parent: string; entityTypeNames?: string[]}) => {
        const state = this.agent(request.parent);
        for (const name of request.entityTypeNames ?? [])
          if (!state.entityTypes.delete(name)) throw notFound(name);
        return this.#done('google.protobuf.Empty');
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
        this.agent(request.parent).trainings++;
        return this.#done('google.protobuf.Empty');
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
        return this.#done('google.cloud.dialogflow.v2.ExportAgentResponse', {agentContent});
      },
      RestoreAgent: async (request: {parent: string; agentContent?: Buffer}) => {
        const state = this.agent(request.parent);
        const restored = await readAgentZip(request.agentContent ?? Buffer.alloc(0));
        state.intents = new Map(restored.intents.map((i) => [i.name, i]));
        state.entityTypes = new Map(restored.entityTypes.map((e) => [e.name, e]));
        return this.#done('google.protobuf.Empty');
      },
      ImportAgent: async (request: {parent: string; agentContent?: Buffer}) => {
        const state = this.agent(request.parent);
        const imported = await readAgentZip(request.agentContent ?? Buffer.alloc(0));
        for (const intent of imported.intents) state.intents.set(intent.name, intent);
        for (const entityType of imported.entityTypes) state.entityTypes.set(entityType.name, entityType);
        return this.#done('google.protobuf.Empty');
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

function notFound(name: string) {
  return {code: grpc.status.NOT_FOUND, message: `${name} not found`};
}

/** proto-loader objects use enum names as strings, which protobufjs fromObject accepts as well. */
function toProtoJson<T>(value: T): T {
  return value;
}
