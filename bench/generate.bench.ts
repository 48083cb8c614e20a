/**
 * Generation speed and memory, on the bundled customer-support example scaled to 100,000 utterances:
 * (1) against issue 14's targets, one run in a fresh process (generate-fresh.ts: JIT warmed on another spec,
 * every cache cold, as a user's single run), the median of three processes, with and without the label
 * filter; (2) the same in this process, repeated (warm caches: the generator's best case); (3) the built CLI
 * end to end; (4) a million utterances streamed to a .jsonl file, whose RSS must stay flat in the output size.
 * The targets are judged on wall time (what a user waits for); CPU time is printed beside it, and on two cores
 * it is higher, as V8 compiles and collects garbage on the second core.
 * Compare: Chatito 2.3.5 needs 17.5 s and 608 MB for 110,000 utterances (shared/README.md).
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {generateUtterancesSync} from '../src/generate/pipeline.js';
import {writeGeneratedJsonl} from '../src/generate/write-jsonl.js';
import {languagePackFor} from '../src/generate/language.js';
import {loadSpec} from '../src/library-load.js';
import type {Spec, SpecDocument} from '../src/spec/spec.js';

/** Issue 14's targets for the bundled example scaled to 100,000 (utterances per second). */
const TARGET_NO_FILTER = 60_000;
const TARGET_FILTER = 20_000;

interface Throughput {
  utterances: number;
  /** Per second of wall time. */
  perSecond: number;
  /** Per second of this process's CPU time (user + system): what the code costs on a shared machine. */
  perCpuSecond: number;
  /** Each timed run's figure per second of wall time, in run order (the first is the least warmed up). */
  runs?: number[];
}

/** Timed runs per configuration (seeds 1, 2, 3...): the figure is their median, so one noisy run does not decide. */
const RUNS = 3;

async function throughput(spec: Spec | SpecDocument, perIntent: number, filter = true): Promise<Throughput> {
  const pack = await languagePackFor(spec);
  // One untimed pass first: the JIT needs a few thousand draws before the timed numbers mean anything.
  const warmup = generateUtterancesSync(spec, {seed: 0, pack, filter, perIntent: Math.min(perIntent, 500)});
  while (!warmup.next().done);
  const runs: Throughput[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    let count = 0;
    const iterator = generateUtterancesSync(spec, {seed: run, pack, filter, perIntent});
    while (!iterator.next().done) count += 1;
    const used = process.cpuUsage(cpu);
    runs.push(runFigures(count, (performance.now() - started) / 1000, (used.user + used.system) / 1e6));
  }
  return medianOf(runs);
}

function runFigures(utterances: number, seconds: number, cpuSeconds: number): Throughput {
  return {
    utterances,
    perSecond: Math.round(utterances / seconds),
    perCpuSecond: Math.round(utterances / cpuSeconds),
  };
}

