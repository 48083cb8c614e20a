/**
 * The registry of one command run: the built-in connectors and spec readers, then those of the installed oclif
 * plugins. Built once per run (the init hook and the command ask for the same one) and passed down to the core.
 */
import type {ConnectorRegistry} from '../connector-registry.js';
import type {Diagnostic} from '../errors.js';
import {
  addsToSynthnlu,
  registerPluginConnectors,
  registerPluginSpecReaders,
  type PluginPackage,
} from './connector-plugins.js';

/** What oclif's Config gives: its plugins (the root package is synthnlu itself). */
export interface PluginSource {
  getPluginsList(): unknown[];
}

export interface CommandRegistry {
  registry: ConnectorRegistry;
  /** Plugins whose connectors or spec readers could not be loaded (warnings: the rest still works). */
  problems: Diagnostic[];
}

const built = new WeakMap<PluginSource, Promise<CommandRegistry>>();

/** The plugins that add connectors or spec readers. */
export function synthnluPlugins(config: PluginSource): PluginPackage[] {
  return (config.getPluginsList() as (PluginPackage & {isRoot?: boolean})[]).filter(
    (plugin) => !plugin.isRoot && addsToSynthnlu(plugin),
  );
}

/** The registry of the run `config` belongs to, built on first call. */
export function commandRegistry(config: PluginSource): Promise<CommandRegistry> {
  let registry = built.get(config);
  if (!registry) {
    registry = buildRegistry(synthnluPlugins(config));
    built.set(config, registry);
  }
  return registry;
}

/** A new registry: the built-ins, then the plugins' connectors and spec readers. */
export async function buildRegistry(plugins: readonly PluginPackage[]): Promise<CommandRegistry> {
  const {createRegistry} = await import('../registry.js');
  const registry = createRegistry();
  const problems = [
    ...(await registerPluginConnectors(registry, plugins)),
    ...(await registerPluginSpecReaders(registry, plugins)),
  ];
  return {registry, problems};
}
