/**
 * Creates the @google-cloud/dialogflow clients (imported lazily: the package takes ~0.4 s to load) with the
 * project, location, endpoint and credentials from the flags, and the retry policy for gRPC calls.
 */
import {readFile} from 'node:fs/promises';
import {ExitCode, SynthnluError} from '../../../src/errors.js';
import {isLoopbackHost} from '../../../src/remote/endpoint.js';
import type {RemoteOptions} from '../../../src/remote/types.js';
import {checkApplicationDefaultCredentials} from './credentials.js';

export interface DialogflowClients {
  intents: import('@google-cloud/dialogflow').v2.IntentsClient;
  entityTypes: import('@google-cloud/dialogflow').v2.EntityTypesClient;
  agents: import('@google-cloud/dialogflow').v2.AgentsClient;
  /** projects/P/agent or projects/P/locations/L/agent. */
  parent: string;
  project: string;
}

export async function createDialogflowClients(options: RemoteOptions): Promise<DialogflowClients> {
  // The public Google universe, stated so the client does not probe for a metadata server (and warn) to learn it.
  const clientOptions: Record<string, unknown> = {universeDomain: 'googleapis.com'};
  let keyProject: string | undefined;
  const keyFile = options.keyFile ?? options.env.GOOGLE_APPLICATION_CREDENTIALS;
  if (keyFile) {
    const key = await readServiceAccountKey(keyFile, options);
    keyProject = key.project_id;
    // Pass the parsed key, not the path, so the secret is read once and registered for redaction.
    clientOptions.credentials = {client_email: key.client_email, private_key: key.private_key};
  }
  const project =
    options.project ?? keyProject ?? options.env.GOOGLE_CLOUD_PROJECT ?? options.env.GCLOUD_PROJECT;
  if (!project)
    throw new SynthnluError('DIALOGFLOW_NO_PROJECT', 'no Google Cloud project for the Dialogflow agent', {
      suggestion:
        'Pass --project PROJECT_ID, or use a service-account key (--key-file) that names its project.',
    });
  const location = options.location && options.location !== 'global' ? options.location : undefined;
  if (location) clientOptions.apiEndpoint = `${location}-dialogflow.googleapis.com`;
  if (options.endpoint) {
    const endpoint = await endpointOptions(options.endpoint);
    // A local emulator takes no credentials: never send a key to it, nor make the client look up Google auth.
    if (endpoint.sslCreds) delete clientOptions.credentials;
    Object.assign(clientOptions, endpoint);
  }
  Object.assign(clientOptions, options.clientOptions ?? {});
  // No key and no local emulator: the client falls back to Application Default Credentials; make sure they exist.
  if (!clientOptions.credentials && !clientOptions.sslCreds && !clientOptions.authClient)
    await checkApplicationDefaultCredentials();
  const {v2} = await import('@google-cloud/dialogflow');
  const options_ = clientOptions as ConstructorParameters<typeof v2.IntentsClient>[0];
  return {
    intents: new v2.IntentsClient(options_),
    entityTypes: new v2.EntityTypesClient(options_),
    agents: new v2.AgentsClient(options_),
    parent: location ? `projects/${project}/locations/${location}/agent` : `projects/${project}/agent`,
    project,
  };
}

/**
 * --endpoint for Dialogflow: an https:// URL or host[:port] (gRPC over TLS), e.g. a regional or private
 * endpoint; or http://127.0.0.1:PORT for a local emulator, reached without TLS and without Google auth.
 */
async function endpointOptions(endpoint: string): Promise<Record<string, unknown>> {
  const url = new URL(endpoint.includes('://') ? endpoint : `https://${endpoint}`);
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) {
    const {grpc} = await import('google-gax');
    return {
      apiEndpoint: url.hostname,
      port: Number(url.port || 80),
      sslCreds: grpc.credentials.createInsecure(),
      // Without it the client probes for a cloud metadata server and prints a warning.
      universeDomain: 'googleapis.com',
    };
  }
  if (url.protocol !== 'https:')
    throw new SynthnluError(
      'REMOTE_INSECURE_ENDPOINT',
      '--endpoint for Dialogflow must be an https:// URL or a host name',
      {
        suggestion: 'Use e.g. --endpoint europe-west2-dialogflow.googleapis.com.',
      },
    );
  return {apiEndpoint: url.hostname, ...(url.port ? {port: Number(url.port)} : {})};
}

interface ServiceAccountKey {
  project_id?: string;
  client_email?: string;
  private_key?: string;
}

async function readServiceAccountKey(path: string, options: RemoteOptions): Promise<ServiceAccountKey> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new SynthnluError('DIALOGFLOW_KEY_FILE', `cannot read the service-account key file ${path}`, {
      location: {file: path},
      suggestion: 'Check --key-file or GOOGLE_APPLICATION_CREDENTIALS.',
    });
  }
  let key: ServiceAccountKey;
  try {
    key = JSON.parse(text) as ServiceAccountKey;
  } catch {
    // Never echo the content: it is a private key.
    throw new SynthnluError('DIALOGFLOW_KEY_FILE', `the key file ${path} is not JSON`, {
      location: {file: path},
      suggestion: 'Download a JSON key for the service account from the Google Cloud console.',
    });
  }
  options.secrets.add(key.private_key);
  if (!key.client_email || !key.private_key)
    throw new SynthnluError('DIALOGFLOW_KEY_FILE', `the key file ${path} has no client_email/private_key`, {
      exitCode: ExitCode.badInput,
      location: {file: path},
      suggestion: 'Use a service-account key (type "service_account").',
    });
  return key;
}
