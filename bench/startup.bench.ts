/**
 * What a user waits for before the CLI does anything: `synthnlu --help`, and `predict` on a model already in
 * the cache for an intent-only dataset (CLINC150's 150 intents, 10 real utterances each). Runs the built CLI
 * (`npm run build` first: it also writes oclif.manifest.json) as a child process, five times each after one
 * warm-up, and reports the median wall time and the median CPU time (user + system) of the child, which says
 * more than wall time on a shared machine.
 *
 * Measured 2026-11-28 (load average 7-17 on 2 cores): --help 0.97 s wall / 0.49 s CPU without the manifest,
 * 0.20-0.77 s / 0.19-0.20 s CPU with it; cached predict 3.42 s / 1.40 s CPU before (connectors, generator and
 * Recognizers-Text loaded), 1.27-1.50 s / 0.49 s CPU after.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {clincSeeds} from './clinc-scale.js';

const BIN = fileURLToPath(new URL('../bin/run.js', import.meta.url));
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 1000) / 1000;
}

/** Median wall and CPU seconds of `node bin/run.js ...args` (CPU read from /usr/bin/time when present). */
function timeCli(args: string[]): {wall: number; cpu: number} {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const started = performance.now();
    const child = spawnSync('/usr/bin/time', ['-f', 'CPU %U %S', process.execPath, BIN, ...args], {
      encoding: 'utf8',
      env: {...process.env, NO_COLOR: '1'},
    });
    const wall = (performance.now() - started) / 1000;
    if (child.status !== 0) throw new Error(`synthnlu ${args.join(' ')} failed: ${child.stderr}`);
    const cpu = /CPU ([\d.]+) ([\d.]+)/.exec(child.stderr);
    if (run === 0) continue; // warm-up: file cache, model cache
    walls.push(wall);
    if (cpu) cpus.push(Number(cpu[1]) + Number(cpu[2]));
  }
  return {wall: median(walls), cpu: cpus.length ? median(cpus) : Number.NaN};
}

export default async function startupBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'synthnlu-startup-'));
  try {
    const seeds = clincSeeds();
    const utterances = [...seeds]
      .filter(([intent]) => !intent.startsWith('oos_'))
      .flatMap(([intent, texts]) => texts.map((text) => ({text, intent})));
    const dataset = join(dir, 'intents.json');
    writeFileSync(
      dataset,
      JSON.stringify({
        format: 'synthnlu-dataset/1',
        language: 'en',
        intents: [...new Set(utterances.map((u) => u.intent))].map((name) => ({name})),
        entities: [],
        utterances,
      }),
    );
    const help = timeCli(['--help']);
    const predict = timeCli([
      'predict',
      dataset,
      'what is my checking balance',
      '--cache-dir',
      join(dir, 'cache'),
    ]);
    return {
      helpSeconds: help.wall,
      helpCpuSeconds: help.cpu,
      predictCachedSeconds: predict.wall,
      predictCachedCpuSeconds: predict.cpu,
    };
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
