/**
 * Benchmark harness: runs each bench/*.bench.ts in its own process (so peak memory is its own), prints a
 * table and writes bench/results/latest.json. `npm run bench -- generate` runs only benches whose name matches.
 * Benchmarks measure; they never fail on a timing.
 */
import {spawnSync} from 'node:child_process';
import {mkdirSync, readdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const filter = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filter.length === 0 || filter.some((word) => f.includes(word)))
  .sort();

const results: Record<string, unknown> = {
  machine: {node: process.version, cpus: 2},
  date: new Date().toISOString(),
};
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  console.error(`== ${name}`);
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', join(here, 'measure.ts'), join(here, file)],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  try {
    results[name] = JSON.parse(last);
    console.log(`${name}: ${last}`);
  } catch {
    results[name] = {failed: true, status: run.status};
    console.log(`${name}: failed (exit ${run.status})`);
  }
}
mkdirSync(join(here, 'results'), {recursive: true});
writeFileSync(join(here, 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
console.error(`wrote bench/results/latest.json`);
