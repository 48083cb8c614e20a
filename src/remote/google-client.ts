/**
 * Options for Google Cloud client libraries (the Dialogflow ES and CX connectors): the regional API host,
 * the credentials from --key-file or GOOGLE_APPLICATION_CREDENTIALS (read once, the private key registered as a
 * secret), and --endpoint, where http://127.0.0.1:PORT reaches a local emulator without TLS and without Google
 * authentication.
 */
import {readFile} from 'node:fs/promises';
import {ExitCode, SynthnluError} from '../errors.js';
import {isLoopbackHost} from './endpoint.js';
import type {RemoteFlagSpec, RemoteOptions} from './types.js';

/** The flags every Google Cloud connector reads through googleClientOptions, besides its own `project`. */
export const googleClientFlags = [
  {name: 'location', description: 'region of a regional agent, e.g. europe-west2 (default: global).'},
  {
    name: 'endpoint',
    description: 'API endpoint (host:port or URL); http://127.0.0.1:PORT reaches a local emulator.',
  },
  {
    name: 'key-file',
    description: 'service-account JSON key; Application Default Credentials when there is none.',
    env: 'GOOGLE_APPLICATION_CREDENTIALS',
  },
] as const satisfies readonly RemoteFlagSpec[];

/** The flag values googleClientOptions reads. */
type GoogleClientFlag = (typeof googleClientFlags)[number]['name'];

export interface GoogleClientSetup {
  clientOptions: Record<string, unknown>;
  /** The project named in the service-account key, if one was read. */
  keyProject?: string;
}

/**
 * @param label the platform in messages ("Dialogflow CX"); @param codePrefix its error codes ("DIALOGFLOW_CX").
 */
export async function googleClientOptions(
  options: RemoteOptions<GoogleClientFlag>,
  apiEndpoint: string | undefined,
  platform: {label: string; codePrefix: string},
): Promise<GoogleClientSetup> {
  // The public Google universe, stated so the client does not probe for a metadata server (and warn) to learn it.
  const clientOptions: Record<string, unknown> = {universeDomain: 'googleapis.com'};
  let keyProject: string | undefined;
  const keyFile = options.flags['key-file'];
  if (keyFile) {
    const key = await readServiceAccountKey(keyFile, options);
    keyProject = key.project_id;
    // Pass the parsed key, not the path, so the secret is read once and registered for redaction.
    clientOptions.credentials = {client_email: key.client_email, private_key: key.private_key};
  }
  if (apiEndpoint) clientOptions.apiEndpoint = apiEndpoint;
  if (options.flags.endpoint) {
    const endpoint = await endpointOptions(options.flags.endpoint);
    // A local emulator takes no credentials: never send a key to it, nor make the client look up Google auth.
    if (endpoint.sslCreds) delete clientOptions.credentials;
    Object.assign(clientOptions, endpoint);
  }
  Object.assign(clientOptions, options.clientOptions ?? {});
  // No key and no local emulator: the client falls back to Application Default Credentials; make sure they exist.
  if (!clientOptions.credentials && !clientOptions.sslCreds && !clientOptions.authClient)
    await checkApplicationDefaultCredentials(platform);
  return {clientOptions, ...(keyProject ? {keyProject} : {})};
}

/**
 * --endpoint: an https:// URL or host[:port] (gRPC over TLS), e.g. a regional or private endpoint; or
 * http://127.0.0.1:PORT for a local emulator.
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
  const problem = (message: string, suggestion: string) =>
    new SynthnluError('DIALOGFLOW_KEY_FILE', message, {location: {file: path}, suggestion});
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw problem(
      `cannot read the service-account key file ${path}`,
      'Check --key-file or GOOGLE_APPLICATION_CREDENTIALS.',
    );
  }
  let key: ServiceAccountKey;
  try {
    key = JSON.parse(text) as ServiceAccountKey;
  } catch {
    // Never echo the content: it is a private key.
    throw problem(
      `the key file ${path} is not JSON`,
      'Download a JSON key for the service account from the Google Cloud console.',
    );
  }
  options.secrets.add(key.private_key);
  if (!key.client_email || !key.private_key)
    throw problem(
      `the key file ${path} has no client_email/private_key`,
      'Use a service-account key (type "service_account").',
    );
  return key;
}

/** google-auth-library's NO_ADC_FOUND message (GoogleAuthExceptionMessages), matched by its stable start. */
const NO_ADC = /Could not load the default credentials/;

export function isMissingCredentials(error: unknown): boolean {
  return (
    (error as {code?: unknown}).code === 'NO_ADC_FOUND' ||
    (error instanceof Error && NO_ADC.test(error.message))
  );
}

export function missingCredentialsError(platform: {label: string; codePrefix: string}): SynthnluError {
  return new SynthnluError(
    `${platform.codePrefix}_NO_CREDENTIALS`,
    `no Google credentials to reach ${platform.label}`,
    {
      exitCode: ExitCode.badInput,
      suggestion:
        'Authenticate one of three ways: pass --key-file service-account.json; set GOOGLE_APPLICATION_CREDENTIALS to that file; or run `gcloud auth application-default login`.',
    },
  );
}

/**
 * Application Default Credentials, checked before any call: without them google-auth-library rejects a promise
 * nobody awaits, and the process dies with its stack trace. A newcomer's first `push --dry-run` must instead say
 * how to authenticate.
 */
async function checkApplicationDefaultCredentials(platform: {
  label: string;
  codePrefix: string;
}): Promise<void> {
  const {GoogleAuth} = await import('google-gax');
  try {
    await new GoogleAuth({scopes: ['https://www.googleapis.com/auth/cloud-platform']}).getClient();
  } catch (error) {
    if (isMissingCredentials(error)) throw missingCredentialsError(platform);
    throw error;
  }
}
