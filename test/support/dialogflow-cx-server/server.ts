/**
 * A local, in-memory Dialogflow CX v3 server for tests: the Agents, Intents, EntityTypes and Flows services and
 * long-running Operations, loaded from the .proto files @google-cloud/dialogflow-cx ships, so the real client
 * talks to it over gRPC exactly as it would to Google. It keeps training phrases and entity entries per
 * language, applies update masks, refuses duplicate display names and deleting an entity type still in use
 * (as CX does), counts calls per method and injects faults (UNAVAILABLE, RESOURCE_EXHAUSTED, DEADLINE_EXCEEDED
 * after applying a write). It refuses what the v3 API reference says CX refuses of the fields synthnlu sends:
 * see refuseMalformedIntent, refuseMalformedEntityType, refuseBadMask and refuseLanguage below.
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
const CX_PROTOS = join(
  dirname(require.resolve('@google-cloud/dialogflow-cx/package.json')),
  'build',
  'protos',
);
const SYSTEM_PREFIX = 'projects/-/locations/-/agents/-/entityTypes/sys.';
const AGENT_NAME = /^projects\/[^/]+\/locations\/[^/]+\/agents\/[^/]+$/;
const INTENT_NAME = /^projects\/[^/]+\/locations\/[^/]+\/agents\/[^/]+\/intents\/[^/]+$/;
const ENTITY_TYPE_NAME = /^projects\/[^/]+\/locations\/[^/]+\/agents\/[^/]+\/entityTypes\/[^/]+$/;

/** Objects as proto-loader hands them over (camelCase, enums as strings). */
export interface ApiPhrase {
  id?: string;
  parts: {text: string; parameterId?: string}[];
  repeatCount?: number;
}
export interface ApiParameter {
  id: string;
  entityType: string;
  isList?: boolean;
  redact?: boolean;
}
export interface StoredIntent {
  name: string;
  displayName: string;
  /** Training phrases by language code. */
  phrases: Map<string, ApiPhrase[]>;
  parameters: ApiParameter[];
  priority?: number;
  description?: string;
  /** Fields synthnlu never manages, to check that updates keep them. */
  labels?: Record<string, string>;
}
export interface StoredEntityType {
  name: string;
  displayName: string;
  kind: string;
  autoExpansionMode?: string;
  enableFuzzyExtraction?: boolean;
  redact?: boolean;
  /** Entries by language code. */
  entities: Map<string, {value: string; synonyms: string[]}[]>;
}

export interface AgentState {
  name: string;
  displayName: string;
  defaultLanguageCode: string;
  /** Languages enabled beside the default one (Agent.supported_language_codes). */
  supportedLanguageCodes: string[];
  intents: Map<string, StoredIntent>;
  entityTypes: Map<string, StoredEntityType>;
  flows: {name: string; displayName: string; trainings: number}[];
  /** The recognizer TrainFlow built from the intents' training phrases (synthnlu's classifier). */
  model?: IntentClassifier;
  /** The recognizers TrainFlow built for the other enabled languages: language (lower case) → model. */
  languageModels?: Map<string, IntentClassifier>;
}

const READS = new Set([
  'GetAgent',
  'ListAgents',
  'ExportAgent',
  'ListIntents',
  'GetIntent',
  'ListEntityTypes',
  'GetEntityType',
  'ListFlows',
  'GetOperation',
  'MatchIntent',
]);

export class DialogflowCxTestServer extends FakeGrpcServer {
  readonly agents = new Map<string, AgentState>();
  protected readonly reads = READS;

  static async start(): Promise<DialogflowCxTestServer> {
    const server = new DialogflowCxTestServer();
    const v3 = join(CX_PROTOS, 'google/cloud/dialogflow/cx/v3');
    await server.listen({
      protoFiles: ['intent.proto', 'entity_type.proto', 'agent.proto', 'flow.proto', 'session.proto'].map(
        (f) => join(v3, f),
      ),
      includeDir: CX_PROTOS,
      protosJson: '@google-cloud/dialogflow-cx/build/protos/protos.json',
      servicePath: ['google', 'cloud', 'dialogflow', 'cx', 'v3'],
      services: {
        Intents: server.#intents(),
        EntityTypes: server.#entityTypes(),
        Agents: server.#agentsService(),
        Flows: server.#flows(),
        Sessions: server.#sessions(),
      },
    });
    return server;
  }

