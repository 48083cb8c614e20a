import type {RemoteFlagSpec} from '../../../src/connector-kit.js';
import {CLU_ENDPOINT_ENV, CLU_KEY_ENV, CLU_PROJECT_ENV} from './clu-session.js';

/** The flags push and pull take for CLU; `CluFlag` types the values the session reads. */
export const cluFlags = [
  {name: 'project', description: 'project name.', env: CLU_PROJECT_ENV},
  {name: 'endpoint', description: 'the Language resource endpoint URL (https://).', env: CLU_ENDPOINT_ENV},
  {
    name: 'key-env',
    description: 'name of the environment variable holding the key.',
    secretName: {default: CLU_KEY_ENV},
  },
  {
    name: 'deployment',
    description: 'deployment to update after training (push) or to ask (evaluate).',
    commands: ['push', 'evaluate'],
  },
] as const satisfies readonly RemoteFlagSpec[];

export type CluFlag = (typeof cluFlags)[number]['name'];
