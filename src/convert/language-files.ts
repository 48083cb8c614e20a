/**
 * The files of a one-language-per-file export: beside `nlu.yml`, the files `nlu.<language>.yml` (and
 * `agent.<language>.zip` beside `agent.zip`, `agent.<language>` beside the folder `agent`).
 */
import {readdir, stat} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export async function languageSiblings(path: string): Promise<Array<{language: string; path: string}>> {
  const name = basename(path.replace(/[/\\]+$/, ''));
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot) : '';
  const folder = dirname(path);
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch {
    return [];
  }
  const found: Array<{language: string; path: string}> = [];
  for (const entry of entries.sort()) {
    if (!entry.startsWith(`${stem}.`) || !entry.endsWith(extension) || entry === name) continue;
    const language = entry.slice(stem.length + 1, entry.length - extension.length);
    if (!LANGUAGE_TAG.test(language)) continue;
    // Beside a folder, only folders: agent.zip is not the "zip" language of the folder agent.
    if (!extension && !(await stat(join(folder, entry)).catch(() => undefined))?.isDirectory()) continue;
    found.push({language, path: join(folder, entry)});
  }
  return found;
}