  addAgent(
    name: string,
    options: {displayName?: string; defaultLanguageCode?: string; supportedLanguageCodes?: string[]} = {},
  ): AgentState {
    if (!AGENT_NAME.test(name)) throw new Error(`not a CX agent resource name: ${name}`);
    const state: AgentState = {
      name,
      displayName: options.displayName ?? 'test-agent',
      defaultLanguageCode: options.defaultLanguageCode ?? 'en',
      supportedLanguageCodes: options.supportedLanguageCodes ?? [],
      intents: new Map(),
      entityTypes: new Map(),
      flows: [
        {
          name: `${name}/flows/00000000-0000-0000-0000-000000000000`,
          displayName: 'Default Start Flow',
          trainings: 0,
        },
        {name: `${name}/flows/${randomUUID()}`, displayName: 'Booking', trainings: 0},
      ],
    };
    this.agents.set(name, state);
    return state;
  }

  agent(name: string): AgentState {
    const state = this.agents.get(name);
    if (!state) throw notFound(name);
    return state;
  }

  reset(): void {
    this.resetCounts();
    this.agents.clear();
    this.clearFaults();
  }

  #intentView(state: AgentState, intent: StoredIntent, language: string | undefined, full: boolean): unknown {
    const lang = languageIn(state, language);
    return {
      name: intent.name,
      displayName: intent.displayName,
      parameters: intent.parameters,
      priority: intent.priority ?? 500000,
      ...(intent.description ? {description: intent.description} : {}),
      ...(intent.labels ? {labels: intent.labels} : {}),
      trainingPhrases: full ? (intent.phrases.get(lang) ?? []) : [],
    };
  }

  #intents() {
    const ownerOf = (name: string): AgentState => this.agent(name.replace(/\/intents\/[^/]+$/, ''));
    return {
      ListIntents: (request: {
        parent: string;
        languageCode?: string;
        intentView?: string;
        pageSize?: number;
        pageToken?: string;
      }) => {
        const state = this.agent(request.parent);
        const all = [...state.intents.values()];
        const start = Number(request.pageToken || 0);
        const size = request.pageSize || 100;
        return {
          intents: all
            .slice(start, start + size)
            .map((i) =>
              this.#intentView(state, i, request.languageCode, request.intentView === 'INTENT_VIEW_FULL'),
            ),
          nextPageToken: start + size < all.length ? String(start + size) : '',
        };
      },
      CreateIntent: (request: {
        parent: string;
        languageCode?: string;
        intent: StoredIntent & {trainingPhrases?: ApiPhrase[]};
      }) => {
        const state = this.agent(request.parent);
        refuseLanguage(state, request.languageCode);
        refuseMalformedIntent(request.intent, INTENT_FIELDS, []);
        const {displayName} = request.intent;
        if ([...state.intents.values()].some((i) => i.displayName === displayName))
          throw {
            code: grpc.status.ALREADY_EXISTS,
            message: `Intent with the display name '${displayName}' already exists.`,
          };
        const lang = languageIn(state, request.languageCode);
        const intent: StoredIntent = {
          name: `${request.parent}/intents/${randomUUID()}`,
          displayName,
          phrases: new Map([[lang, withIds(request.intent.trainingPhrases ?? [])]]),
          parameters: this.#checkedParameters(state, request.intent.parameters ?? []),
          ...(request.intent.priority ? {priority: request.intent.priority} : {}),
          ...(request.intent.description ? {description: request.intent.description} : {}),
        };
        state.intents.set(intent.name, intent);
        return this.#intentView(state, intent, lang, true);
      },
      UpdateIntent: (request: {
        languageCode?: string;
        updateMask?: {paths?: string[]};
        intent: {
          name: string;
          displayName?: string;
          trainingPhrases?: ApiPhrase[];
          parameters?: ApiParameter[];
          priority?: number;
          description?: string;
          labels?: Record<string, string>;
        };
      }) => {
        if (!INTENT_NAME.test(request.intent.name ?? ''))
          throw invalid(
            `Intent.name must be projects/<ProjectID>/locations/<LocationID>/agents/<AgentID>/intents/<IntentID> (got "${request.intent.name ?? ''}").`,
          );
        const state = ownerOf(request.intent.name);
        const intent = state.intents.get(request.intent.name);
        if (!intent) throw notFound(request.intent.name);
        refuseLanguage(state, request.languageCode);
        const paths = request.updateMask?.paths ?? [...INTENT_FIELDS];
        refuseBadMask(paths, INTENT_FIELDS, 'Intent');
        refuseMalformedIntent(request.intent, paths, intent.parameters);
        const lang = languageIn(state, request.languageCode);
        if (paths.includes('training_phrases'))
          intent.phrases.set(lang, withIds(request.intent.trainingPhrases ?? []));
        if (paths.includes('parameters'))
          intent.parameters = this.#checkedParameters(state, request.intent.parameters ?? []);
        if (paths.includes('display_name') && request.intent.displayName)
          intent.displayName = request.intent.displayName;
        if (paths.includes('priority')) intent.priority = request.intent.priority;
        if (paths.includes('description')) intent.description = request.intent.description;
        if (paths.includes('labels')) intent.labels = request.intent.labels;
        return this.#intentView(state, intent, lang, true);
      },
      DeleteIntent: (request: {name: string}) => {
        if (!ownerOf(request.name).intents.delete(request.name)) throw notFound(request.name);
        return {};
      },
    };
  }

  /**
   * A developer entity type a parameter names must exist in the intent's own agent (Intent.Parameter.entity_type
   * is a resource reference to "dialogflow.googleapis.com/EntityType"; the format is checked in
   * refuseMalformedIntent).
   */
  #checkedParameters(state: AgentState, parameters: ApiParameter[]): ApiParameter[] {
    for (const p of parameters)
      if (!p.entityType.startsWith(SYSTEM_PREFIX) && !state.entityTypes.has(p.entityType))
        throw invalid(`parameter ${p.id}: unknown entity type ${p.entityType}`);
    return parameters.map((p) => ({...p}));
  }

  #entityTypeView(state: AgentState, type: StoredEntityType, language: string | undefined): unknown {
    const {entities, ...rest} = type;
    return {...rest, entities: entities.get(languageIn(state, language)) ?? []};
  }

  #entityTypes() {
    const ownerOf = (name: string): AgentState => this.agent(name.replace(/\/entityTypes\/[^/]+$/, ''));
    type Body = Omit<StoredEntityType, 'entities'> & {entities?: {value: string; synonyms: string[]}[]};
    return {
      ListEntityTypes: (request: {parent: string; languageCode?: string}) => {
        const state = this.agent(request.parent);
        return {
          entityTypes: [...state.entityTypes.values()].map((t) =>
            this.#entityTypeView(state, t, request.languageCode),
          ),
        };
      },
      CreateEntityType: (request: {parent: string; languageCode?: string; entityType: Body}) => {
        const state = this.agent(request.parent);
        refuseLanguage(state, request.languageCode);
        refuseMalformedEntityType(request.entityType, ENTITY_TYPE_FIELDS);
        const {displayName} = request.entityType;
        if ([...state.entityTypes.values()].some((t) => t.displayName === displayName))
          throw {code: grpc.status.ALREADY_EXISTS, message: `Entity type '${displayName}' already exists.`};
        const lang = languageIn(state, request.languageCode);
        const {entities, ...rest} = request.entityType;
        const type: StoredEntityType = {
          ...rest,
          name: `${request.parent}/entityTypes/${randomUUID()}`,
          entities: new Map([[lang, entities ?? []]]),
        };
        state.entityTypes.set(type.name, type);
        return this.#entityTypeView(state, type, lang);
      },
      UpdateEntityType: (request: {
        languageCode?: string;
        updateMask?: {paths?: string[]};
        entityType: Body;
      }) => {
        if (!ENTITY_TYPE_NAME.test(request.entityType.name ?? ''))
          throw invalid(
            `EntityType.name must be projects/<ProjectID>/locations/<LocationID>/agents/<AgentID>/entityTypes/<EntityTypeID> (got "${request.entityType.name ?? ''}").`,
          );
        const state = ownerOf(request.entityType.name);
        const type = state.entityTypes.get(request.entityType.name);
        if (!type) throw notFound(request.entityType.name);
        refuseLanguage(state, request.languageCode);
        const paths = request.updateMask?.paths ?? [...ENTITY_TYPE_FIELDS];
        refuseBadMask(paths, ENTITY_TYPE_FIELDS, 'EntityType');
        refuseMalformedEntityType(
          {...request.entityType, kind: paths.includes('kind') ? request.entityType.kind : type.kind},
          paths,
        );
        const lang = languageIn(state, request.languageCode);
        if (paths.includes('entities')) type.entities.set(lang, request.entityType.entities ?? []);
        if (paths.includes('kind')) type.kind = request.entityType.kind;
        if (paths.includes('enable_fuzzy_extraction'))
          type.enableFuzzyExtraction = request.entityType.enableFuzzyExtraction ?? false;
        if (paths.includes('auto_expansion_mode'))
          type.autoExpansionMode = request.entityType.autoExpansionMode ?? 'AUTO_EXPANSION_MODE_UNSPECIFIED';
        return this.#entityTypeView(state, type, lang);
      },
      DeleteEntityType: (request: {name: string; force?: boolean}) => {
        const state = ownerOf(request.name);
        if (!state.entityTypes.has(request.name)) throw notFound(request.name);
        const user = [...state.intents.values()].find((i) =>
          i.parameters.some((p) => p.entityType === request.name),
        );
        if (user && !request.force)
          throw {
            code: grpc.status.FAILED_PRECONDITION,
            message: `entity type is used by intent '${user.displayName}'`,
          };
        state.entityTypes.delete(request.name);
        return {};
      },
    };
  }

  #agentsService() {
    return {
      GetAgent: (request: {name: string}) => {
        const state = this.agent(request.name);
        return {
          name: state.name,
          displayName: state.displayName,
          defaultLanguageCode: state.defaultLanguageCode,
          supportedLanguageCodes: state.supportedLanguageCodes ?? [],
          timeZone: 'Etc/UTC',
        };
      },
      /** Only the agent's other languages change here (the update mask synthnlu sends). */
      UpdateAgent: (request: {
        agent: {name: string; supportedLanguageCodes?: string[]};
        updateMask?: {paths?: string[]};
      }) => {
        const state = this.agent(request.agent.name);
        if (!request.updateMask?.paths?.includes('supported_language_codes'))
          throw {
            code: grpc.status.INVALID_ARGUMENT,
            message: 'this test server updates supported_language_codes only',
          };
        state.supportedLanguageCodes = (request.agent.supportedLanguageCodes ?? []).filter(
          (l) => l !== state.defaultLanguageCode,
        );
        return {
          name: state.name,
          displayName: state.displayName,
          defaultLanguageCode: state.defaultLanguageCode,
          supportedLanguageCodes: state.supportedLanguageCodes,
          timeZone: 'Etc/UTC',
        };
      },
      ListAgents: (request: {parent: string}) => ({
        agents: [...this.agents.values()]
          .filter((a) => a.name.startsWith(`${request.parent}/agents/`))
          .map((a) => ({
            name: a.name,
            displayName: a.displayName,
            defaultLanguageCode: a.defaultLanguageCode,
            timeZone: 'Etc/UTC',
          })),
      }),
      ExportAgent: async (request: {name: string; dataFormat?: string}) => {
        if (request.dataFormat !== 'JSON_PACKAGE')
          throw {code: grpc.status.INVALID_ARGUMENT, message: 'this test server exports JSON packages only'};
        const agentContent = await exportPackage(this.agent(request.name));
        return this.done('google.cloud.dialogflow.cx.v3.ExportAgentResponse', {agentContent});
      },
      /** Replaces the agent's intents and entity types with a JSON package's (as ExportAgent writes them). */
      RestoreAgent: async (request: {name: string; agentContent?: Uint8Array}) => {
        const state = this.agent(request.name);
        if (!request.agentContent?.length)
          throw {code: grpc.status.INVALID_ARGUMENT, message: 'agent_content is empty'};
        await restorePackage(state, request.agentContent);
        return this.done('google.protobuf.Empty');
      },
    };
  }

  /** matchIntent answers from the model the last TrainFlow built: an agent never trained is refused. */
  #sessions() {
    return {
      MatchIntent: (request: {
        session: string;
        queryInput?: {text?: {text: string}; languageCode?: string};
      }) => {
        const state = this.agent(request.session.replace(/\/(environments\/[^/]+\/)?sessions\/[^/]+$/, ''));
        if (!state.model)
          throw {code: grpc.status.FAILED_PRECONDITION, message: `Agent ${state.name} has no trained flow.`};
        // QueryInput.language_code: "Required. The language of the input" and it must be enabled in the agent
        // (https://cloud.google.com/dialogflow/cx/docs/reference/rpc/google.cloud.dialogflow.cx.v3#queryinput);
        // each language answers from the model trained on its own phrases.
        const languageCode = request.queryInput?.languageCode;
        if (!languageCode) throw invalid('QueryInput.language_code is required.');
        refuseLanguage(state, languageCode);
        const model =
          languageCode.toLowerCase() === state.defaultLanguageCode.toLowerCase()
            ? state.model
            : state.languageModels?.get(languageCode.toLowerCase());
        if (!model)
          throw {
            code: grpc.status.FAILED_PRECONDITION,
            message: `Agent ${state.name} has no trained flow in ${languageCode}.`,
          };
        const text = request.queryInput?.text?.text ?? '';
        const prediction = model.predict(text);
        const intent = [...state.intents.values()].find((i) => i.displayName === prediction.intent);
        return {
          text,
          matches: [
            {
              intent: {name: intent?.name ?? '', displayName: prediction.intent},
              resolvedInput: text,
              matchType: 'INTENT',
              confidence: prediction.score,
            },
          ],
        };
      },
    };
  }

  #flows() {
    return {
      ListFlows: (request: {parent: string}) => ({
        flows: this.agent(request.parent).flows.map(({name, displayName}) => ({name, displayName})),
      }),
      TrainFlow: (request: {name: string}) => {
        const flow = this.agent(request.name.replace(/\/flows\/[^/]+$/, '')).flows.find(
          (f) => f.name === request.name,
        );
        if (!flow) throw notFound(request.name);
        flow.trainings++;
        trainAgent(this.agent(request.name.replace(/\/flows\/[^/]+$/, '')));
        return this.done('google.protobuf.Empty');
      },
    };
  }
}

