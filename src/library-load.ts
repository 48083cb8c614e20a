/**
 * The loader as the library offers it: a registry may be given (its spec readers and connectors decide what a
 * file is); without one, the library's default registry (src/registry.ts) is used. The commands call
 * src/load/inspect.ts with their own registry instead.
 */
import type {Diagnostic} from './errors.js';
import type {Dataset} from './model/dataset.js';
import * as load from './load/inspect.js';
import {registry as defaultRegistry} from './registry.js';
import type {SpecDocument} from './spec/spec.js';

export {
  inspectDatasetFile,
  inspectDatasetText,
  loadDataset,
  type Inspection,
  type InputKind,
} from './load/inspect.js';

/** Inspects a spec or a dataset, deciding which from the name and content. */
export function inspectFile(
  file: string,
  registry: load.LoadContext = defaultRegistry,
): Promise<load.Inspection<SpecDocument> | load.Inspection<Dataset>> {
  return load.inspectFile(file, registry);
}

/** Inspects a spec file (YAML, JSON, or a format a spec reader of the registry reads). */
export function inspectSpecFile(
  file: string,
  registry: load.LoadContext = defaultRegistry,
): Promise<load.Inspection<SpecDocument>> {
  return load.inspectSpecFile(file, registry);
}

/** Inspects a spec's text; `file` names it (and its ending picks the reader). */
export function inspectSpecText(
  text: string,
  file: string,
  registry: load.LoadContext = defaultRegistry,
): Promise<load.Inspection<SpecDocument>> {
  return load.inspectSpecText(text, file, registry);
}

/** Loads a spec; throws a SynthnluError listing every problem when it is unusable. */
export function loadSpec(
  file: string,
  registry: load.LoadContext = defaultRegistry,
): Promise<{spec: SpecDocument; warnings: Diagnostic[]}> {
  return load.loadSpec(file, registry);
}
