/**
 * A defensive zip reader. Zip archives come from users and platforms, so nothing in them is trusted: the
 * entry count is checked from the end record before anything is parsed, entries whose data overlap (the
 * "one compressed stream, many entries" bomb) are refused, each entry is inflated with a hard cap on its
 * output (declared sizes can lie) and all entries share one budget, and every CRC is checked.
 */
import {inflateRawSync} from 'node:zlib';
import {SynthnluError} from '../errors.js';
import {formatBytes} from '../io/input-limits.js';

export interface ZipLimits {
  maxEntries: number;
  /** Bytes all entries together may inflate to. */
  maxTotalBytes: number;
}

export interface ZipEntry {
  /** The name as stored (may be unsafe; callers check it). */
  name: string;
  isDirectory: boolean;
  /** Unix mode bits when the archive was made on Unix (symbolic links show here), else undefined. */
  unixMode: number | undefined;
  read(): Uint8Array;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_COMMENT = 0xffff;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function isZipData(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05)
  );
}

/** What the central directory says of one entry, checked against the archive's bounds. */
interface DirectoryEntry {
  name: string;
  method: number;
  crc: number;
  declaredSize: number;
  isDirectory: boolean;
  unixMode: number | undefined;
  /** Where the entry's local header starts and its compressed data lies. */
  localOffset: number;
  dataStart: number;
  dataEnd: number;
}

/** One archive being read: its bytes, where it came from (for messages) and the inflate budget all entries share. */
class ZipArchiveReader {
  private readonly view: DataView;
  private readonly budget: {left: number};

  constructor(
    private readonly bytes: Uint8Array,
    private readonly zipPath: string,
    private readonly limits: ZipLimits,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.budget = {left: limits.maxTotalBytes};
  }

  /** The entries in directory order, after the whole directory has been checked. */
  entries(): ZipEntry[] {
    const eocd = this.endOfDirectory();
    const {count, directoryOffset} = this.directoryBounds(eocd);
    const listed: DirectoryEntry[] = [];
    let at = directoryOffset;
    for (let index = 0; index < count; index++) {
      const {entry, next} = this.directoryEntry(at, index, eocd, directoryOffset);
      listed.push(entry);
      at = next;
    }
    this.refuseSharedData(listed);
    return listed.map((entry) => this.lazyEntry(entry));
  }

