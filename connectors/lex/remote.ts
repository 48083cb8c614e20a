import type {RemoteConnector} from '../../src/connector-kit.js';
import {lexFlags} from './remote/flags.js';

/** Push/pull for a live Amazon Lex V2 bot (DRAFT version) through the AWS SDK (loaded only when used). */
export const lexRemote: RemoteConnector = {
  id: 'lex',
  description: 'Amazon Lex V2 bot (DRAFT version, AWS)',
  flags: [...lexFlags],
  help: {
    credentials:
      'Lex uses the AWS default credential chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE or --profile (shared config, SSO), or an instance role.',
    pushExamples: ['out/data.jsonl --to lex --bot BookTrip --region us-east-1 --train --yes'],
    pullExamples: [
      '--from lex --bot ABCDEFGHIJ --region us-east-1 --out data/lex.json',
      '--from lex --bot ABCDEFGHIJ --locale en_US --region us-east-1 --out data/lex-en.json',
    ],
  },
  canPull: true,
  // A bot holds each language in a locale of its own (en → en_US, es → es_ES), each built on its own.
  languages: 'separate',
  connect: async (options) => (await import('./remote/session.js')).LexSession.open(options),
};
