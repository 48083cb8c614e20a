/**
 * Creates the @google-cloud/dialogflow clients (imported lazily: the package takes ~0.4 s to load) with the
 * project, location, endpoint and credentials from the flags, and the retry policy for gRPC calls.
 */
import {SynthnluError, googleClientOptions, type RemoteOptions} from '../../../../src/connector-kit.js';
import type {DialogflowFlag} from './flags.js';

export interface DialogflowClients {
  intents: import('@google-cloud/dialogflow').v2.IntentsClient;
  entityTypes: import('@google-cloud/dialogflow').v2.EntityTypesClient;
  agents: import('@google-cloud/dialogflow').v2.AgentsClient;
  sessions: import('@google-cloud/dialogflow').v2.SessionsClient;
  /** projects/P/agent or projects/P/locations/L/agent. */
  parent: string;
  project: string;
}

export async function createDialogflowClients(
  options: RemoteOptions<DialogflowFlag>,
): Promise<DialogflowClients> {
  const {location: given, project: projectFlag} = options.flags;
  const location = given && given !== 'global' ? given : undefined;
  const {clientOptions, keyProject} = await googleClientOptions(
    options,
    location ? `${location}-dialogflow.googleapis.com` : undefined,
    {label: 'Dialogflow', codePrefix: 'DIALOGFLOW'},
  );
  const project = projectFlag ?? keyProject ?? options.env.GOOGLE_CLOUD_PROJECT ?? options.env.GCLOUD_PROJECT;
  if (!project)
    throw new SynthnluError('DIALOGFLOW_NO_PROJECT', 'no Google Cloud project for the Dialogflow agent', {
      suggestion:
        'Pass --project PROJECT_ID, or use a service-account key (--key-file) that names its project.',
    });
  const {v2} = await import('@google-cloud/dialogflow');
  const options_ = clientOptions as ConstructorParameters<typeof v2.IntentsClient>[0];
  return {
    intents: new v2.IntentsClient(options_),
    entityTypes: new v2.EntityTypesClient(options_),
    agents: new v2.AgentsClient(options_),
    sessions: new v2.SessionsClient(options_),
    parent: location ? `projects/${project}/locations/${location}/agent` : `projects/${project}/agent`,
    project,
  };
}
