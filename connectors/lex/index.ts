import {readPackageSchemas, type Connector} from '../../src/connector-kit.js';
import {LEX_SCHEMAS, lexBotFormat} from './format.js';
import {lexLimits} from './limits.js';
import {lexRemote} from './remote.js';

export const lexConnector: Connector = {
  id: 'lex',
  displayName: 'Amazon Lex V2',
  formats: [lexBotFormat],
  limits: lexLimits,
  schemas: readPackageSchemas(import.meta.url, LEX_SCHEMAS),
  remote: lexRemote,
};
