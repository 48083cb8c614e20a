import type {Hook} from '@oclif/core';
import {printDiagnostics} from '../cli/report.js';
import type {PluginPackage} from '../plugins/connector-plugins.js';

/**
 * Before any command runs: registers the connectors of installed oclif plugins, so --to/--from, detection and
 * push/pull know their formats (the command classes, which read the registry for their flags, load after this).
 * Without such a plugin nothing is imported: `synthnlu help` does not pay for loading the connectors.
 */
const hook: Hook<'init'> = async function ({config}) {
  const plugins = (config.getPluginsList() as unknown as (PluginPackage & {isRoot: boolean})[]).filter(
    (plugin) => !plugin.isRoot && plugin.pjson.synthnlu?.connectors !== undefined,
  );
  if (plugins.length === 0) return;
  const [{registerPluginConnectors, refreshRegistryChoices}, {registry}, {refreshRegistryHelp}] =
    await Promise.all([
      import('../plugins/connector-plugins.js'),
      import('../registry.js'),
      import('../cli/platform-help.js'),
    ]);
  const formats = registry.formatIds();
  const remotes = registry.remoteIds();
  const problems = await registerPluginConnectors(registry, plugins);
  // On stderr like every diagnostic, so --json output stays clean.
  printDiagnostics(problems, (line) => process.stderr.write(`${line}\n`));
  refreshRegistryChoices(config.commands, [
    {before: formats, after: registry.formatIds()},
    {before: remotes, after: registry.remoteIds()},
  ]);
  refreshRegistryHelp(config.commands, registry);
};

export default hook;
