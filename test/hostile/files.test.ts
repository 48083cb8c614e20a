/**
 * Outputs that would lose a file or hang (issue 17, problems 4, 5 and 6): an output that is an input, an
 * existing file synthnlu did not write, paths under /proc and /dev, parents that are files, devices as
 * inputs, and interrupted writes.
 */
import {spawn} from 'node:child_process';
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {BIN, ROOT, tempDir} from '../helpers/cli.js';
import {SPEC_YAML, writeDataset, writeLuisApp, writeSpec} from './fixtures.js';
import {runHostileCase, runIn, temporaryFiles, type HostileCase} from './harness.js';

const EXAMPLE_SPEC = join(ROOT, 'examples', 'customer-support.yaml');

const USER_FILE = 'my notes: not written by synthnlu\n';

const cases: HostileCase[] = [
  {
    name: 'generate --out naming the spec itself',
    setup: (dir) => {
      writeFileSync(
        join(dir, 'spec.json'),
        JSON.stringify({intents: [{name: 'a', examples: ['hello there']}]}),
      );
      return ['generate', 'spec.json', '--out', 'spec.json'];
    },
    exit: 2,
    code: 'OUTPUT_IS_INPUT',
    json: true,
    names: 'spec.json',
    message: /is the input file/,
  },
  {
    name: 'convert --out naming its input, even with --force',
    setup: (dir) => ['convert', writeLuisApp(dir), '--to', 'luis', '--out', 'app.json', '--force'],
    exit: 2,
    names: 'app.json',
    message: /is the input file "app.json"; refusing to overwrite it/,
  },
  {
    name: 'export over an existing file synthnlu did not write, without --force',
    setup: (dir) => {
      writeFileSync(join(dir, 'nlu.yml'), USER_FILE);
      return ['export', writeDataset(dir), '--to', 'rasa', '--out', 'nlu.yml'];
    },
    exit: 2,
    code: 'OUTPUT_EXISTS',
    json: true,
    names: 'nlu.yml',
    message: /exists and was not written by synthnlu/,
  },
  {
    name: 'convert over an existing file synthnlu did not write, without --force',
    setup: (dir) => {
      writeFileSync(join(dir, 'project.json'), USER_FILE);
      return ['convert', writeLuisApp(dir), '--to', 'clu', '--out', 'project.json'];
    },
    exit: 2,
    names: 'project.json',
    message: /exists and was not written by synthnlu/,
  },
  {
    name: 'import over an existing file synthnlu did not write, without --force',
    setup: (dir) => {
      writeFileSync(join(dir, 'data.json'), USER_FILE);
      return ['import', writeLuisApp(dir), '--out', 'data.json'];
    },
    exit: 2,
    names: 'data.json',
    message: /exists and was not written by synthnlu/,
  },
  {
    name: 'coverage --html over a user file, without --force',
    setup: (dir) => {
      writeFileSync(join(dir, 'index.html'), '<html>my site</html>');
      return ['coverage', writeDataset(dir), '--no-model', '--html', 'index.html'];
    },
    exit: 2,
    names: 'index.html',
    message: /--html report exists and was not written by synthnlu/,
  },
  {
    name: 'init over an existing spec, without --force',
    setup: (dir) => {
      writeSpec(dir, 'synthnlu.yaml');
      return ['init', '.'];
    },
    exit: 2,
    names: 'synthnlu.yaml',
    message: /already exists/,
  },
  {
    name: 'generate --out under /proc (Node mkdir would spin forever)',
    setup: (dir) => ['generate', writeSpec(dir), '--out', '/proc/self/synthnlu/out.jsonl'],
    exit: 2,
    code: 'OUTPUT_SPECIAL_PATH',
    json: true,
    names: '/proc/self/synthnlu/out.jsonl',
    message: /refusing to write under \/proc, \/sys or \/dev/,
  },
  {
    name: 'init in a folder under /proc',
    setup: () => ['init', '/proc/self/new-bot'],
    exit: 2,
    names: '/proc/self/new-bot/synthnlu.yaml',
    message: /refusing to write under \/proc/,
  },
  {
    name: 'coverage --html under /proc',
    setup: (dir) => ['coverage', writeDataset(dir), '--no-model', '--html', '/proc/self/report/x.html'],
    exit: 2,
    names: '/proc/self/report/x.html',
    message: /refusing to write under \/proc/,
  },
  {
    name: 'predict --cache-dir under /proc',
    setup: (dir) => ['predict', writeDataset(dir), 'hello there', '--cache-dir', '/proc/self/cache'],
    exit: 2,
    names: '/proc/self/cache',
    message: /refusing to write under \/proc/,
  },
  {
    name: 'export --out /dev/null (would replace the device as root)',
    setup: (dir) => ['export', writeDataset(dir), '--to', 'luis', '--out', '/dev/null', '--force'],
    exit: 2,
    names: '/dev/null',
    message: /refusing to write under \/proc, \/sys or \/dev/,
  },
  {
    name: 'an output whose parent is a file',
    setup: (dir) => {
      writeFileSync(join(dir, 'notes.txt'), USER_FILE);
      return ['generate', writeSpec(dir), '--out', 'notes.txt/out.jsonl'];
    },
    exit: 2,
    code: 'OUTPUT_PARENT_NOT_FOLDER',
    json: true,
    names: 'notes.txt',
    message: /is a file, not a folder/,
  },
  {
    name: 'generate --out naming an existing folder (no temporary file left)',
    setup: (dir) => {
      mkdirSync(join(dir, 'out.jsonl'));
      writeFileSync(join(dir, 'out.jsonl', 'keep.txt'), USER_FILE);
      return ['generate', writeSpec(dir), '--out', 'out.jsonl'];
    },
    exit: 2,
    names: 'out.jsonl',
    message: /is a folder, expected a file name/,
  },
  {
    name: 'validate /dev/zero (an endless device)',
    setup: () => ['validate', '/dev/zero'],
    exit: 2,
    names: '/dev/zero',
    message: /is a device, expected a spec or dataset/,
  },
  {
    name: 'import /dev/zero',
    setup: () => ['import', '/dev/zero', '--out', 'out.json'],
    exit: 2,
    names: '/dev/zero',
    message: /is a device/,
  },
  {
    name: 'import a named pipe with no writer (would block forever)',
    setup: (dir) => {
      execFileSync('mkfifo', [join(dir, 'pipe.json')]);
      return ['import', 'pipe.json', '--out', 'out.json'];
    },
    exit: 2,
    names: 'pipe.json',
    message: /is a named pipe/,
  },
  {
    name: 'a spec over --max-bytes',
    setup: (dir) => ['validate', writeSpec(dir), '--max-bytes', '100'],
    exit: 2,
    names: 'spec.yaml',
    message: /over the 100 bytes limit/,
  },
];

