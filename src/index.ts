/**
 * synthnlu as a library: the same API the commands call.
 */
export * from './errors.js';
export * from './model/dataset.js';
export {checkDataset} from './model/check-dataset.js';
export type {
  Spec,
  EntitySpec,
  IntentSpec,
  GenerationSettings,
  VariationMix,
  WeightedText,
  ListValueSpec,
} from './spec/spec.js';
export {checkSpec} from './spec/check-spec.js';
export {registerSpecReader, type SpecReader} from './spec/readers.js';
export {
  inspectFile,
  inspectSpecFile,
  inspectDatasetFile,
  inspectSpecText,
  inspectDatasetText,
  loadSpec,
  loadDataset,
  type Inspection,
  type InputKind,
} from './load/inspect.js';
export {validateAgainstSchema, validatorFor, schemaFor, schemaFiles} from './schema/validate.js';
export {writeFileAtomic, openAtomicWriter, type AtomicWriter} from './io/atomic-write.js';
export type * from './connector.js';
export type {RemoteConnector} from './remote/types.js';
export {ConnectorRegistry, registry} from './registry.js';
