import type {Connector} from '../../src/connector.js';
import {rasaNluFormat} from './format.js';
import {rasaLimits} from './limits.js';
import {rasaRemote} from './remote.js';

export const rasaConnector: Connector = {
  id: 'rasa',
  displayName: 'Rasa NLU (YAML, legacy JSON and Markdown)',
  formats: [rasaNluFormat],
  limits: rasaLimits,
  ...(rasaRemote ? {remote: rasaRemote} : {}),
};
