import {lstat, readdir, readFile, stat} from 'node:fs/promises';
import {basename, join, posix} from 'node:path';
import JSZip from 'jszip';
import type {ImportSource} from '../connector.js';
import {SynthnluError} from '../errors.js';
import {lineColumnAt} from '../io/read-text.js';

export interface SourceLimits {
  /** Total bytes an archive may inflate to (zip bombs stop here). */
  maxUncompressedBytes: number;
  maxEntries: number;
  /** Size of a single file or of the archive itself. */
  maxFileBytes: number;
}

export const DEFAULT_SOURCE_LIMITS: SourceLimits = {
  maxUncompressedBytes: 512 * 1024 * 1024,
  maxEntries: 20_000,
  maxFileBytes: 512 * 1024 * 1024,
};

/** Files that archives made on macOS or Windows carry and that are never data. */
function isJunk(relativePath: string): boolean {
  const parts = relativePath.split('/');
  return parts.some((p) => p === '__MACOSX' || p === '.DS_Store' || p === 'Thumbs.db' || p.startsWith('._'));
}

function decodeUtf8(bytes: Uint8Array, where: string): string {
  const body =
    bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      ? bytes.subarray(3)
      : bytes;
  try {
    return new TextDecoder('utf-8', {fatal: true}).decode(body);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(body);
    const bad = lenient.indexOf('\uFFFD');
    const {line, column} = lineColumnAt(lenient, Math.max(bad, 0));
    throw new SynthnluError('FILE_NOT_UTF8', 'not valid UTF-8', {
      location: {file: where, line, column},
      suggestion: 'Save the file as UTF-8.',
    });
  }
}

function fromMap(
  path: string,
  kind: ImportSource['kind'],
  files: Map<string, Uint8Array>,
  describe: (rel: string) => string,
): ImportSource {
  return {
    path,
    kind,
    list: () => [...files.keys()],
    async readBytes(relativePath) {
      const bytes = files.get(relativePath);
      if (!bytes)
        throw new SynthnluError('SOURCE_NO_SUCH_FILE', `no file "${relativePath}" inside`, {
          location: {file: path},
        });
      return bytes;
    },
    async readText(relativePath) {
      return decodeUtf8(await this.readBytes(relativePath), describe(relativePath));
    },
  };
}

/** Rejects entry names that would escape the output folder if extracted (zip-slip). */
function checkEntryName(zipPath: string, name: string): string {
  const normalized = name.replace(/\\/g, '/');
  if (normalized.startsWith('/') || /^[A-Za-z]:/.test(normalized) || normalized.split('/').includes('..')) {
    throw new SynthnluError(
      'ZIP_UNSAFE_PATH',
      `archive entry "${name}" points outside the archive (absolute path or "..")`,
      {
        location: {file: zipPath},
        suggestion: 'The archive is malformed or malicious; re-export it from the platform.',
      },
    );
  }
  return posix.normalize(normalized);
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

async function inflateWithin(
  entry: JSZip.JSZipObject,
  budget: {left: number},
  zipPath: string,
): Promise<Uint8Array> {
  // Declared sizes in a zip can lie, so count the bytes as they are inflated and stop at the budget.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const stream = entry.nodeStream('nodebuffer') as NodeJS.ReadableStream;
    let failed = false;
    stream.on('data', (chunk: Buffer) => {
      if (failed) return;
      budget.left -= chunk.length;
      if (budget.left < 0) {
        failed = true;
        stream.pause();
        reject(
          new SynthnluError('ZIP_TOO_LARGE', `archive inflates past the size limit (at "${entry.name}")`, {
            location: {file: zipPath},
            suggestion: 'This looks like a zip bomb; refusing to extract it.',
          }),
        );
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', (error: Error) => {
      if (failed) return;
      failed = true;
      reject(
        new SynthnluError('ZIP_CORRUPT', `cannot inflate "${entry.name}": ${error.message}`, {
          location: {file: zipPath},
        }),
      );
    });
    stream.on('end', () => {
      if (!failed) resolve(new Uint8Array(Buffer.concat(chunks)));
    });
  });
}