/**
 * The language a request names, checked against the agent's: its default (when none is named) or one of its
 * supported_language_codes. The v3 reference says of every language_code: "If not specified, the agent's
 * default language is used. Many languages are supported. Note: languages must be enabled in the agent before
 * they can be used." (https://cloud.google.com/dialogflow/cx/docs/reference/rpc/google.cloud.dialogflow.cx.v3#listintentsrequest)
 */
function languageIn(state: AgentState, language: string | undefined): string {
  if (!language) return state.defaultLanguageCode;
  const held = [state.defaultLanguageCode, ...(state.supportedLanguageCodes ?? [])];
  const found = held.find((l) => l.toLowerCase() === language.toLowerCase());
  if (!found)
    throw {
      code: grpc.status.INVALID_ARGUMENT,
      message: `Language '${language}' is not enabled in the agent (enabled: ${held.join(', ')}).`,
    };
  return found;
}

/** A JSON package zip as the console writes it (display names as folder names, "@name" entity references). */
async function exportPackage(state: AgentState): Promise<Uint8Array> {
  const zip = new JSZip();
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const typeName = new Map([...state.entityTypes.values()].map((t) => [t.name, t.displayName]));
  zip.file(
    'agent.json',
    json({
      displayName: state.displayName,
      defaultLanguageCode: state.defaultLanguageCode,
      ...(state.supportedLanguageCodes?.length ? {supportedLanguageCodes: state.supportedLanguageCodes} : {}),
    }),
  );
  for (const intent of state.intents.values()) {
    const folder = `intents/${intent.displayName}`;
    zip.file(
      `${folder}/${intent.displayName}.json`,
      json({
        name: intent.name.slice(intent.name.lastIndexOf('/') + 1),
        displayName: intent.displayName,
        parameters: intent.parameters.map((p) => ({
          id: p.id,
          entityType: p.entityType.startsWith(SYSTEM_PREFIX)
            ? `@sys.${p.entityType.slice(SYSTEM_PREFIX.length)}`
            : `@${typeName.get(p.entityType)}`,
        })),
        priority: intent.priority ?? 500000,
      }),
    );
    for (const [lang, phrases] of intent.phrases)
      zip.file(
        `${folder}/trainingPhrases/${lang}.json`,
        json({trainingPhrases: phrases.map((p) => ({...p, languageCode: lang}))}),
      );
  }
  for (const type of state.entityTypes.values()) {
    const folder = `entityTypes/${type.displayName}`;
    zip.file(
      `${folder}/${type.displayName}.json`,
      json({
        name: type.name.slice(type.name.lastIndexOf('/') + 1),
        displayName: type.displayName,
        kind: type.kind,
      }),
    );
    for (const [lang, entities] of type.entities)
      zip.file(
        `${folder}/entities/${lang}.json`,
        json({entities: entities.map((e) => ({...e, languageCode: lang}))}),
      );
  }
  return zip.generateAsync({type: 'uint8array'});
}

