import {isAbsolute, join, relative} from 'node:path';
import {pathToFileURL} from 'node:url';
import type {Connector} from '../connector.js';
import type {ConnectorRegistry} from '../connector-registry.js';
import type {Diagnostic} from '../errors.js';

/** What an installed oclif plugin tells synthnlu about itself: its package.json and where it lives. */
export interface PluginPackage {
  name: string;
  root: string;
  pjson: {synthnlu?: {connectors?: unknown}};
}

/**
 * Registers the connectors of every plugin whose package.json says `"synthnlu": {"connectors": "<module>"}`.
 * The module (relative to the plugin's folder) exports `connectors` (an array) or a default export (one connector
 * or an array). A plugin that cannot be loaded is reported and skipped: one broken plugin must not stop every
 * command, and its formats are then simply unknown (with the known ones listed).
 */
export async function registerPluginConnectors(
  registry: ConnectorRegistry,
  plugins: readonly PluginPackage[],
): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  for (const plugin of plugins) {
    const declared = plugin.pjson.synthnlu?.connectors;
    if (declared === undefined) continue;
    const file = join(plugin.root, 'package.json');
    try {
      if (
        typeof declared !== 'string' ||
        isAbsolute(declared) ||
        relative(plugin.root, join(plugin.root, declared)).startsWith('..')
      )
        throw new Error('"synthnlu.connectors" must be a path inside the plugin, like "./dist/index.js"');
      const module = (await import(pathToFileURL(join(plugin.root, declared)).href)) as Record<
        string,
        unknown
      >;
      const connectors = connectorsOf(module);
      for (const connector of connectors) registry.register(connector);
    } catch (error) {
      problems.push({
        severity: 'warning',
        code: 'PLUGIN_CONNECTOR_NOT_LOADED',
        message: `the connectors of plugin ${plugin.name} were not loaded: ${(error as Error).message}`,
        file,
        path: 'synthnlu.connectors',
        suggestion: `Fix or uninstall ${plugin.name}; see "Adding a connector" in synthnlu's CONTRIBUTING.md.`,
      });
    }
  }
  return problems;
}

function connectorsOf(module: Record<string, unknown>): Connector[] {
  const exported = module.connectors ?? module.default;
  const list = Array.isArray(exported) ? (exported as unknown[]) : exported === undefined ? [] : [exported];
  if (list.length === 0) throw new Error('the module exports no `connectors` array and no default export');
  for (const item of list) {
    const candidate = item as Partial<Connector> | null;
    if (
      typeof candidate?.id !== 'string' ||
      !Array.isArray(candidate.formats) ||
      typeof candidate.limits !== 'object'
    )
      throw new Error('an exported connector lacks id, formats or limits (see the Connector interface)');
  }
  return list as Connector[];
}

interface CommandFlags {
  flags: Record<string, object>;
}

/**
 * Help is drawn from oclif's manifest, written at build time with the built-in formats only; a flag whose
 * choices were a registry list (`--to`, `--from`) is given the list as it is now, plugins included.
 */
export function refreshRegistryChoices(
  commands: readonly CommandFlags[],
  lists: ReadonlyArray<{before: readonly string[]; after: readonly string[]}>,
): void {
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((x, i) => x === b[i]);
  for (const command of commands) {
    for (const flag of Object.values(command.flags) as Array<{options?: readonly string[]}>) {
      const list = flag.options && lists.find(({before}) => same(before, flag.options!));
      if (list) flag.options = [...list.after];
    }
  }
}
