/** Flags shared by push and pull: where the platform is and how to authenticate (never the secret itself). */
import {Flags} from '@oclif/core';
import {SynthnluError} from '../errors.js';
import type {RemoteConnector, RemoteFlag, RemoteOptions, SecretRegistry} from './types.js';

export const remotePlatformFlags = {
  project: Flags.string({
    description:
      "Dialogflow: Google Cloud project id (default: from the key file or GOOGLE_CLOUD_PROJECT). Dialogflow CX: the agent's full name projects/P/locations/L/agents/ID, or a project id whose --location holds one agent. CLU: project name (default: AZURE_CONVERSATIONS_PROJECT_NAME).",
  }),
  location: Flags.string({
    description: 'Dialogflow ES and CX: region of a regional agent, e.g. europe-west2 (default: global).',
  }),
  endpoint: Flags.string({
    description:
      'Platform endpoint URL; https:// unless loopback. CLU default: AZURE_CONVERSATIONS_ENDPOINT; Rasa default: http://localhost:5005.',
  }),
  'key-file': Flags.string({
    description:
      'Dialogflow: service-account JSON key (default: GOOGLE_APPLICATION_CREDENTIALS or Application Default Credentials).',
  }),
  'key-env': Flags.string({
    description: 'CLU: name of the environment variable holding the key (default: AZURE_CONVERSATIONS_KEY).',
  }),
  'token-env': Flags.string({
    description: 'Rasa: name of the environment variable holding the token (default: RASA_TOKEN).',
  }),
  'request-timeout': Flags.integer({
    description: 'Seconds before one request is abandoned and retried.',
    default: 60,
    min: 1,
  }),
  'max-retry-time': Flags.integer({
    description: 'Seconds after which a failing request is no longer retried (requests included).',
    default: 120,
    min: 1,
  }),
  'train-timeout': Flags.integer({
    description: 'Seconds to wait for a Rasa training request.',
    default: 3600,
    min: 1,
  }),
  'max-response-mb': Flags.integer({
    description: 'Largest response accepted from the platform, in MB.',
    default: 64,
    min: 1,
  }),
  'retry-base-ms': Flags.integer({
    description: 'Base delay of the exponential backoff.',
    default: 500,
    min: 0,
    hidden: true,
  }),
};

export type RemoteFlagValues = {
  project?: string | undefined;
  location?: string | undefined;
  endpoint?: string | undefined;
  'key-file'?: string | undefined;
  'key-env'?: string | undefined;
  'token-env'?: string | undefined;
  deployment?: string | undefined;
  'request-timeout': number;
  'max-retry-time'?: number;
  'train-timeout'?: number;
  'max-response-mb'?: number;
  'retry-base-ms': number;
};

/** Builds the connector options from the flags, refusing flags the platform does not use. */
export function remoteOptionsFromFlags(
  connector: RemoteConnector,
  flags: RemoteFlagValues,
  secrets: SecretRegistry,
  env: NodeJS.ProcessEnv = process.env,
): RemoteOptions {
  const given: [RemoteFlag, string | undefined][] = [
    ['project', flags.project],
    ['location', flags.location],
    ['endpoint', flags.endpoint],
    ['key-file', flags['key-file']],
    ['key-env', flags['key-env']],
    ['token-env', flags['token-env']],
    ['deploy', flags.deployment],
  ];
  for (const [flag, value] of given)
    if (value !== undefined && !connector.flags.includes(flag))
      throw new SynthnluError(
        'REMOTE_FLAG_UNUSED',
        `--${flag === 'deploy' ? 'deployment' : flag} does not apply to ${connector.id}`,
        {
          suggestion: `${connector.id} uses: ${connector.flags.map((f) => `--${f === 'deploy' ? 'deployment' : f}`).join(', ')}.`,
        },
      );
  return {
    ...(flags.project ? {project: flags.project} : {}),
    ...(flags.location ? {location: flags.location} : {}),
    ...(flags.endpoint ? {endpoint: flags.endpoint} : {}),
    ...(flags['key-file'] ? {keyFile: flags['key-file']} : {}),
    ...(flags['key-env'] ? {keyEnv: flags['key-env']} : {}),
    ...(flags['token-env'] ? {tokenEnv: flags['token-env']} : {}),
    ...(flags.deployment ? {deployment: flags.deployment} : {}),
    env,
    secrets,
    retry: {
      requestTimeoutMs: flags['request-timeout'] * 1000,
      baseDelayMs: flags['retry-base-ms'],
      ...(flags['max-retry-time'] === undefined ? {} : {totalTimeoutMs: flags['max-retry-time'] * 1000}),
      ...(flags['train-timeout'] === undefined ? {} : {longRequestTimeoutMs: flags['train-timeout'] * 1000}),
      ...(flags['max-response-mb'] === undefined
        ? {}
        : {maxResponseBytes: flags['max-response-mb'] * 1024 * 1024}),
    },
  };
}
