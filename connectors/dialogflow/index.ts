import {readPackageSchemas, type Connector} from '../../src/connector-kit.js';
import {dialogflowAgentFormat} from './format.js';
import {dialogflowLimits} from './limits.js';
import {dialogflowRemote} from './remote.js';

export const dialogflowConnector: Connector = {
  id: 'dialogflow',
  displayName: 'Dialogflow ES',
  formats: [dialogflowAgentFormat],
  limits: dialogflowLimits,
  schemas: readPackageSchemas(import.meta.url, dialogflowAgentFormat.schemas),
  ...(dialogflowRemote ? {remote: dialogflowRemote} : {}),
};
