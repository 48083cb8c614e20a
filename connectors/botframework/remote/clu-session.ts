/** A push/pull session against one Azure CLU conversation project. */
import {readFile} from 'node:fs/promises';
import {
  backupTimestamp,
  writeBackupFile,
  createConnectorContext,
  ExitCode,
  SynthnluError,
  type Diagnostic,
  type Dataset,
  checkEndpoint,
  HttpClient,
  type ApplyReport,
  type ProgressReporter,
  type PushPlan,
  type Recognition,
  type RemoteOptions,
  type RemoteSession,
} from '../../../src/connector-kit.js';
import {datasetToCluProject} from '../clu/from-dataset.js';
import {cluLanguage} from '../culture.js';
import {cluProjectToDataset} from '../clu/to-dataset.js';
import type {CluProject} from '../clu/types.js';
import {CLU_API_VERSION, CluApi, jobError} from './clu-api.js';
import {cluProjectInLanguage, cluProjectLanguages} from './clu-languages.js';
import {mergeCluProject} from './clu-merge.js';
import type {CluFlag} from './flags.js';

export const CLU_KEY_ENV = 'AZURE_CONVERSATIONS_KEY';
export const CLU_ENDPOINT_ENV = 'AZURE_CONVERSATIONS_ENDPOINT';
export const CLU_PROJECT_ENV = 'AZURE_CONVERSATIONS_PROJECT_NAME';

export class CluSession implements RemoteSession {
  #remote: CluProject | undefined;
  #read = false;
  /** Whether the project existed when this session first read it (`discard` deletes one it created). */
  #existed: boolean | undefined;
  /** The model this session trained and the deployment it (re)deployed, for `discard`. */
  #trained = false;
  #deployed: string | undefined;
  /** Model label of this push's training run. */
  readonly #modelLabel = `synthnlu-${backupTimestamp()}`;

  private constructor(
    private readonly http: HttpClient,
    private readonly api: CluApi,
    private readonly projectName: string,
    private readonly options: RemoteOptions<CluFlag>,
  ) {}

  static async open(options: RemoteOptions<CluFlag>): Promise<CluSession> {
    // --project and --endpoint arrive with their environment defaults already read (see cluFlags).
    const keyEnv = options.flags['key-env'] ?? CLU_KEY_ENV;
    const key = options.env[keyEnv];
    const rawEndpoint = options.flags.endpoint;
    const project = options.flags.project;
    // Every missing setting at once, so a newcomer fixes them in one go rather than one run at a time.
    const missing = [
      !key && {
        setting: 'key',
        code: 'CLU_NO_KEY',
        message: `no key: the environment variable ${keyEnv} is not set`,
        suggestion: `Set ${keyEnv} to the resource's key (Azure portal > Keys and Endpoint), or name another variable with --key-env.`,
      },
      !rawEndpoint && {
        setting: 'endpoint',
        code: 'CLU_NO_ENDPOINT',
        message: `no endpoint: neither --endpoint nor ${CLU_ENDPOINT_ENV}`,
        suggestion: `Pass --endpoint https://<resource>.cognitiveservices.azure.com or set ${CLU_ENDPOINT_ENV}.`,
      },
      !project && {
        setting: 'project',
        code: 'CLU_NO_PROJECT',
        message: `no project: neither --project nor ${CLU_PROJECT_ENV}`,
        suggestion: `Pass --project NAME or set ${CLU_PROJECT_ENV}.`,
      },
    ].filter((m) => m !== false);
    if (!key || !rawEndpoint || !project)
      throw new SynthnluError(
        'CLU_MISSING_SETTINGS',
        `Azure CLU needs: ${missing.map((m) => m.setting).join(', ')}`,
        {
          ...(missing.length === 1 ? {suggestion: missing[0]!.suggestion} : {}),
          diagnostics: missing.map(({code, message, suggestion}): Diagnostic => ({
            severity: 'error',
            code,
            message,
            suggestion,
          })),
        },
      );
    options.secrets.add(key);
    const endpoint = checkEndpoint(rawEndpoint);
    const http = new HttpClient({
      baseURL: endpoint,
      headers: {'Ocp-Apim-Subscription-Key': key, 'Content-Type': 'application/json'},
      platform: 'Azure CLU',
      authHint: `the key in ${keyEnv} and that --endpoint is the Language resource of that key (its region and name)`,
      ...(options.retry ? {retry: options.retry} : {}),
      secrets: options.secrets,
    });
    const pollIntervalMs = Math.max(1, (options.retry?.baseDelayMs ?? 500) * 2);
    return new CluSession(http, new CluApi(http, endpoint, project, pollIntervalMs), project, options);
  }

  /** Whether #remote was read and nothing read or written since (languages() then read() export once). */
  #fresh = false;

