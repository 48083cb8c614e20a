import type {Diagnostic} from '../errors.js';
import type {Locator} from '../schema/validate.js';

/**
 * Spec formats other than synthnlu's own YAML/JSON (e.g. Chatito). A reader turns its text into the same
 * object a synthnlu.yaml would hold, which is then validated against spec.schema.json like any other.
 */
export interface SpecReader {
  /** File name endings it reads, lower case with the dot: ['.chatito']. */
  extensions: string[];
  description: string;
  read(text: string, file: string): Promise<{value: unknown; locate?: Locator; diagnostics?: Diagnostic[]}>;
}
