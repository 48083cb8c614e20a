import {builtinConnectors} from '../connectors/index.js';
import {ConnectorRegistry} from './connector-registry.js';

export {ConnectorRegistry, formatLimits, formatSupports} from './connector-registry.js';

/** The default registry: every built-in connector, then those of installed plugins (src/hooks/init.ts). */
export const registry = new ConnectorRegistry(builtinConnectors);
