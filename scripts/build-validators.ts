/**
 * Writes dist/src/schema/core-validators.cjs: the core schemas' validators compiled ahead of time (see
 * src/schema/precompile.ts). Run by `npm run build` after tsc.
 */
import {writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {coreValidatorSource} from '../src/schema/precompile.js';
import {PRECOMPILED_FILE} from '../src/schema/validate.js';

const target = fileURLToPath(new URL(`../dist/src/schema/${PRECOMPILED_FILE}`, import.meta.url));
writeFileSync(target, coreValidatorSource());
console.error(`wrote ${target}`);
