/**
 * A push/pull session against one Dialogflow ES agent: reads intents and entity types, backs the agent up
 * with exportAgent, and applies a plan with batchUpdate/batchDelete calls in batches within the API's limits.
 * Every call goes through the shared retry policy (gax's own retries are off so there is one policy).
 */
import {ExitCode, SynthnluError} from '../../../../src/connector-kit.js';
import {GrpcCalls, chunk, itemStatus as status, pushedUtterances} from '../../../../src/connector-kit.js';
import type {ApplyReport, Dataset, Entity, ItemResult, PushPlan} from '../../../../src/connector-kit.js';
import type {ProgressReporter, Recognition, RemoteOptions} from '../../../../src/connector-kit.js';
import type {protos} from '@google-cloud/dialogflow';
import {byDisplayName, dialogflowGrpcStyle, DialogflowGrpcSession} from '../../shared/remote/grpc-session.js';
import type {RestoreFailure} from '../../shared/remote/grpc-session.js';
import {createDialogflowClients, type DialogflowClients} from './client.js';
import {
  datasetEntityToEntityType,
  dialogflowToDataset,
  parametersFor,
  utteranceToPhrase,
  type DfEntityType,
  type DfIntent,
  type DfTrainingPhrase,
} from './mapping.js';

/** Batch limits: well inside Dialogflow's request-size limit (10 MB) and its per-batch intent count. */
export const DIALOGFLOW_BATCH_LIMITS = {maxIntents: 200, maxBytes: 4 * 1024 * 1024, maxEntityTypes: 100};

const GRPC_STYLE = dialogflowGrpcStyle('Dialogflow', 'DIALOGFLOW', {
  3: 'Dialogflow rejected the data; check intent and entity names against its limits.',
  5: 'Check --project and --location: the agent was not found.',
  9: 'The agent is not trained: push with --train (or train it in the Dialogflow console) first.',
});

const RESTORE_FAILURE: RestoreFailure = {
  code: 'DIALOGFLOW_RESTORE',
  agent: 'the agent',
  suggestion:
    'Restore it by hand: Dialogflow console > agent settings > Export and Import > Restore from zip.',
};

export class DialogflowSession extends DialogflowGrpcSession {
  readonly #clients: DialogflowClients;
  /** The remote objects read last, by display name: updates keep everything synthnlu does not manage. */
  #intents = new Map<string, DfIntent>();
  #entityTypes = new Map<string, DfEntityType>();

  static async open(options: RemoteOptions): Promise<DialogflowSession> {
    return new DialogflowSession(await createDialogflowClients(options), options);
  }

  private constructor(clients: DialogflowClients, options: RemoteOptions) {
    super(new GrpcCalls(options, GRPC_STYLE));
    this.#clients = clients;
  }

