/**
 * The public connector contract. Built-in platforms (connectors/*) implement exactly this interface, the same
 * one a third-party package would: a connector translates between platform files and the canonical Dataset,
 * and knows nothing of other connectors or of the commands.
 */
import type {Diagnostic} from './errors.js';
import type {Dataset} from './model/dataset.js';
import type {RemoteConnector} from './remote/types.js';
import type {JsonSchemaObject} from './schema/validate.js';

/** Platform limits and capabilities, used by exports (to refuse or warn) and by coverage checks. */
export interface PlatformLimits {
  maxIntents?: number;
  maxEntities?: number;
  maxUtterancesPerIntent?: number;
  maxUtterancesTotal?: number;
  /** The platform's recommended or required minimum examples per intent. */
  minUtterancesPerIntent?: number;
  /** In characters (UTF-16 code units unless the platform says otherwise). */
  maxUtteranceLength?: number;
  maxIntentNameLength?: number;
  /** ECMAScript regular expression source a valid intent name matches. */
  intentNamePattern?: string;
  maxEntityNameLength?: number;
  entityNamePattern?: string;
  /** What the platform's files can carry; anything else is dropped with one warning per export. */
  supports: {
    variationTags: boolean;
    roles: boolean;
    split: boolean;
    nestedEntities: boolean;
    regexEntities: boolean;
    patterns: boolean;
    phraseLists: boolean;
    /** Intent responses (answers). */
    responses?: boolean;
    /** Rasa-style entity groups on spans. */
    groups?: boolean;
  };
}

/** A file or a set of files to import: a single file, a folder, or a zip archive (read safely by the core). */
export interface ImportSource {
  /** The path the user gave. */
  readonly path: string;
  readonly kind: 'file' | 'folder' | 'zip';
  /** Files inside, as relative POSIX paths (a single file lists its base name). Junk such as __MACOSX/ is left out. */
  list(): string[];
  /** UTF-8 text (BOM removed); fails with a clear error if the bytes are not UTF-8. */
  readText(relativePath: string): Promise<string>;
  readBytes(relativePath: string): Promise<Uint8Array>;
}

/** Helpers the core hands to connectors so they report problems the same way. */
export interface ConnectorContext {
  /** Validates a parsed platform file against a registered schema (by name); returns the problems found (empty when valid). */
  validate(schemaFile: string, value: unknown, file: string): Diagnostic[];
  /** Records a warning (reported once per distinct code and message). */
  warn(diagnostic: Omit<Diagnostic, 'severity'> & {severity?: Diagnostic['severity']}): void;
}

export interface ExportOptions {
  /**
   * Name for the exported agent/app/project (--name). LUIS and CLU: it wins over the dataset's own name (an
   * imported app's); Dialogflow: the agent's description when the dataset has none and no stored agent.
   */
  name?: string;
  /** Include only this split (default: both; platforms without a split notion get train+test merged). */
  split?: 'train' | 'test';
  /** The base name of the output path, when there is one: a format with two syntaxes picks by its extension. */
  outName?: string;
  /** Also write the platform's companion declaration file where the format has one (Rasa: domain.yml). */
  domain?: boolean;
}

/** One file of an export. The core validates `json` against `schema` before anything is written. */
export interface OutputFile {
  /** Relative POSIX path inside the output (a folder or zip), or the base name for single-file formats. */
  path: string;
  content: string | Uint8Array;
  schema?: string;
  json?: unknown;
}

export interface ExportResult {
  files: OutputFile[];
  /**
   * The intents the files hold, as written (with any the platform needs added, e.g. LUIS's None, and
   * without any left out): the core reports this count and names the difference. Default: the dataset's.
   */
  intents?: string[];
}

export interface ImportResult {
  dataset: Dataset;
}

export interface ConnectorFormat {
  /** The value of --to / --from: dialogflow, luis, lu, clu, rasa... Unique across the registry. */
  id: string;
  description: string;
  /** file: one file; archive: several files written as a zip or a folder (decided by --out). */
  layout: 'file' | 'archive';
  /** Typical endings, used for detection and default names: ['.json'], ['.lu'], ['.zip']. */
  extensions: string[];
  /** What this format carries beyond (or short of) its connector's `limits.supports`. */
  supports?: Partial<PlatformLimits['supports']>;
  /**
   * One export holds several languages (a multi-language agent). Without it, a dataset in several languages
   * is exported one file per language: the output name for the primary language, `<name>.<language><ext>`
   * (nlu.es.yml, agent.es.zip) for each other one, and imported back together from those names.
   */
  multiLanguage?: boolean;
  /**
   * With multiLanguage: the platform's limits apply to each language on its own (a Lex bot limits each locale),
   * so the core checks them per language. Without it, one export's languages share them (a CLU project).
   */
  limitsPerLanguage?: boolean;
  /** The dataset metadata namespaces this format reads back (default: its own id and its connector's). */
  metadataNamespaces?: string[];
  /** This format's own limits where they differ from its connector's (LUIS and CLU are two platforms). */
  limits?: Partial<Omit<PlatformLimits, 'supports'>>;
  /** The names of the schemas this format's files validate against (each given in its connector's `schemas`). */
  schemas: string[];
  /** How likely (0..1) it is that the source holds this format; the highest score wins when --from is omitted. */
  detect(source: ImportSource): Promise<number>;
  /** Arguments after `synthnlu export` for the command's help, e.g. `out/data.jsonl --to rasa --out out/nlu.yml`. */
  exportExamples?: string[];
  /** The declaration file ExportOptions.domain (--domain) also writes beside the data, for the help: `domain.yml`. */
  companionFile?: string;
  exportDataset(dataset: Dataset, context: ConnectorContext, options: ExportOptions): Promise<ExportResult>;
  importDataset(source: ImportSource, context: ConnectorContext): Promise<ImportResult>;
}

export interface Connector {
  /** dialogflow, dialogflow-cx, botframework, rasa: a folder under connectors/ holds one or more (dialogflow/ both Dialogflow ones). */
  id: string;
  displayName: string;
  formats: ConnectorFormat[];
  limits: PlatformLimits;
  /**
   * The JSON Schemas of the platform's files, by the names its formats use (`schemas`, `OutputFile.schema`,
   * `context.validate`). Registering the connector registers them; `readPackageSchemas` reads them from the
   * package's own schemas/ folder.
   */
  schemas?: Readonly<Record<string, JsonSchemaObject>>;
  /** Live-platform sync (push/pull), where the platform has an API. */
  remote?: RemoteConnector;
}
