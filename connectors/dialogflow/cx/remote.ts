import type {RemoteConnector} from '../../../src/connector-kit.js';
import {CX_AGENT_NAME} from './remote/agent-name.js';
import {dialogflowCxFlags} from './remote/flags.js';

/** Push/pull for a live Dialogflow CX agent through @google-cloud/dialogflow-cx (loaded only when used). */
export const dialogflowCxRemote: RemoteConnector = {
  id: 'dialogflow-cx',
  description: 'Dialogflow CX / Conversational Agents agent (Google Cloud)',
  flags: [...dialogflowCxFlags],
  help: {
    credentials:
      'Dialogflow CX uses Application Default Credentials, GOOGLE_APPLICATION_CREDENTIALS or --key-file.',
    pushExamples: [
      'out/data.jsonl --to dialogflow-cx --project projects/my-gcp-project/locations/europe-west2/agents/AGENT_ID --train --yes',
    ],
    pullExamples: [
      '--from dialogflow-cx --project my-gcp-project --location europe-west2 --out data/cx.json',
    ],
  },
  canPull: true,
  // One set of intents and entity types; training phrases and entries per language (languageCode).
  languages: 'shared',
  scratch: {
    flag: 'scratch-agent',
    replaces: 'project',
    description:
      "a second agent, by full name projects/P/locations/L/agents/ID, the A/B arms are pushed to and trained on; never --project's.",
    refuse: (scratch, flags) => {
      const named = CX_AGENT_NAME.exec(scratch);
      if (!named)
        return `--scratch-agent ${scratch} is not a full agent name (projects/P/locations/L/agents/ID): a project id could resolve to the push target`;
      const project = flags.project;
      // A project id as --project means the one agent of --location: any agent there may be it.
      if (
        project &&
        !CX_AGENT_NAME.test(project) &&
        project === named[1] &&
        (flags.location ?? 'global') === named[2]
      )
        return `--scratch-agent ${scratch} is in ${project}/${named[2]}, whose agent --project ${project} names: A/B could overwrite the push target`;
      return undefined;
    },
  },
  connect: async (options) => (await import('./remote/session.js')).DialogflowCxSession.open(options),
};
