/** Rasa training data as all three file formats (YAML, legacy JSON, legacy Markdown) express it. */

export interface RasaEntityAnnotation {
  entity: string;
  /** UTF-16 offsets into the example text, end exclusive. */
  start: number;
  end: number;
  value?: string;
  role?: string;
  group?: string;
}

export interface RasaExample {
  intent: string;
  text: string;
  entities: RasaEntityAnnotation[];
  metadata?: unknown;
}

export interface RasaTrainingData {
  version?: string;
  examples: RasaExample[];
  /** Intents in the order their blocks appear (some have no examples). */
  intents: string[];
  intentMetadata: Map<string, unknown>;
  synonyms: Array<{value: string; synonyms: string[]}>;
  regexes: Array<{name: string; patterns: string[]}>;
  lookups: Array<{name: string; elements: string[]}>;
  /** Lookup tables given as a file path (legacy formats), which a training data file cannot resolve. */
  lookupFiles: Array<{name: string; path: string}>;
}

export function emptyTrainingData(): RasaTrainingData {
  return {
    examples: [],
    intents: [],
    intentMetadata: new Map(),
    synonyms: [],
    regexes: [],
    lookups: [],
    lookupFiles: [],
  };
}
