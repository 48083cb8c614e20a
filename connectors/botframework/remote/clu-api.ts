/**
 * Azure CLU authoring REST API (api-version 2023-04-01): project export/import, training and deployment are
 * asynchronous jobs whose status URL comes back in the operation-location header. CLU allows only about ten
 * authoring POSTs a minute, so 429s are expected and retried after Retry-After.
 */
import {ExitCode, SynthnluError, type HttpClient} from '../../../src/connector-kit.js';
import type {CluProject} from '../clu/types.js';

export const CLU_API_VERSION = '2023-04-01';

interface JobStatus {
  status: string;
  resultUrl?: string;
  errors?: {code?: string; message?: string}[];
  result?: unknown;
}

export class CluApi {
  constructor(
    private readonly http: HttpClient,
    private readonly endpoint: string,
    private readonly project: string,
    private readonly pollIntervalMs: number,
  ) {}

  #projectPath(suffix = ''): string {
    return `/language/authoring/analyze-conversations/projects/${encodeURIComponent(this.project)}${suffix}`;
  }

  /** Whether the project exists (a 404 means a first push creates it). */
  async exists(): Promise<boolean> {
    try {
      await this.http.request({
        method: 'GET',
        url: this.#projectPath(),
        params: {'api-version': CLU_API_VERSION},
      });
      return true;
    } catch (error) {
      if (error instanceof SynthnluError && error.code === 'REMOTE_NOT_FOUND') return false;
      throw error;
    }
  }

  async exportProject(): Promise<CluProject> {
    const response = await this.http.request({
      method: 'POST',
      url: this.#projectPath('/:export'),
      params: {'api-version': CLU_API_VERSION, stringIndexType: 'Utf16CodeUnit'},
    });
    const job = await this.#wait(response.headers['operation-location'], 'export');
    if (!job.resultUrl)
      throw new SynthnluError('CLU_EXPORT', 'the CLU export job gave no result URL', {
        exitCode: ExitCode.failedCheck,
      });
    const result = await this.http.request<CluProject>({method: 'GET', url: this.#sameOrigin(job.resultUrl)});
    return result.data;
  }

  async importProject(project: CluProject): Promise<JobStatus> {
    const response = await this.http.request({
      method: 'POST',
      url: this.#projectPath('/:import'),
      params: {'api-version': CLU_API_VERSION},
      data: project,
    });
    return this.#wait(response.headers['operation-location'], 'import');
  }

  async train(modelLabel: string): Promise<JobStatus> {
    const response = await this.http.request({
      method: 'POST',
      url: this.#projectPath('/:train'),
      params: {'api-version': CLU_API_VERSION},
      data: {modelLabel, trainingMode: 'standard'},
    });
    return this.#wait(response.headers['operation-location'], 'train');
  }

  async deploy(deployment: string, modelLabel: string): Promise<JobStatus> {
    const response = await this.http.request({
      method: 'PUT',
      url: this.#projectPath(`/deployments/${encodeURIComponent(deployment)}`),
      params: {'api-version': CLU_API_VERSION},
      data: {trainedModelLabel: modelLabel},
    });
    return this.#wait(response.headers['operation-location'], 'deploy');
  }

  /** Deletes a deployment (an asynchronous job). */
  async deleteDeployment(deployment: string): Promise<JobStatus> {
    const response = await this.http.request({
      method: 'DELETE',
      url: this.#projectPath(`/deployments/${encodeURIComponent(deployment)}`),
      params: {'api-version': CLU_API_VERSION},
    });
    return this.#wait(response.headers['operation-location'], 'delete deployment');
  }

  /** Deletes a trained model (synchronous: 204); CLU refuses one a deployment still serves. */
  async deleteModel(modelLabel: string): Promise<void> {
    await this.http.request({
      method: 'DELETE',
      url: this.#projectPath(`/models/${encodeURIComponent(modelLabel)}`),
      params: {'api-version': CLU_API_VERSION},
    });
  }

  /** Deletes the project with its models and deployments (an asynchronous job). */
  async deleteProject(): Promise<JobStatus> {
    const response = await this.http.request({
      method: 'DELETE',
      url: this.#projectPath(),
      params: {'api-version': CLU_API_VERSION},
    });
    return this.#wait(response.headers['operation-location'], 'delete project');
  }

  /** Polls a job until it ends; failed and cancelled jobs are returned (callers report them per intent). */
  async #wait(location: unknown, job: string): Promise<JobStatus> {
    if (typeof location !== 'string' || !location)
      throw new SynthnluError(
        'CLU_NO_JOB',
        `CLU accepted the ${job} request but gave no operation-location`,
        {exitCode: ExitCode.failedCheck},
      );
    const url = this.#sameOrigin(location);
    const policy = this.http.policy;
    const started = policy.now();
    for (;;) {
      const {data} = await this.http.request<JobStatus>({method: 'GET', url});
      const status = String(data.status ?? '').toLowerCase();
      if (
        status === 'succeeded' ||
        status === 'failed' ||
        status === 'cancelled' ||
        status === 'partiallycompleted'
      )
        return data;
      if (policy.now() - started > policy.totalTimeoutMs)
        throw new SynthnluError(
          'CLU_JOB_TIMEOUT',
          `the CLU ${job} job did not finish in ${Math.round(policy.totalTimeoutMs / 1000)} s`,
          {
            exitCode: ExitCode.failedCheck,
            suggestion: 'Check the job in Language Studio; run push again once it has finished.',
          },
        );
      await policy.sleep(this.pollIntervalMs);
    }
  }

  /** Job URLs must stay on the endpoint: the key is sent with every request. */
  #sameOrigin(url: string): string {
    const target = new URL(url, this.endpoint);
    if (target.origin !== new URL(this.endpoint).origin)
      throw new SynthnluError(
        'CLU_FOREIGN_URL',
        `CLU returned a job URL on another host (${target.host}); refusing to send the key there`,
        {
          exitCode: ExitCode.failedCheck,
        },
      );
    return target.toString();
  }
}

export function jobError(job: JobStatus): string {
  const messages = (job.errors ?? [])
    .map((e) => `${e.code ? `${e.code}: ` : ''}${e.message ?? ''}`.trim())
    .filter(Boolean);
  return `job ${job.status}${messages.length ? `: ${messages.join('; ')}` : ''}`;
}
