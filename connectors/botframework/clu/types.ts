/**
 * Azure CLU conversation project import/export JSON
 * (https://learn.microsoft.com/rest/api/language/conversational-analysis-authoring/import). Offsets and
 * lengths count units of `stringIndexType` (we write Utf16CodeUnit, JavaScript's own string indices).
 */

export interface CluEntityLabel {
  category: string;
  offset: number;
  length: number;
}

export interface CluUtterance {
  text: string;
  language?: string;
  intent: string;
  entities?: CluEntityLabel[];
  dataset?: 'Train' | 'Test';
}

export interface CluListSynonyms {
  language: string;
  values: string[];
}

export interface CluEntity {
  category: string;
  description?: string;
  compositionSetting?: string;
  list?: {sublists: Array<{listKey: string; synonyms: CluListSynonyms[]}>};
  prebuilts?: Array<{category: string}>;
  regex?: {expressions: Array<{regexKey: string; language: string; regexPattern: string}>};
  requiredComponents?: string[];
  [key: string]: unknown;
}

export interface CluProject {
  projectFileVersion?: string;
  'api-version'?: string;
  stringIndexType: 'Utf16CodeUnit' | 'Utf8CodeUnit' | 'UnicodeCodePoint';
  metadata: {
    projectKind: string;
    projectName: string;
    language: string;
    multilingual?: boolean;
    description?: string;
    settings?: Record<string, unknown>;
    [key: string]: unknown;
  };
  assets: {
    projectKind?: string;
    intents: Array<{category: string; [key: string]: unknown}>;
    entities: CluEntity[];
    utterances: CluUtterance[];
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export const CLU_SCHEMA_FILE = 'clu-project.schema.json';
/** The projectFileVersion we write: the GA authoring API version current CLU accepts for import. */
export const CLU_WRITTEN_VERSION = '2023-04-01';
