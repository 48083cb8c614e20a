/**
 * Messages that say what is wrong (issue 32, item 6): every numeric flag's bad value names the flag and its
 * allowed range; a full disk names the file that could not be written and leaves no folder behind; standard
 * output on /dev/full is one line, never an errno object and a stack.
 */
import {spawnSync} from 'node:child_process';
import {closeSync, mkdirSync, openSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {BIN, tempDir} from '../helpers/cli.js';
import {writeDataset, writeLuisApp, writeSpec} from './fixtures.js';
import {assertHostileOutcome, runHostileCase, snapshot, type HostileCase} from './harness.js';

type Build = (dir: string) => string[];
const spec: Build = (dir) => [writeSpec(dir)];
const data: Build = (dir) => [writeDataset(dir)];

/** [command and input, flag, bad value, allowed range as the message says it]. */
export const NUMERIC_FLAGS: [string, Build, string, string, string][] = [
  ['generate', spec, '--per-intent', '-1', 'an integer of at least 1'],
  ['generate', spec, '--per-intent', '1.5', 'an integer of at least 1'],
  ['generate', spec, '--seed', 'abc', 'an integer of at least 0'],
  ['generate', spec, '--seed', '-3', 'an integer of at least 0'],
  ['generate', spec, '--none', '0', 'an integer of at least 1'],
  ['generate', spec, '--max-utterances', '0', 'an integer of at least 1'],
  ['generate', spec, '--split', '2', 'a number from 0 to 1'],
  ['generate', spec, '--llm-share', '7', 'a number from 0 to 1'],
  ['generate', spec, '--concurrency', '0', 'an integer from 1 to 64'],
  ['generate', spec, '--concurrency', '65', 'an integer from 1 to 64'],
  ['generate', spec, '--request-timeout', '0', 'an integer of at least 1'],
  ['generate', spec, '--retry-base-ms', '-1', 'an integer of at least 0'],
  ['generate', spec, '--max-bytes', '5q', 'a size such as 5000, 64KB or 20MB'],
  ['coverage', data, '--folds', '1', 'an integer from 2 to 20'],
  ['coverage', data, '--folds', '21', 'an integer from 2 to 20'],
  ['coverage', data, '--min-examples', '0', 'an integer of at least 1'],
  ['coverage', data, '--max-per-intent', '-1', 'an integer of at least 0'],
  ['coverage', data, '--min-f1', '2', 'a number between 0 and 1'],
  ['coverage', data, '--max-f1-drop', 'x', 'a number between 0 and 1'],
  ['bot', data, '--port', '99999', 'an integer from 0 to 65535'],
  ['bot', data, '--port', '-1', 'an integer from 0 to 65535'],
  ['bot', data, '--max-chars', '0', 'an integer of at least 1'],
  ['predict', (dir) => [writeDataset(dir), 'hello'], '--max-chars', '0', 'an integer of at least 1'],
  ['predict', (dir) => [writeDataset(dir), 'hello'], '--threshold', '7', 'a number from 0 to 1'],
  [
    'push',
    (dir) => [writeDataset(dir), '--to', 'rasa'],
    '--request-timeout',
    '0',
    'an integer of at least 1',
  ],
  ['push', (dir) => [writeDataset(dir), '--to', 'rasa'], '--max-retry-time', '0', 'an integer of at least 1'],
  ['push', (dir) => [writeDataset(dir), '--to', 'rasa'], '--train-timeout', '0', 'an integer of at least 1'],
  [
    'push',
    (dir) => [writeDataset(dir), '--to', 'rasa'],
    '--max-response-mb',
    '0',
    'an integer of at least 1',
  ],
  ['push', (dir) => [writeDataset(dir), '--to', 'rasa'], '--retry-base-ms', '-5', 'an integer of at least 0'],
  [
    'pull',
    () => ['--from', 'rasa', '--out', 'x.json'],
    '--request-timeout',
    'soon',
    'an integer of at least 1',
  ],
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const flagCases: HostileCase[] = NUMERIC_FLAGS.flatMap(([command, build, flag, value, range]) =>
  [false, true].map((json) => ({
    name: `${command} ${flag} ${value}${json ? ' --json' : ''}`,
    setup: (dir: string) => [command, ...build(dir), `${flag}=${value}`],
    json,
    exit: 2,
    message: new RegExp(`${escape(flag)}.*${escape(range)}.*${escape(value)}`),
    names: flag,
  })),
);

describe('a numeric flag out of range names the flag and its allowed range', () => {
  for (const c of flagCases) it(c.name, () => void runHostileCase(c));
});

/** Runs the CLI with its standard output on /dev/full. */
function toDevFull(dir: string, args: string[]) {
  const full = openSync('/dev/full', 'w');
  try {
    const result = spawnSync(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: {...process.env, NO_COLOR: '1'},
      stdio: ['ignore', full, 'pipe'],
      encoding: 'utf8',
      timeout: 60_000,
    });
    return {status: result.status ?? -1, stdout: '', stderr: result.stderr};
  } finally {
    closeSync(full);
  }
}

describe('standard output on /dev/full', () => {
  const commands: [string, Build][] = [
    ['validate', (dir) => ['validate', writeSpec(dir)]],
    ['validate --json', (dir) => ['validate', writeSpec(dir), '--json']],
    ['--help', () => ['--help']],
    ['generate --help', () => ['generate', '--help']],
    ['predict', (dir) => ['predict', writeDataset(dir), 'hello there', '--cache-dir', 'cache']],
    ['coverage', (dir) => ['coverage', writeDataset(dir), '--no-model']],
  ];
  for (const [name, build] of commands)
    it(`${name}: one line naming standard output, exit 2`, () => {
      const dir = tempDir('synthnlu-hostile-');
      const args = build(dir);
      const before = snapshot(dir);
      const run = toDevFull(dir, args);
      assertHostileOutcome(run, {exit: 2, message: /cannot write to standard output: no space left/});
      expect(run.stderr).not.toMatch(/errno|syscall|ENOSPC: no space left on device, write/);
      for (const [path, bytes] of before) expect(snapshot(dir).get(path)?.equals(bytes)).toBe(true);
    });
});

/** A 16 KB file system, filled: needs root (mount); skipped elsewhere. */
const TINY = join(tempDir('synthnlu-full-'), 'disk');
let mounted = false;
beforeAll(() => {
  mkdirSync(TINY, {recursive: true});
  mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', TINY]).status === 0;
  if (mounted) writeFileSync(join(TINY, 'fill'), Buffer.alloc(16 * 1024));
});
afterAll(() => {
  if (mounted) spawnSync('umount', [TINY]);
  rmSync(TINY, {recursive: true, force: true});
});

describe('a full disk names the output and leaves nothing behind', () => {
  const outputs: [string, (dir: string, out: string) => string[], string][] = [
    ['init in a new folder', (_dir, out) => ['init', join(out, 'new-project')], 'new-project/synthnlu.yaml'],
    ['init in new nested folders', (_dir, out) => ['init', join(out, 'a', 'b')], 'a/b/synthnlu.yaml'],
    [
      'generate to .jsonl',
      (dir, out) => ['generate', writeSpec(dir), '--out', join(out, 'o.jsonl')],
      'o.jsonl',
    ],
    [
      'generate to .json in a new folder',
      (dir, out) => ['generate', writeSpec(dir), '--out', join(out, 'new', 'o.json')],
      'new/o.json',
    ],
    [
      'export to rasa',
      (dir, out) => ['export', writeDataset(dir), '--to', 'rasa', '--out', join(out, 'nlu.yml')],
      'nlu.yml',
    ],
    [
      'export to luis',
      (dir, out) => ['export', writeDataset(dir), '--to', 'luis', '--out', join(out, 'app.json')],
      'app.json',
    ],
    [
      'convert to lu',
      (dir, out) => ['convert', writeLuisApp(dir), '--to', 'lu', '--out', join(out, 'x.lu')],
      'x.lu',
    ],
  ];
  for (const [name, build, file] of outputs)
    for (const json of [false, true])
      it.skipIf(!process.getuid || process.getuid() !== 0)(`${name}${json ? ' --json' : ''}`, () => {
        if (!mounted) return;
        const dir = tempDir('synthnlu-hostile-');
        const args = build(dir, TINY);
        const before = snapshot(dir);
        const run = spawnSync(process.execPath, [BIN, ...args, ...(json ? ['--json'] : [])], {
          cwd: dir,
          env: {...process.env, NO_COLOR: '1'},
          encoding: 'utf8',
          timeout: 60_000,
        });
        assertHostileOutcome(
          {status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr},
          {exit: 2, code: 'DISK_FULL', message: /no space left/, names: join(TINY, file)},
        );
        expect([...snapshot(TINY).keys()]).toEqual(['fill']);
        for (const [path, bytes] of before) expect(snapshot(dir).get(path)?.equals(bytes)).toBe(true);
      });
});

export const FLAG_CASES = flagCases.length + 6 + 14;
