import type {Connector} from '../../src/connector.js';
import {dialogflowAgentFormat} from './format.js';
import {dialogflowLimits} from './limits.js';
import {dialogflowRemote} from './remote.js';

export const dialogflowConnector: Connector = {
  id: 'dialogflow',
  displayName: 'Dialogflow ES',
  formats: [dialogflowAgentFormat],
  limits: dialogflowLimits,
  ...(dialogflowRemote ? {remote: dialogflowRemote} : {}),
};
