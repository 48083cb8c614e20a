import {readPackageSchemas, type Connector} from '../../src/connector-kit.js';
import {cluFormat, luFormat, luisFormat} from './formats.js';
import {botframeworkLimits} from './limits.js';
import {cluRemote} from './remote.js';

export const botframeworkConnector: Connector = {
  id: 'botframework',
  displayName: 'Bot Framework (LUIS app JSON, .lu, Azure CLU)',
  formats: [luisFormat, luFormat, cluFormat],
  limits: botframeworkLimits,
  schemas: readPackageSchemas(
    import.meta.url,
    [luisFormat, luFormat, cluFormat].flatMap((f) => f.schemas),
  ),
  ...(cluRemote ? {remote: cluRemote} : {}),
};
