/**
 * `synthnlu predict` on a 100,000-line standard input (issue 32): the built CLI, the bundled example (it
 * declares a date entity, so every line goes through Recognizers-Text), a cached model, results streamed to a
 * file. Two inputs: 100,000 distinct lines (each text new: the recognizer's real cost) and 100,000 lines drawn
 * from 20 common messages (a chat log: repeated texts are answered from memory). Reports wall and CPU seconds,
 * milliseconds per line and the peak memory of the child (/usr/bin/time). PREDICT_LINES overrides the count.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const BIN = fileURLToPath(new URL('../bin/run.js', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../examples/customer-support.yaml', import.meta.url));
const LINES = Number(process.env.PREDICT_LINES ?? 100_000);
/** Distinct lines cost about 6 ms of CPU each (the date model): 100,000 take about 10 minutes of CPU. */
const DISTINCT_LINES = Number(process.env.PREDICT_DISTINCT_LINES ?? LINES);

const COMMON = [
  'where is my parcel',
  'cancel my order from the 12th of may please',
  'I want to change the delivery address to 5 main street',
  'my email is a@b.com and my order is 123456',
  'refund for order 998877 placed on 1/2/2024',
  'can you deliver on friday the 13th between 2 and 4',
  'what is your return policy',
  'I need help with my account',
  'pay with paypal',
  'hello',
];

function run(input: string, dir: string, lines: number): Record<string, number> {
  const file = join(dir, 'in.txt');
  writeFileSync(file, input);
  const started = performance.now();
  const child = spawnSync(
    'sh',
    [
      '-c',
      `/usr/bin/time -f "CPU %U %S %M" "${process.execPath}" "${BIN}" predict "${EXAMPLE}" --cache-dir "${join(dir, 'cache')}" < "${file}" > "${join(dir, 'out.txt')}"`,
    ],
    {encoding: 'utf8'},
  );
  const wall = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`predict failed: ${child.stderr}`);
  const [, user, sys, kb] = /CPU ([\d.]+) ([\d.]+) (\d+)/.exec(child.stderr) ?? [];
  const cpu = Number(user) + Number(sys);
  return {
    wallSeconds: Math.round(wall * 10) / 10,
    cpuSeconds: Math.round(cpu * 10) / 10,
    lines,
    cpuMsPerLine: Math.round((cpu * 1000 * 100) / lines) / 100,
    wallMsPerLine: Math.round((wall * 1000 * 100) / lines) / 100,
    peakRssMb: Math.round(Number(kb) / 1024),
  };
}

export default async function predictStdinBench(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'synthnlu-predict-stdin-'));
  try {
    // Train the model once, outside the measured runs.
    spawnSync(process.execPath, [BIN, 'predict', EXAMPLE, 'hello', '--cache-dir', join(dir, 'cache')]);
    const distinct = Array.from(
      {length: DISTINCT_LINES},
      (_, i) => `${COMMON[i % COMMON.length]!} (ref ${i}, seat ${(i * 7) % 97})`,
    ).join('\n');
    // Distinct chat lines with no date cue (no digit, no date or time word): the date model is skipped.
    const noCue = COMMON.filter((line) => !/[0-9]|may|friday/.test(line));
    const letters = (n: number) => n.toString(26).replace(/[0-9]/g, (d) => 'qrstuvwxyz'[Number(d)]!);
    const distinctNoCue = Array.from(
      {length: DISTINCT_LINES},
      (_, i) => `${noCue[i % noCue.length]!} (ref ${letters(i)})`,
    ).join('\n');
    const repeated = Array.from({length: LINES}, (_, i) => COMMON[(i * 7919) % COMMON.length]!).join('\n');
    return {
      repeated: run(`${repeated}\n`, dir, LINES),
      distinct: run(`${distinct}\n`, dir, DISTINCT_LINES),
      distinctWithoutDateCue: run(`${distinctNoCue}\n`, dir, DISTINCT_LINES),
    };
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
