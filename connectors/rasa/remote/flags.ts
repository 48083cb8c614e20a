import type {RemoteFlagSpec} from '../../../src/connector-kit.js';
import {RASA_DEFAULT_ENDPOINT, RASA_TOKEN_ENV} from './session.js';

/** The flags push takes for Rasa; `RasaFlag` types the values the session reads. */
export const rasaFlags = [
  {name: 'endpoint', description: `the server's URL (default: ${RASA_DEFAULT_ENDPOINT}).`},
  {
    name: 'token-env',
    description: 'name of the environment variable holding the token.',
    secretName: {default: RASA_TOKEN_ENV},
  },
] as const satisfies readonly RemoteFlagSpec[];

export type RasaFlag = (typeof rasaFlags)[number]['name'];
