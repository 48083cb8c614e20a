import {randomBytes} from 'node:crypto';
import {readdir, rename, rm, stat} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import JSZip from 'jszip';
import type {OutputFile} from '../connector.js';
import {ExitCode, SynthnluError, type Diagnostic} from '../errors.js';
import {writeFileAtomic} from '../io/atomic-write.js';
import {checkOutputPath, ensureParentFolder} from '../io/output-path.js';
import {trackTemporary, untrackTemporary} from '../io/temporary-files.js';
import {validateAgainstSchema} from '../schema/validate.js';

/** Zip entries get a fixed date so the same export gives the same bytes. */
const FIXED_DATE = new Date('2020-01-01T00:00:00Z');

/** Validates every file that names a schema; nothing is written unless all pass. */
export function validateOutputFiles(files: OutputFile[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of files) {
    if (!file.schema) continue;
    const value = file.json ?? (typeof file.content === 'string' ? JSON.parse(file.content) : undefined);
    out.push(
      ...validateAgainstSchema(file.schema, value, {
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
  });
}

/**
 * Writes an export so that no reader sees it half-done: a single file is written atomically; an archive goes
 * to a .zip written atomically, or to a folder built beside the target and renamed into place.
 * Returns the paths written.
 */
export async function writeExportOutput(
  files: OutputFile[],
  out: string,
  layout: 'file' | 'archive',
  options: {force?: boolean; inputs?: readonly string[]} = {},
): Promise<string[]> {
  const check = {force: options.force ?? false, inputs: options.inputs ?? []};
  const problems = validateOutputFiles(files);
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
    // Every target is checked before the first is written, so a refusal leaves all of them untouched.
    for (const target of targets) await checkOutputPath(target, check);
    for (const [index, file] of files.entries()) await writeFileAtomic(targets[index]!, file.content);
    return targets;
  }
  await checkOutputPath(out, {...check, accepts: 'file-or-folder'});
  if ((await exists(out)) && !(await stat(out)).isDirectory()) {
    throw new SynthnluError('OUTPUT_NOT_FOLDER', 'exists and is not a folder', {
      location: {file: out},
      suggestion: 'Name a new folder, or write a .zip instead.',
    });
  }
  if (await isNonEmptyFolder(out)) {
    if (!options.force) {
      throw new SynthnluError('OUTPUT_EXISTS', 'folder exists and is not empty', {
        location: {file: out},
        suggestion: 'Pass --force to replace it, or write a .zip instead.',
      });
    }
  }
  const staging = join(
    dirname(out),
    `.${basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  trackTemporary(staging);
  try {
    for (const file of files) await writeFileAtomic(join(staging, file.path), file.content);
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
  return files.map((f) => join(out, f.path));
}