/** An ExportAgent package back into the agent: everything it held is replaced, the model retrained from it. */
async function restorePackage(state: AgentState, content: Uint8Array): Promise<void> {
  const zip = await JSZip.loadAsync(content);
  const json = async (path: string) =>
    JSON.parse(await zip.file(path)!.async('string')) as Record<string, unknown>;
  const entityTypes = new Map<string, StoredEntityType>();
  const byDisplayName = new Map<string, string>();
  for (const path of Object.keys(zip.files).filter((p) => /^entityTypes\/[^/]+\/[^/]+\.json$/.test(p))) {
    const folder = path.slice(0, path.lastIndexOf('/'));
    const type = await json(path);
    const name = `${state.name}/entityTypes/${String(type.name)}`;
    const entities = new Map<string, {value: string; synonyms: string[]}[]>();
    for (const file of Object.keys(zip.files).filter((p) => p.startsWith(`${folder}/entities/`)))
      entities.set(
        file.slice(file.lastIndexOf('/') + 1, -'.json'.length),
        ((await json(file)).entities as {value: string; synonyms: string[]}[]).map(({value, synonyms}) => ({
          value,
          synonyms,
        })),
      );
    byDisplayName.set(String(type.displayName), name);
    entityTypes.set(name, {name, displayName: String(type.displayName), kind: String(type.kind), entities});
  }
  const intents = new Map<string, StoredIntent>();
  for (const path of Object.keys(zip.files).filter((p) => /^intents\/[^/]+\/[^/]+\.json$/.test(p))) {
    const folder = path.slice(0, path.lastIndexOf('/'));
    const intent = await json(path);
    const name = `${state.name}/intents/${String(intent.name)}`;
    const phrases = new Map<string, ApiPhrase[]>();
    for (const file of Object.keys(zip.files).filter((p) => p.startsWith(`${folder}/trainingPhrases/`)))
      phrases.set(
        file.slice(file.lastIndexOf('/') + 1, -'.json'.length),
        ((await json(file)).trainingPhrases as (ApiPhrase & {languageCode?: string})[]).map(
          ({languageCode: _language, ...phrase}) => phrase,
        ),
      );
    const parameters = (intent.parameters as {id: string; entityType: string}[]).map((p) => ({
      id: p.id,
      entityType: p.entityType.startsWith('@sys.')
        ? `${SYSTEM_PREFIX}${p.entityType.slice('@sys.'.length)}`
        : (byDisplayName.get(p.entityType.slice(1)) ?? p.entityType),
    }));
    intents.set(name, {name, displayName: String(intent.displayName), phrases, parameters});
  }
  state.intents = intents;
  state.entityTypes = entityTypes;
  delete state.model;
  delete state.languageModels;
  trainAgent(state);
}

