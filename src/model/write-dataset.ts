import {ExitCode, SynthnluError} from '../errors.js';
import {openAtomicWriter, writeFileAtomic} from '../io/atomic-write.js';
import {validateAgainstSchema} from '../schema/validate.js';
import type {Dataset} from './dataset.js';

/** The JSONL header line: everything but the utterances. */
export function datasetHeader(dataset: Dataset): Omit<Dataset, 'utterances'> {
  const {utterances: _utterances, ...header} = dataset;
  return header;
}

/**
 * Writes a dataset as .json (one document) or .jsonl (a {"$dataset": header} line, then one utterance per
 * line), after validating it against dataset.schema.json; atomically, so a failure leaves nothing behind.
 */
export async function writeDataset(path: string, dataset: Dataset): Promise<void> {
  const problems = validateAgainstSchema('dataset.schema.json', dataset, {
    codePrefix: 'DATASET',
    maxDiagnostics: 20,
  });
  if (problems.length > 0) {
    throw new SynthnluError(
      'DATASET_INVALID_OUTPUT',
      `refusing to write an invalid dataset: ${problems[0]!.path ?? ''} ${problems[0]!.message}`,
      {
        diagnostics: problems,
        location: {file: path},
        exitCode: ExitCode.failedCheck,
      },
    );
  }
  if (/\.(jsonl|ndjson)$/i.test(path)) {
    const writer = await openAtomicWriter(path);
    try {
      await writer.write(`${JSON.stringify({$dataset: datasetHeader(dataset)})}\n`);
      for (const utterance of dataset.utterances) await writer.write(`${JSON.stringify(utterance)}\n`);
      await writer.commit();
    } catch (error) {
      await writer.abort();
      throw error;
    }
    return;
  }
  await writeFileAtomic(path, `${JSON.stringify(dataset, null, 2)}\n`);
}
