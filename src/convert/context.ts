import type {ConnectorContext} from '../connector.js';
import type {Diagnostic} from '../errors.js';
import {validateAgainstSchema} from '../schema/validate.js';

/** The ConnectorContext the core hands to connectors; collects warnings once per distinct message. */
export function createConnectorContext(): ConnectorContext & {warnings: Diagnostic[]} {
  const warnings: Diagnostic[] = [];
  const seen = new Set<string>();
  return {
    warnings,
    validate(schemaFile, value, file) {
      const prefix = schemaFile
        .replace(/\.schema\.json$/, '')
        .toUpperCase()
        .replace(/[^A-Z0-9]+/g, '_');
      return validateAgainstSchema(schemaFile, value, {file, codePrefix: prefix, maxDiagnostics: 100});
    },
    warn(diagnostic) {
      const key = `${diagnostic.code}\u0000${diagnostic.message}`;
      if (seen.has(key)) return;
      seen.add(key);
      warnings.push({severity: 'warning', ...diagnostic});
    },
  };
}
