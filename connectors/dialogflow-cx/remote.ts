import type {RemoteConnector} from '../../src/connector-kit.js';

/** Push/pull for a live Dialogflow CX agent through @google-cloud/dialogflow-cx (loaded only when used). */
export const dialogflowCxRemote: RemoteConnector = {
  id: 'dialogflow-cx',
  description: 'Dialogflow CX / Conversational Agents agent (Google Cloud)',
  flags: ['project', 'location', 'endpoint', 'key-file'],
  canPull: true,
  connect: async (options) => (await import('./remote/session.js')).DialogflowCxSession.open(options),
};