describe('outputs that would lose a file, and inputs or outputs that would hang', () => {
  for (const c of cases) it(c.name, () => void runHostileCase(c));

  it('replaces a dataset synthnlu wrote without --force (npm run example stays re-runnable)', () => {
    const dir = tempDir('synthnlu-hostile-');
    const spec = writeSpec(dir);
    expect(runIn(dir, ['generate', spec, '--out', 'out.jsonl']).status).toBe(0);
    const first = readFileSync(join(dir, 'out.jsonl'));
    writeFileSync(join(dir, spec), `${SPEC_YAML}  - name: thanks\n    examples: [thank you so much]\n`);
    expect(runIn(dir, ['generate', spec, '--out', 'out.jsonl']).status).toBe(0);
    expect(readFileSync(join(dir, 'out.jsonl')).equals(first)).toBe(false);
    expect(temporaryFiles(dir)).toEqual([]);
  });

  it('leaves no temporary file and no output when generate is stopped with SIGTERM', async () => {
    const dir = tempDir('synthnlu-hostile-');
    // The bundled example's templates yield millions of distinct utterances; the tiny hostile spec saturates
    // (every source stops yielding) and finishes before the signal could arrive.
    const spec = writeSpec(dir, 'spec.yaml', readFileSync(EXAMPLE_SPEC, 'utf8'));
    const child = spawn(
      process.execPath,
      [BIN, 'generate', spec, '--out', 'out.jsonl', '--per-intent', '40000', '--max-utterances', '9000000'],
      {cwd: dir, stdio: 'ignore', env: {...process.env, NODE_ENV: 'production'}},
    );
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // Wait until the temporary file exists (the write is in progress), then interrupt.
    let sawTemporary = false;
    for (let i = 0; i < 2400 && !sawTemporary; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      sawTemporary = temporaryFiles(dir).length > 0;
    }
    expect(sawTemporary).toBe(true);
    child.kill('SIGTERM');
    await exited;
    expect(temporaryFiles(dir)).toEqual([]);
    expect(existsSync(join(dir, 'out.jsonl'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['spec.yaml']);
    // Balanced generation writes only once every intent is generated: under a loaded machine that is well
    // past the default 60 s budget of a test.
  }, 180_000);
});

export const FILE_CASES = cases.length + 2;
