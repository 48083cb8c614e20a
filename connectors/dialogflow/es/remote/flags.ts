import {googleClientFlags, type RemoteFlagSpec} from '../../../../src/connector-kit.js';

/** The flags push and pull take for Dialogflow ES; `DialogflowFlag` types the values the session reads. */
export const dialogflowFlags = [
  {
    name: 'project',
    description: 'Google Cloud project id (default: from the key file or GOOGLE_CLOUD_PROJECT).',
  },
  ...googleClientFlags,
] as const satisfies readonly RemoteFlagSpec[];

export type DialogflowFlag = (typeof dialogflowFlags)[number]['name'];