  /** The end of central directory record: searched backwards, past a comment of up to 64 KiB. */
  private endOfDirectory(): number {
    const {bytes, view} = this;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - MAX_COMMENT); i--)
      if (view.getUint32(i, true) === EOCD_SIGNATURE) return i;
    return this.fail('ZIP_CORRUPT', 'not a readable zip archive (no end of central directory record)');
  }

  /** The entry count and directory offset, refused before anything is parsed when over the limits. */
  private directoryBounds(eocd: number): {count: number; directoryOffset: number} {
    const {view, limits} = this;
    const count = view.getUint16(eocd + 10, true);
    const directorySize = view.getUint32(eocd + 12, true);
    const directoryOffset = view.getUint32(eocd + 16, true);
    if (count === 0xffff || directoryOffset === 0xffffffff)
      this.fail(
        'ZIP_UNSUPPORTED',
        'ZIP64 archives are not supported',
        'Platform exports are never this large; check the file.',
      );
    if (count > limits.maxEntries)
      this.fail(
        'ZIP_TOO_MANY_ENTRIES',
        `archive has ${count} entries, over the ${limits.maxEntries} limit`,
        'Real exports have far fewer files; check the archive.',
      );
    if (directoryOffset + directorySize > eocd)
      this.fail('ZIP_CORRUPT', 'the central directory lies outside the archive');
    return {count, directoryOffset};
  }

  /** The directory record at `at` (the index-th), checked, and where the next one starts. */
  private directoryEntry(
    at: number,
    index: number,
    eocd: number,
    directoryOffset: number,
  ): {entry: DirectoryEntry; next: number} {
    const {bytes, view} = this;
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_SIGNATURE)
      this.fail('ZIP_CORRUPT', `central directory entry ${index + 1} is damaged`);
    const versionMadeBy = view.getUint16(at + 4, true);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const externalAttributes = view.getUint32(at + 38, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = new TextDecoder('utf-8').decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (flags & 0x1)
      this.fail(
        'ZIP_ENCRYPTED',
        `archive entry "${name}" is encrypted`,
        'Export the archive without a password.',
      );
    if (localOffset + 30 > directoryOffset || view.getUint32(localOffset, true) !== LOCAL_SIGNATURE)
      this.fail('ZIP_CORRUPT', `archive entry "${name}" points at no file data`);
    const dataStart =
      localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    const dataEnd = dataStart + compressedSize;
    if (dataEnd > directoryOffset)
      this.fail('ZIP_CORRUPT', `archive entry "${name}" runs past the end of the data`);
    const isDirectory = name.endsWith('/') || name.endsWith('\\');
    if (!isDirectory && method !== 0 && method !== 8)
      this.fail(
        'ZIP_UNSUPPORTED',
        `archive entry "${name}" uses compression method ${method}`,
        'Re-create the archive with ordinary (deflate) compression.',
      );
    const entry: DirectoryEntry = {
      name,
      method,
      crc: view.getUint32(at + 16, true),
      declaredSize: view.getUint32(at + 24, true),
      isDirectory,
      unixMode: versionMadeBy >> 8 === 3 ? externalAttributes >>> 16 : undefined,
      localOffset,
      dataStart,
      dataEnd,
    };
    return {entry, next};
  }

  /** Entries whose data overlap are the "one compressed stream, many entries" bomb: refused. */
  private refuseSharedData(listed: DirectoryEntry[]): void {
    const spans = listed
      .map((e) => ({start: e.localOffset, end: e.dataEnd, name: e.name}))
      .sort((a, b) => a.start - b.start);
    for (let i = 1; i < spans.length; i++)
      if (spans[i]!.start < spans[i - 1]!.end)
        this.fail(
          'ZIP_OVERLAPPING_ENTRIES',
          `archive entries "${spans[i - 1]!.name}" and "${spans[i]!.name}" share the same data`,
          'This is how zip bombs are built; refusing to extract it.',
        );
  }

  private lazyEntry(entry: DirectoryEntry): ZipEntry {
    return {
      name: entry.name,
      isDirectory: entry.isDirectory,
      unixMode: entry.unixMode,
      read: () => this.read(entry),
    };
  }

  /** An entry's bytes: inflated within the budget, its size and CRC checked, then taken from the budget. */
  private read(entry: DirectoryEntry): Uint8Array {
    const {name, declaredSize} = entry;
    if (declaredSize > this.budget.left) this.tooLarge(name);
    const data = this.bytes.subarray(entry.dataStart, entry.dataEnd);
    const out = entry.method === 0 ? data : this.inflate(data, name, declaredSize);
    if (out.length !== declaredSize)
      this.fail('ZIP_CORRUPT', `archive entry "${name}" is not the size its header declares`);
    if (crc32(out) !== entry.crc) this.fail('ZIP_CORRUPT', `archive entry "${name}" fails its CRC check`);
    this.budget.left -= out.length;
    return out;
  }

  /** Inflates with a hard cap: one byte over the declared size is enough to prove the declaration false. */
  private inflate(data: Uint8Array, name: string, declaredSize: number): Uint8Array {
    try {
      return inflateRawSync(data, {
        maxOutputLength: Math.max(1, Math.min(declaredSize + 1, this.budget.left + 1)),
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        if (declaredSize + 1 <= this.budget.left)
          this.fail('ZIP_CORRUPT', `archive entry "${name}" inflates past its declared size`);
        this.tooLarge(name);
      }
      return this.fail('ZIP_CORRUPT', `cannot inflate archive entry "${name}" (${(error as Error).message})`);
    }
  }

  private fail(code: string, message: string, suggestion?: string): never {
    throw new SynthnluError(code, message, {
      location: {file: this.zipPath},
      suggestion: suggestion ?? 'The archive is damaged or was not made by a zip tool; re-export it.',
    });
  }

  private tooLarge(name: string): never {
    throw new SynthnluError(
      'ZIP_TOO_LARGE',
      `archive inflates past the ${formatBytes(this.limits.maxTotalBytes)} limit (at "${name}")`,
      {
        location: {file: this.zipPath},
        suggestion:
          'This looks like a zip bomb. If the archive is genuine, raise the limit with --max-bytes.',
      },
    );
  }
}

/** Parses the central directory and returns entries that inflate lazily, each within the shared budget. */
export function readZipEntries(bytes: Uint8Array, zipPath: string, limits: ZipLimits): ZipEntry[] {
  return new ZipArchiveReader(bytes, zipPath, limits).entries();
}
