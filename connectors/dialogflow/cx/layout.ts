import type {ImportSource} from '../../../src/connector-kit.js';
import {shortestAgentRoot} from '../shared/layout.js';

/** Where the agent's files are inside a source, and which file holds what. */
export interface CxLayout {
  /** "" or "some/folder/" (agents zipped inside a folder). */
  root: string;
  agentFile?: string;
  intents: CxResourceFiles[];
  entityTypes: CxResourceFiles[];
  /** Every other file of the agent (flows, pages, webhooks...), relative to the root. */
  otherFiles: string[];
}

/** intents/<folder>/<folder>.json and its per-language files (trainingPhrases/ or entities/ + excludedPhrases/). */
export interface CxResourceFiles {
  folder: string;
  file: string;
  /** By sub-folder ("trainingPhrases", "entities", "excludedPhrases"), then by language code. */
  byLanguage: Map<string, Map<string, string>>;
}

const RESOURCE = /^(intents|entityTypes)\/([^/]+)\/(?:([^/]+)\.json|([^/]+)\/([^/]+)\.json)$/;

function agentRoot(files: readonly string[]): string | undefined {
  // intents/<folder>/<folder>.json: a resource file is named as its folder.
  return shortestAgentRoot(
    files,
    /^(.*?)(?:agent\.json|(?:intents|entityTypes)\/([^/]+)\/([^/]+)\.json)$/,
    (match) => match[2] === undefined || match[2] === match[3],
  );
}

/** Finds a CX agent package in a source: at its root or under one folder; undefined when there is none. */
export function findCxLayout(source: ImportSource): CxLayout | undefined {
  const files = source.list();
  const root = agentRoot(files);
  if (root === undefined) return undefined;
  const layout: CxLayout = {root, intents: [], entityTypes: [], otherFiles: []};
  const resources = {
    intents: new Map<string, CxResourceFiles>(),
    entityTypes: new Map<string, CxResourceFiles>(),
  };
  const resource = (kind: 'intents' | 'entityTypes', folder: string): CxResourceFiles => {
    let found = resources[kind].get(folder);
    if (!found) {
      found = {folder, file: `${root}${kind}/${folder}/${folder}.json`, byLanguage: new Map()};
      resources[kind].set(folder, found);
    }
    return found;
  };
  for (const file of [...files].sort()) {
    if (!file.startsWith(root)) continue;
    const rel = file.slice(root.length);
    if (rel === 'agent.json') {
      layout.agentFile = file;
      continue;
    }
    const match = RESOURCE.exec(rel);
    const kind = match?.[1] as 'intents' | 'entityTypes' | undefined;
    if (match && kind && match[3] === match[2]) {
      resource(kind, match[2]!);
      continue;
    }
    const sub = match?.[4];
    if (
      match &&
      kind &&
      ((kind === 'intents' && sub === 'trainingPhrases') ||
        (kind === 'entityTypes' && (sub === 'entities' || sub === 'excludedPhrases')))
    ) {
      const files = resource(kind, match[2]!).byLanguage;
      let byLang = files.get(sub!);
      if (!byLang) files.set(sub!, (byLang = new Map()));
      byLang.set(match[5]!, file);
      continue;
    }
    layout.otherFiles.push(rel);
  }
  const present = new Set(files);
  layout.intents = [...resources.intents.values()].filter((r) => present.has(r.file));
  layout.entityTypes = [...resources.entityTypes.values()].filter((r) => present.has(r.file));
  return layout;
}

/**
 * Display names become folder and file names percent-encoded, as the console writes them: characters file
 * systems refuse, "%" itself and every non-ASCII character (as UTF-8 bytes, lower-case hex: "ü" → "%c3%bc").
 */
export function cxFileName(displayName: string): string {
  let out = '';
  for (const char of displayName) {
    // eslint-disable-next-line no-control-regex -- control characters are exactly what file names must not hold
    if (/[/\\:*?"<>|%\u0000-\u001f\u007f]/.test(char) || char.codePointAt(0)! > 0x7e) {
      for (const byte of new TextEncoder().encode(char)) out += `%${byte.toString(16).padStart(2, '0')}`;
    } else out += char;
  }
  return out.startsWith('.') ? `%2e${out.slice(1)}` : out;
}

/** Gives every name a distinct folder name (case-insensitively, for macOS and Windows file systems). */
export function uniqueFolders(names: readonly string[], taken: Set<string> = new Set()): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of names) {
    const base = cxFileName(name) || '_';
    let folder = base;
    for (let n = 2; taken.has(folder.toLowerCase()); n++) folder = `${base}_${n}`;
    taken.add(folder.toLowerCase());
    out.set(name, folder);
  }
  return out;
}
