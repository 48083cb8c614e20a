import type {ConnectorContext} from '../connector.js';
import type {Diagnostic} from '../errors.js';
import {librarySchemas, type SchemaSet} from '../schema/validate.js';

/**
 * The ConnectorContext the core hands to connectors; collects warnings once per distinct message. `schemas` is
 * the set `validate` looks schemas up in: the registry's, given by the core; without it, the library's default
 * set (a connector's own push or pull, which validates its built-in schemas).
 */
export function createConnectorContext(
  options: {schemas?: SchemaSet} = {},
): ConnectorContext & {warnings: Diagnostic[]} {
  const schemas = options.schemas ?? librarySchemas;
  const warnings: Diagnostic[] = [];
  const seen = new Set<string>();
  return {
    warnings,
    validate(schemaFile, value, file) {
      const prefix = schemaFile
        .replace(/\.schema\.json$/, '')
        .toUpperCase()
        .replace(/[^A-Z0-9]+/g, '_');
      return schemas.validate(schemaFile, value, {file, codePrefix: prefix, maxDiagnostics: 100});
    },
    warn(diagnostic) {
      const key = `${diagnostic.code}\u0000${diagnostic.message}`;
      if (seen.has(key)) return;
      seen.add(key);
      warnings.push({severity: 'warning', ...diagnostic});
    },
  };
}
