import {googleClientFlags, type RemoteConnector, type RemoteFlagSpec} from '../../src/connector-kit.js';

/** The flags push and pull take for Dialogflow CX; `DialogflowCxFlag` types the values the session reads. */
export const dialogflowCxFlags = [
  {
    name: 'project',
    description:
      "the agent's full name projects/P/locations/L/agents/ID, or a project id whose --location holds one agent (default: from the key file or GOOGLE_CLOUD_PROJECT).",
  },
  ...googleClientFlags,
] as const satisfies readonly RemoteFlagSpec[];

export type DialogflowCxFlag = (typeof dialogflowCxFlags)[number]['name'];

/** Push/pull for a live Dialogflow CX agent through @google-cloud/dialogflow-cx (loaded only when used). */
export const dialogflowCxRemote: RemoteConnector = {
  id: 'dialogflow-cx',
  description: 'Dialogflow CX / Conversational Agents agent (Google Cloud)',
  flags: [...dialogflowCxFlags],
  help: {
    credentials:
      'Dialogflow CX uses Application Default Credentials, GOOGLE_APPLICATION_CREDENTIALS or --key-file.',
    pushExamples: [
      'out/data.jsonl --to dialogflow-cx --project projects/my-gcp-project/locations/europe-west2/agents/AGENT_ID --train --yes',
    ],
    pullExamples: [
      '--from dialogflow-cx --project my-gcp-project --location europe-west2 --out data/cx.json',
    ],
  },
  canPull: true,
  connect: async (options) => (await import('./remote/session.js')).DialogflowCxSession.open(options),
};
