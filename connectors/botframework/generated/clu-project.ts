/* Generated from schemas/clu-project.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * An Azure AI Language conversational language understanding (CLU) project as imported/exported by the authoring API (projectFileVersion 2022-05-01 and later; the 2022-03-01-preview files with api-version and assets.utterances are read too). offset/length count units of stringIndexType; synthnlu writes Utf16CodeUnit.
 */
export type AzureCLUConversationProject = (
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
    settings?: {};
  };
  assets: {
    projectKind?: string;
    intents: {
      category: string;
    }[];
    entities: Entity[];
    utterances: Utterance[];
  };
};

/**
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "entity".
 */
export interface Entity {
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
      synonyms: {
        language: string;
        values: string[];
      }[];
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
}
/**
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "utterance".
 */
export interface Utterance {
  text: string;
  language?: string;
  intent: string;
  entities?: {
    category: string;
    offset: number;
    length: number;
  }[];
  dataset?: 'Train' | 'Test';
}
