import {googleClientFlags, type RemoteFlagSpec} from '../../../../src/connector-kit.js';

/** The flags push and pull take for Dialogflow CX; `DialogflowCxFlag` types the values the session reads. */
export const dialogflowCxFlags = [
  {
    name: 'project',
    description:
      "the agent's full name projects/P/locations/L/agents/ID, or a project id whose --location holds one agent (default: from the key file or GOOGLE_CLOUD_PROJECT).",
  },
  ...googleClientFlags,
] as const satisfies readonly RemoteFlagSpec[];

export type DialogflowCxFlag = (typeof dialogflowCxFlags)[number]['name'];