/** The agent's recognizer (synthnlu's classifier) from its training phrases in the default language. */
function trainAgent(state: AgentState): void {
  const modelIn = (language: string) => {
    const examples = [...state.intents.values()].flatMap((intent) =>
      (intent.phrases.get(language) ?? []).map((p) => ({
        text: p.parts.map((part) => part.text).join(''),
        intent: intent.displayName,
      })),
    );
    return new Set(examples.map((e) => e.intent)).size >= 2
      ? trainIntentClassifier(examples, {seed: 1})
      : undefined;
  };
  const model = modelIn(state.defaultLanguageCode);
  if (model) state.model = model;
  state.languageModels = new Map();
  for (const language of state.supportedLanguageCodes) {
    const other = modelIn(language);
    if (other) state.languageModels.set(language.toLowerCase(), other);
  }
}

function withIds(phrases: ApiPhrase[]): ApiPhrase[] {
  return phrases.map((p) => ({...p, id: p.id || randomUUID(), repeatCount: p.repeatCount ?? 1}));
}

const invalid = (message: string) => ({code: grpc.status.INVALID_ARGUMENT, message});

/** Intent's fields (google/cloud/dialogflow/cx/v3/intent.proto), the paths an update mask may name. */
const INTENT_FIELDS = [
  'name',
  'display_name',
  'training_phrases',
  'parameters',
  'priority',
  'is_fallback',
  'labels',
  'description',
] as const;
/** EntityType's fields (google/cloud/dialogflow/cx/v3/entity_type.proto). */
const ENTITY_TYPE_FIELDS = [
  'name',
  'display_name',
  'kind',
  'auto_expansion_mode',
  'entities',
  'excluded_phrases',
  'enable_fuzzy_extraction',
  'redact',
] as const;
const KINDS = new Set(['KIND_MAP', 'KIND_LIST', 'KIND_REGEXP']);
/** "Use the following characters: [A-Z], [a-z], [0-9], ., -, _" (https://cloud.google.com/dialogflow/cx/docs/concept/parameter#name). */
const PARAMETER_ID = /^[A-Za-z0-9._-]+$/;
const ENTITY_TYPE_REF = /^projects\/([^/]+)\/locations\/([^/]+)\/agents\/([^/]+)\/entityTypes\/[^/]+$/;

