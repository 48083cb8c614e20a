/**
 * One timed run of the bundled example at 100,000 in a process that has generated nothing from it before, as
 * a user's single `synthnlu generate` run: the JIT is first warmed on another spec (bike-shop with every
 * family), so the figure is the generator's and not V8's start-up, but every cache of texts, clause analyses
 * and candidates starts empty for the bundled example's texts. generate.bench.ts runs it as a child process
 * (`--filter` or `--no-filter`) and reads the JSON line it prints.
 */
import {join} from 'node:path';
import {generateUtterancesSync} from '../src/generate/pipeline.js';
import {languagePackFor} from '../src/generate/language.js';
import {loadSpec} from '../src/library-load.js';

const filter = process.argv.includes('--filter');
const EVERY_FAMILY = {
  basic: 0.3,
  interrogative: 0.3,
  polite: 0.3,
  colloquial: 0.3,
  keyword: 0.2,
  lexical: 0.3,
  morphological: 0.3,
  noise: 0.2,
  coordinated: 0.2,
  negation: 0.2,
  abbreviation: 0.2,
};

const {spec: other} = await loadSpec(join(process.cwd(), 'examples/bike-shop.yaml'));
const warmupSpec = {...other, defaults: {...other.defaults, variations: EVERY_FAMILY}};
const {spec} = await loadSpec(join(process.cwd(), 'examples/customer-support.yaml'));
const pack = await languagePackFor(spec);
const warmup = generateUtterancesSync(warmupSpec, {seed: 0, pack, filter, perIntent: 1_000});
while (!warmup.next().done);

const started = performance.now();
const cpu = process.cpuUsage();
let utterances = 0;
const iterator = generateUtterancesSync(spec, {seed: 1, pack, filter, perIntent: 8_334});
while (!iterator.next().done) utterances += 1;
const used = process.cpuUsage(cpu);
console.log(
  JSON.stringify({
    utterances,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
  }),
);
