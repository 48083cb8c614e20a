import {existsSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {JsonSchemaObject} from './validate.js';

/**
 * Reads `schemas/<name>` of the package the calling module belongs to (pass `import.meta.url`). The folder is
 * looked for from the module's folder upwards, stopping at the package's own package.json, so the same call works
 * from sources (connectors/x/index.ts) and from a build (dist/connectors/x/index.js) at a different depth.
 */
export function readPackageSchema(moduleUrl: string, name: string): JsonSchemaObject {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    const candidate = join(dir, 'schemas', name);
    if (existsSync(candidate)) return JSON.parse(readFileSync(candidate, 'utf8')) as JsonSchemaObject;
    const parent = dirname(dir);
    if (existsSync(join(dir, 'package.json')) || parent === dir)
      throw new Error(`synthnlu: no schemas/${name} above ${fileURLToPath(moduleUrl)}`);
    dir = parent;
  }
}

/** `readPackageSchema` for several names at once, keyed by name: what `Connector.schemas` holds. */
export function readPackageSchemas(
  moduleUrl: string,
  names: readonly string[],
): Record<string, JsonSchemaObject> {
  return Object.fromEntries(names.map((name) => [name, readPackageSchema(moduleUrl, name)]));
}
