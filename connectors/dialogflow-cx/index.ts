import {readPackageSchemas, type Connector} from '../../src/connector-kit.js';
import {dialogflowCxAgentFormat} from './format.js';
import {dialogflowCxLimits} from './limits.js';
import {dialogflowCxRemote} from './remote.js';

export const dialogflowCxConnector: Connector = {
  id: 'dialogflow-cx',
  displayName: 'Dialogflow CX (Conversational Agents)',
  formats: [dialogflowCxAgentFormat],
  limits: dialogflowCxLimits,
  schemas: readPackageSchemas(import.meta.url, dialogflowCxAgentFormat.schemas),
  remote: dialogflowCxRemote,
};
