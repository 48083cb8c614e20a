/**
 * Rasa open source server HTTP API: POST /model/train with the YAML training data, then PUT /model to load
 * the trained model. Rasa cannot report its training data, so the plan sends everything; the backup records
 * which model was loaded before, so it can be put back with PUT /model.
 */
import {
  writeBackupFile,
  createConnectorContext,
  ExitCode,
  SynthnluError,
  type Dataset,
  checkEndpoint,
  HttpClient,
  pushedUtterances,
  type ApplyReport,
  type ProgressReporter,
  type PushPlan,
  type Recognition,
  type RemoteOptions,
  type RemoteSession,
} from '../../../src/connector-kit.js';
import {readFile} from 'node:fs/promises';
import {parse, stringify} from 'yaml';
import {exportRasa} from '../export.js';
import type {RasaFlag} from './flags.js';

export const RASA_TOKEN_ENV = 'RASA_TOKEN';
export const RASA_DEFAULT_ENDPOINT = 'http://localhost:5005';
/** The intent Rasa's FallbackClassifier answers below its threshold: the platform's no-match. */
export const RASA_FALLBACK_INTENT = 'nlu_fallback';

interface RasaParse {
  intent?: {name?: string | null; confidence?: number} | null;
  entities?: {entity?: string; value?: unknown; start?: number; end?: number}[];
}

export class RasaSession implements RemoteSession {
  private constructor(
    private readonly http: HttpClient,
    private readonly endpoint: string,
    private readonly options: RemoteOptions<RasaFlag>,
  ) {}

  static async open(options: RemoteOptions<RasaFlag>): Promise<RasaSession> {
    const endpoint = checkEndpoint(options.flags.endpoint ?? RASA_DEFAULT_ENDPOINT);
    const tokenEnv = options.flags['token-env'] ?? RASA_TOKEN_ENV;
    const token = options.env[tokenEnv];
    if (options.flags['token-env'] && !token)
      throw new SynthnluError('RASA_NO_TOKEN', `the environment variable ${tokenEnv} is not set`, {
        suggestion: `Set ${tokenEnv} to the token the server was started with (rasa run --enable-api --auth-token ...).`,
      });
    options.secrets.add(token);
    const http = new HttpClient({
      baseURL: endpoint,
      headers: {},
      platform: 'Rasa',
      authHint: `the token in ${tokenEnv} (the server's --auth-token) and --endpoint`,
      refusedHint: `Start the Rasa server with its HTTP API: \`rasa run --enable-api\` (it listens on ${RASA_DEFAULT_ENDPOINT}), or point --endpoint at a running one.`,
      ...(options.retry ? {retry: options.retry} : {}),
      secrets: options.secrets,
    });
    // Rasa's token authentication is a query parameter; it is scrubbed from every message.
    if (token) http.defaultParams = {token};
    return new RasaSession(http, endpoint, options);
  }

  async read(): Promise<undefined> {
    return undefined;
  }

  async backup(dir: string): Promise<string | undefined> {
    const {data} = await this.http.request<{model_file?: string}>({method: 'GET', url: '/status'});
    if (!data.model_file) return undefined;
    return writeBackupFile(
      dir,
      'rasa',
      '.json',
      `${JSON.stringify({endpoint: this.endpoint, model_file: data.model_file, restore: `PUT ${this.endpoint}/model {"model_file": "${data.model_file}"}`}, null, 2)}\n`,
    );
  }

