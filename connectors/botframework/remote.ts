import type {RemoteConnector} from '../../src/connector-kit.js';
import {CluSession} from './remote/clu-session.js';

/** Push/pull for Azure CLU conversation projects through the authoring REST API. */
export const cluRemote: RemoteConnector | undefined = {
  id: 'clu',
  description: 'Azure AI Language conversational language understanding (CLU) project',
  flags: ['project', 'endpoint', 'key-env', 'deploy'],
  canPull: true,
  connect: (options) => CluSession.open(options),
};
