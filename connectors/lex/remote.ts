import type {RemoteConnector, RemoteFlagSpec} from '../../src/connector-kit.js';

/** The flags push and pull take for Lex V2; `LexFlag` types the values the session reads. */
export const lexFlags = [
  {name: 'bot', description: 'the bot: its id (10 letters and digits) or its name.', env: 'LEX_BOT'},
  {
    name: 'locale',
    description: "the bot locale (default: the dataset's language as a Lex locale, en → en_US).",
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

/** Push/pull for a live Amazon Lex V2 bot (DRAFT version) through the AWS SDK (loaded only when used). */
export const lexRemote: RemoteConnector = {
  id: 'lex',
  description: 'Amazon Lex V2 bot (DRAFT version, AWS)',
  flags: [...lexFlags],
  help: {
    credentials:
      'Lex uses the AWS default credential chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE or --profile (shared config, SSO), or an instance role.',
    pushExamples: ['out/data.jsonl --to lex --bot BookTrip --region us-east-1 --train --yes'],
    pullExamples: ['--from lex --bot ABCDEFGHIJ --locale en_US --region us-east-1 --out data/lex.json'],
  },
  canPull: true,
  connect: async (options) => (await import('./remote/session.js')).LexSession.open(options),
};
