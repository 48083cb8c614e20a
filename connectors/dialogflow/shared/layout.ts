/**
 * Where an agent sits in a source (a zip or a folder), for both editions: at the root, or under one folder
 * (agents zipped inside a folder, or kept in a repository sub-folder).
 */

/**
 * The shortest folder ("" or "some/folder/") holding a file of the agent's own: `agentFile` matches such a
 * file with the folder as group 1, and `accept` may refuse a match (CX: a resource file outside its own folder).
 * Undefined when no file is the agent's.
 */
export function shortestAgentRoot(
  files: readonly string[],
  agentFile: RegExp,
  accept: (match: RegExpExecArray) => boolean = () => true,
): string | undefined {
  let best: string | undefined;
  for (const file of files) {
    const match = agentFile.exec(file);
    if (!match || !accept(match)) continue;
    const root = match[1]!;
    if (root !== '' && !root.endsWith('/')) continue;
    if (best === undefined || root.length < best.length) best = root;
  }
  return best;
}
