import {builtinConnectors} from '../connectors/index.js';
import {ConnectorRegistry} from './connector-registry.js';
import {librarySchemas} from './schema/validate.js';
import {chatitoReader} from './spec/chatito/reader.js';
import type {SpecReader} from './spec/spec-reader.js';

export {ConnectorRegistry, formatLimits, formatSupports} from './connector-registry.js';

/** The spec formats synthnlu reads besides its own YAML/JSON. */
export const builtinSpecReaders: readonly SpecReader[] = [chatitoReader];

/**
 * A new registry with every built-in connector and spec reader, and nothing else: its own schemas, its own
 * readers. Each command builds one (with its plugins' connectors and readers added: src/plugins/command-registry.ts).
 */
export function createRegistry(): ConnectorRegistry {
  return new ConnectorRegistry(builtinConnectors, {specReaders: builtinSpecReaders});
}

/**
 * The library's default registry: the built-ins, for library calls that are given no registry (importFromPath,
 * exportToPath, loadSpec... in src/index.ts) and for the flag choices oclif reads when a command class loads
 * (the command's own registry replaces them before parsing, src/cli/base-command.ts). Its schemas are the
 * library's default set, the one validateAgainstSchema uses when given none. Commands never write to it.
 */
export const registry = new ConnectorRegistry(builtinConnectors, {
  specReaders: builtinSpecReaders,
  schemas: librarySchemas,
});

/** Adds a spec format to a registry (the library's default one when none is given). */
export function registerSpecReader(reader: SpecReader, target: ConnectorRegistry = registry): void {
  target.registerSpecReader(reader);
}
