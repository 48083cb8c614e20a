import {isAbsolute, join, relative} from 'node:path';
import {pathToFileURL} from 'node:url';
import type {Connector} from '../connector.js';
import type {ConnectorRegistry} from '../connector-registry.js';
import type {Diagnostic} from '../errors.js';
import type {SpecReader} from '../spec/spec-reader.js';

/** What an installed oclif plugin tells synthnlu about itself: its package.json and where it lives. */
export interface PluginPackage {
  name: string;
  root: string;
  pjson: {synthnlu?: {connectors?: unknown; specReaders?: unknown}};
}

/** Whether a plugin tells synthnlu about connectors or spec readers in its package.json. */
export function addsToSynthnlu(plugin: PluginPackage): boolean {
  const declared = plugin.pjson.synthnlu;
  return declared?.connectors !== undefined || declared?.specReaders !== undefined;
}

/** Imports a module a plugin names in package.json, which must lie inside the plugin's folder. */
async function pluginModule(
  plugin: PluginPackage,
  key: string,
  declared: unknown,
): Promise<Record<string, unknown>> {
  if (
    typeof declared !== 'string' ||
    isAbsolute(declared) ||
    relative(plugin.root, join(plugin.root, declared)).startsWith('..')
  )
    throw new Error(`"synthnlu.${key}" must be a path inside the plugin, like "./dist/index.js"`);
  return (await import(pathToFileURL(join(plugin.root, declared)).href)) as Record<string, unknown>;
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
    try {
      const connectors = connectorsOf(await pluginModule(plugin, 'connectors', declared));
      for (const connector of connectors) registry.register(connector);
    } catch (error) {
      problems.push(notLoaded(plugin, 'connectors', error as Error));
    }
  }
  return problems;
}

/**
 * Registers the spec readers of every plugin whose package.json says `"synthnlu": {"specReaders": "<module>"}`:
 * the module exports `specReaders`, an array of SpecReader (a new spec format for generate, validate...). A reader
 * for a file ending another reader has is refused, and the plugin named in a warning.
 */
export async function registerPluginSpecReaders(
  registry: ConnectorRegistry,
  plugins: readonly PluginPackage[],
): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  for (const plugin of plugins) {
    const declared = plugin.pjson.synthnlu?.specReaders;
    if (declared === undefined) continue;
    try {
      for (const reader of specReadersOf(await pluginModule(plugin, 'specReaders', declared)))
        registry.registerSpecReader(reader);
    } catch (error) {
      problems.push(notLoaded(plugin, 'specReaders', error as Error));
    }
  }
  return problems;
}

function notLoaded(plugin: PluginPackage, key: 'connectors' | 'specReaders', error: Error): Diagnostic {
  const what = key === 'connectors' ? 'connectors' : 'spec readers';
  return {
    severity: 'warning',
    code: key === 'connectors' ? 'PLUGIN_CONNECTOR_NOT_LOADED' : 'PLUGIN_SPEC_READER_NOT_LOADED',
    message: `the ${what} of plugin ${plugin.name} were not loaded: ${error.message}`,
    file: join(plugin.root, 'package.json'),
    path: `synthnlu.${key}`,
    suggestion: `Fix or uninstall ${plugin.name}; see "Adding a connector" in synthnlu's CONTRIBUTING.md.`,
  };
}

function specReadersOf(module: Record<string, unknown>): SpecReader[] {
  const list = module.specReaders;
  if (!Array.isArray(list) || list.length === 0) throw new Error('the module exports no `specReaders` array');
  for (const item of list as unknown[]) {
    const candidate = item as Partial<SpecReader> | null;
    if (
      !Array.isArray(candidate?.extensions) ||
      typeof candidate.description !== 'string' ||
      typeof candidate.read !== 'function'
    )
      throw new Error(
        'an exported spec reader lacks extensions, description or read (see the SpecReader interface)',
      );
  }
  return list as SpecReader[];
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

/** A list a flag's choices were drawn from when its class loaded, and the list it is in this run's registry. */
export interface ChoiceList {
  before: readonly string[];
  after: readonly string[];
}

/**
 * The lists flags take their choices from, built-ins → this run's: formats (--to, --from), live platforms (push
 * --to, pull --from), evaluate --on (local or a live platform) and coverage --platform (connector or format id).
 */
export function registryChoices(builtins: ConnectorRegistry, registry: ConnectorRegistry): ChoiceList[] {
  const platforms = (r: ConnectorRegistry) => [
    ...new Set(r.connectors().flatMap((c) => [c.id, ...c.formats.map((f) => f.id)])),
  ];
  return [
    {before: builtins.formatIds(), after: registry.formatIds()},
    {before: builtins.remoteIds(), after: registry.remoteIds()},
    {before: ['local', ...builtins.remoteIds()], after: ['local', ...registry.remoteIds()]},
    {before: platforms(builtins), after: platforms(registry)},
  ];
}

/** The choices a flag has in this run: its list as it is now when it was drawn from a registry list. */
function choicesNow(
  options: readonly string[] | undefined,
  lists: readonly ChoiceList[],
): string[] | undefined {
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((x, i) => x === b[i]);
  const list = options && lists.find(({before}) => same(before, options));
  return list ? [...list.after] : undefined;
}

/**
 * Help is drawn from oclif's manifest, written at build time with the built-in formats only; a flag whose
 * choices were a registry list (`--to`, `--from`) is given the list as it is now, plugins included.
 */
export function refreshRegistryChoices(
  commands: readonly CommandFlags[],
  lists: readonly ChoiceList[],
): void {
  for (const command of commands) {
    for (const flag of Object.values(command.flags) as Array<{options?: readonly string[]}>) {
      const now = choicesNow(flag.options, lists);
      if (now) flag.options = now;
    }
  }
}

/**
 * A command's flags with the choices of this run's registry: the class's flags drew theirs from the built-ins
 * when it loaded, and are left as they are (a copy is changed).
 */
export function withRegistryChoices<F extends Record<string, unknown>>(
  flags: F,
  lists: readonly ChoiceList[],
): F {
  const out: Record<string, unknown> = {};
  for (const [name, flag] of Object.entries(flags)) {
    const now = choicesNow((flag as {options?: readonly string[]}).options, lists);
    out[name] = now ? {...(flag as object), options: now} : flag;
  }
  return out as F;
}
