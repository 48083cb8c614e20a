import type {PlatformLimits} from '../../../src/connector-kit.js';
import {DIALOGFLOW_AGENT_LIMITS, DIALOGFLOW_SUPPORTS} from '../shared/limits.js';

/**
 * Dialogflow ES limits: the ES rows of https://cloud.google.com/dialogflow/quotas (../shared/limits.ts).
 * Parameter aliases on annotations carry roles; templates are a legacy "@" mode, not patterns; regex entity
 * types exist (isRegexp). Of its own, ES carries text responses in its intent files.
 */
export const dialogflowLimits: PlatformLimits = {
  ...DIALOGFLOW_AGENT_LIMITS,
  supports: {...DIALOGFLOW_SUPPORTS, responses: true},
};