/**
 * UpdateIntentRequest.update_mask / UpdateEntityTypeRequest.update_mask is a google.protobuf.FieldMask over the
 * resource: "The mask to control which fields get updated" (intent.proto, entity_type.proto;
 * https://cloud.google.com/dialogflow/cx/docs/reference/rpc/google.cloud.dialogflow.cx.v3#updateintentrequest).
 * A path naming no field of the resource is INVALID_ARGUMENT (https://protobuf.dev/reference/protobuf/google.protobuf/#field-mask:
 * "paths ... must be valid field names"); the JSON spelling (trainingPhrases) is not a proto path.
 */
function refuseBadMask(paths: readonly string[], fields: readonly string[], resource: string): void {
  for (const path of paths)
    if (!fields.includes(path))
      throw invalid(
        `update_mask path "${path}" is not a field of ${resource} (fields: ${fields.join(', ')}).`,
      );
}

/**
 * "Note: languages must be enabled in the agent before they can be used." (language_code of every
 * Intents/EntityTypes request, https://cloud.google.com/dialogflow/cx/docs/reference/rpc/google.cloud.dialogflow.cx.v3#createintentrequest);
 * an agent's languages are its default_language_code and supported_language_codes (Agent, agent.proto).
 */
function refuseLanguage(state: AgentState, languageCode: string | undefined): void {
  if (!languageCode) return;
  const enabled = [state.defaultLanguageCode, ...state.supportedLanguageCodes].map((l) => l.toLowerCase());
  if (!enabled.includes(languageCode.toLowerCase()))
    throw invalid(
      `Language "${languageCode}" is not enabled in agent ${state.name} (enabled: ${enabled.join(', ')}).`,
    );
}

