import {basename} from 'node:path';
import type {ImportSource} from '../../src/connector.js';

/** An ImportSource over in-memory files, for connector unit tests. */
export function memorySource(
  files: Record<string, string | Uint8Array>,
  options: {path?: string; kind?: ImportSource['kind']} = {},
): ImportSource {
  const names = Object.keys(files);
  const kind = options.kind ?? (names.length === 1 ? 'file' : 'folder');
  return {
    path: options.path ?? (kind === 'file' ? names[0]! : 'memory'),
    kind,
    list: () => (kind === 'file' ? [basename(names[0]!)] : names),
    async readText(relativePath) {
      const content = files[kind === 'file' ? names[0]! : relativePath];
      if (content === undefined) throw new Error(`no file ${relativePath}`);
      return typeof content === 'string' ? content : new TextDecoder().decode(content);
    },
    async readBytes(relativePath) {
      const content = files[kind === 'file' ? names[0]! : relativePath];
      if (content === undefined) throw new Error(`no file ${relativePath}`);
      return typeof content === 'string' ? new TextEncoder().encode(content) : content;
    },
  };
}
