import {readPackageSchemas, type Connector} from '../../src/connector-kit.js';
import {dialogflowCxAgentFormat} from './cx/format.js';
import {dialogflowCxLimits} from './cx/limits.js';
import {dialogflowCxRemote} from './cx/remote.js';
import {dialogflowAgentFormat} from './es/format.js';
import {dialogflowLimits} from './es/limits.js';
import {dialogflowRemote} from './es/remote.js';

/**
 * Dialogflow ES (es/) and Dialogflow CX (cx/): two connectors, each with its own format, limits and remote,
 * in one folder so they share what the two APIs have in common (shared/: system entities, span handling,
 * limits, file layout, JSON reading, gRPC plumbing). Each stays its own connector because each has its own
 * remote (a connector has one) and its own metadata namespace.
 */
export const dialogflowConnector: Connector = {
  id: 'dialogflow',
  displayName: 'Dialogflow ES',
  formats: [dialogflowAgentFormat],
  limits: dialogflowLimits,
  schemas: readPackageSchemas(import.meta.url, dialogflowAgentFormat.schemas),
  ...(dialogflowRemote ? {remote: dialogflowRemote} : {}),
};

export const dialogflowCxConnector: Connector = {
  id: 'dialogflow-cx',
  displayName: 'Dialogflow CX (Conversational Agents)',
  formats: [dialogflowCxAgentFormat],
  limits: dialogflowCxLimits,
  schemas: readPackageSchemas(import.meta.url, dialogflowCxAgentFormat.schemas),
  remote: dialogflowCxRemote,
};
