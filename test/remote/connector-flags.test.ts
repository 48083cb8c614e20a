/**
 * A platform's CLI surface lives in its connector: a test-only connector registered at run time (in the public
 * `registry` the command classes draw their flags from when they load, and in the registry the command runs
 * with, as a plugin's would be) brings its own push flag, help line and example; its flag value reaches its remote (with its environment default), the secret its
 * secret-name flag points at is scrubbed, and a platform flag it does not declare is refused.
 *
 * The command runs in this process from src/ (Push.run), not through oclif's loader, which loads dist/ as a
 * separate module instance with its own registry.
 */
import {Config, Help} from '@oclif/core';
import {captureOutput} from '@oclif/test';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {pushHelp, refreshRegistryHelp} from '../../src/cli/platform-help.js';
import {remoteCommandFlags} from '../../src/remote/flags.js';
import type {RemoteOptions, RemoteSession} from '../../src/remote/types.js';
import {ConnectorRegistry, createRegistry, registry} from '../../src/registry.js';
import {bareConnector} from '../helpers/bare-connector.js';
import {ROOT, tempDir} from '../helpers/cli.js';
import {writeSmallDataset} from './fixtures.js';

const KEY_ENV = 'SYNTHNLU_TEST_FAKEBOT_KEY';
const KEY = 'fakebot-key-7f6e5d4c-TOPSECRET';
const WORKSPACE_ENV = 'SYNTHNLU_TEST_FAKEBOT_WORKSPACE';

/** What the fake platform was connected with, per push. */
const connections: RemoteOptions[] = [];

function fakeSession(options: RemoteOptions): RemoteSession {
  return {
    read: async () => undefined,
    backup: async () => undefined,
    // The platform echoes the key in an error, as real ones do: the core must scrub it without being told.
    apply: async (plan) => ({
      results: plan.intents.create.map((change) => ({
        kind: 'intent' as const,
        name: change.name,
        action: 'create' as const,
        status: 'failed' as const,
        error: `workspace ${options.flags.workspace} refused key ${options.env[options.flags['key-env'] ?? KEY_ENV]}`,
      })),
      writeCalls: 1,
      trained: false,
    }),
    train: async () => 0,
    close: async () => {},
  };
}

const fakebot = bareConnector('fakebot', {
  remote: {
    id: 'fakebot',
    description: 'Fakebot workspace (test only)',
    flags: [
      {name: 'workspace', description: 'the Fakebot workspace to write to.', env: WORKSPACE_ENV},
      {name: 'key-env', description: 'variable holding the Fakebot key.', secretName: {default: KEY_ENV}},
    ],
    help: {pushExamples: ['out/data.jsonl --to fakebot --workspace demo --yes']},
    canPull: false,
    connect: async (options) => {
      connections.push(options);
      return fakeSession(options);
    },
  },
});

/** The platform flags are not in the commands' static types: they are only known once the registry is. */
type FlagHelp = Record<string, {description?: string; options?: readonly string[]} | undefined>;

let datasetFile: string;
let Push: typeof import('../../src/commands/push.js').default;

beforeAll(async () => {
  datasetFile = await writeSmallDataset(tempDir('synthnlu-fakebot-'));
  process.env[KEY_ENV] = KEY;
  registry.register(fakebot);
  // The command runs with its own registry (base-command builds one per run from the installed plugins): here
  // the built-ins and fakebot, as a plugin would have added it.
  const run = createRegistry();
  run.register(fakebot);
  const Base = (await import('../../src/commands/push.js')).default;
  Push = class extends Base {
    protected override registry(): Promise<ConnectorRegistry> {
      return Promise.resolve(run);
    }
  };
});
afterAll(() => {
  Reflect.deleteProperty(process.env, KEY_ENV);
  Reflect.deleteProperty(process.env, WORKSPACE_ENV);
});
beforeEach(() => {
  connections.length = 0;
  Reflect.deleteProperty(process.env, WORKSPACE_ENV);
});

function push(...extra: string[]) {
  return captureOutput(() => Push.run([datasetFile, '--to', 'fakebot', '--yes', ...extra], ROOT));
}

describe('a connector declares its own push flags', () => {
  it('merges the flag, its help and its example into push, and leaves pull alone for a push-only platform', () => {
    const own = new ConnectorRegistry([fakebot]);
    const flags: FlagHelp = remoteCommandFlags(own, 'push');
    expect(flags.workspace?.description).toBe(
      `fakebot: the Fakebot workspace to write to. Default: $${WORKSPACE_ENV}.`,
    );
    expect(flags['key-env']?.description).toBe(
      `fakebot: variable holding the Fakebot key. Default: ${KEY_ENV}.`,
    );
    expect(remoteCommandFlags(own, 'pull')).not.toHaveProperty('workspace');
    expect(pushHelp(own).summary).toContain('(fakebot)');
    expect(pushHelp(own).examples).toEqual([
      '<%= config.bin %> <%= command.id %> out/data.jsonl --to fakebot --workspace demo --yes',
    ]);
  });

  it('puts the flag, the platform and its example in the push command oclif builds help from', () => {
    const flags: FlagHelp = Push.flags;
    expect(flags.workspace?.description).toContain('fakebot: the Fakebot workspace to write to.');
    expect(flags['key-env']?.description).toMatch(/^clu: .* fakebot: variable holding the Fakebot key/);
    expect(flags.to?.options).toContain('fakebot');
    expect(Push.summary).toContain('fakebot');
    expect(Push.examples).toContain(
      '<%= config.bin %> <%= command.id %> out/data.jsonl --to fakebot --workspace demo --yes',
    );
  });

  it("shows in push --help once a plugin's connectors are registered (help comes from oclif's manifest)", async () => {
    const config = await Config.load(ROOT);
    refreshRegistryHelp(config.commands, registry);
    const help = await captureOutput(() => new Help(config).showHelp(['push']));
    expect(help.stdout).toMatch(/--workspace=<value>\s+fakebot: the Fakebot workspace to write to/);
    expect(help.stdout).toMatch(/--key-env=<value>\s+clu: .*fakebot: variable holding the Fakebot key/s);
    expect(help.stdout).toContain('$ synthnlu push out/data.jsonl --to fakebot --workspace demo --yes');
    expect(help.stdout).toContain(
      'Sync a dataset into a live platform (dialogflow, dialogflow-cx, clu, rasa, lex, fakebot)',
    );
  });

  it('passes the value to the remote, and the secret its secret-name flag names never reaches the output', async () => {
    const run = await push('--workspace', 'ws-1', '--json');
    expect(connections).toHaveLength(1);
    expect(connections[0]!.flags).toEqual({workspace: 'ws-1'});
    expect(run.error?.oclif?.exit).toBe(1);
    expect(run.stdout).toContain('workspace ws-1 refused key [REDACTED]');
    expect(run.stdout + run.stderr).not.toContain(KEY);
  });

  it('reads the flag from its environment variable when it is not given', async () => {
    process.env[WORKSPACE_ENV] = 'ws-from-env';
    await push('--dry-run');
    expect(connections[0]!.flags).toEqual({workspace: 'ws-from-env'});
  });

  it('refuses a platform flag the connector does not declare, naming the ones it does', async () => {
    const run = await push('--project', 'my-project', '--dry-run', '--json');
    expect(run.error?.oclif?.exit).toBe(2);
    expect(connections).toHaveLength(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      error: {
        code: 'REMOTE_FLAG_UNUSED',
        message: '--project does not apply to fakebot',
        suggestion: 'fakebot uses: --workspace, --key-env.',
      },
    });
  });
});
