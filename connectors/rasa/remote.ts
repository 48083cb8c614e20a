import type {RemoteConnector} from '../../src/connector-kit.js';
import {RasaSession} from './remote/session.js';

/** Push to a Rasa open source server: it trains on the whole dataset and loads the new model. */
export const rasaRemote: RemoteConnector | undefined = {
  id: 'rasa',
  description: 'Rasa open source server (HTTP API)',
  flags: ['endpoint', 'token-env'],
  canPull: false,
  trainsOnApply: true,
  connect: (options) => RasaSession.open(options),
};
