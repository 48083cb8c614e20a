/**
 * Writes the types generated from schemas/ (npm run schemas:types); with --check, writes nothing and fails when
 * they are out of date (npm run schemas:check, part of npm run lint). See scripts/schema-types.ts.
 */
import {GENERATED_DIRS, syncSchemaTypes} from './schema-types.js';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
const problems = await syncSchemaTypes(root, {write: !check});
for (const problem of problems) console.error(problem);
if (problems.length > 0) process.exit(1);
if (!check) console.log(`types written for every schema in schemas/ (to ${GENERATED_DIRS.join(', ')})`);
