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
  /** Intents with their training phrases in the default language. */
  intents: Map<string, ApiIntent>;
  /** Entity types with their entries in the default language. */
  entityTypes: Map<string, ApiEntityType>;
  defaultLanguageCode: string;
  /** The agent's other languages (Agent.supported_language_codes). */
  supportedLanguageCodes: string[];
  /** Training phrases in the other languages: language → intent resource name → phrases. */
  phrases: Map<string, Map<string, NonNullable<ApiIntent['trainingPhrases']>>>;
  /** Entity entries in the other languages: language → entity type resource name → entries. */
  entries: Map<string, Map<string, NonNullable<ApiEntityType['entities']>>>;
  trainings: number;
  /** The recognizer TrainAgent built from the intents' training phrases (synthnlu's classifier). */
  model?: IntentClassifier;
  /** The recognizers TrainAgent built for the other languages, from their training phrases: language → model. */
  languageModels?: Map<string, IntentClassifier>;
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
    if (!state)
      this.agents.set(
        parent,
        (state = {
          intents: new Map(),
          entityTypes: new Map(),
          defaultLanguageCode: 'en',
          supportedLanguageCodes: [],
          phrases: new Map(),
          entries: new Map(),
          trainings: 0,
        }),
      );
    return state;
  }

  /** The intent as stored in `language`: the default language's phrases, or that language's. */
  intentIn(state: AgentState, intent: ApiIntent, language: string | undefined): ApiIntent {
    const other = otherLanguage(state, language);
    return other ? {...intent, trainingPhrases: state.phrases.get(other)?.get(intent.name) ?? []} : intent;
  }

  /** The entity type as stored in `language`: the default language's entries, or that language's. */
  entityTypeIn(state: AgentState, type: ApiEntityType, language: string | undefined): ApiEntityType {
    const other = otherLanguage(state, language);
    return other ? {...type, entities: state.entries.get(other)?.get(type.name) ?? []} : type;
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
        languageCode?: string;
      }) => {
        const state = this.agent(request.parent);
        const all = [...state.intents.values()].map((i) => this.intentIn(state, i, request.languageCode));
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
      BatchUpdateIntents: (request: {
        parent: string;
        intentBatchInline?: {intents?: ApiIntent[]};
        languageCode?: string;
      }) => {
        const state = this.agent(request.parent);
        const intents = request.intentBatchInline?.intents ?? [];
        if (intents.length > 1000)
          throw {code: grpc.status.INVALID_ARGUMENT, message: 'at most 1000 intents per batch'};
        const saved = intents.map((intent) =>
          this.#saveIntent(state, request.parent, intent, request.languageCode),
        );
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

  #saveIntent(state: AgentState, parent: string, intent: ApiIntent, language?: string): ApiIntent {
    refuseMalformedIntent(intent);
    const other = otherLanguage(state, language);
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
    const phrases = (intent.trainingPhrases ?? []).map((phrase) => ({
      ...phrase,
      name: phrase.name || randomUUID(),
    }));
    if (other) {
      // Phrases in another language are that language's; the default language's stay as they were.
      let byIntent = state.phrases.get(other);
      if (!byIntent) state.phrases.set(other, (byIntent = new Map()));
      byIntent.set(name, phrases);
      const kept = state.intents.get(name)?.trainingPhrases ?? [];
      state.intents.set(name, {...intent, name, trainingPhrases: kept});
      return {...intent, name, trainingPhrases: phrases};
    }
    const saved: ApiIntent = {...intent, name, trainingPhrases: phrases};
    state.intents.set(name, saved);
    return saved;
  }

  #entityTypes() {
    return {
      ListEntityTypes: (request: {
        parent: string;
        pageSize?: number;
        pageToken?: string;
        languageCode?: string;
      }) => {
        const state = this.agent(request.parent);
        const all = [...state.entityTypes.values()].map((t) =>
          this.entityTypeIn(state, t, request.languageCode),
        );
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
        languageCode?: string;
      }) => {
        const state = this.agent(request.parent);
        const other = otherLanguage(state, request.languageCode);
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
          if (other) {
            // Entries in another language are that language's; the default language's stay as they were.
            let byType = state.entries.get(other);
            if (!byType) state.entries.set(other, (byType = new Map()));
            byType.set(name, entityType.entities ?? []);
            state.entityTypes.set(name, {...value, entities: state.entityTypes.get(name)?.entities ?? []});
            return value;
          }
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
        // QueryInput.text.language_code is required, and must be one of the agent's languages
        // (https://cloud.google.com/dialogflow/es/docs/reference/rpc/google.cloud.dialogflow.v2#textinput:
        // "Required. The language of this conversational query"): each language answers from its own model.
        const languageCode = request.queryInput?.text?.languageCode;
        if (!languageCode) throw invalid('QueryInput.text.language_code is required.');
        const other = otherLanguage(state, languageCode);
        const model = other === undefined ? state.model : state.languageModels?.get(other);
        if (!model)
          throw {
            code: grpc.status.FAILED_PRECONDITION,
            message: `Agent ${parent} is not trained in ${languageCode}.`,
          };
        const text = request.queryInput?.text?.text ?? '';
        const prediction = model.predict(text);
        const intent = [...state.intents.values()].find((i) => i.displayName === prediction.intent);
        return {
          responseId: randomUUID(),
          queryResult: {
            queryText: text,
            languageCode,
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
      GetAgent: (request: {parent: string}) => {
        const state = this.agent(`${request.parent.replace(/\/agent$/, '')}/agent`);
        return {
          parent: request.parent.replace(/\/agent$/, ''),
          displayName: 'test-agent',
          defaultLanguageCode: state.defaultLanguageCode,
          supportedLanguageCodes: state.supportedLanguageCodes,
        };
      },
      SetAgent: (request: {
        agent: {parent: string; supportedLanguageCodes?: string[]};
        updateMask?: {paths?: string[]};
      }) => {
        const state = this.agent(`${request.agent.parent}/agent`);
        const paths = request.updateMask?.paths;
        if (!paths || paths.includes('supported_language_codes'))
          state.supportedLanguageCodes = (request.agent.supportedLanguageCodes ?? []).filter(
            (l) => l !== state.defaultLanguageCode,
          );
        return {
          parent: request.agent.parent,
          displayName: 'test-agent',
          defaultLanguageCode: state.defaultLanguageCode,
          supportedLanguageCodes: state.supportedLanguageCodes,
        };
      },
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
        state.languageModels = new Map();
        for (const [language, byIntent] of state.phrases) {
          const phrases = [...state.intents.values()].flatMap((intent) =>
            (byIntent.get(intent.name) ?? []).map((p) => ({
              text: p.parts.map((part) => part.text).join(''),
              intent: intent.displayName,
            })),
          );
          if (new Set(phrases.map((e) => e.intent)).size >= 2)
            state.languageModels.set(language, trainIntentClassifier(phrases, {seed: 1}));
        }
        return this.done('google.protobuf.Empty');
      },
      ExportAgent: async (request: {parent: string}) => {
        const state = this.agent(request.parent);
        const zip = new JSZip();
        zip.file(
          'agent.json',
          JSON.stringify({
            displayName: 'test-agent',
            language: state.defaultLanguageCode,
            supportedLanguages: state.supportedLanguageCodes,
          }),
        );
        for (const intent of state.intents.values()) {
          zip.file(`intents/${intent.displayName}.json`, JSON.stringify(intent));
          for (const [language, byIntent] of state.phrases)
            if (byIntent.has(intent.name))
              zip.file(
                `intents/${intent.displayName}_usersays_${language}.json`,
                JSON.stringify(byIntent.get(intent.name)),
              );
        }
        for (const entityType of state.entityTypes.values()) {
          zip.file(`entities/${entityType.displayName}.json`, JSON.stringify(entityType));
          for (const [language, byType] of state.entries)
            if (byType.has(entityType.name))
              zip.file(
                `entities/${entityType.displayName}_entries_${language}.json`,
                JSON.stringify(byType.get(entityType.name)),
              );
        }
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
    if (/_(usersays|entries)_[^/]+\.json$/.test(path)) continue;
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
 * The language a request names when it is not the agent's default (undefined: the default). Training phrases
 * and entity entries are language-specific and an agent holds only the languages it was given: its default
 * and its supported_language_codes ("The language you choose when creating an agent is set as the default
 * language, and you can add additional languages"; https://cloud.google.com/dialogflow/es/docs/agents-multilingual,
 * and Agent.supported_language_codes in the v2 reference), so another language is INVALID_ARGUMENT.
 */
function otherLanguage(state: AgentState, language: string | undefined): string | undefined {
  if (!language || language.toLowerCase() === state.defaultLanguageCode.toLowerCase()) return undefined;
  const supported = state.supportedLanguageCodes.find((l) => l.toLowerCase() === language.toLowerCase());
  if (!supported)
    throw invalid(
      `The agent does not support the language '${language}'; add it to the agent's languages first.`,
    );
  return supported;
}

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
