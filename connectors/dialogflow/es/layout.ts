import type {ImportSource} from '../../../src/connector-kit.js';
import {shortestAgentRoot} from '../shared/layout.js';

/** Where the agent's files are inside a source, and which file holds what. */
export interface AgentLayout {
  /** "" or "some/folder/" (agents zipped inside a folder, or kept in a repository sub-folder). */
  root: string;
  agentFile?: string;
  packageFile?: string;
  /** Intent files (not training phrases), sorted. */
  intentFiles: string[];
  /** Training phrase files by intent file stem, then by language. */
  userSays: Map<string, Map<string, string>>;
  entityFiles: string[];
  entries: Map<string, Map<string, string>>;
}

const LANG = '([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)';
const USERSAYS = new RegExp(`^(.*)_usersays_${LANG}\\.json$`);
const ENTRIES = new RegExp(`^(.*)_entries_${LANG}\\.json$`);

function agentRoot(files: readonly string[]): string | undefined {
  return shortestAgentRoot(files, /^(.*?)(?:agent\.json|intents\/[^/]+\.json|entities\/[^/]+\.json)$/);
}

/** Finds the agent in a source: at its root or under a single folder; undefined when there is none. */
export function findAgentLayout(source: ImportSource): AgentLayout | undefined {
  const files = source.list();
  const root = agentRoot(files);
  if (root === undefined) return undefined;
  const layout: AgentLayout = {
    root,
    intentFiles: [],
    userSays: new Map(),
    entityFiles: [],
    entries: new Map(),
  };
  for (const file of [...files].sort()) {
    if (!file.startsWith(root)) continue;
    const rel = file.slice(root.length);
    if (rel === 'agent.json') layout.agentFile = file;
    else if (rel === 'package.json') layout.packageFile = file;
    else if (rel.startsWith('intents/') && rel.endsWith('.json') && !rel.slice(8).includes('/')) {
      const name = rel.slice(8);
      const says = USERSAYS.exec(name);
      if (says) addTo(layout.userSays, says[1]!, says[2]!, file);
      else layout.intentFiles.push(file);
    } else if (rel.startsWith('entities/') && rel.endsWith('.json') && !rel.slice(9).includes('/')) {
      const name = rel.slice(9);
      const entries = ENTRIES.exec(name);
      if (entries) addTo(layout.entries, entries[1]!, entries[2]!, file);
      else layout.entityFiles.push(file);
    }
  }
  return layout;
}

function addTo(map: Map<string, Map<string, string>>, stem: string, lang: string, file: string): void {
  let byLang = map.get(stem);
  if (!byLang) map.set(stem, (byLang = new Map()));
  byLang.set(lang, file);
}

/** The file stem of intents/<stem>.json. */
export function stemOf(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1, -'.json'.length);
}