/**
 * What the Dialogflow CX v3 API reference requires of an intent
 * (https://cloud.google.com/dialogflow/cx/docs/reference/rpc/google.cloud.dialogflow.cx.v3#intent), for the
 * fields a create sends or an update mask names:
 * - Intent.display_name: "Required. The human-readable name of the intent, unique within the agent."
 * - TrainingPhrase.parts: "Required. The ordered list of training phrase parts." Part.text: "Required. The
 *   text for this part." Part.parameter_id: "The parameter used to annotate this part of the training phrase"
 *   — an id of one of the intent's parameters ("Parameter.id ... is used by training phrases to annotate their
 *   parts").
 * - Parameter.id: "Required. The unique identifier of the parameter", named with [A-Za-z0-9._-] and case
 *   insensitive (https://cloud.google.com/dialogflow/cx/docs/concept/parameter#name), so two ids differing in
 *   case are one parameter.
 * - Parameter.entity_type: "Required. ... Format: projects/-/locations/-/agents/-/entityTypes/<SystemEntityTypeID>
 *   for system entity types ... or projects/<ProjectID>/locations/<LocationID>/agents/<AgentID>/entityTypes/<EntityTypeID>
 *   for developer entity types."
 * A phrase whose parts refer to a parameter the update leaves in place (mask without "parameters") is checked
 * against the stored parameters.
 */
