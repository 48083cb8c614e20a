import type {RemoteConnector} from '../../src/remote/types.js';

/** Push/pull for the live platform; undefined until implemented. */
export const rasaRemote: RemoteConnector | undefined = undefined;
