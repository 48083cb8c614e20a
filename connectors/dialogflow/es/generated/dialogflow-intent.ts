/* Generated from schemas/dialogflow-intent.schema.json by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */

/**
 * intents/<name>.json: one intent's settings, parameters and responses.
 */
export interface DialogflowIntent {
  id?: string;
  parentId?: string;
  rootParentId?: string;
  /**
   * Intent display name (may contain characters not allowed in file names).
   */
  name: string;
  auto?: boolean;
  contexts?: string[];
  responses?: DialogflowResponse[];
  priority?: number;
  webhookUsed?: boolean;
  webhookForSlotFilling?: boolean;
  fallbackIntent?: boolean;
  events?: {
    name: string;
  }[];
  conditionalResponses?: unknown[];
  condition?: string;
  conditionalFollowupEvents?: unknown[];
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `DialogflowIntent`'s JSON-Schema
 * via the `definition` "Response".
 */
export interface DialogflowResponse {
  resetContexts?: boolean;
  action?: string;
  affectedContexts?: {
    name: string;
    lifespan?: number;
  }[];
  parameters?: DialogflowParameter[];
  messages?: DialogflowMessage[];
  defaultResponsePlatforms?: {};
  speech?: unknown[] | string;
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `DialogflowIntent`'s JSON-Schema
 * via the `definition` "Parameter".
 */
export interface DialogflowParameter {
  id?: string;
  required?: boolean;
  /**
   * @entity-name or @sys.*; empty for parameters without an entity.
   */
  dataType?: string;
  name: string;
  value?: string;
  defaultValue?: string;
  isList?: boolean;
  prompts?: {
    lang?: string;
    value?: string;
  }[];
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `DialogflowIntent`'s JSON-Schema
 * via the `definition` "Message".
 */
export interface DialogflowMessage {
  type?: number | string;
  lang?: string;
  condition?: string;
  speech?: string[] | string;
  [k: string]: unknown | undefined;
}
