/* Generated from schemas/watson-workspace.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * An IBM watsonx Assistant (Watson Assistant, earlier Watson Conversation) dialog skill as exported: the Workspace object of the v1 API (https://cloud.ibm.com/apidocs/assistant-v1#createworkspace, models Workspace, CreateIntent, Example, Mention, CreateEntity, CreateValue, Counterexample). The string limits are the API's (intent name 128 characters of Unicode letters, digits, _, - and .; entity name 64 of letters, digits, _ and -; example and counterexample text 1024; value and synonym 64; pattern 512, at most 5 per value). Dialog nodes, webhooks, settings and metadata are kept as they are: they are not training data. Old Conversation-era exports have created/updated stamps and no metadata.api_version; some write learningOptOut instead of learning_opt_out. definitions/ActionsSkill is the actions skill export, a wrapper around the same workspace.
 */
export interface WatsonWorkspace {
  name?: string;
  description?: string | null;
  language?: string;
  workspace_id?: string;
  skill_id?: string;
  status?: string;
  created?: string;
  updated?: string;
  metadata?: {
    [k: string]: unknown | undefined;
  } | null;
  learning_opt_out?: boolean;
  learningOptOut?: boolean;
  system_settings?: {
    [k: string]: unknown | undefined;
  };
  webhooks?: {
    [k: string]: unknown | undefined;
  }[];
  intents: WatsonIntent[];
  entities?: WatsonEntity[];
  counterexamples?: WatsonCounterexample[];
  dialog_nodes?: WatsonDialogNode[];
  actions?: {
    [k: string]: unknown | undefined;
  }[];
  variables?: {
    [k: string]: unknown | undefined;
  }[];
  data_types?: {
    [k: string]: unknown | undefined;
  }[];
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `WatsonWorkspace`'s JSON-Schema
 * via the `definition` "intent".
 */
export interface WatsonIntent {
  /**
   * Unicode letters and digits, _, - and .; not only dots; never the reserved prefix sys-.
   */
  intent: string;
  description?: string | null;
  examples?: WatsonExample[];
  created?: string;
  updated?: string;
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `WatsonWorkspace`'s JSON-Schema
 * via the `definition` "example".
 */
export interface WatsonExample {
  /**
   * No carriage return, newline or tab.
   */
  text: string;
  mentions?: WatsonMention[];
  created?: string;
  updated?: string;
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `WatsonWorkspace`'s JSON-Schema
 * via the `definition` "mention".
 */
export interface WatsonMention {
  entity: string;
  /**
   * [start, end) of the mention in the example text, in UTF-16 code units.
   *
   * @minItems 2
   * @maxItems 2
   */
  location: [number, number];
}
/**
 * This interface was referenced by `WatsonWorkspace`'s JSON-Schema
 * via the `definition` "entity".
 */
export interface WatsonEntity {
  /**
   * Unicode letters and digits, _ and -; sys- names a system entity (its values are ignored).
   */
  entity: string;
  description?: string | null;
  metadata?: {
    [k: string]: unknown | undefined;
  } | null;
  fuzzy_match?: boolean;
  values?: WatsonValue[];
  created?: string;
  updated?: string;
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `WatsonWorkspace`'s JSON-Schema
 * via the `definition` "value".
 */
export interface WatsonValue {
  value: string;
  type?: 'synonyms' | 'patterns';
  synonyms?: string[];
  /**
   * @maxItems 5
   */
  patterns?:
    | []
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string];
  metadata?: {
    [k: string]: unknown | undefined;
  } | null;
  created?: string;
  updated?: string;
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `WatsonWorkspace`'s JSON-Schema
 * via the `definition` "counterexample".
 */
export interface WatsonCounterexample {
  text: string;
  created?: string;
  updated?: string;
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `WatsonWorkspace`'s JSON-Schema
 * via the `definition` "dialogNode".
 */
export interface WatsonDialogNode {
  dialog_node: string;
  [k: string]: unknown | undefined;
}
/**
 * An actions skill export (the v2 API's skill export): the skill's settings around the workspace that holds its actions, intents and entities.
 *
 * This interface was referenced by `WatsonWorkspace`'s JSON-Schema
 * via the `definition` "actionsSkill".
 */
export interface WatsonActionsSkill {
  name?: string;
  description?: string | null;
  type?: 'action' | 'dialog' | 'search';
  status?: string;
  language?: string;
  skill_id?: string;
  created?: string;
  updated?: string;
  dialog_settings?: {
    [k: string]: unknown | undefined;
  };
  workspace: WatsonWorkspace;
  [k: string]: unknown | undefined;
}