async function openZip(path: string, bytes: Uint8Array, limits: SourceLimits): Promise<ImportSource> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, {createFolders: false, checkCRC32: true});
  } catch (error) {
    throw new SynthnluError('ZIP_CORRUPT', `not a readable zip archive (${(error as Error).message})`, {
      location: {file: path},
    });
  }
  const entries = Object.values(zip.files).filter((e) => !e.dir);
  if (entries.length > limits.maxEntries) {
    throw new SynthnluError(
      'ZIP_TOO_MANY_ENTRIES',
      `archive has ${entries.length} files, over the ${limits.maxEntries} limit`,
      {location: {file: path}},
    );
  }
  const budget = {left: limits.maxUncompressedBytes};
  const files = new Map<string, Uint8Array>();
  for (const entry of entries) {
    // JSZip quietly rewrites "../x" to "x"; the original name is what an extractor would have used.
    const original =
      (entry as JSZip.JSZipObject & {unsafeOriginalName?: string}).unsafeOriginalName ?? entry.name;
    const name = checkEntryName(path, original);
    if (isJunk(name)) continue;
    const mode = typeof entry.unixPermissions === 'number' ? entry.unixPermissions : 0;
    if ((mode & S_IFMT) === S_IFLNK) {
      throw new SynthnluError('ZIP_SYMLINK', `archive entry "${entry.name}" is a symbolic link`, {
        location: {file: path},
        suggestion: 'Links could point anywhere on this machine; re-create the archive without them.',
      });
    }
    files.set(name, await inflateWithin(entry, budget, path));
  }
  // Exports are often zipped with their folder: strip a single top-level folder shared by every entry.
  const tops = new Set([...files.keys()].map((n) => (n.includes('/') ? n.slice(0, n.indexOf('/')) : '')));
  const stripped = new Map<string, Uint8Array>();
  const [onlyTop] = [...tops];
  if (tops.size === 1 && onlyTop) {
    for (const [name, data] of files) stripped.set(name.slice(onlyTop.length + 1), data);
  }
  const final = stripped.size > 0 ? stripped : files;
  return fromMap(path, 'zip', final, (rel) => `${path}!/${rel}`);
}

async function walkFolder(root: string, limits: SourceLimits): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  let total = 0;
  const visit = async (dir: string, prefix: string): Promise<void> => {
    for (const entry of (await readdir(dir, {withFileTypes: true})).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (isJunk(rel) || entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        throw new SynthnluError('SOURCE_SYMLINK', `"${rel}" is a symbolic link; refusing to follow it`, {
          location: {file: root},
        });
      }
      if (entry.isDirectory()) await visit(full, rel);
      else if (entry.isFile()) {
        const info = await lstat(full);
        total += info.size;
        if (total > limits.maxUncompressedBytes || files.size >= limits.maxEntries) {
          throw new SynthnluError('SOURCE_TOO_LARGE', 'folder holds too much data to import', {
            location: {file: root},
          });
        }
        files.set(rel, await readFile(full));
      }
    }
  };
  await visit(root, '');
  return files;
}

/**
 * Opens what the user named as an ImportSource: a folder, a zip archive (by content, not only by name) or a
 * single file. Archives are read defensively: entries with ".." or absolute paths, symbolic links, and
 * archives that inflate past a limit are refused before any connector sees them.
 */
export async function openImportSource(
  path: string,
  limits: SourceLimits = DEFAULT_SOURCE_LIMITS,
): Promise<ImportSource> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new SynthnluError('FILE_NOT_FOUND', 'no such file or folder', {
      location: {file: path},
      suggestion: 'Check the path.',
    });
  }
  if (info.isDirectory()) {
    const files = await walkFolder(path, limits);
    return fromMap(path, 'folder', files, (rel) => join(path, rel));
  }
  if (info.size > limits.maxFileBytes) {
    throw new SynthnluError(
      'FILE_TOO_LARGE',
      `file is over the ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB limit`,
      {location: {file: path}},
    );
  }
  const bytes = new Uint8Array(await readFile(path));
  const isZip =
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
  if (isZip) return openZip(path, bytes, limits);
  const name = basename(path);
  return fromMap(path, 'file', new Map([[name, bytes]]), () => path);
}
