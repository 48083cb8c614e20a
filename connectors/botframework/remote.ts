import type {RemoteConnector} from '../../src/connector-kit.js';
import {CLU_KEY_ENV, CluSession} from './remote/clu-session.js';
import {cluFlags} from './remote/flags.js';

/** Push/pull for Azure CLU conversation projects through the authoring REST API. */
export const cluRemote: RemoteConnector | undefined = {
  id: 'clu',
  description: 'Azure AI Language conversational language understanding (CLU) project',
  flags: [...cluFlags],
  help: {
    credentials: `CLU reads ${CLU_KEY_ENV} (or --key-env NAME).`,
    pushExamples: [
      'examples/customer-support.yaml --to clu --endpoint https://my-lang.cognitiveservices.azure.com --project support --train --yes',
    ],
    pullExamples: [
      '--from clu --endpoint https://my-lang.cognitiveservices.azure.com --project support --out data/clu.jsonl',
    ],
  },
  canPull: true,
  // A multilingual project: one set of intents and entities, utterances and list synonyms per language.
  languages: 'shared',
  scratch: {
    flag: 'scratch-project',
    replaces: 'project',
    description:
      "a second CLU project (same resource) the A/B arms are imported into, each trained and deployed to a deployment of its own (synthnlu-ab-1, synthnlu-ab-2); never --project's.",
    armFlags: (arm) => ({deployment: `synthnlu-ab-${arm + 1}`}),
  },
  connect: (options) => CluSession.open(options),
};
