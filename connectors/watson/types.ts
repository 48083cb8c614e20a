/**
 * The parts of a watsonx Assistant skill export synthnlu reads and writes. The file types are generated from
 * schemas/watson-workspace.schema.json (npm run schemas:types); this module adds what the dataset keeps of them
 * in metadata.watson, so an unchanged workspace is written back byte for byte.
 */
export type {
  WatsonActionsSkill,
  WatsonCounterexample,
  WatsonEntity,
  WatsonExample,
  WatsonIntent,
  WatsonMention,
  WatsonValue,
  WatsonWorkspace,
} from './generated/watson-workspace.js';

export const WATSON_SCHEMA = 'watson-workspace.schema.json';
/** The actions skill export: a wrapper around the workspace (a definition of the same schema). */
export const WATSON_ACTIONS_SCHEMA = `${WATSON_SCHEMA}#/definitions/actionsSkill`;

/** The connector's namespace in the canonical model's metadata. */
export const WATSON_METADATA_KEY = 'watson';

/** A JSON object as read, kept with its keys in their order. */
export type JsonObject = Record<string, unknown>;

/** metadata.watson of a dataset: everything in the skill that is not training data, as read. */
export interface WatsonDatasetMetadata {
  /**
   * The workspace as read, with its intents and entities emptied ([]) where they were: dialog nodes,
   * counterexamples, webhooks, system settings, actions, variables, metadata...
   */
  workspace?: JsonObject;
  /** An actions skill export: the wrapper as read, its workspace emptied ({}). */
  skill?: JsonObject;
  /** How the file was written: the JSON.stringify indent that reproduces it and a final newline, or its exact text. */
  fileLayout?: {indent?: number | string; newline?: boolean; text?: string};
}

/**
 * Per intent, entity, value or example: the object as read with its managed keys emptied, kept only when the
 * writer's default (same keys, same order) would not give it back (created/updated stamps, other key orders).
 */
export interface WatsonShapeMetadata {
  fieldsAsRead?: JsonObject;
}

/** metadata.watson of an entity. */
export interface WatsonEntityMetadata extends WatsonShapeMetadata {
  /** Values as read whose shape the default would not give back (an array: one warning name elsewhere). */
  valueFieldsAsRead?: Array<{value: string; fields: JsonObject}>;
  /** Pattern values (name and patterns) as read: the canonical regex entity holds the patterns only. */
  patternValues?: Array<{value: string; patterns: string[]}>;
}
