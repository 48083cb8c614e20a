/**
 * The LUIS app JSON as exported by the LUIS portal and bf-lu, schema versions 3.x to 7.0.0. Older versions use
 * model_features for phrase lists; 6.x+ use phraselists and entities with children/features. Fields we do not
 * interpret are carried in dataset metadata so a LUIS -> LUIS round trip keeps them.
 */

export interface LuisFeature {
  featureName?: string;
  modelName?: string;
  isRequired?: boolean;
}

export interface LuisEntityLabel {
  entity: string;
  /** UTF-16 offset of the first character. */
  startPos: number;
  /** UTF-16 offset of the LAST character: inclusive, unlike the canonical model's exclusive end. */
  endPos: number;
  role?: string;
  children?: LuisEntityLabel[];
}

export interface LuisUtterance {
  text: string;
  intent: string;
  entities: LuisEntityLabel[];
}

export interface LuisChildEntity {
  name: string;
  instanceOf?: string | null;
  children?: LuisChildEntity[];
  features?: LuisFeature[];
}

export interface LuisEntity {
  name: string;
  roles?: string[];
  children?: LuisChildEntity[];
  features?: LuisFeature[];
}

export interface LuisComposite {
  name: string;
  /** 3.x: child names; 6.x+: [{name}]. */
  children: Array<string | {name: string}>;
  roles?: string[];
}

export interface LuisClosedList {
  name: string;
  subLists: Array<{canonicalForm: string; list: string[]}>;
  roles?: string[];
}

export interface LuisRegexEntity {
  name: string;
  regexPattern: string;
  roles?: string[];
}

export interface LuisPhraseList {
  name: string;
  /** Comma-separated phrases. */
  words: string;
  /** true: the phrases are interchangeable (synonyms). */
  mode: boolean;
  activated?: boolean;
  enabledForAllModels?: boolean;
}

export interface LuisApp {
  luis_schema_version: string;
  versionId?: string;
  name?: string;
  desc?: string;
  culture?: string;
  tokenizerVersion?: string;
  settings?: unknown[];
  intents: Array<{name: string; features?: LuisFeature[]}>;
  entities?: LuisEntity[];
  hierarchicals?: unknown[];
  composites?: LuisComposite[];
  closedLists?: LuisClosedList[];
  prebuiltEntities?: Array<{name: string; roles?: string[]}>;
  patternAnyEntities?: Array<{name: string; roles?: string[]; explicitList?: string[]}>;
  regex_entities?: LuisRegexEntity[];
  regex_features?: unknown[];
  model_features?: LuisPhraseList[];
  phraselists?: LuisPhraseList[];
  patterns?: Array<{pattern: string; intent: string}>;
  utterances: LuisUtterance[];
  [key: string]: unknown;
}

export const LUIS_SCHEMA_FILE = 'luis-app.schema.json';
export const LUIS_WRITTEN_VERSION = '7.0.0';
