import type {RemoteConnector} from '../../src/connector-kit.js';
import {dialogflowCxFlags} from './remote/flags.js';

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
