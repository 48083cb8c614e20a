/**
 * Streams generated utterances to a .jsonl file: a {"$dataset": header} line, then one utterance per line,
 * written atomically (nothing appears at `out` unless everything succeeded and at least one utterance was made). Lines are batched into chunks so
 * a million utterances cost a few thousand writes, and the writer waits for the disk when its buffer is full,
 * so memory stays flat however many utterances are written.
 */
import {openAtomicWriter} from '../io/atomic-write.js';
import type {Spec, SpecDocument} from '../spec/spec.js';
import {datasetHeaderFor} from './dataset-header.js';
import {generateEveryLanguage} from './multi-language.js';
import type {GenerateOptions, GenerationReport} from './pipeline.js';

const CHUNK_CHARS = 64 * 1024;

export async function writeGeneratedJsonl(
  spec: Spec | SpecDocument,
  out: string,
  options: GenerateOptions & {onProgress?: (written: number) => void} = {},
): Promise<GenerationReport> {
  const iterator = generateEveryLanguage(spec, options);
  const writer = await openAtomicWriter(out);
  try {
    let chunk = `${JSON.stringify({$dataset: datasetHeaderFor(spec, options)})}\n`;
    let written = 0;
    let step = await iterator.next();
    while (!step.done) {
      chunk += `${JSON.stringify(step.value)}\n`;
      written += 1;
      if (chunk.length >= CHUNK_CHARS) {
        await writer.write(chunk);
        chunk = '';
        options.onProgress?.(written);
      }
      step = await iterator.next();
    }
    if (chunk) await writer.write(chunk);
    // A run that produced nothing is a failure: the previous output stays as it was.
    if (step.value.produced === 0) await writer.abort();
    else await writer.commit();
    return step.value;
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
