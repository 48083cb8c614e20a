import {readPackageSchemas, type Connector} from '../../src/connector-kit.js';
import {rasaNluFormat} from './format.js';
import {rasaLimits} from './limits.js';
import {rasaRemote} from './remote.js';

export const rasaConnector: Connector = {
  id: 'rasa',
  displayName: 'Rasa NLU (YAML, legacy JSON and Markdown)',
  formats: [rasaNluFormat],
  limits: rasaLimits,
  schemas: readPackageSchemas(import.meta.url, rasaNluFormat.schemas),
  ...(rasaRemote ? {remote: rasaRemote} : {}),
};
