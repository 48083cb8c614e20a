import type {Hook} from '@oclif/core';
import {printDiagnostics} from '../cli/report.js';
import {commandRegistry, synthnluPlugins} from '../plugins/command-registry.js';

/**
 * Before any command runs: builds the run's registry with the connectors and spec readers of installed oclif
 * plugins (src/plugins/command-registry.ts; the command gets the same one), and gives the help the plugins'
 * formats. Without such a plugin nothing is imported: `synthnlu help` does not pay for loading the connectors.
 */
const hook: Hook<'init'> = async function ({config}) {
  if (synthnluPlugins(config).length === 0) return;
  const [
    {refreshRegistryChoices, registryChoices},
    {registry: builtins},
    {refreshRegistryHelp},
    {registry, problems},
  ] = await Promise.all([
    import('../plugins/connector-plugins.js'),
    import('../registry.js'),
    import('../cli/platform-help.js'),
    commandRegistry(config),
  ]);
  // On stderr like every diagnostic, so --json output stays clean.
  printDiagnostics(problems, (line) => process.stderr.write(`${line}\n`));
  refreshRegistryChoices(config.commands, registryChoices(builtins, registry));
  refreshRegistryHelp(config.commands, registry);
};

export default hook;