function refuseMalformedIntent(
  intent: {displayName?: string; trainingPhrases?: ApiPhrase[]; parameters?: ApiParameter[]},
  paths: readonly string[],
  stored: readonly ApiParameter[],
): void {
  if (paths.includes('display_name') && !intent.displayName)
    throw invalid('Intent.display_name is required.');
  const parameters = paths.includes('parameters') ? (intent.parameters ?? []) : stored;
  const ids = new Set<string>();
  for (const parameter of paths.includes('parameters') ? parameters : []) {
    if (!parameter.id) throw invalid('Intent.Parameter.id is required.');
    if (!PARAMETER_ID.test(parameter.id))
      throw invalid(`Parameter "${parameter.id}": an id may use only [A-Z], [a-z], [0-9], ".", "-" and "_".`);
    if (ids.has(parameter.id.toLowerCase()))
      throw invalid(`Parameter "${parameter.id}" is declared twice (parameter ids are case insensitive).`);
    ids.add(parameter.id.toLowerCase());
    const ref = ENTITY_TYPE_REF.exec(parameter.entityType ?? '');
    const system = ref !== null && ref.slice(1).every((segment) => segment === '-');
    if (!ref || (system && !parameter.entityType.startsWith(SYSTEM_PREFIX)))
      throw invalid(
        `Parameter "${parameter.id}": entity_type must be an entity type resource name (projects/<ProjectID>/locations/<LocationID>/agents/<AgentID>/entityTypes/<EntityTypeID>, or projects/-/locations/-/agents/-/entityTypes/sys.<id>), got "${parameter.entityType ?? ''}".`,
      );
  }
  const declared = new Set(parameters.map((p) => p.id.toLowerCase()));
  if (!paths.includes('training_phrases')) return;
  for (const phrase of intent.trainingPhrases ?? []) {
    if (!phrase.parts?.length) throw invalid('TrainingPhrase.parts is required.');
    for (const part of phrase.parts) {
      if (!part.text) throw invalid('TrainingPhrase.Part.text is required.');
      if (part.parameterId && !declared.has(part.parameterId.toLowerCase()))
        throw invalid(
          `Training phrase part "${part.text}": parameter_id "${part.parameterId}" is not a parameter of the intent.`,
        );
    }
  }
}

/**
 * What the reference requires of an entity type
 * (https://cloud.google.com/dialogflow/cx/docs/reference/rpc/google.cloud.dialogflow.cx.v3#entitytype):
 * - EntityType.display_name: "Required. The human-readable name of the entity type, unique within the agent."
 * - EntityType.kind: "Required. Indicates the kind of entity type"; KIND_UNSPECIFIED: "This value should be
 *   never used."
 * - Entity.value: "Required. The primary value associated with this entity entry." Entity.synonyms: "Required.
 *   A collection of value synonyms ... For KIND_LIST entity types: This collection must contain exactly one
 *   synonym equal to value."
 */
function refuseMalformedEntityType(
  type: {displayName?: string; kind?: string; entities?: {value: string; synonyms?: string[]}[]},
  paths: readonly string[],
): void {
  if (paths.includes('display_name') && !type.displayName)
    throw invalid('EntityType.display_name is required.');
  if (paths.includes('kind') && !KINDS.has(type.kind ?? ''))
    throw invalid(
      `EntityType "${type.displayName ?? ''}": kind is required (KIND_MAP, KIND_LIST or KIND_REGEXP).`,
    );
  if (!paths.includes('entities')) return;
  for (const entity of type.entities ?? []) {
    if (!entity.value) throw invalid(`EntityType "${type.displayName ?? ''}": Entity.value is required.`);
    if (!entity.synonyms?.length)
      throw invalid(
        `EntityType "${type.displayName ?? ''}", entry "${entity.value}": synonyms are required.`,
      );
    if (type.kind === 'KIND_LIST' && (entity.synonyms.length !== 1 || entity.synonyms[0] !== entity.value))
      throw invalid(
        `EntityType "${type.displayName ?? ''}" is KIND_LIST: entry "${entity.value}" must have exactly one synonym equal to its value.`,
      );
  }
}