  async apply(
    plan: PushPlan,
    desired: Dataset,
    _remote: Dataset | undefined,
    progress: ProgressReporter,
  ): Promise<ApplyReport> {
    const yaml = rasaTrainingYaml(desired);
    progress.start('Training the Rasa model', 1);
    let writeCalls = 0;
    let error: string | undefined;
    try {
      writeCalls++;
      // Only the model's file name (a header) is needed: the body, often hundreds of MB, is streamed and dropped.
      const trained = await this.http.request<NodeJS.ReadableStream & {destroy(): void}>({
        method: 'POST',
        url: '/model/train',
        data: yaml,
        headers: {'Content-Type': 'application/x-yaml'},
        params: {save_to_default_model_directory: true},
        responseType: 'stream',
        // Training takes minutes, far longer than an ordinary request: --train-timeout.
        timeout: this.http.policy.longRequestTimeoutMs,
      });
      trained.data.destroy();
      const filename = trained.headers['filename'];
      if (typeof filename !== 'string' || !filename)
        throw new SynthnluError('RASA_NO_MODEL', 'Rasa trained but did not name the model file', {
          exitCode: ExitCode.failedCheck,
        });
      writeCalls++;
      await this.http.request({method: 'PUT', url: '/model', data: {model_file: `models/${filename}`}});
    } catch (caught) {
      error = this.options.secrets.redact(caught instanceof Error ? caught.message : String(caught));
    }
    progress.advance(1);
    progress.done();
    const status = error ? {status: 'failed' as const, error} : {status: 'ok' as const};
    return {
      results: plan.intents.create.map((c) => ({
        kind: 'intent' as const,
        name: c.name,
        action: 'create' as const,
        ...status,
      })),
      writeCalls,
      trained: !error,
    };
  }

  async train(): Promise<number> {
    return 0;
  }

  /** Puts back the model a backup recorded (`synthnlu evaluate` A/B cleans its scratch server up with it). */
  async restore(backup: string): Promise<void> {
    const {model_file: modelFile} = JSON.parse(await readFile(backup, 'utf8')) as {model_file: string};
    await this.http.request({method: 'PUT', url: '/model', data: {model_file: modelFile}});
  }

  #loaded: Promise<void> | undefined;

  /** POST /model/parse; first checks once that a model is loaded (a parse without one answers 409). */
  async recognize(text: string): Promise<Recognition> {
    this.#loaded ??= this.#requireModel();
    await this.#loaded;
    const {data} = await this.http.request<RasaParse>({method: 'POST', url: '/model/parse', data: {text}});
    const name = data.intent?.name;
    const confidence = data.intent?.confidence;
    return {
      intent: !name || name === RASA_FALLBACK_INTENT ? undefined : name,
      ...(typeof confidence === 'number' ? {confidence} : {}),
      entities: (data.entities ?? []).flatMap((e) =>
        e.entity
          ? [
              {
                entity: e.entity,
                value: typeof e.value === 'string' ? e.value : JSON.stringify(e.value),
                ...(typeof e.start === 'number' ? {start: e.start} : {}),
                ...(typeof e.end === 'number' ? {end: e.end} : {}),
              },
            ]
          : [],
      ),
    };
  }

  async #requireModel(): Promise<void> {
    const {data} = await this.http.request<{model_file?: string | null}>({method: 'GET', url: '/status'});
    if (!data.model_file)
      throw new SynthnluError(
        'RASA_NO_MODEL_LOADED',
        `the Rasa server at ${this.endpoint} has no model loaded`,
        {
          exitCode: ExitCode.failedCheck,
          suggestion: `Train and load one first: synthnlu push data.jsonl --to rasa --endpoint ${this.endpoint} --yes.`,
        },
      );
  }

  async close(): Promise<void> {}
}

/**
 * The training payload: one YAML document holding nlu.yml and the domain's intents and entities (Rasa needs
 * both to train). The two exported files are merged as data, not concatenated, so no key appears twice.
 */
export function rasaTrainingYaml(dataset: Dataset): string {
  const files = exportRasa({...dataset, utterances: pushedUtterances(dataset)}, createConnectorContext(), {
    domain: true,
  });
  const merged: Record<string, unknown> = {};
  for (const file of files) {
    const text = typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content);
    Object.assign(merged, parse(text) as Record<string, unknown>);
  }
  return stringify(merged, {lineWidth: 0});
}
