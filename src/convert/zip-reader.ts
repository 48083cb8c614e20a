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

/** Parses the central directory and returns entries that inflate lazily, each within the shared budget. */
export function readZipEntries(bytes: Uint8Array, zipPath: string, limits: ZipLimits): ZipEntry[] {
  const fail = (code: string, message: string, suggestion?: string): never => {
    throw new SynthnluError(code, message, {
      location: {file: zipPath},
      suggestion: suggestion ?? 'The archive is damaged or was not made by a zip tool; re-export it.',
    });
  };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - MAX_COMMENT); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) fail('ZIP_CORRUPT', 'not a readable zip archive (no end of central directory record)');
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff)
    fail(
      'ZIP_UNSUPPORTED',
      'ZIP64 archives are not supported',
      'Platform exports are never this large; check the file.',
    );
  if (count > limits.maxEntries) {
    fail(
      'ZIP_TOO_MANY_ENTRIES',
      `archive has ${count} entries, over the ${limits.maxEntries} limit`,
      'Real exports have far fewer files; check the archive.',
    );
  }
  if (directoryOffset + directorySize > eocd)
    fail('ZIP_CORRUPT', 'the central directory lies outside the archive');
  const budget = {left: limits.maxTotalBytes};
  const entries: ZipEntry[] = [];
  const spans: {start: number; end: number; name: string}[] = [];
  let at = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_SIGNATURE)
      fail('ZIP_CORRUPT', `central directory entry ${index + 1} is damaged`);
    const versionMadeBy = view.getUint16(at + 4, true);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const declaredSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const externalAttributes = view.getUint32(at + 38, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = new TextDecoder('utf-8').decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x1)
      fail('ZIP_ENCRYPTED', `archive entry "${name}" is encrypted`, 'Export the archive without a password.');
    if (localOffset + 30 > directoryOffset || view.getUint32(localOffset, true) !== LOCAL_SIGNATURE)
      fail('ZIP_CORRUPT', `archive entry "${name}" points at no file data`);
    const dataStart =
      localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    const dataEnd = dataStart + compressedSize;
    if (dataEnd > directoryOffset)
      fail('ZIP_CORRUPT', `archive entry "${name}" runs past the end of the data`);
    spans.push({start: localOffset, end: dataEnd, name});
    const isDirectory = name.endsWith('/') || name.endsWith('\\');
    const unixMode = versionMadeBy >> 8 === 3 ? externalAttributes >>> 16 : undefined;
    if (!isDirectory && method !== 0 && method !== 8)
      fail(
        'ZIP_UNSUPPORTED',
        `archive entry "${name}" uses compression method ${method}`,
        'Re-create the archive with ordinary (deflate) compression.',
      );
    entries.push({
      name,
      isDirectory,
      unixMode,
      read() {
        if (declaredSize > budget.left) tooLarge(name);
        const data = bytes.subarray(dataStart, dataEnd);
        let out: Uint8Array;
        if (method === 0) out = data;
        else {
          try {
            // One byte over the declared size is enough to prove the declaration false.
            out = inflateRawSync(data, {
              maxOutputLength: Math.max(1, Math.min(declaredSize + 1, budget.left + 1)),
            });
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
              if (declaredSize + 1 <= budget.left)
                fail('ZIP_CORRUPT', `archive entry "${name}" inflates past its declared size`);
              tooLarge(name);
            }
            return fail(
              'ZIP_CORRUPT',
              `cannot inflate archive entry "${name}" (${(error as Error).message})`,
            );
          }
        }
        if (out.length !== declaredSize)
          fail('ZIP_CORRUPT', `archive entry "${name}" is not the size its header declares`);
        if (crc32(out) !== crc) fail('ZIP_CORRUPT', `archive entry "${name}" fails its CRC check`);
        budget.left -= out.length;
        return out;
      },
    });
  }
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.start < spans[i - 1]!.end) {
      fail(
        'ZIP_OVERLAPPING_ENTRIES',
        `archive entries "${spans[i - 1]!.name}" and "${spans[i]!.name}" share the same data`,
        'This is how zip bombs are built; refusing to extract it.',
      );
    }
  }
  return entries;

  function tooLarge(name: string): never {
    throw new SynthnluError(
      'ZIP_TOO_LARGE',
      `archive inflates past the ${formatBytes(limits.maxTotalBytes)} limit (at "${name}")`,
      {
        location: {file: zipPath},
        suggestion:
          'This looks like a zip bomb. If the archive is genuine, raise the limit with --max-bytes.',
      },
    );
  }
}
