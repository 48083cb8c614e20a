import type {RemoteConnector} from '../../src/connector-kit.js';
import {RASA_DEFAULT_ENDPOINT, RASA_TOKEN_ENV, RasaSession} from './remote/session.js';
import {rasaFlags} from './remote/flags.js';

/** Push to a Rasa open source server: it trains on the whole dataset and loads the new model. */
export const rasaRemote: RemoteConnector | undefined = {
  id: 'rasa',
  description: 'Rasa open source server (HTTP API)',
  flags: [...rasaFlags],
  help: {
    credentials: `Rasa reads ${RASA_TOKEN_ENV} (or --token-env NAME).`,
    pushExamples: ['out/data.jsonl --to rasa --endpoint http://localhost:5005 --yes'],
  },
  canPull: false,
  trainsOnApply: true,
  scratch: {
    flag: 'scratch-endpoint',
    replaces: 'endpoint',
    description: 'a second Rasa server that A/B arms train on; never the --endpoint one.',
    replacedDefault: RASA_DEFAULT_ENDPOINT,
  },
  connect: (options) => RasaSession.open(options),
};
