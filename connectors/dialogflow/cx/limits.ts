import type {PlatformLimits} from '../../../src/connector-kit.js';
import {DIALOGFLOW_AGENT_LIMITS, DIALOGFLOW_SUPPORTS} from '../shared/limits.js';

/**
 * Dialogflow CX limits. The counts are Dialogflow's documented ES limits (../shared/limits.ts): the CX rows of
 * https://cloud.google.com/dialogflow/quotas were not checked in this change, so treat them as the same until
 * someone does. Real CX intent names go past 64 characters (goodbye-graffiti has 69), so none is enforced.
 * Parameter ids carry roles (two @city parts as "from" and "to"); regexp entity types exist (KIND_REGEXP).
 * Unlike ES, no responses: CX keeps them in flows and pages, not in intents.
 */
export const dialogflowCxLimits: PlatformLimits = {
  ...DIALOGFLOW_AGENT_LIMITS,
  supports: {...DIALOGFLOW_SUPPORTS},
};
