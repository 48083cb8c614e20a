import type {ConnectorRegistry} from '../connector-registry.js';
import type {Diagnostic} from '../errors.js';
import {inspectFile, loadDataset, loadSpec} from '../load/inspect.js';
import {kindOfDocumentFile} from '../load/kind.js';
import type {Dataset} from '../model/dataset.js';

// The generator and the connectors (with their HTTP, zip and platform clients) are loaded only for the inputs
// that need them: `predict` on a canonical dataset must start fast.
const importFromPath = async (...args: Parameters<typeof import('./import.js').importFromPath>) =>
  (await import('./import.js')).importFromPath(...args);

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
 * the given seed) or any platform file a connector can import. `from` forces a platform format. `registry` is
 * the command's (its connectors and spec readers); a library call without one gets the default registry.
 */
export async function loadAnyAsDataset(
  path: string,
  options: {from?: string; seed?: number; registry?: ConnectorRegistry} = {},
): Promise<LoadedInput> {
  const registry = options.registry ?? (await import('../registry.js')).registry;
  if (options.from) {
    const imported = await importFromPath(path, {from: options.from, registry});
    return {dataset: imported.dataset, warnings: imported.warnings, kind: 'import', format: imported.format};
  }
  const kind = await kindOfDocumentFile(path, registry);
  if (kind === 'dataset') {
    const {dataset, warnings} = await loadDataset(path);
    return {dataset, warnings, kind: 'dataset'};
  }
  if (kind === 'spec') {
    const {spec, warnings} = await loadSpec(path, registry);
    const {generateDataset} = await import('../generate/index.js');
    const {dataset} = await generateDataset(spec, {seed: options.seed ?? spec.seed ?? 1});
    return {dataset, warnings, kind: 'spec'};
  }
  const imported = await importFromPath(path, {registry});
  return {dataset: imported.dataset, warnings: imported.warnings, kind: 'import', format: imported.format};
}

export {inspectFile};
