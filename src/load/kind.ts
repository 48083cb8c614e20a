import {open, stat} from 'node:fs/promises';
import {readBoundedFile} from '../io/read-bounded.js';
import type {LoadContext} from './context.js';
import {kindOfDocument, type InputKind} from './inspect.js';
import {parseStructured} from './parse-structured.js';

const SNIFF_BYTES = 10 * 1024 * 1024;

/**
 * Whether a path is a synthnlu spec, a synthnlu dataset, or neither (then it is a platform file for the
 * connectors). Cheap: JSONL and spec readers by name, otherwise a parse of files small enough to sniff.
 */
export async function kindOfDocumentFile(path: string, context: LoadContext): Promise<InputKind | undefined> {
  if (/\.(jsonl|ndjson)$/i.test(path)) return 'dataset';
  if (context.specReaderFor(path)) return 'spec';
  const info = await stat(path).catch(() => undefined);
  if (!info || !info.isFile() || !/\.(ya?ml|json)$/i.test(path)) return undefined;
  if (info.size > SNIFF_BYTES) {
    // Large JSON: only a dataset declares its format near the top.
    const handle = await open(path, 'r');
    const head = Buffer.alloc(4096);
    try {
      await handle.read(head, 0, head.length, 0);
    } finally {
      await handle.close();
    }
    return /"format"\s*:\s*"synthnlu-dataset/.test(head.toString('utf8')) ? 'dataset' : undefined;
  }
  let shape: InputKind | undefined;
  try {
    const text = (await readBoundedFile(path, {maxBytes: SNIFF_BYTES}))
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    shape = kindOfDocument(parseStructured(text, path).value);
  } catch {
    // Unparseable: let the loader for the most likely kind report the syntax error with its line.
    return /\.ya?ml$/i.test(path) ? 'spec' : undefined;
  }
  return shape === 'spec' && (await context.formatClaiming(path)) ? undefined : shape;
}
