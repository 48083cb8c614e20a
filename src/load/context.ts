import type {SpecReader} from '../spec/spec-reader.js';

/**
 * What reading a spec or a dataset needs from the command's registry, passed in by the command (the loader
 * imports no registry and knows no connector). A ConnectorRegistry is one.
 */
export interface LoadContext {
  /** The spec reader for a file, by its name's ending (Chatito, a plugin's format); none for YAML/JSON. */
  specReaderFor(file: string): SpecReader | undefined;
  /** The platform format a connector recognises in the file, if any: LUIS JSON also has `intents`. */
  formatClaiming(file: string): Promise<string | undefined>;
  /** The platform formats, named in the message for a file that is neither a spec nor a dataset. */
  formatIds(): string[];
}
