import type {RemoteFlagSpec} from '../../../src/connector-kit.js';

/** The flags push and pull take for Lex V2; `LexFlag` types the values the session reads. */
export const lexFlags = [
  {name: 'bot', description: 'the bot: its id (10 letters and digits) or its name.', env: 'LEX_BOT'},
  {
    name: 'locale',
    description:
      "the bot locale of a one-language push or pull (default: each of the dataset's languages as a Lex locale, en → en_US, es → es_ES; pull: every locale).",
  },
  {
    name: 'region',
    description: "the AWS region (default: AWS_REGION or the profile's region).",
    env: 'AWS_REGION',
  },
  {
    name: 'profile',
    description: 'the AWS shared-config profile to take credentials from (default: AWS_PROFILE).',
    env: 'AWS_PROFILE',
  },
  {
    name: 'endpoint',
    description: 'the model-building and runtime endpoint, e.g. a local server (default: AWS).',
  },
  {
    name: 'alias',
    description: 'the bot alias id RecognizeText talks to (default: TSTALIASID, the test alias on DRAFT).',
  },
] as const satisfies readonly RemoteFlagSpec[];

export type LexFlag = (typeof lexFlags)[number]['name'];
