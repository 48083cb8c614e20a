/** Runs one benchmark module's default export and prints its result plus wall time and peak RSS as JSON. */
import {pathToFileURL} from 'node:url';

const file = process.argv[2];
if (!file) throw new Error('usage: measure.ts BENCH_FILE');
const module = (await import(pathToFileURL(file).href)) as {default: () => Promise<Record<string, unknown>>};
let peakRss = process.memoryUsage.rss();
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 20);
const started = performance.now();
const result = await module.default();
const wallMs = performance.now() - started;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage.rss());
console.log(
  JSON.stringify({...result, wallMs: Math.round(wallMs), peakRssMb: Math.round(peakRss / 1024 / 1024)}),
);