  async #readProject(): Promise<CluProject | undefined> {
    this.#remote = (await this.api.exists()) ? await this.api.exportProject() : undefined;
    this.#read = true;
    this.#fresh = true;
    this.#existed ??= this.#remote !== undefined;
    return this.#remote;
  }

  /** The project's languages (CLU codes): its own, then each other language its utterances are in. */
  async languages(): Promise<string[]> {
    const project = this.#read ? this.#remote : await this.#readProject();
    return project ? cluProjectLanguages(project) : [];
  }

  /** The project in one language (default: the project's own): its utterances and synonyms in that language. */
  async read(language?: string): Promise<Dataset> {
    const project = this.#fresh ? this.#remote : await this.#readProject();
    this.#fresh = false;
    if (!project)
      return {
        format: 'synthnlu-dataset/1',
        language: language ?? 'en',
        intents: [],
        entities: [],
        utterances: [],
      };
    const languages = cluProjectLanguages(project);
    const one =
      languages.length > 1 || language ? cluProjectInLanguage(project, language ?? languages[0]!) : project;
    return cluProjectToDataset(one, `${this.projectName} (CLU)`);
  }

  async backup(dir: string): Promise<string | undefined> {
    if (!this.#read) await this.#readProject();
    if (!this.#remote) return undefined;
    return writeBackupFile(
      dir,
      `clu-${this.projectName}`,
      '.json',
      `${JSON.stringify(this.#remote, null, 2)}\n`,
    );
  }

  async apply(
    plan: PushPlan,
    desired: Dataset,
    _remote: Dataset | undefined,
    progress: ProgressReporter,
  ): Promise<ApplyReport> {
    const context = createConnectorContext();
    // CLU keeps the test split itself ("dataset": "Test") and evaluates the trained model on it.
    const wanted = datasetToCluProject(desired, context, {
      name: this.projectName,
    });
    const merged = mergeCluProject(this.#remote, wanted, plan);
    merged.metadata = {...merged.metadata, projectName: this.projectName};
    progress.start('Importing the CLU project', 1);
    let error: string | undefined;
    try {
      const job = await this.api.importProject(merged);
      if (job.status.toLowerCase() !== 'succeeded') error = jobError(job);
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
    }
    progress.advance(1);
    progress.done();
    const status = error
      ? {status: 'failed' as const, error: this.options.secrets.redact(error)}
      : {status: 'ok' as const};
    const created = new Set(plan.intents.create.map((c) => c.name));
    const createdTypes = new Set(plan.entityTypes.create.map((c) => c.name));
    return {
      results: [
        ...[...plan.entityTypes.create, ...plan.entityTypes.update].map((c) => ({
          kind: 'entityType' as const,
          name: c.name,
          action: createdTypes.has(c.name) ? ('create' as const) : ('update' as const),
          ...status,
        })),
        ...plan.entityTypes.delete.map((c) => ({
          kind: 'entityType' as const,
          name: c.name,
          action: 'delete' as const,
          ...status,
        })),
        ...[...plan.intents.create, ...plan.intents.update].map((c) => ({
          kind: 'intent' as const,
          name: c.name,
          action: created.has(c.name) ? ('create' as const) : ('update' as const),
          ...status,
        })),
        ...plan.intents.delete.map((c) => ({
          kind: 'intent' as const,
          name: c.name,
          action: 'delete' as const,
          ...status,
        })),
      ],
      // One :import job carries the whole change.
      writeCalls: 1,
      trained: false,
    };
  }

  async train(progress: ProgressReporter): Promise<number> {
    progress.start('Training the CLU model', 1);
    const job = await this.api.train(this.#modelLabel);
    if (job.status.toLowerCase() !== 'succeeded')
      throw new SynthnluError(
        'CLU_TRAIN',
        this.options.secrets.redact(`CLU training failed (${jobError(job)})`),
        {
          exitCode: ExitCode.failedCheck,
          suggestion: 'Open the project in Language Studio to see the training errors.',
        },
      );
    this.#trained = true;
    let calls = 1;
    if (this.options.flags.deployment) {
      this.#deployed = this.options.flags.deployment;
      const deployed = await this.api.deploy(this.options.flags.deployment, this.#modelLabel);
      calls++;
      if (deployed.status.toLowerCase() !== 'succeeded')
        throw new SynthnluError(
          'CLU_DEPLOY',
          this.options.secrets.redact(`CLU deployment failed (${jobError(deployed)})`),
          {
            exitCode: ExitCode.failedCheck,
          },
        );
    }
    progress.advance(1);
    progress.done();
    return calls;
  }

  /**
   * The runtime API (`POST /language/:analyze-conversations`) on --deployment: CLU's `None` is the no-match.
   * A deployment that does not exist (or holds no trained model) and a used-up quota get their own messages.
   */
  async recognize(text: string, language?: string): Promise<Recognition> {
    const deployment = this.options.flags.deployment;
    if (!deployment)
      throw new SynthnluError('CLU_NO_DEPLOYMENT', 'evaluating on CLU needs --deployment', {
        suggestion: `Name the deployment to ask (--deployment production); push --to clu --train --deployment NAME creates one.`,
      });
    let data: CluAnalyzeResponse;
    try {
      ({data} = await this.http.request<CluAnalyzeResponse>({
        method: 'POST',
        url: '/language/:analyze-conversations',
        params: {'api-version': CLU_API_VERSION},
        data: {
          kind: 'Conversation',
          // ConversationItem.language: the utterance's language, as CLU codes it (en → en-us).
          analysisInput: {
            conversationItem: {
              id: '1',
              participantId: 'synthnlu',
              text,
              ...(language ? {language: cluLanguage(language)} : {}),
            },
          },
          parameters: {
            projectName: this.projectName,
            deploymentName: deployment,
            stringIndexType: 'Utf16CodeUnit',
          },
        },
      }));
    } catch (error) {
      throw cluRuntimeError(error, this.projectName, deployment);
    }
    const prediction = data.result?.prediction;
    const top = prediction?.topIntent;
    const score = prediction?.intents?.find((i) => i.category === top)?.confidenceScore;
    return {
      intent: !top || top === CLU_NONE_INTENT ? undefined : top,
      ...(typeof score === 'number' ? {confidence: score} : {}),
      entities: (prediction?.entities ?? []).map((e) => ({
        entity: e.category,
        value: e.text,
        start: e.offset,
        end: e.offset + e.length,
      })),
    };
  }

  /** Imports a backup() file over the project (`evaluate` A/B puts its scratch project back). */
  async restore(backup: string): Promise<void> {
    const project = JSON.parse(await readFile(backup, 'utf8')) as CluProject;
    const job = await this.api.importProject(project);
    if (job.status.toLowerCase() !== 'succeeded')
      throw new SynthnluError(
        'CLU_RESTORE',
        this.options.secrets.redact(
          `restoring project "${this.projectName}" from ${backup} failed (${jobError(job)})`,
        ),
        {
          exitCode: ExitCode.failedCheck,
          suggestion: `Import the backup by hand in Language Studio (Import project, ${backup}).`,
        },
      );
  }

  /**
   * Deletes what this session made besides the training data: the project, when it did not exist before;
   * otherwise the deployment it deployed to and the model it trained (deployment first: CLU refuses to delete
   * a model a deployment serves).
   */
  async discard(): Promise<void> {
    if (this.#existed === false) {
      const job = await this.api.deleteProject();
      if (job.status.toLowerCase() !== 'succeeded')
        throw new SynthnluError(
          'CLU_DELETE',
          this.options.secrets.redact(`deleting project "${this.projectName}" failed (${jobError(job)})`),
          {exitCode: ExitCode.failedCheck},
        );
      return;
    }
    if (this.#deployed) {
      const job = await this.api.deleteDeployment(this.#deployed);
      if (job.status.toLowerCase() !== 'succeeded')
        throw new SynthnluError(
          'CLU_DELETE',
          this.options.secrets.redact(`deleting deployment "${this.#deployed}" failed (${jobError(job)})`),
          {exitCode: ExitCode.failedCheck},
        );
    }
    if (this.#trained) await this.api.deleteModel(this.#modelLabel);
  }

  async close(): Promise<void> {}
}

/** CLU's built-in no-match intent. */
export const CLU_NONE_INTENT = 'None';

interface CluAnalyzeResponse {
  result?: {
    prediction?: {
      topIntent?: string;
      intents?: {category: string; confidenceScore: number}[];
      entities?: {category: string; text: string; offset: number; length: number}[];
    };
  };
}

function cluRuntimeError(error: unknown, project: string, deployment: string): unknown {
  if (!(error instanceof SynthnluError)) return error;
  if (error.code === 'REMOTE_NOT_FOUND')
    return new SynthnluError(
      'CLU_NOT_DEPLOYED',
      `CLU has no deployment "${deployment}" of project "${project}" to ask (${error.message})`,
      {
        exitCode: ExitCode.failedCheck,
        suggestion: `Train and deploy first: synthnlu push data.jsonl --to clu --project ${project} --train --deployment ${deployment} --yes.`,
      },
    );
  if (error.code === 'REMOTE_AUTH' && /quota/i.test(error.message))
    return new SynthnluError(
      'REMOTE_QUOTA_EXHAUSTED',
      `Azure CLU: the call volume quota is used up (${error.message})`,
      {
        exitCode: ExitCode.failedCheck,
        suggestion:
          'Run again once the quota is replenished (answers already received are cached), or move the resource to the Standard tier.',
      },
    );
  return error;
}
