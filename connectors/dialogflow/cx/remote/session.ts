/**
 * A push/pull session against one Dialogflow CX agent (v3 API): reads intents and entity types in one of the
 * agent's languages (languageCode; the default when none is named), enables a language the agent lacks, backs the agent up with exportAgent (a JSON package zip that `synthnlu import` reads),
 * applies a plan, and trains every flow's NLU model.
 *
 * CX has no batch update for intents or entity types (ImportIntents takes an undocumented serialization), so
 * a write is one create/update call per changed item, sent in batches of a few concurrent calls; updates
 * carry an update mask, so nothing but training phrases, parameters (and an entity type's entries and flags)
 * is touched, and only in the language being pushed.
 */
import type {protos} from '@google-cloud/dialogflow-cx';
import {ExitCode, SynthnluError} from '../../../../src/connector-kit.js';
import {GrpcCalls, chunk, itemStatus as status, pushedUtterances} from '../../../../src/connector-kit.js';
import type {
  ApplyReport,
  Dataset,
  ItemResult,
  ProgressReporter,
  PushPlan,
} from '../../../../src/connector-kit.js';
import type {Recognition, RemoteOptions} from '../../../../src/connector-kit.js';
import {byDisplayName, dialogflowGrpcStyle, DialogflowGrpcSession} from '../../shared/remote/grpc-session.js';
import type {RestoreFailure} from '../../shared/remote/grpc-session.js';
import {createCxClients, onlyAgent, type CxClients} from './client.js';
import {
  apiEntityTypeName,
  apiPhrases,
  apiToDataset,
  datasetToAgent,
  type ApiEntityType,
  type ApiIntent,
  type ApiParameter,
  type DesiredEntityType,
  type DesiredIntent,
} from './mapping.js';

/** Concurrent write calls per batch: well inside CX's design-time quota, retried on RESOURCE_EXHAUSTED. */
export const CX_WRITE_BATCH = 5;

const GRPC_STYLE = dialogflowGrpcStyle('Dialogflow CX', 'DIALOGFLOW_CX', {
  3: 'Dialogflow CX rejected the data; check intent and entity names against its limits.',
  5: 'Check --project and --location: the agent was not found (agents live in one region).',
  9: 'Dialogflow CX refused because something still uses it (an entity type used by a page or intent).',
});

export class DialogflowCxSession extends DialogflowGrpcSession {
  readonly #clients: CxClients & {agent: string};
  /** The remote objects read last, by display name: updates keep everything synthnlu does not manage. */
  #intents = new Map<string, ApiIntent>();
  #entityTypes = new Map<string, ApiEntityType>();

  static async open(options: RemoteOptions): Promise<DialogflowCxSession> {
    const clients = await createCxClients(options);
    const grpc = new GrpcCalls(options, GRPC_STYLE);
    let agent = clients.agent;
    if (!agent) {
      const parent = `projects/${clients.project}/locations/${clients.location}`;
      const [agents] = await grpc.read('listAgents', () =>
        clients.agents.listAgents({parent}, grpc.callOptions()),
      );
      agent = onlyAgent(agents, parent);
    }
    return new DialogflowCxSession({...clients, agent}, grpc);
  }

  private constructor(clients: CxClients & {agent: string}, grpc: GrpcCalls) {
    super(grpc);
    this.#clients = clients;
  }

