/**
 * Throughput beside Chatito's, in one run (issue 27): the default `synthnlu generate` (variations: auto, label
 * filter on) of 500 per intent on a 200-intent spec with 10 real seeds each (CLINC150's 150 intents plus 50
 * cut from its out-of-scope queries, bench/clinc-scale.ts): 100,000 utterances; and Chatito 2.3.5 (`npx
 * chatito`, a devDependency) on bench/chatito/booking.chatito, 110,000 utterances in Chatito's own grammar
 * style, run as the CLI a user runs. Both wall and CPU seconds: the machine is shared, CPU time is the fairer
 * figure when other processes compete. Also the time `auto` takes to choose the mix beside the same spec with
 * that mix written in (no choosing).
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {generateUtterancesSync, resolveAutoMix, type GenerationReport} from '../src/generate/pipeline.js';
import {languagePackFor} from '../src/generate/language.js';
import type {Spec} from '../src/spec/spec.js';
import {clincSeeds} from './clinc-scale.js';

const PER_INTENT = 500;
const here = fileURLToPath(new URL('.', import.meta.url));

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

function run(spec: Spec, pack: Awaited<ReturnType<typeof languagePackFor>>) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let utterances = 0;
  const iterator = generateUtterancesSync(spec, {seed: 1, pack, perIntent: PER_INTENT});
  let step = iterator.next();
  for (; !step.done; step = iterator.next()) utterances += 1;
  return {
    report: step.value as GenerationReport,
    utterances,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: cpuSeconds(cpu),
  };
}

function chatito(): {utterances: number; seconds: number; cpuSeconds: number} {
  const out = mkdtempSync(join(tmpdir(), 'synthnlu-chatito-'));
  try {
    const bin = join(here, '..', 'node_modules', 'chatito', 'dist', 'bin.js');
    const cpuBefore = childCpu();
    const started = performance.now();
    const result = spawnSync(process.execPath, [bin, 'booking.chatito', `--outputPath=${out}`], {
      cwd: join(here, 'chatito'),
      encoding: 'utf8',
    });
    const seconds = (performance.now() - started) / 1000;
    if (result.status !== 0) throw new Error(`chatito failed: ${result.stderr}`);
    const dataset = JSON.parse(readFileSync(join(out, 'default_dataset_training.json'), 'utf8')) as Record<
      string,
      unknown[]
    >;
    const utterances = Object.values(dataset).reduce((n, list) => n + list.length, 0);
    return {utterances, seconds, cpuSeconds: childCpu() - cpuBefore};
  } finally {
    rmSync(out, {recursive: true, force: true});
  }
}

/** CPU seconds of this process's finished children (Linux /proc; NaN elsewhere): cutime + cstime. */
function childCpu(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // After the command name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14 here.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

export default async function generateVsChatito(): Promise<Record<string, unknown>> {
  const seeds = clincSeeds();
  const spec: Spec = {
    language: 'en',
    intents: [...seeds].map(([name, examples]) => ({name, examples})) as Spec['intents'],
  };
  const pack = await languagePackFor(spec);
  // Choosing alone (the default run below chooses again, the same way: deterministic for the seed).
  const choosing = performance.now();
  const choosingCpu = process.cpuUsage();
  resolveAutoMix(spec, {seed: 1, pack});
  const chooseSeconds = (performance.now() - choosing) / 1000;
  const chooseCpuSeconds = cpuSeconds(choosingCpu);
  const auto = run(spec, pack);
  const mix = auto.report.autoMix?.mix ?? {};
  const fixed = run({...spec, defaults: {variations: mix}}, pack);
  const other = chatito();
  const rate = (r: {utterances: number; seconds: number}) => Math.round(r.utterances / r.seconds);
  const ours = rate(auto);
  const theirs = rate(other);
  return {
    synthnlu: {
      intents: spec.intents.length,
      requested: auto.report.requested,
      utterances: auto.utterances,
      seconds: round(auto.seconds),
      cpuSeconds: round(auto.cpuSeconds),
      utterancesPerSecond: ours,
      autoChoosingSeconds: round(chooseSeconds),
      autoChoosingCpuSeconds: round(chooseCpuSeconds),
      shortestIntent: Math.min(...auto.report.intents.map((i) => i.produced + (i.trimmed ?? 0))),
      mix,
      fixedMixSeconds: round(fixed.seconds),
      fixedMixCpuSeconds: round(fixed.cpuSeconds),
      fixedMixUtterances: fixed.utterances,
    },
    chatito: {
      version: '2.3.5',
      utterances: other.utterances,
      seconds: round(other.seconds),
      cpuSeconds: round(other.cpuSeconds),
      utterancesPerSecond: theirs,
    },
    cpuRatio: round(auto.utterances / auto.cpuSeconds / (other.utterances / other.cpuSeconds)),
    ratio: round(ours / theirs),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
