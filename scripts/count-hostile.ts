/**
 * Counts the hostile-input suite: every test/hostile/*.test.ts exports a `..._CASES` constant, the number of
 * distinct hostile inputs and faults it runs (a table row, or each input a loop in one test feeds the CLI).
 * The files are loaded with `vitest` replaced by a no-op stand-in, so nothing runs: only the tables are read.
 * `tsx scripts/count-hostile.ts [--json]`; test/hostile/count.test.ts holds the suite to its floor.
 */
import {readdirSync} from 'node:fs';
import {register} from 'node:module';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';

const HOSTILE = join(import.meta.dirname, '..', 'test', 'hostile');

/** A function whose every property and call returns itself: describe, it.skipIf(...)(...), expect(...).x... */
const STAND_IN = `const any = new Proxy(function () {}, {get: (_, key) => (key === 'then' ? undefined : any), apply: () => any});
export const describe = any, it = any, test = any, expect = any, vi = any, beforeAll = any, afterAll = any,
  beforeEach = any, afterEach = any, onTestFinished = any, onTestFailed = any;
export default any;`;

const HOOKS = `export async function resolve(specifier, context, next) {
  if (specifier === 'vitest') return {url: 'data:text/javascript,' + encodeURIComponent(${JSON.stringify(STAND_IN)}), shortCircuit: true};
  return next(specifier, context);
}`;

export async function countHostileCases(): Promise<Record<string, number>> {
  register(`data:text/javascript,${encodeURIComponent(HOOKS)}`);
  const counts: Record<string, number> = {};
  for (const file of readdirSync(HOSTILE)
    .filter((f) => f.endsWith('.test.ts') && f !== 'count.test.ts')
    .sort()) {
    const module = (await import(pathToFileURL(join(HOSTILE, file)).href)) as Record<string, unknown>;
    const entries = Object.entries(module).filter(([name]) => name.endsWith('_CASES'));
    if (entries.length !== 1 || typeof entries[0]![1] !== 'number')
      throw new Error(`test/hostile/${file} must export exactly one numeric ..._CASES constant`);
    counts[file] = entries[0]![1] as number;
  }
  return counts;
}

const counts = await countHostileCases();
const total = Object.values(counts).reduce((a, b) => a + b, 0);
if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify({total, files: counts})}\n`);
else {
  for (const [file, n] of Object.entries(counts)) process.stdout.write(`${String(n).padStart(5)}  ${file}\n`);
  process.stdout.write(`${String(total).padStart(5)}  hostile inputs and faults\n`);
}
