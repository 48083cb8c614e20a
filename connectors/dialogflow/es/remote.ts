import type {RemoteConnector} from '../../../src/connector-kit.js';
import {DialogflowSession} from './remote/session.js';
import {dialogflowFlags} from './remote/flags.js';

/** Push/pull for a live Dialogflow ES agent through @google-cloud/dialogflow (loaded only when used). */
export const dialogflowRemote: RemoteConnector | undefined = {
  id: 'dialogflow',
  description: 'Dialogflow ES agent (Google Cloud)',
  flags: [...dialogflowFlags],
  help: {
    credentials:
      'Dialogflow uses Application Default Credentials, GOOGLE_APPLICATION_CREDENTIALS or --key-file.',
    pushExamples: [
      'out/data.jsonl --to dialogflow --project my-gcp-project --dry-run',
      'out/data.jsonl --to dialogflow --project my-gcp-project --train --yes',
    ],
    pullExamples: ['--from dialogflow --project my-gcp-project --out data/agent.json'],
  },
  canPull: true,
  // One set of intents and entity types; training phrases and entries per language (languageCode).
  languages: 'shared',
  scratch: {
    flag: 'scratch-project',
    replaces: 'project',
    description: "a second Google Cloud project whose agent the A/B arms are pushed to; never --project's.",
  },
  connect: (options) => DialogflowSession.open(options),
};