/** Each figure's median over the runs, and every run's wall figure in run order. */
function medianOf(runs: Throughput[]): Throughput {
  return {
    utterances: median(runs.map((r) => r.utterances)),
    perSecond: median(runs.map((r) => r.perSecond)),
    perCpuSecond: median(runs.map((r) => r.perCpuSecond)),
    runs: runs.map((r) => r.perSecond),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** "64,970/s wall, 46,100/s CPU (median of ...), target 60,000/s: met": judged on wall time, CPU beside it. */
function againstTarget(result: Throughput, target: number): string {
  const format = (n: number): string => n.toLocaleString('en-US');
  const met = result.perSecond >= target ? 'met' : 'NOT met';
  const runs = result.runs ? ` (median of ${result.runs.map(format).join(' / ')} wall)` : '';
  return `${format(result.perSecond)}/s wall, ${format(result.perCpuSecond)}/s CPU${runs}, target ${format(target)}/s: ${met}`;
}

/** A grammar with room for millions of distinct utterances (aliases, optional parts, generated entities). */
const bigSpec: Spec = {
  language: 'en',
  defaults: {variations: {}},
  aliases: {
    want: ['I want to', 'I need to', "I'd like to", 'can I', 'please', 'help me'],
    order: ['order', 'purchase', 'package', 'parcel', 'delivery'],
    when: ['today', 'now', 'asap', 'this week', 'before {day}'],
  },
  entities: [
    {name: 'order_id', type: 'regex', pattern: '[A-Z]{2}[0-9]{6}'},
    {name: 'day', type: 'system', system: 'date'},
    {name: 'email', type: 'system', system: 'email'},
    {name: 'amount', type: 'system', system: 'money'},
  ],
  intents: [
    'cancel',
    'track',
    'refund',
    'change',
    'return',
    'pay',
    'ship',
    'invoice',
    'reorder',
    'complain',
  ].map((verb) => ({
    name: `${verb}_order`,
    examples: [
      `<want> ${verb} my [last] <order> {order_id} [<when>]`,
      `(how|where) do I ${verb} (my|the) <order> [{order_id}]`,
      `${verb} <order> {order_id} [and email {email}] [for {amount}]`,
    ],
  })) as unknown as Spec['intents'],
};

const BIN = fileURLToPath(new URL('../bin/run.js', import.meta.url));
const FRESH = fileURLToPath(new URL('./generate-fresh.ts', import.meta.url));

/** The median of RUNS fresh processes each generating the bundled example once (see generate-fresh.ts). */
function freshRuns(filter: boolean): Throughput {
  const runs: Throughput[] = [];
  for (let run = 0; run < RUNS; run++) {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', FRESH, filter ? '--filter' : '--no-filter'],
      {encoding: 'utf8'},
    );
    if (child.status !== 0) throw new Error(`generate-fresh.ts failed: ${child.stderr}`);
    const last = child.stdout.trim().split('\n').at(-1)!;
    const {utterances, seconds, cpuSeconds} = JSON.parse(last) as {
      utterances: number;
      seconds: number;
      cpuSeconds: number;
    };
    runs.push(runFigures(utterances, seconds, cpuSeconds));
  }
  return medianOf(runs);
}

/**
 * What a user waits for: the built CLI writing the bundled example at 100k, from start-up (a cold JIT) to the
 * last line on disk. Needs `npm run build` (npm run bench does it).
 */
function cliRun(dir: string, filter: boolean): {seconds: number; utterances: number; perSecond: number} {
  const out = join(dir, `cli-${filter ? 'filter' : 'no-filter'}.jsonl`);
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [
      BIN,
      'generate',
      'examples/customer-support.yaml',
      '--out',
      out,
      '--seed',
      '1',
      '--per-intent',
      '8334',
      filter ? '--filter' : '--no-filter',
      '--json',
    ],
    {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}},
  );
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`synthnlu generate failed: ${child.stderr}`);
  // The first line is the dataset header.
  const utterances = readFileSync(out, 'utf8').trimEnd().split('\n').length - 1;
  return {seconds: Math.round(seconds * 100) / 100, utterances, perSecond: Math.round(utterances / seconds)};
}

/** A million utterances of the big grammar streamed to a file, with RSS read after 100,000 and to the end. */
async function streamMillion(dir: string): Promise<Record<string, number>> {
  const out = join(dir, 'million.jsonl');
  const started = performance.now();
  const streamCpu = process.cpuUsage();
  // RSS after the first 100,000 and at the end: flat memory means the two are close.
  let rssAt100k = 0;
  let rssMax = 0;
  const report = await writeGeneratedJsonl(bigSpec, out, {
    seed: 1,
    perIntent: 100_000,
    onProgress: (written) => {
      const rss = process.memoryUsage().rss;
      if (!rssAt100k && written >= 100_000) rssAt100k = rss;
      rssMax = Math.max(rssMax, rss);
    },
  });
  const streamSeconds = (performance.now() - started) / 1000;
  const streamCpuUsed = process.cpuUsage(streamCpu);
  const streamCpuSeconds = (streamCpuUsed.user + streamCpuUsed.system) / 1e6;
  const bytes = statSync(out).size;
  rmSync(out);
  return {
    streamedUtterances: report.produced,
    streamedSeconds: Math.round(streamSeconds * 10) / 10,
    streamedPerSecond: Math.round(report.produced / streamSeconds),
    streamedCpuSeconds: Math.round(streamCpuSeconds * 10) / 10,
    streamedMegabytes: Math.round(bytes / 1e6),
    rssMbAfter100k: Math.round(rssAt100k / 1e6),
    rssMbMaxTo1M: Math.round(rssMax / 1e6),
  };
}

