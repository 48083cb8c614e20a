/**
 * Writes the types generated from schemas/ (npm run schemas:types); with --check, writes nothing and fails when
 * they are out of date (npm run schemas:check, part of npm run lint). See scripts/schema-types.ts.
 */
import {syncSchemaTypes} from './schema-types.js';

const root = new URL('..', import.meta.url).pathname;
const problems = await syncSchemaTypes(root, {write: !process.argv.includes('--check')});
for (const problem of problems) console.error(problem);
if (problems.length > 0) process.exit(1);
