/**
 * Creates the @google-cloud/dialogflow-cx v3 clients (imported lazily, only by push and pull: the package is
 * heavy to load) for one agent, with the regional endpoint of its location and the credentials from the flags.
 *
 * A CX agent is `projects/P/locations/L/agents/ID`. `--project` takes that full name (the console's "Copy
 * name"), or a project id: then the one agent in --location (default global) is used, and several agents are
 * listed by name so the user can pick one.
 */
import {
  ExitCode,
  SynthnluError,
  googleClientOptions,
  type RemoteOptions,
} from '../../../../src/connector-kit.js';
import {CX_AGENT_NAME as AGENT_NAME} from './agent-name.js';
import type {DialogflowCxFlag} from './flags.js';

type V3 = typeof import('@google-cloud/dialogflow-cx').v3;

export interface CxClients {
  intents: InstanceType<V3['IntentsClient']>;
  entityTypes: InstanceType<V3['EntityTypesClient']>;
  agents: InstanceType<V3['AgentsClient']>;
  flows: InstanceType<V3['FlowsClient']>;
  sessions: InstanceType<V3['SessionsClient']>;
  /** projects/P/locations/L/agents/ID, when --project gave it; otherwise the session finds it. */
  agent?: string;
  project: string;
  location: string;
}

/** The regional API host of a location ("global" is dialogflow.googleapis.com). */
export function cxApiEndpoint(location: string): string {
  return location === 'global' ? 'dialogflow.googleapis.com' : `${location}-dialogflow.googleapis.com`;
}

export async function createCxClients(options: RemoteOptions<DialogflowCxFlag>): Promise<CxClients> {
  const {project: projectFlag, location: locationFlag} = options.flags;
  const named = projectFlag ? AGENT_NAME.exec(projectFlag) : null;
  if (named && locationFlag && locationFlag !== named[2])
    throw new SynthnluError(
      'DIALOGFLOW_CX_LOCATION',
      `--location ${locationFlag} does not match the agent's location ${named[2]}`,
      {suggestion: 'Leave --location out when --project is the full agent name.'},
    );
  const location = named?.[2] ?? locationFlag ?? 'global';
  const {clientOptions, keyProject} = await googleClientOptions(options, cxApiEndpoint(location), {
    label: 'Dialogflow CX',
    codePrefix: 'DIALOGFLOW_CX',
  });
  const project =
    named?.[1] ?? projectFlag ?? keyProject ?? options.env.GOOGLE_CLOUD_PROJECT ?? options.env.GCLOUD_PROJECT;
  if (!project)
    throw new SynthnluError(
      'DIALOGFLOW_CX_NO_PROJECT',
      'no Google Cloud project for the Dialogflow CX agent',
      {
        suggestion:
          'Pass --project projects/PROJECT/locations/LOCATION/agents/AGENT_ID (the console\'s "Copy name"), or --project PROJECT_ID with --location.',
      },
    );
  const {v3} = await import('@google-cloud/dialogflow-cx');
  const clientOptions_ = clientOptions as ConstructorParameters<V3['IntentsClient']>[0];
  return {
    intents: new v3.IntentsClient(clientOptions_),
    entityTypes: new v3.EntityTypesClient(clientOptions_),
    agents: new v3.AgentsClient(clientOptions_),
    flows: new v3.FlowsClient(clientOptions_),
    sessions: new v3.SessionsClient(clientOptions_),
    ...(named ? {agent: projectFlag!} : {}),
    project,
    location,
  };
}

/** The only agent of the project in the location; none or several stop with the names to choose from. */
export function onlyAgent(
  agents: ReadonlyArray<{name?: string | null; displayName?: string | null}>,
  parent: string,
): string {
  if (agents.length === 1 && agents[0]!.name) return agents[0]!.name;
  if (agents.length === 0)
    throw new SynthnluError('DIALOGFLOW_CX_NO_AGENT_FOUND', `no Dialogflow CX agent in ${parent}`, {
      exitCode: ExitCode.failedCheck,
      suggestion:
        'Check --project and --location (agents live in one region: global, us-central1, europe-west2...).',
    });
  throw new SynthnluError(
    'DIALOGFLOW_CX_WHICH_AGENT',
    `${parent} has ${agents.length} agents; say which one`,
    {
      exitCode: ExitCode.badInput,
      suggestion: `Pass --project with the agent's full name: ${agents
        .slice(0, 10)
        .map((a) => `${a.name} (${a.displayName})`)
        .join(', ')}.`,
    },
  );
}
