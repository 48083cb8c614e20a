import type {Diagnostic} from '../errors.js';
import {generateDataset} from '../generate/index.js';
import {inspectFile, loadDataset, loadSpec} from '../load/inspect.js';
import {kindOfDocumentFile} from '../load/kind.js';
import type {Dataset} from '../model/dataset.js';
import {importFromPath} from './import.js';

export interface LoadedInput {
  dataset: Dataset;
  warnings: Diagnostic[];
  /** dataset: a canonical file; spec: generated from a spec first; import: read through a connector. */
  kind: 'dataset' | 'spec' | 'import';
  /** The platform format, for imports. */
  format?: string;
}

/**
 * Any input a command can work on, as a dataset: a canonical dataset (.json/.jsonl), a spec (generated with
 * the given seed) or any platform file a connector can import. `from` forces a platform format.
 */
export async function loadAnyAsDataset(
  path: string,
  options: {from?: string; seed?: number} = {},
): Promise<LoadedInput> {
  if (options.from) {
    const imported = await importFromPath(path, {from: options.from});
    return {dataset: imported.dataset, warnings: imported.warnings, kind: 'import', format: imported.format};
  }
  const kind = await kindOfDocumentFile(path);
  if (kind === 'dataset') {
    const {dataset, warnings} = await loadDataset(path);
    return {dataset, warnings, kind: 'dataset'};
  }
  if (kind === 'spec') {
    const {spec, warnings} = await loadSpec(path);
    const {dataset} = await generateDataset(spec, {seed: options.seed ?? spec.seed ?? 1});
    return {dataset, warnings, kind: 'spec'};
  }
  const imported = await importFromPath(path);
  return {dataset: imported.dataset, warnings: imported.warnings, kind: 'import', format: imported.format};
}

export {inspectFile};
