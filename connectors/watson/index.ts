import {readPackageSchemas, type Connector} from '../../src/connector-kit.js';
import {watsonFormat} from './format.js';
import {watsonLimits} from './limits.js';

export const watsonConnector: Connector = {
  id: 'watson',
  displayName: 'IBM watsonx Assistant',
  formats: [watsonFormat],
  limits: watsonLimits,
  schemas: readPackageSchemas(import.meta.url, watsonFormat.schemas),
};
