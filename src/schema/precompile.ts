/**
 * Ahead-of-time validators for the core's schemas: ajv's standalone code for the refs in PRECOMPILED_REFS,
 * written by `npm run build` (scripts/build-validators.ts) beside validate.js in dist/. The code is ajv's own
 * output from schemas/, so the file is a build product like the rest of dist/, never edited or committed.
 */
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import {ajvKeyFor, coreSchemaRegistry, PRECOMPILED_REFS} from './validate.js';

// ajv's standalone entry is CommonJS; under Node16 resolution its function is on .default.
const standaloneCode = (standaloneCodeModule as unknown as {default: typeof standaloneCodeModule})
  .default as unknown as (ajv: ReturnType<typeof coreSchemaRegistry>, refs: Record<string, string>) => string;

/** The CommonJS source of core-validators.cjs: one export per precompiled ref. */
export function coreValidatorSource(): string {
  const ajv = coreSchemaRegistry({code: {source: true}});
  const refs: Record<string, string> = {};
  for (const [ref, name] of Object.entries(PRECOMPILED_REFS)) refs[name] = ajvKeyFor(ref);
  return standaloneCode(ajv, refs);
}
