/**
 * Push and pull flags. The platform flags (where the platform is, how to authenticate, never the secret itself)
 * come from the remotes in the registry, each declaring its own (RemoteConnector.flags); the transport flags
 * (timeouts, retries) are the core's and apply to every platform.
 */
import {Flags, type Interfaces} from '@oclif/core';
import {SynthnluError} from '../errors.js';
import type {ConnectorRegistry} from '../connector-registry.js';
import type {RemoteConnector, RemoteFlagSpec, RemoteOptions, SecretRegistry} from './types.js';

export type RemoteCommand = 'push' | 'pull' | 'evaluate';

export const remoteTransportFlags = {
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
    description: 'Seconds to wait for a request that trains a model on the server (Rasa).',
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

/** How push applies: plan only, prune, train, confirmation and backups. */
export const pushFlags = {
  'dry-run': Flags.boolean({
    description: 'Print the plan (or return it with --json) and stop.',
    default: false,
  }),
  prune: Flags.boolean({
    description: 'Delete remote intents and entity types that are not in the dataset (after a backup).',
    default: false,
  }),
  train: Flags.boolean({description: 'Train after applying and wait for it.', default: false}),
  yes: Flags.boolean({
    char: 'y',
    description: 'Apply without asking (required when not in an interactive terminal).',
    default: false,
  }),
  'backup-dir': Flags.string({
    description: 'Where backups of the remote state are saved.',
    default: '.synthnlu/backups',
  }),
};

export interface RemoteTransportValues {
  'request-timeout': number;
  'max-retry-time'?: number | undefined;
  'train-timeout'?: number | undefined;
  'max-response-mb'?: number | undefined;
  'retry-base-ms': number;
}

function onCommand(spec: RemoteFlagSpec, command: RemoteCommand): boolean {
  return !spec.commands || spec.commands.includes(command);
}

/** The remotes that take part in a command: every remote for push and evaluate, those that can pull for pull. */
function remotesOf(registry: ConnectorRegistry, command: RemoteCommand): RemoteConnector[] {
  return registry.remotes().filter((remote) => command !== 'pull' || remote.canPull);
}

/** The platform flags a remote takes on a command. */
export function flagsOf(remote: RemoteConnector, command: RemoteCommand): RemoteFlagSpec[] {
  return remote.flags.filter((spec) => onCommand(spec, command));
}

/** One line of help per meaning: platforms that describe a flag the same way share the line. */
function describeFlag(declarations: Array<{remote: string; spec: RemoteFlagSpec}>): string {
  const byText = new Map<string, string[]>();
  for (const {remote, spec} of declarations) {
    // An env default is read from the variable ($NAME); a secret-name default is the variable's name itself.
    const fallback = spec.env
      ? ` Default: $${spec.env}.`
      : spec.secretName
        ? ` Default: ${spec.secretName.default}.`
        : '';
    const text = `${spec.description}${fallback}`;
    byText.set(text, [...(byText.get(text) ?? []), remote]);
  }
  return [...byText].map(([text, remotes]) => `${remotes.join(', ')}: ${text}`).join(' ');
}

/** The help of each platform flag of push or pull, merged from every remote in the registry. */
export function platformFlagHelp(registry: ConnectorRegistry, command: RemoteCommand): Map<string, string> {
  const declarations = new Map<string, Array<{remote: string; spec: RemoteFlagSpec}>>();
  for (const remote of remotesOf(registry, command))
    for (const spec of flagsOf(remote, command))
      declarations.set(spec.name, [...(declarations.get(spec.name) ?? []), {remote: remote.id, spec}]);
  return new Map([...declarations].map(([name, declared]) => [name, describeFlag(declared)]));
}

/** The platform flags of push or pull, merged from every remote in the registry, plus the transport flags. */
export function remoteCommandFlags(registry: ConnectorRegistry, command: RemoteCommand) {
  const platform: Record<string, Interfaces.OptionFlag<string | undefined>> = {};
  for (const [name, description] of platformFlagHelp(registry, command))
    platform[name] = Flags.string({description});
  return {...platform, ...remoteTransportFlags};
}

/**
 * Builds the connector options from the parsed flags: refuses a platform flag the remote does not declare,
 * reads `env` defaults, and registers the secret a secret-name flag points at before the connector runs.
 */
export function remoteOptionsFromFlags(
  registry: ConnectorRegistry,
  remote: RemoteConnector,
  command: RemoteCommand,
  flags: RemoteTransportValues & Record<string, unknown>,
  secrets: SecretRegistry,
  env: NodeJS.ProcessEnv = process.env,
): RemoteOptions {
  const own = flagsOf(remote, command);
  const platformNames = new Set(
    remotesOf(registry, command).flatMap((r) => flagsOf(r, command).map((spec) => spec.name)),
  );
  for (const name of platformNames)
    if (flags[name] !== undefined && !own.some((spec) => spec.name === name))
      throw new SynthnluError('REMOTE_FLAG_UNUSED', `--${name} does not apply to ${remote.id}`, {
        suggestion:
          own.length > 0
            ? `${remote.id} uses: ${own.map((spec) => `--${spec.name}`).join(', ')}.`
            : `${remote.id} takes no platform flags.`,
      });
  const values: Record<string, string> = {};
  for (const spec of own) {
    const given = flags[spec.name];
    const value = typeof given === 'string' ? given : spec.env ? env[spec.env] : undefined;
    if (value !== undefined && value !== '') values[spec.name] = value;
    if (spec.secretName) secrets.add(env[value ?? spec.secretName.default]);
  }
  return {flags: values, env, secrets, retry: retryFromFlags(flags)};
}

function retryFromFlags(flags: RemoteTransportValues): NonNullable<RemoteOptions['retry']> {
  return {
    requestTimeoutMs: flags['request-timeout'] * 1000,
    baseDelayMs: flags['retry-base-ms'],
    ...(flags['max-retry-time'] === undefined ? {} : {totalTimeoutMs: flags['max-retry-time'] * 1000}),
    ...(flags['train-timeout'] === undefined ? {} : {longRequestTimeoutMs: flags['train-timeout'] * 1000}),
    ...(flags['max-response-mb'] === undefined
      ? {}
      : {maxResponseBytes: flags['max-response-mb'] * 1024 * 1024}),
  };
}