export default async function generateBench(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'synthnlu-bench-'));
  // First, so that its RSS is its own and not what the throughput runs below left in the heap.
  const streamed = await streamMillion(dir);
  const {spec} = await loadSpec(join(process.cwd(), 'examples/customer-support.yaml'));
  const families = (await languagePackFor(spec)).families.length;
  const plain = await throughput({...spec, defaults: {...spec.defaults, variations: {}}}, 2_000);
  // The bundled example scaled to about 100,000 utterances (12 intents), with and without the label filter.
  const varied = await throughput(spec, 8_334);
  const unfiltered = await throughput(spec, 8_334, false);
  const freshUnfiltered = freshRuns(false);
  const freshFiltered = freshRuns(true);
  console.error(
    `generate 100k, no filter, fresh process: ${againstTarget(freshUnfiltered, TARGET_NO_FILTER)}`,
  );
  console.error(`generate 100k, label filter, fresh process: ${againstTarget(freshFiltered, TARGET_FILTER)}`);
  console.error(
    `generate 100k, no filter, warm repeated runs: ${againstTarget(unfiltered, TARGET_NO_FILTER)}`,
  );
  console.error(`generate 100k, label filter, warm repeated runs: ${againstTarget(varied, TARGET_FILTER)}`);
  const cliNoFilter = cliRun(dir, false);
  const cliFilter = cliRun(dir, true);
  console.error(
    `generate 100k through the CLI, start-up and file included: no filter ${cliNoFilter.seconds} s ` +
      `(${cliNoFilter.perSecond.toLocaleString('en-US')}/s), label filter ${cliFilter.seconds} s ` +
      `(${cliFilter.perSecond.toLocaleString('en-US')}/s)`,
  );
  rmSync(dir, {recursive: true, force: true});
  return {
    languagePackFamilies: families,
    templateOnlyUtterances: plain.utterances,
    templateOnlyPerSecond: plain.perSecond,
    freshNoFilterPerSecond: freshUnfiltered.perSecond,
    freshNoFilterPerCpuSecond: freshUnfiltered.perCpuSecond,
    freshNoFilterRunsPerSecond: (freshUnfiltered.runs ?? []).join(' / '),
    freshNoFilterTarget: TARGET_NO_FILTER,
    freshFilterPerSecond: freshFiltered.perSecond,
    freshFilterPerCpuSecond: freshFiltered.perCpuSecond,
    freshFilterRunsPerSecond: (freshFiltered.runs ?? []).join(' / '),
    freshFilterTarget: TARGET_FILTER,
    withVariationUtterances: varied.utterances,
    withVariationPerSecond: varied.perSecond,
    withVariationPerCpuSecond: varied.perCpuSecond,
    withVariationRunsPerSecond: (varied.runs ?? []).join(' / '),
    withVariationNoFilterUtterances: unfiltered.utterances,
    withVariationNoFilterPerSecond: unfiltered.perSecond,
    withVariationNoFilterPerCpuSecond: unfiltered.perCpuSecond,
    withVariationNoFilterRunsPerSecond: (unfiltered.runs ?? []).join(' / '),
    cliNoFilterSeconds: cliNoFilter.seconds,
    cliNoFilterPerSecond: cliNoFilter.perSecond,
    cliFilterSeconds: cliFilter.seconds,
    cliFilterPerSecond: cliFilter.perSecond,
    ...streamed,
  };
}