  /** The agent's settings (getAgent, read once; addLanguages replaces them). */
  #agentInfo: Promise<protos.google.cloud.dialogflow.cx.v3.IAgent> | undefined;
  #getAgent(): Promise<protos.google.cloud.dialogflow.cx.v3.IAgent> {
    this.#agentInfo ??= this.call('getAgent', () =>
      this.#clients.agents.getAgent({name: this.#clients.agent}, this.callOptions()),
    ).then(([info]) => info);
    return this.#agentInfo;
  }

  /** The agent's default language, then its other supported languages. */
  async languages(): Promise<string[]> {
    const info = await this.#getAgent();
    const primary = info.defaultLanguageCode || 'en';
    return [primary, ...(info.supportedLanguageCodes ?? []).filter((l) => l !== primary)];
  }

  /** Enables languages in the agent (updateAgent with an update mask: nothing else changes). */
  async addLanguages(languages: readonly string[]): Promise<number> {
    const info = await this.#getAgent();
    const supportedLanguageCodes = [...new Set([...(info.supportedLanguageCodes ?? []), ...languages])];
    const outcome = await this.write('updateAgent', async () => {
      const [saved] = await this.#clients.agents.updateAgent(
        {
          agent: {name: this.#clients.agent, supportedLanguageCodes},
          updateMask: {paths: ['supported_language_codes']},
        },
        this.callOptions(),
      );
      this.#agentInfo = Promise.resolve(saved);
    });
    if (outcome.error)
      throw new SynthnluError(
        'DIALOGFLOW_CX_LANGUAGE',
        `enabling ${languages.join(', ')} in the agent failed: ${outcome.error}; nothing else was changed`,
        {
          exitCode: ExitCode.failedCheck,
          suggestion: 'Enable the languages in the console (agent settings > Languages), then push again.',
        },
      );
    return outcome.attempts;
  }

  /** Intents and entity types with their phrases and entries in `language` (default: the agent's). */
  async read(language?: string): Promise<Dataset> {
    const {agent} = this.#clients;
    const info = await this.#getAgent();
    language ??= info.defaultLanguageCode || 'en';
    const [intents] = await this.call('listIntents', () =>
      this.#clients.intents.listIntents(
        {parent: agent, languageCode: language, intentView: 'INTENT_VIEW_FULL'},
        this.callOptions(),
      ),
    );
    const [entityTypes] = await this.call('listEntityTypes', () =>
      this.#clients.entityTypes.listEntityTypes({parent: agent, languageCode: language}, this.callOptions()),
    );
    this.#intents = byDisplayName(intents as ApiIntent[]);
    this.#entityTypes = byDisplayName(entityTypes as ApiEntityType[]);
    return apiToDataset(
      intents as ApiIntent[],
      entityTypes as ApiEntityType[],
      language,
      info.displayName || agent,
    );
  }

  async backup(dir: string): Promise<string> {
    const {agent, project} = this.#clients;
    const [operation] = await this.call('exportAgent', () =>
      this.#clients.agents.exportAgent({name: agent, dataFormat: 'JSON_PACKAGE'}, this.callOptions()),
    );
    const [response] = await operation.promise();
    const name = `dialogflow-cx-${project}-${agent.slice(agent.lastIndexOf('/') + 1)}`;
    return this.saveBackup(dir, name, response.agentContent, 'DIALOGFLOW_CX_BACKUP');
  }

  protected async applyPlan(
    plan: PushPlan,
    desired: Dataset,
    progress: ProgressReporter,
  ): Promise<ApplyReport> {
    const language = desired.language;
    const wanted = datasetToAgent({...desired, utterances: pushedUtterances(desired)});
    const results: ItemResult[] = [];
    let writeCalls = 0;
    const created = (group: PushPlan['intents'], name: string) => group.create.some((c) => c.name === name);

    // Entity types first: the intents' parameters refer to them by resource name.
    const typeChanges = [...plan.entityTypes.create, ...plan.entityTypes.update].map((c) => c.name);
    progress.start('Updating entity types', typeChanges.length);
    for (const batch of chunk(typeChanges, CX_WRITE_BATCH)) {
      const outcomes = await Promise.all(
        batch.map((name) => this.#writeEntityType(wanted.entityTypes.get(name)!, language)),
      );
      for (const [index, outcome] of outcomes.entries()) {
        writeCalls += outcome.attempts;
        const name = batch[index]!;
        results.push({
          kind: 'entityType',
          name,
          action: created(plan.entityTypes, name) ? 'create' : 'update',
          ...status(outcome.error),
        });
      }
      progress.advance(batch.length);
    }
    progress.done();

    const resources = new Map([...this.#entityTypes].map(([name, type]) => [name, type.name ?? '']));
    const intentChanges = [...plan.intents.create, ...plan.intents.update].map((c) => c.name);
    progress.start('Updating intents', intentChanges.length);
    for (const batch of chunk(intentChanges, CX_WRITE_BATCH)) {
      const outcomes = await Promise.all(
        batch.map((name) => this.#writeIntent(name, wanted.intents.get(name), resources, language)),
      );
      for (const [index, outcome] of outcomes.entries()) {
        writeCalls += outcome.attempts;
        const name = batch[index]!;
        results.push({
          kind: 'intent',
          name,
          action: created(plan.intents, name) ? 'create' : 'update',
          ...status(outcome.error),
        });
      }
      progress.advance(batch.length);
    }
    progress.done();

    // Deletions last (the core only gets here with a backup on disk): intents, then the types they used.
    for (const [kind, changes, remote] of [
      ['intent', plan.intents.delete, this.#intents],
      ['entityType', plan.entityTypes.delete, this.#entityTypes],
    ] as const) {
      for (const batch of chunk(
        changes.map((c) => remote.get(c.name)).filter((r) => !!r?.name),
        CX_WRITE_BATCH,
      )) {
        const outcomes = await Promise.all(
          batch.map((item) =>
            kind === 'intent'
              ? this.write('deleteIntent', () =>
                  this.#clients.intents.deleteIntent({name: item!.name!}, this.callOptions()),
                )
              : // Without force, CX refuses to delete a type that pages or intents still use: reported, not forced.
                this.write('deleteEntityType', () =>
                  this.#clients.entityTypes.deleteEntityType(
                    {name: item!.name!, force: false},
                    this.callOptions(),
                  ),
                ),
          ),
        );
        for (const [index, outcome] of outcomes.entries()) {
          writeCalls += outcome.attempts;
          results.push({
            kind,
            name: batch[index]!.displayName ?? '',
            action: 'delete',
            ...status(outcome.error),
          });
        }
      }
    }
    return {results, writeCalls, trained: false};
  }

  /** Trains the NLU model of every flow (CX trains per flow; intents are shared by the agent's flows). */
  async train(progress: ProgressReporter): Promise<number> {
    const [flows] = await this.call('listFlows', () =>
      this.#clients.flows.listFlows({parent: this.#clients.agent}, this.callOptions()),
    );
    progress.start('Training the flows', flows.length);
    let calls = 0;
    for (const flow of flows) {
      const outcome = await this.write('trainFlow', async () => {
        const [operation] = await this.#clients.flows.trainFlow({name: flow.name!}, this.callOptions());
        await operation.promise();
      });
      calls += outcome.attempts;
      progress.advance(1);
      if (outcome.error)
        throw new SynthnluError(
          'DIALOGFLOW_CX_TRAIN',
          `training flow "${flow.displayName}" failed: ${outcome.error}`,
          {
            exitCode: ExitCode.failedCheck,
          },
        );
    }
    progress.done();
    return calls;
  }

  /**
   * sessions.matchIntent, which leaves no session state, in a new session per utterance, in the utterance's
   * language (QueryInput.languageCode; default: the agent's); a NO_MATCH
   * (sys.no-match-default) is the no-match.
   */
  async recognize(text: string, language?: string): Promise<Recognition> {
    const {agent} = this.#clients;
    const languageCode = language ?? ((await this.#getAgent()).defaultLanguageCode || 'en');
    const session = this.evaluationSession(agent);
    let response: protos.google.cloud.dialogflow.cx.v3.IMatchIntentResponse;
    try {
      [response] = await this.call('matchIntent', () =>
        this.#clients.sessions.matchIntent(
          {session, queryInput: {text: {text}, languageCode}},
          this.callOptions(),
        ),
      );
    } catch (error) {
      if (error instanceof SynthnluError && error.code === 'DIALOGFLOW_CX_GRPC_9')
        throw new SynthnluError(
          'DIALOGFLOW_CX_NOT_TRAINED',
          `the agent ${agent} is not trained (${error.message})`,
          {
            exitCode: ExitCode.failedCheck,
            suggestion: 'Push with --train (or train the flows in the console) first.',
          },
        );
      throw error;
    }
    const top = response.matches?.[0];
    const matched = top?.matchType === 'INTENT' || top?.matchType === 1;
    return {
      intent: matched && top?.intent?.displayName ? top.intent.displayName : undefined,
      ...(typeof top?.confidence === 'number' ? {confidence: top.confidence} : {}),
    };
  }

  /** restoreAgent from a backup() package: the agent is put back as it was (`evaluate` A/B cleanup). */
  async restore(backup: string): Promise<void> {
    const {agents, agent: name} = this.#clients;
    const failure: RestoreFailure = {
      code: 'DIALOGFLOW_CX_RESTORE',
      agent: `the agent ${name}`,
      suggestion:
        'Restore it by hand: Conversational Agents console > agent settings > Restore, with the backup zip.',
    };
    await this.restoreFrom(backup, failure, async (agentContent) => {
      const [operation] = await agents.restoreAgent({name, agentContent}, this.callOptions());
      await operation.promise();
    });
  }

  async close(): Promise<void> {
    const {sessions, intents, entityTypes, agents, flows} = this.#clients;
    await this.closeAll([sessions, intents, entityTypes, agents, flows]);
  }

  async #writeEntityType(
    wanted: DesiredEntityType,
    language: string,
  ): Promise<{attempts: number; error?: string}> {
    const {displayName, kind, autoExpansionMode, enableFuzzyExtraction} = wanted.entityType;
    const body: protos.google.cloud.dialogflow.cx.v3.IEntityType = {
      displayName,
      kind,
      autoExpansionMode: (autoExpansionMode ??
        'AUTO_EXPANSION_MODE_UNSPECIFIED') as 'AUTO_EXPANSION_MODE_DEFAULT',
      enableFuzzyExtraction: enableFuzzyExtraction ?? false,
      entities: wanted.entities.map((e) => ({value: e.value, synonyms: e.synonyms ?? [e.value]})),
    };
    return this.write(
      this.#entityTypes.has(displayName) ? 'updateEntityType' : 'createEntityType',
      async (attempt) => {
        // A failed create may have been applied (a deadline passed after the server wrote): look before creating again.
        if (attempt > 1 && !this.#entityTypes.has(displayName)) await this.#refreshEntityTypes(language);
        const existing = this.#entityTypes.get(displayName);
        const [saved] = existing
          ? await this.#clients.entityTypes.updateEntityType(
              {
                entityType: {...body, name: existing.name},
                languageCode: language,
                updateMask: {paths: ['kind', 'auto_expansion_mode', 'enable_fuzzy_extraction', 'entities']},
              },
              this.callOptions(),
            )
          : await this.#clients.entityTypes.createEntityType(
              {parent: this.#clients.agent, entityType: body, languageCode: language},
              this.callOptions(),
            );
        this.#entityTypes.set(displayName, saved as ApiEntityType);
      },
    );
  }

  async #writeIntent(
    name: string,
    wanted: DesiredIntent | undefined,
    resources: Map<string, string>,
    language: string,
  ): Promise<{attempts: number; error?: string}> {
    const typeOf = (ref: string) => apiEntityTypeName(ref, new Map([...resources, ...this.#resourceNames()]));
    const phrases = apiPhrases(wanted?.phrases ?? []);
    const wantedParameters: ApiParameter[] = (wanted?.intent.parameters ?? []).map((p) => ({
      id: p.id,
      entityType: typeOf(p.entityType),
      ...(p.isList ? {isList: true} : {}),
      ...(p.redact ? {redact: true} : {}),
    }));
    return this.write(this.#intents.has(name) ? 'updateIntent' : 'createIntent', async (attempt) => {
      if (attempt > 1 && !this.#intents.has(name)) await this.#refreshIntents(language);
      const existing = this.#intents.get(name);
      if (existing) {
        // Keep the agent's parameters (their settings are the author's); add the ones new annotations need.
        const have = new Set((existing.parameters ?? []).map((p) => p.id));
        const parameters = [
          ...(existing.parameters ?? []),
          ...wantedParameters.filter((p) => !have.has(p.id)),
        ];
        const [saved] = await this.#clients.intents.updateIntent(
          {
            intent: {name: existing.name, displayName: name, trainingPhrases: phrases, parameters},
            languageCode: language,
            updateMask: {paths: ['training_phrases', 'parameters']},
          },
          this.callOptions(),
        );
        this.#intents.set(name, saved as ApiIntent);
        return;
      }
      const [saved] = await this.#clients.intents.createIntent(
        {
          parent: this.#clients.agent,
          intent: {
            displayName: name,
            trainingPhrases: phrases,
            parameters: wantedParameters,
            priority: wanted?.intent.priority ?? 500000,
            ...(wanted?.intent.description ? {description: wanted.intent.description} : {}),
          },
          languageCode: language,
        },
        this.callOptions(),
      );
      this.#intents.set(name, saved as ApiIntent);
    });
  }

  #resourceNames(): Map<string, string> {
    return new Map([...this.#entityTypes].map(([name, type]) => [name, type.name ?? '']));
  }

  async #refreshIntents(language: string): Promise<void> {
    const [intents] = await this.call('listIntents', () =>
      this.#clients.intents.listIntents(
        {parent: this.#clients.agent, languageCode: language},
        this.callOptions(),
      ),
    );
    for (const intent of intents as ApiIntent[])
      if (!this.#intents.has(intent.displayName ?? '')) this.#intents.set(intent.displayName ?? '', intent);
  }

  async #refreshEntityTypes(language: string): Promise<void> {
    const [types] = await this.call('listEntityTypes', () =>
      this.#clients.entityTypes.listEntityTypes(
        {parent: this.#clients.agent, languageCode: language},
        this.callOptions(),
      ),
    );
    for (const type of types as ApiEntityType[])
      if (!this.#entityTypes.has(type.displayName ?? '')) this.#entityTypes.set(type.displayName ?? '', type);
  }
}
