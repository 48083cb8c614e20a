import type {RemoteConnector} from '../../src/connector-kit.js';
import {DialogflowSession} from './remote/session.js';

/** Push/pull for a live Dialogflow ES agent through @google-cloud/dialogflow (loaded only when used). */
export const dialogflowRemote: RemoteConnector | undefined = {
  id: 'dialogflow',
  description: 'Dialogflow ES agent (Google Cloud)',
  flags: ['project', 'location', 'endpoint', 'key-file'],
  canPull: true,
  connect: (options) => DialogflowSession.open(options),
};
