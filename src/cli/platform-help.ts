/** The help of the commands that name platforms (export, push, pull), built from the connectors in the registry. */
import type {ConnectorRegistry} from '../connector-registry.js';
import {platformFlagHelp} from '../remote/flags.js';

const EXAMPLE_PREFIX = '<%= config.bin %> <%= command.id %> ';

export interface CommandHelp {
  summary: string;
  description: string;
  examples: string[];
}

export function pushHelp(registry: ConnectorRegistry): CommandHelp {
  const remotes = registry.remotes();
  const credentials = remotes.flatMap((r) => (r.help?.credentials ? [r.help.credentials] : []));
  return {
    summary: `Sync a dataset into a live platform (${remotes.map((r) => r.id).join(', ')}), safely.`,
    description: `Like terraform plan/apply: first a plan (intents and entity types to create, update with phrases added/removed, and with --prune delete), then a backup of the remote state (its path is printed), then only the difference, in as few calls as the platform allows, then training with --train.

A second push of unchanged data changes nothing. Intents not in the dataset are left alone unless --prune. An interactive terminal asks before applying; elsewhere pass --yes. Exit 1 if any intent failed (each failure is listed), 2 for bad input.

Credentials are never printed.${credentials.length > 0 ? ` ${credentials.join(' ')}` : ''}`,
    examples: remotes.flatMap((r) => r.help?.pushExamples ?? []).map((args) => EXAMPLE_PREFIX + args),
  };
}

export function pullHelp(registry: ConnectorRegistry): CommandHelp {
  const all = registry.remotes();
  const remotes = all.filter((r) => r.canPull);
  const cannot = all.filter((r) => !r.canPull).map((r) => r.id);
  return {
    summary: `Read the training data of a live platform (${remotes.map((r) => r.id).join(', ')}) into a dataset.`,
    description: `--from takes ${all.map((r) => r.id).join(', ')}.${cannot.length > 0 ? ` ${cannot.join(' and ')} cannot report ${cannot.length === 1 ? 'its' : 'their'} training data back (pull says so): read ${cannot.length === 1 ? 'its' : 'their'} project files with \`synthnlu import\` instead.` : ''} Writes the canonical dataset (.json or .jsonl) so you can generate more data for an existing agent and push it back. Credentials as for push; they never appear in the output.`,
    examples: remotes.flatMap((r) => r.help?.pullExamples ?? []).map((args) => EXAMPLE_PREFIX + args),
  };
}

export function exportHelp(registry: ConnectorRegistry): CommandHelp {
  const formats = registry.formatIds().join(', ');
  return {
    summary: `Write platform files (${formats}) from a dataset, a spec or another platform’s files.`,
    description: `DATASET may be a synthnlu dataset (.json/.jsonl), a spec (generated first, with --seed) or any file synthnlu can import. Every file is checked against its JSON Schema before anything is written, and the platform's limits are enforced first. Formats: ${registry
      .formats()
      .map((f) => `${f.id} (${f.description})`)
      .join('; ')}.`,
    examples: registry
      .formats()
      .flatMap((f) => f.exportExamples ?? [])
      .map((args) => EXAMPLE_PREFIX + args),
  };
}

/** The parts of an oclif cached command (manifest entry) that help is drawn from. */
export interface CachedCommandHelp {
  id: string;
  summary?: string | undefined;
  description?: string | undefined;
  examples?: unknown[] | undefined;
  flags: Record<string, object>;
}

/**
 * oclif draws help from its manifest, written at build time with the built-in connectors only. Once plugins
 * have registered theirs, the commands whose help comes from the registry get it as it is now: export, push
 * and pull's summaries, descriptions and examples, and push and pull's platform flags (a plugin remote's new
 * flags included; the command classes, loaded later, already have them for parsing).
 */
export function refreshRegistryHelp(
  commands: readonly CachedCommandHelp[],
  registry: ConnectorRegistry,
): void {
  const helps: Record<string, CommandHelp> = {
    export: exportHelp(registry),
    push: pushHelp(registry),
    pull: pullHelp(registry),
  };
  for (const command of commands) {
    const help = helps[command.id];
    if (!help) continue;
    Object.assign(command, help);
    if (command.id !== 'push' && command.id !== 'pull') continue;
    for (const [name, description] of platformFlagHelp(registry, command.id))
      command.flags[name] = {
        ...(command.flags[name] ?? {name, type: 'option', multiple: false, hasDynamicHelp: false}),
        description,
      };
  }
}
