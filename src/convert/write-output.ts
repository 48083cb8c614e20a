import {readdir, rename, rm, stat} from 'node:fs/promises';
import {basename, dirname, join, relative, resolve} from 'node:path';
import JSZip from 'jszip';
import type {OutputFile} from '../connector.js';
import {ExitCode, SynthnluError, type Diagnostic} from '../errors.js';
import {removeStaleTemporaries, temporaryPathFor, writeFileAtomic} from '../io/atomic-write.js';
import {checkOutputPath, ensureParentFolder} from '../io/output-path.js';
import {recordOutputs, writtenBySynthnlu, WRITTEN_BY} from '../io/ownership.js';
import {trackTemporary, untrackTemporary} from '../io/temporary-files.js';
import type {SchemaSet} from '../schema/validate.js';

/** Zip entries get a fixed date so the same export gives the same bytes. */
const FIXED_DATE = new Date('2020-01-01T00:00:00Z');

/** Validates every file that names a schema (in the registry's set); nothing is written unless all pass. */
export function validateOutputFiles(files: OutputFile[], schemas: SchemaSet): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of files) {
    if (!file.schema) continue;
    const value = file.json ?? (typeof file.content === 'string' ? JSON.parse(file.content) : undefined);
    out.push(
      ...schemas.validate(file.schema, value, {
        file: file.path,
        codePrefix: 'EXPORT',
        maxDiagnostics: 20,
      }),
    );
  }
  return out;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function isNonEmptyFolder(path: string): Promise<boolean> {
  try {
    return (await readdir(path)).length > 0;
  } catch {
    return false;
  }
}

/**
 * The first file in an existing folder that --force must not delete: an agent folder (agent.json at its top,
 * nothing but JSON files, as Dialogflow ES and CX export them) is an output --force may replace; anything
 * else in it (notes, a dataset, a spec) is a file synthnlu did not write.
 */
async function firstForeignFile(folder: string): Promise<string | undefined> {
  const top = await readdir(folder);
  if (!top.includes('agent.json')) return join(folder, top.sort()[0] ?? '');
  const walk = async (at: string): Promise<string | undefined> => {
    for (const entry of (await readdir(at, {withFileTypes: true})).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) {
        const found = await walk(path);
        if (found) return found;
      } else if (!entry.isFile() || !entry.name.toLowerCase().endsWith('.json')) return path;
    }
    return undefined;
  };
  return walk(folder);
}

/** The zip archive's comment: how the next run knows the archive is synthnlu's own. */
const ZIP_COMMENT = `${WRITTEN_BY} (https://www.npmjs.com/package/synthnlu)`;

export async function buildZip(files: OutputFile[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    zip.file(file.path, file.content, {date: FIXED_DATE, createFolders: false});
  }
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: {level: 6},
    platform: 'UNIX',
    comment: ZIP_COMMENT,
  });
}

/**
 * Writes an export so that no reader sees it half-done: a single file is written atomically; an archive goes
 * to a .zip written atomically, or to a folder built beside the target and renamed into place.
 * Every output is recorded as synthnlu's own (ownership.ts), so the next run replaces it without --force.
 * Returns the paths written.
 */
export async function writeExportOutput(
  files: OutputFile[],
  out: string,
  layout: 'file' | 'archive',
  options: {schemas: SchemaSet; force?: boolean; inputs?: readonly string[]},
): Promise<string[]> {
  const check = {force: options.force ?? false, inputs: options.inputs ?? []};
  const problems = validateOutputFiles(files, options.schemas);
  if (problems.length > 0) {
    throw new SynthnluError(
      'EXPORT_SCHEMA_INVALID',
      `the exported file does not match its schema: ${problems[0]!.path ?? ''} ${problems[0]!.message}`,
      {
        diagnostics: problems,
        location: {file: problems[0]!.file ?? out, ...(problems[0]!.path ? {path: problems[0]!.path} : {})},
        exitCode: ExitCode.failedCheck,
        suggestion:
          'This is a synthnlu bug or a dataset value the platform cannot hold; please report it with the dataset.',
      },
    );
  }
  if (layout === 'archive' && /\.zip$/i.test(out)) {
    await checkOutputPath(out, check);
    await writeFileAtomic(out, await buildZip(files));
    await recordOutputs([out]);
    return [out];
  }
  const outIsFolder =
    layout === 'archive' ||
    out.endsWith('/') ||
    (await stat(out).then(
      (s) => s.isDirectory(),
      () => false,
    ));
  if (layout === 'file') {
    // The first file takes the name given; companions (e.g. Rasa's domain.yml) go beside it.
    const targets = files.map((file, index) =>
      outIsFolder ? join(out, file.path) : index === 0 ? out : join(dirname(out), basename(file.path)),
    );
    refuseClashingTargets(targets, out);
    // Every target is checked before the first is written, so a refusal leaves all of them untouched.
    for (const target of targets) await checkOutputPath(target, check);
    for (const [index, file] of files.entries()) await writeFileAtomic(targets[index]!, file.content);
    await recordOutputs(targets);
    return targets;
  }
  await checkOutputPath(out, {...check, accepts: 'file-or-folder'});
  if ((await exists(out)) && !(await stat(out)).isDirectory()) {
    throw new SynthnluError('OUTPUT_NOT_FOLDER', 'exists and is not a folder', {
      location: {file: out},
      suggestion: 'Name a new folder, or write a .zip instead.',
    });
  }
  await removeStaleTemporaries(out);
  if ((await isNonEmptyFolder(out)) && !(await writtenBySynthnlu(out))) {
    if (!options.force) {
      throw new SynthnluError(
        'OUTPUT_EXISTS',
        'folder exists and is not empty, and was not written by synthnlu (or was changed since)',
        {
          location: {file: out},
          suggestion: 'Pass --force to replace it, or write a .zip instead.',
        },
      );
    }
    const foreign = await firstForeignFile(out);
    if (foreign !== undefined) {
      throw new SynthnluError(
        'OUTPUT_FOLDER_NOT_AGENT',
        `the output folder holds "${relative(out, foreign) || foreign}", which is not part of an agent export; --force replaces an agent folder, never other files`,
        {
          location: {file: out},
          suggestion: 'Name a new folder (or an agent folder), or write a .zip instead.',
        },
      );
    }
  }
  const staging = temporaryPathFor(out);
  trackTemporary(staging);
  try {
    for (const file of files) await writeFileAtomic(join(staging, file.path), file.content, {staged: true});
    await ensureParentFolder(out);
    if (await exists(out)) {
      const old = `${staging}.old`;
      await rename(out, old);
      await rename(staging, out);
      await rm(old, {recursive: true, force: true});
    } else {
      await rename(staging, out);
    }
  } catch (error) {
    await rm(staging, {recursive: true, force: true});
    throw error;
  } finally {
    untrackTemporary(staging);
  }
  await recordOutputs([out]);
  return files.map((f) => join(out, f.path));
}

/** Two outputs with the same name (`--domain --out domain.yml`) would leave only the last one written. */
function refuseClashingTargets(targets: readonly string[], out: string): void {
  const seen = new Set<string>();
  for (const target of targets) {
    const key = resolve(target);
    if (seen.has(key)) {
      throw new SynthnluError(
        'OUTPUT_NAME_CLASH',
        `two outputs would be written to the same file "${target}": --out names the training data file, and the companion file written beside it has the same name`,
        {
          location: {file: out},
          suggestion: `Name the training data file otherwise, e.g. --out ${join(dirname(out), 'nlu.yml')}.`,
        },
      );
    }
    seen.add(key);
  }
}
