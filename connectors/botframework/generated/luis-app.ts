/* Generated from schemas/luis-app.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * This interface was referenced by `LUISAppJSON`'s JSON-Schema
 * via the `definition` "features".
 */
export type LuisFeatures = {
  featureName?: string;
  modelName?: string;
  isRequired?: boolean;
}[];
/**
 * This interface was referenced by `LUISAppJSON`'s JSON-Schema
 * via the `definition` "roles".
 */
export type LuisRoles = string[];

/**
 * A LUIS application export (luis_schema_version 3.x to 7.0.0), as written by the LUIS portal, the authoring API and bf-lu. synthnlu writes 7.0.0. Offsets are UTF-16 code units; endPos is INCLUSIVE (the index of the last character).
 */
export interface LUISAppJSON {
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
  entities?: MlEntity[];
  hierarchicals?: unknown[];
  composites?: {
    name: string;
    children: (
      | string
      | {
          name: string;
        }
    )[];
    roles?: LuisRoles;
  }[];
  closedLists?: {
    name: string;
    subLists: {
      canonicalForm: string;
      list: string[];
    }[];
    roles?: LuisRoles;
  }[];
  prebuiltEntities?: {
    name: string;
    roles?: LuisRoles;
  }[];
  patternAnyEntities?: {
    name: string;
    roles?: LuisRoles;
    explicitList?: string[];
  }[];
  regex_entities?: {
    name: string;
    regexPattern: string;
    roles?: LuisRoles;
  }[];
  regex_features?: unknown[];
  model_features?: PhraseList[];
  phraselists?: PhraseList[];
  patterns?: {
    pattern: string;
    intent: string;
  }[];
  utterances: {
    text: string;
    intent: string;
    entities?: Label[];
  }[];
}
/**
 * This interface was referenced by `LUISAppJSON`'s JSON-Schema
 * via the `definition` "mlEntity".
 */
export interface MlEntity {
  name: string;
  roles?: LuisRoles;
  children?: ChildEntity[];
  features?: LuisFeatures;
}
/**
 * This interface was referenced by `LUISAppJSON`'s JSON-Schema
 * via the `definition` "childEntity".
 */
export interface ChildEntity {
  name: string;
  instanceOf?: string | null;
  children?: ChildEntity[];
  features?: LuisFeatures;
}
/**
 * This interface was referenced by `LUISAppJSON`'s JSON-Schema
 * via the `definition` "phraseList".
 */
export interface PhraseList {
  name: string;
  words: string;
  mode: boolean;
  activated?: boolean;
  enabledForAllModels?: boolean;
}
/**
 * This interface was referenced by `LUISAppJSON`'s JSON-Schema
 * via the `definition` "label".
 */
export interface Label {
  entity: string;
  startPos: number;
  endPos: number;
  role?: string;
  children?: Label[];
}
