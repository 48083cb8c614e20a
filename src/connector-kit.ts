/**
 * synthnlu/connector-kit: everything a connector may use, and the only synthnlu module one may import. The
 * built-in connectors (connectors/*) are held to it by eslint, so a third-party connector in an oclif plugin
 * has exactly what they have. See CONTRIBUTING.md ("Adding a connector").
 */

// The contract: Connector, ConnectorFormat, ConnectorContext, ImportSource, PlatformLimits, ExportOptions...
export type * from './connector.js';
export {formatLimits, formatSupports} from './connector-registry.js';
// A spec format a plugin adds (package.json "synthnlu": {"specReaders": "<module>"}, exporting `specReaders`).
export type {SpecReader} from './spec/spec-reader.js';

// The canonical dataset model connectors translate to and from.
export * from './model/dataset.js';
// Datasets in several languages: the languages held, one language's view, an utterance's language, one-language
// parts back together, and the helpers of platforms that keep one file per language (Dialogflow ES and CX).
export {
  datasetInLanguage,
  datasetLanguages,
  defaultLanguageFirst,
  languageForms,
  linkLanguageForms,
  mergeLanguages,
  otherLanguagesOf,
  utteranceLanguage,
} from './model/languages.js';

// Errors and diagnostics: stable codes, exit codes, file/line/path, suggestions.
export * from './errors.js';

// Schemas, registered by object: a connector hands its JSON Schemas over in Connector.schemas.
export {readPackageSchema, readPackageSchemas} from './schema/package-schema.js';
export {registerSchema, validateAgainstSchema, type JsonSchemaObject} from './schema/validate.js';

// The context the core hands to exports and imports (also for a connector's own push/pull).
export {createConnectorContext} from './convert/context.js';

// Reading text files (size-bounded, UTF-8 checked) and locating offsets in them.
export * from './io/read-text.js';
// Depth limits and duplicate keys for the YAML and JSON a connector parses itself.
export {checkJsonStructure, checkYamlDepth, MAX_NESTING_DEPTH} from './load/structure-guard.js';
export {textControlProblem} from './model/names.js';

// Live platforms: the RemoteConnector contract, HTTP with retries, gRPC helpers, endpoint policy, backups.
export type * from './remote/types.js';
export * from './remote/retry.js';
export * from './remote/http.js';
export * from './remote/endpoint.js';
export * from './remote/backup-file.js';
export * from './remote/grpc.js';
export * from './remote/google-client.js';
export {computePlan, formatPlan, pushedUtterances, phraseKey, isManagedEntity} from './remote/plan.js';

// The conformance suite is synthnlu/conformance (src/conformance/index.ts): it loads every built-in connector.
// What a round trip must keep (intents, utterances with their spans, list entities), as comparable lines.
export {project, type Projection} from './conformance/projection.js';
