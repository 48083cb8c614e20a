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
export type {SpecReader} from './spec/readers.js';
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
} from './library-load.js';
export type {LoadContext} from './load/context.js';
export {validateAgainstSchema, validatorFor, schemaFor, schemaFiles} from './schema/validate.js';
export {writeFileAtomic, openAtomicWriter, type AtomicWriter} from './io/atomic-write.js';
export type * from './connector.js';
export type {RemoteConnector} from './remote/types.js';
export {ConnectorRegistry, createRegistry, registerSpecReader, registry} from './registry.js';
export type {RegistryOptions} from './connector-registry.js';
export {loadAnyAsDataset, type LoadedInput} from './convert/load-any.js';
export {importFromPath, detectFormat, type ImportedDataset} from './convert/import.js';
export {exportToPath, type ExportSummary} from './convert/export.js';
export {openImportSource} from './convert/source.js';
export {writeDataset} from './model/write-dataset.js';
export {
  generateUtterances,
  generateDataset,
  generateUtterancesSync,
  writeGeneratedJsonl,
  languagePackFor,
  datasetHeaderFor,
  parseTemplate,
  escapeTemplateText,
  type GenerateOptions,
  type GenerationReport,
  type IntentReport,
} from './generate/index.js';
export type {
  LanguagePack,
  VariationFamily,
  AnnotatedText,
  VariationContext,
} from './generate/variation/types.js';
export {createRng, type Rng} from './generate/rng.js';
export {loadIntentClassifier, stratifiedFolds, trainIntentClassifier} from './classifier/index.js';
export type {IntentClassifier, Prediction, TrainingExample, TrainOptions} from './classifier/index.js';
export {
  createSynthnluRecognizer,
  createAgentsRecognizer,
  SynthnluAgentsRecognizer,
  loadLocalRecognizer,
  EntityExtractor,
  LocalRecognizer,
} from './recognizer/index.js';
export type {
  AgentsTurn,
  RecognizerSdk,
  SynthnluRecognizer,
  SynthnluRecognizerResult,
} from './recognizer/index.js';
export {
  runCoverage,
  readBaseline,
  DEFAULT_COVERAGE_OPTIONS,
  type CoverageOptions,
  type CoverageReport,
  type Finding,
} from './coverage/index.js';
export {renderHtml} from './report/html.js';
export {renderJunit} from './report/junit.js';
export {pushDataset, pullDataset, type PushOptions, type PushResult} from './remote/push.js';
export {computePlan, formatPlan} from './remote/plan.js';
export type {
  RemoteSession,
  RemoteOptions,
  RemoteFlagSpec,
  RemoteHelp,
  PushPlan,
  PlannedChange,
  ItemResult,
  ApplyReport,
} from './remote/types.js';
