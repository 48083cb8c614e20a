/* Generated from schemas/clu-project.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * An Azure AI Language conversational language understanding (CLU) project as imported/exported by the authoring API (projectFileVersion 2022-05-01 and later; the 2022-03-01-preview files with api-version and assets.utterances are read too). offset/length count units of stringIndexType; synthnlu writes Utf16CodeUnit.
 */
export type CluProject = (
  | {
      projectFileVersion: string;
    }
  | {
      'api-version': string;
    }
) & {
  /**
   * A CLU project file version: a date from 2022 on, optionally -preview.
   */
  projectFileVersion?: string;
  'api-version'?: string;
  stringIndexType: 'Utf16CodeUnit' | 'Utf8CodeUnit' | 'UnicodeCodePoint';
  metadata: {
    projectKind: string;
    projectName: string;
    language: string;
    multilingual?: boolean;
    description?: string;
    settings?: {
      [k: string]: unknown | undefined;
    };
    [k: string]: unknown | undefined;
  };
  assets: {
    projectKind?: string;
    intents: CluIntent[];
    entities: CluEntity[];
    utterances: CluUtterance[];
    [k: string]: unknown | undefined;
  };
  [k: string]: unknown | undefined;
};

/**
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "intent".
 */
export interface CluIntent {
  category: string;
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "entity".
 */
export interface CluEntity {
  category: string;
  description?: string;
  compositionSetting?:
    | 'returnLongestOverlap'
    | 'requireExactOverlap'
    | 'separateComponents'
    | 'combineComponents'
    | 'returnUnion';
  list?: {
    sublists: {
      listKey: string;
      synonyms: CluListSynonyms[];
    }[];
  };
  prebuilts?: {
    category: string;
  }[];
  regex?: {
    expressions: {
      regexKey: string;
      language?: string;
      regexPattern: string;
    }[];
  };
  requiredComponents?: string[];
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "listSynonyms".
 */
export interface CluListSynonyms {
  language: string;
  values: string[];
}
/**
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "utterance".
 */
export interface CluUtterance {
  text: string;
  language?: string;
  intent: string;
  entities?: CluEntityLabel[];
  dataset?: 'Train' | 'Test';
}
/**
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "entityLabel".
 */
export interface CluEntityLabel {
  category: string;
  offset: number;
  length: number;
}
