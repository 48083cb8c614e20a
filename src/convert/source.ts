import {readdir, stat} from 'node:fs/promises';
import {basename, join, posix} from 'node:path';
import type {ImportSource} from '../connector.js';
import {SynthnluError} from '../errors.js';
import {formatBytes, maxInputBytes, DEFAULT_INPUT_LIMITS} from '../io/input-limits.js';
import {fileAccessError, readBoundedFile} from '../io/read-bounded.js';
import {lineColumnAt} from '../io/read-text.js';
import {isZipData, readZipEntries} from './zip-reader.js';

export interface SourceLimits {
  /** Total bytes an archive or folder may inflate to (zip bombs stop here). */
  maxUncompressedBytes: number;
  maxEntries: number;
  /** Size of a single file or of the archive itself. */
  maxFileBytes: number;
  /** Size of a single YAML, Markdown or .lu file, whose parsers need far more memory per byte than JSON. */
  maxTextFileBytes: number;
}

/** The limits in force now (--max-bytes replaces the byte limits). */
export function currentSourceLimits(): SourceLimits {
  return {
    maxUncompressedBytes: maxInputBytes('archiveTotal'),
    maxEntries: DEFAULT_INPUT_LIMITS.archiveEntries,
    maxFileBytes: maxInputBytes('platformFile'),
    maxTextFileBytes: maxInputBytes('platformText'),
  };
}

const HEAVY_TEXT = /\.(ya?ml|md|markdown|lu)$/i;

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
  limits: SourceLimits,
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
      const bytes = await this.readBytes(relativePath);
      if (HEAVY_TEXT.test(relativePath) && bytes.length > limits.maxTextFileBytes) {
        throw new SynthnluError(
          'FILE_TOO_LARGE',
          `the file is over the ${formatBytes(limits.maxTextFileBytes)} limit for YAML, Markdown and .lu files`,
          {
            location: {file: describe(relativePath)},
            suggestion:
              'Split it, or raise the limit with --max-bytes if the file is really meant to be this big.',
          },
        );
      }
      return decodeUtf8(bytes, describe(relativePath));
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

function openZip(path: string, bytes: Uint8Array, limits: SourceLimits): ImportSource {
  const entries = readZipEntries(bytes, path, {
    maxEntries: limits.maxEntries,
    maxTotalBytes: limits.maxUncompressedBytes,
  });
  const files = new Map<string, Uint8Array>();
  for (const entry of entries) {
    const name = checkEntryName(path, entry.name);
    if (entry.isDirectory || isJunk(name)) continue;
    if (entry.unixMode !== undefined && (entry.unixMode & S_IFMT) === S_IFLNK) {
      throw new SynthnluError('ZIP_SYMLINK', `archive entry "${entry.name}" is a symbolic link`, {
        location: {file: path},
        suggestion: 'Links could point anywhere on this machine; re-create the archive without them.',
      });
    }
    if (files.has(name)) {
      throw new SynthnluError('ZIP_DUPLICATE_ENTRY', `archive holds "${name}" twice`, {
        location: {file: path},
        suggestion: 'The archive is malformed; re-export it from the platform.',
      });
    }
    files.set(name, entry.read());
  }
  // Exports are often zipped with their folder: strip a single top-level folder shared by every entry.
  const tops = new Set([...files.keys()].map((n) => (n.includes('/') ? n.slice(0, n.indexOf('/')) : '')));
  const stripped = new Map<string, Uint8Array>();
  const [onlyTop] = [...tops];
  if (tops.size === 1 && onlyTop) {
    for (const [name, data] of files) stripped.set(name.slice(onlyTop.length + 1), data);
  }
  const final = stripped.size > 0 ? stripped : files;
  return fromMap(path, 'zip', final, (rel) => `${path}!/${rel}`, limits);
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
        if (files.size >= limits.maxEntries) {
          throw new SynthnluError('SOURCE_TOO_LARGE', `folder holds over ${limits.maxEntries} files`, {
            location: {file: root},
          });
        }
        const left = limits.maxUncompressedBytes - total;
        const bytes = await readBoundedFile(full, {maxBytes: Math.min(left, limits.maxFileBytes)}).catch(
          (error: unknown) => {
            if (
              error instanceof SynthnluError &&
              error.code === 'FILE_TOO_LARGE' &&
              left < limits.maxFileBytes
            ) {
              throw new SynthnluError(
                'SOURCE_TOO_LARGE',
                `folder holds over ${formatBytes(limits.maxUncompressedBytes)} of data (at "${rel}")`,
                {
                  location: {file: root},
                  suggestion: 'Raise the limit with --max-bytes if the folder is genuine.',
                },
              );
            }
            throw error;
          },
        );
        total += bytes.length;
        files.set(rel, bytes);
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
  limits: SourceLimits = currentSourceLimits(),
): Promise<ImportSource> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw fileAccessError(path, error);
  }
  if (info.isDirectory()) {
    const files = await walkFolder(path, limits);
    return fromMap(path, 'folder', files, (rel) => join(path, rel), limits);
  }
  const bytes = new Uint8Array(await readBoundedFile(path, {maxBytes: limits.maxFileBytes}));
  if (isZipData(bytes)) return openZip(path, bytes, limits);
  const name = basename(path);
  return fromMap(path, 'file', new Map([[name, bytes]]), () => path, limits);
}