  /** The agent's default language and the others it supports (getAgent, read once). */
  #agent: Promise<protos.google.cloud.dialogflow.v2.IAgent> | undefined;
  #getAgent(): Promise<protos.google.cloud.dialogflow.v2.IAgent> {
    this.#agent ??= this.call('getAgent', () =>
      this.#clients.agents.getAgent(
        {parent: this.#clients.parent.replace(/\/agent$/, '')},
        this.callOptions(),
      ),
    ).then(([agent]) => agent);
    return this.#agent;
  }

  /** The agent's default language, then its other supported languages. */
  async languages(): Promise<string[]> {
    const agent = await this.#getAgent();
    const primary = agent.defaultLanguageCode || 'en';
    return [primary, ...(agent.supportedLanguageCodes ?? []).filter((l) => l !== primary)];
  }

  /**
   * Adds languages to the agent's supported languages (setAgent with an update mask: nothing else changes).
   * Training phrases and entity entries of a language the agent does not support are refused.
   */
  async addLanguages(languages: readonly string[]): Promise<number> {
    const agent = await this.#getAgent();
    const supportedLanguageCodes = [...new Set([...(agent.supportedLanguageCodes ?? []), ...languages])];
    const outcome = await this.write('setAgent', async () => {
      const [saved] = await this.#clients.agents.setAgent(
        {agent: {...agent, supportedLanguageCodes}, updateMask: {paths: ['supported_language_codes']}},
        this.callOptions(),
      );
      this.#agent = Promise.resolve(saved);
    });
    if (outcome.error)
      throw new SynthnluError(
        'DIALOGFLOW_ADD_LANGUAGE',
        `adding ${languages.join(', ')} to the agent failed: ${outcome.error}; nothing else was changed`,
        {
          exitCode: ExitCode.failedCheck,
          suggestion:
            'Add the languages in the Dialogflow console (agent settings > Languages), then push again.',
        },
      );
    return outcome.attempts;
  }

  /** Intents and entity types with their training phrases and entries in `language` (default: the agent's). */
  async read(language?: string): Promise<Dataset> {
    const {parent} = this.#clients;
    const languageCode = language ? {languageCode: language} : {};
    const [intents] = await this.call('listIntents', () =>
      this.#clients.intents.listIntents(
        {parent, intentView: 'INTENT_VIEW_FULL', ...languageCode},
        this.callOptions(),
      ),
    );
    const [entityTypes] = await this.call('listEntityTypes', () =>
      this.#clients.entityTypes.listEntityTypes({parent, ...languageCode}, this.callOptions()),
    );
    this.#intents = byDisplayName(intents as DfIntent[]);
    this.#entityTypes = byDisplayName(entityTypes as DfEntityType[]);
    return dialogflowToDataset(
      intents as DfIntent[],
      entityTypes as DfEntityType[],
      language ?? (await this.languages())[0],
    );
  }

  async backup(dir: string): Promise<string> {
    const {parent, project} = this.#clients;
    const [operation] = await this.call('exportAgent', () =>
      this.#clients.agents.exportAgent({parent, agentUri: ''}, this.callOptions()),
    );
    const [response] = await operation.promise();
    return this.saveBackup(dir, `dialogflow-${project}`, response.agentContent, 'DIALOGFLOW_BACKUP');
  }

  protected async applyPlan(
    plan: PushPlan,
    desired: Dataset,
    progress: ProgressReporter,
  ): Promise<ApplyReport> {
    const results: ItemResult[] = [];
    let writeCalls = 0;
    const entities = new Map(desired.entities.map((e) => [e.name, e]));

    // Entity types first: the intents' annotations refer to them.
    const entityChanges = [...plan.entityTypes.create, ...plan.entityTypes.update].map((c) => c.name);
    for (const batch of chunk(entityChanges, DIALOGFLOW_BATCH_LIMITS.maxEntityTypes)) {
      const entityTypes = batch.map((name) => this.#entityTypeFor(entities.get(name)!));
      const outcome = await this.write('batchUpdateEntityTypes', async () => {
        const [operation] = await this.#clients.entityTypes.batchUpdateEntityTypes(
          {
            parent: this.#clients.parent,
            entityTypeBatchInline: {entityTypes},
            languageCode: desired.language,
          } as protos.google.cloud.dialogflow.v2.IBatchUpdateEntityTypesRequest,
          this.callOptions(),
        );
        await operation.promise();
      });
      writeCalls += outcome.attempts;
      for (const name of batch)
        results.push(this.#result('entityType', name, plan.entityTypes.create, outcome.error));
    }

    const intentChanges = [...plan.intents.create, ...plan.intents.update].map((c) => c.name);
    const byIntent = new Map<string, DfTrainingPhrase[]>();
    for (const u of pushedUtterances(desired)) {
      if (!intentChanges.includes(u.intent)) continue;
      let list = byIntent.get(u.intent);
      if (!list) byIntent.set(u.intent, (list = []));
      list.push(utteranceToPhrase(u, entities));
    }
    const intents = intentChanges.map((name) => this.#intentFor(name, byIntent.get(name) ?? []));
    progress.start('Updating intents', intents.length);
    for (const batch of batchIntents(intents)) {
      const outcome = await this.write('batchUpdateIntents', async (attempt) => {
        // A failed attempt may have been applied (a deadline passed after the server wrote): find intents it
        // created so the retry updates them instead of creating duplicates.
        if (attempt > 1 && batch.some((i) => !i.name)) await this.#resolveCreatedNames(batch);
        const [operation] = await this.#clients.intents.batchUpdateIntents(
          {
            parent: this.#clients.parent,
            intentBatchInline: {intents: batch},
            languageCode: desired.language,
          } as protos.google.cloud.dialogflow.v2.IBatchUpdateIntentsRequest,
          this.callOptions(),
        );
        await operation.promise();
      });
      writeCalls += outcome.attempts;
      for (const intent of batch)
        results.push(this.#result('intent', intent.displayName ?? '', plan.intents.create, outcome.error));
      progress.advance(batch.length);
    }
    progress.done();

    // Deletions last (the core only gets here with a backup on disk).
    const deleteIntents = plan.intents.delete
      .map((c) => this.#intents.get(c.name))
      .filter((i): i is DfIntent => !!i?.name);
    for (const batch of chunk(deleteIntents, DIALOGFLOW_BATCH_LIMITS.maxIntents)) {
      const outcome = await this.write('batchDeleteIntents', async () => {
        const [operation] = await this.#clients.intents.batchDeleteIntents(
          {parent: this.#clients.parent, intents: batch.map((i) => ({name: i.name}))},
          this.callOptions(),
        );
        await operation.promise();
      });
      writeCalls += outcome.attempts;
      for (const intent of batch)
        results.push({
          kind: 'intent',
          name: intent.displayName ?? '',
          action: 'delete',
          ...status(outcome.error),
        });
    }
    const deleteTypes = plan.entityTypes.delete
      .map((c) => this.#entityTypes.get(c.name))
      .filter((e): e is DfEntityType => !!e?.name);
    if (deleteTypes.length) {
      const outcome = await this.write('batchDeleteEntityTypes', async () => {
        const [operation] = await this.#clients.entityTypes.batchDeleteEntityTypes(
          {parent: this.#clients.parent, entityTypeNames: deleteTypes.map((e) => e.name!)},
          this.callOptions(),
        );
        await operation.promise();
      });
      writeCalls += outcome.attempts;
      for (const entityType of deleteTypes)
        results.push({
          kind: 'entityType',
          name: entityType.displayName ?? '',
          action: 'delete',
          ...status(outcome.error),
        });
    }
    return {results, writeCalls, trained: false};
  }

  async train(progress: ProgressReporter): Promise<number> {
    progress.start('Training the agent', 1);
    const outcome = await this.write('trainAgent', async () => {
      const [operation] = await this.#clients.agents.trainAgent(
        {parent: this.#clients.parent},
        this.callOptions(),
      );
      await operation.promise();
    });
    progress.advance(1);
    progress.done();
    if (outcome.error)
      throw new SynthnluError('DIALOGFLOW_TRAIN', `training failed: ${outcome.error}`, {
        exitCode: ExitCode.failedCheck,
      });
    return outcome.attempts;
  }

  /** restoreAgent from a backup() zip: the agent is put back exactly as it was (`evaluate` A/B cleanup). */
  async restore(backup: string): Promise<void> {
    const {agents, parent} = this.#clients;
    await this.restoreFrom(backup, RESTORE_FAILURE, async (agentContent) => {
      const [operation] = await agents.restoreAgent({parent, agentContent}, this.callOptions());
      await operation.promise();
    });
  }

  /**
   * sessions.detectIntent in a new session per utterance (no context carries over), in the utterance's
   * language (QueryInput.text.languageCode; default: the agent's); the Default Fallback Intent (isFallback) is
   * the no-match.
   */
  async recognize(text: string, language?: string): Promise<Recognition> {
    const languageCode = language ?? ((await this.#getAgent()).defaultLanguageCode || 'en');
    const session = this.evaluationSession(this.#clients.parent);
    const [response] = await this.call('detectIntent', () =>
      this.#clients.sessions.detectIntent(
        {session, queryInput: {text: {text, languageCode}}},
        this.callOptions(),
      ),
    );
    const result = response.queryResult;
    const intent = result?.intent;
    const confidence = result?.intentDetectionConfidence;
    return {
      intent: !intent?.displayName || intent.isFallback ? undefined : intent.displayName,
      ...(typeof confidence === 'number' ? {confidence} : {}),
    };
  }

  async close(): Promise<void> {
    const {sessions, intents, entityTypes, agents} = this.#clients;
    await this.closeAll([sessions, intents, entityTypes, agents]);
  }

  #intentFor(name: string, phrases: DfTrainingPhrase[]): DfIntent {
    const existing = this.#intents.get(name);
    if (!existing) return {displayName: name, trainingPhrases: phrases, parameters: parametersFor(phrases)};
    // Keep responses, contexts, events and parameters; replace only the training phrases.
    return {
      ...existing,
      trainingPhrases: phrases,
      parameters: parametersFor(phrases, existing.parameters ?? []),
    };
  }

  #entityTypeFor(entity: Entity): DfEntityType {
    const existing = this.#entityTypes.get(entity.name);
    const wanted = datasetEntityToEntityType(entity);
    return existing ? {...existing, ...wanted, name: existing.name} : wanted;
  }

  async #resolveCreatedNames(batch: DfIntent[]): Promise<void> {
    const [intents] = await this.call('listIntents', () =>
      this.#clients.intents.listIntents({parent: this.#clients.parent}, this.callOptions()),
    );
    const names = new Map((intents as DfIntent[]).map((i) => [i.displayName, i.name]));
    for (const intent of batch)
      if (!intent.name && names.get(intent.displayName)) intent.name = names.get(intent.displayName)!;
  }

  #result(
    kind: ItemResult['kind'],
    name: string,
    created: {name: string}[],
    error: string | undefined,
  ): ItemResult {
    return {kind, name, action: created.some((c) => c.name === name) ? 'create' : 'update', ...status(error)};
  }
}

/** Batches by intent count and by approximate request size. */
export function batchIntents(intents: DfIntent[]): DfIntent[][] {
  const batches: DfIntent[][] = [];
  let current: DfIntent[] = [];
  let bytes = 0;
  for (const intent of intents) {
    const size = JSON.stringify(intent).length;
    if (
      current.length &&
      (current.length >= DIALOGFLOW_BATCH_LIMITS.maxIntents ||
        bytes + size > DIALOGFLOW_BATCH_LIMITS.maxBytes)
    ) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(intent);
    bytes += size;
  }
  if (current.length) batches.push(current);
  return batches;
}
