/* Generated from schemas/luis-app.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * This interface was referenced by `LuisApp`'s JSON-Schema
 * via the `definition` "features".
 */
export type LuisFeatures = LuisFeature[];
/**
 * This interface was referenced by `LuisApp`'s JSON-Schema
 * via the `definition` "roles".
 */
export type LuisRoles = string[];

/**
 * A LUIS application export (luis_schema_version 3.x to 7.0.0), as written by the LUIS portal, the authoring API and bf-lu. synthnlu writes 7.0.0. Offsets are UTF-16 code units; endPos is INCLUSIVE (the index of the last character).
 */
export interface LuisApp {
  /**
   * Major versions 1 to 7 exist; a file claiming another was not written by LUIS or bf-lu and is refused rather than guessed at.
   */
  luis_schema_version?: string;
  versionId?: string;
  name?: string;
  desc?: string;
  culture?: string;
  tokenizerVersion?: string;
  settings?: unknown[];
  intents: {
    name: string;
    features?: LuisFeatures;
  }[];
  entities?: LuisEntity[];
  hierarchicals?: unknown[];
  composites?: LuisComposite[];
  closedLists?: LuisClosedList[];
  prebuiltEntities?: {
    name: string;
    roles?: LuisRoles;
  }[];
  patternAnyEntities?: {
    name: string;
    roles?: LuisRoles;
    explicitList?: string[];
  }[];
  regex_entities?: LuisRegexEntity[];
  regex_features?: unknown[];
  model_features?: LuisPhraseList[];
  phraselists?: LuisPhraseList[];
  patterns?: {
    pattern: string;
    intent: string;
  }[];
  utterances: LuisUtterance[];
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `LuisApp`'s JSON-Schema
 * via the `definition` "feature".
 */
export interface LuisFeature {
  featureName?: string;
  modelName?: string;
  isRequired?: boolean;
}
/**
 * This interface was referenced by `LuisApp`'s JSON-Schema
 * via the `definition` "entity".
 */
export interface LuisEntity {
  name: string;
  roles?: LuisRoles;
  children?: LuisChildEntity[];
  features?: LuisFeatures;
}
/**
 * This interface was referenced by `LuisApp`'s JSON-Schema
 * via the `definition` "childEntity".
 */
export interface LuisChildEntity {
  name: string;
  instanceOf?: string | null;
  children?: LuisChildEntity[];
  features?: LuisFeatures;
}
/**
 * This interface was referenced by `LuisApp`'s JSON-Schema
 * via the `definition` "composite".
 */
export interface LuisComposite {
  name: string;
  /**
   * 3.x: child names; 6.x+: [{name}].
   */
  children: (
    | string
    | {
        name: string;
      }
  )[];
  roles?: LuisRoles;
}
/**
 * This interface was referenced by `LuisApp`'s JSON-Schema
 * via the `definition` "closedList".
 */
export interface LuisClosedList {
  name: string;
  subLists: {
    canonicalForm: string;
    list: string[];
  }[];
  roles?: LuisRoles;
}
/**
 * This interface was referenced by `LuisApp`'s JSON-Schema
 * via the `definition` "regexEntity".
 */
export interface LuisRegexEntity {
  name: string;
  regexPattern: string;
  roles?: LuisRoles;
}
/**
 * A phrase list: model_features before 6.x, phraselists from 6.x.
 *
 * This interface was referenced by `LuisApp`'s JSON-Schema
 * via the `definition` "phraseList".
 */
export interface LuisPhraseList {
  name: string;
  /**
   * Comma-separated phrases.
   */
  words: string;
  /**
   * true: the phrases are interchangeable (synonyms).
   */
  mode: boolean;
  activated?: boolean;
  enabledForAllModels?: boolean;
}
/**
 * This interface was referenced by `LuisApp`'s JSON-Schema
 * via the `definition` "utterance".
 */
export interface LuisUtterance {
  text: string;
  intent: string;
  entities?: LuisEntityLabel[];
}
/**
 * This interface was referenced by `LuisApp`'s JSON-Schema
 * via the `definition` "entityLabel".
 */
export interface LuisEntityLabel {
  entity: string;
  /**
   * UTF-16 offset of the first character.
   */
  startPos: number;
  /**
   * UTF-16 offset of the LAST character: inclusive, unlike the canonical model's exclusive end.
   */
  endPos: number;
  role?: string;
  children?: LuisEntityLabel[];
}
