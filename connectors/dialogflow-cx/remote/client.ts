/**
 * Creates the @google-cloud/dialogflow-cx v3 clients (imported lazily, only by push and pull: the package is
 * heavy to load) for one agent, with the regional endpoint of its location and the credentials from the flags.
 *
 * A CX agent is `projects/P/locations/L/agents/ID`. `--project` takes that full name (the console's "Copy
 * name"), or a project id: then the one agent in --location (default global) is used, and several agents are
 * listed by name so the user can pick one.
 */
import {readFile} from 'node:fs/promises';
import {ExitCode, SynthnluError} from '../../../src/errors.js';
import {isLoopbackHost} from '../../../src/remote/endpoint.js';
import type {RemoteOptions} from '../../../src/remote/types.js';

type V3 = typeof import('@google-cloud/dialogflow-cx').v3;

export interface CxClients {
  intents: InstanceType<V3['IntentsClient']>;
  entityTypes: InstanceType<V3['EntityTypesClient']>;
  agents: InstanceType<V3['AgentsClient']>;
  flows: InstanceType<V3['FlowsClient']>;
  /** projects/P/locations/L/agents/ID */
  agent: string;
  project: string;
  location: string;
}

const AGENT_NAME = /^projects\/([^/]+)\/locations\/([^/]+)\/agents\/([^/]+)$/;

/** The regional API host of a location ("global" is dialogflow.googleapis.com). */
export function cxApiEndpoint(location: string): string {
  return location === 'global' ? 'dialogflow.googleapis.com' : `${location}-dialogflow.googleapis.com`;
}

export async function createCxClients(options: RemoteOptions): Promise<CxClients> {
  // The public Google universe, stated so the client does not probe for a metadata server (and warn) to learn it.
  const clientOptions: Record<string, unknown> = {universeDomain: 'googleapis.com'};
  let keyProject: string | undefined;
  const keyFile = options.keyFile ?? options.env.GOOGLE_APPLICATION_CREDENTIALS;
  if (keyFile) {
    const key = await readServiceAccountKey(keyFile, options);
    keyProject = key.project_id;
    clientOptions.credentials = {client_email: key.client_email, private_key: key.private_key};
  }
  const named = options.project ? AGENT_NAME.exec(options.project) : null;
  if (named && options.location && options.location !== named[2])
    throw new SynthnluError(
      'DIALOGFLOW_CX_LOCATION',
      `--location ${options.location} does not match the agent's location ${named[2]}`,
      {suggestion: 'Leave --location out when --project is the full agent name.'},
    );
  const project =
    named?.[1] ??
    options.project ??
    keyProject ??
    options.env.GOOGLE_CLOUD_PROJECT ??
    options.env.GCLOUD_PROJECT;
  if (!project)
    throw new SynthnluError(
      'DIALOGFLOW_CX_NO_PROJECT',
      'no Google Cloud project for the Dialogflow CX agent',
      {
        suggestion:
          'Pass --project projects/PROJECT/locations/LOCATION/agents/AGENT_ID (the console\'s "Copy name"), or --project PROJECT_ID with --location.',
      },
    );
  const location = named?.[2] ?? options.location ?? 'global';
  clientOptions.apiEndpoint = cxApiEndpoint(location);
  if (options.endpoint) {
    const endpoint = await endpointOptions(options.endpoint);
    // A local emulator takes no credentials: never send a key to it, nor make the client look up Google auth.
    if (endpoint.sslCreds) delete clientOptions.credentials;
    Object.assign(clientOptions, endpoint);
  }
  Object.assign(clientOptions, options.clientOptions ?? {});
  const {v3} = await import('@google-cloud/dialogflow-cx');
  const clientOptions_ = clientOptions as ConstructorParameters<V3['IntentsClient']>[0];
  const clients = {
    intents: new v3.IntentsClient(clientOptions_),
    entityTypes: new v3.EntityTypesClient(clientOptions_),
    agents: new v3.AgentsClient(clientOptions_),
    flows: new v3.FlowsClient(clientOptions_),
    project,
    location,
  };
  return {...clients, agent: named ? options.project! : await findAgent(clients.agents, project, location)};
}

/** The only agent of the project in the location; none or several stop with the names to choose from. */
async function findAgent(agents: CxClients['agents'], project: string, location: string): Promise<string> {
  const parent = `projects/${project}/locations/${location}`;
  const [list] = await agents.listAgents({parent}, {autoPaginate: true});
  if (list.length === 1 && list[0]!.name) return list[0]!.name;
  if (list.length === 0)
    throw new SynthnluError('DIALOGFLOW_CX_NO_AGENT_FOUND', `no Dialogflow CX agent in ${parent}`, {
      exitCode: ExitCode.failedCheck,
      suggestion:
        'Check --project and --location (agents live in one region: global, us-central1, europe-west2...).',
    });
  throw new SynthnluError('DIALOGFLOW_CX_WHICH_AGENT', `${parent} has ${list.length} agents; say which one`, {
    exitCode: ExitCode.badInput,
    suggestion: `Pass --project with the agent's full name: ${list
      .slice(0, 10)
      .map((a) => `${a.name} (${a.displayName})`)
      .join(', ')}.`,
  });
}

/**
 * --endpoint: an https:// URL or host[:port] (gRPC over TLS), e.g. a private endpoint; or http://127.0.0.1:PORT
 * for a local emulator, reached without TLS and without Google auth.
 */
async function endpointOptions(endpoint: string): Promise<Record<string, unknown>> {
  const url = new URL(endpoint.includes('://') ? endpoint : `https://${endpoint}`);
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) {
    const {grpc} = await import('google-gax');
    return {
      apiEndpoint: url.hostname,
      port: Number(url.port || 80),
      sslCreds: grpc.credentials.createInsecure(),
    };
  }
  if (url.protocol !== 'https:')
    throw new SynthnluError(
      'REMOTE_INSECURE_ENDPOINT',
      '--endpoint for Dialogflow CX must be an https:// URL or a host name',
      {
        suggestion: 'Use e.g. --endpoint europe-west2-dialogflow.googleapis.com, or --location europe-west2.',
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
