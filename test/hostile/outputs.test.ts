/**
 * Re-runs and --force (issue 29 item 2, issue 32 items 1, 2 and 8): every format synthnlu writes is
 * recognised as its own on the next run while a foreign file of the same name still needs --force; --force
 * replaces the output only, never a file synthnlu did not write, and an output that contains or lies inside
 * an input is refused whatever the flags; two outputs of one command never share a name; what a killed run
 * (kill -9) leaves beside an output is removed, and mentioned, by the next run writing there.
 */
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {BIN, ROOT, tempDir} from '../helpers/cli.js';
import {writeDataset, writeSpec} from './fixtures.js';
import {runHostileCase, runIn, snapshot, temporaryFiles, type HostileCase} from './harness.js';

const USER_FILE = 'my notes: not written by synthnlu\n';

/** Every format synthnlu writes, in every layout: the output name and the --to format. */
const OUTPUTS: ReadonlyArray<{to: string; out: string}> = [
  {to: 'dialogflow', out: 'agent.zip'},
  {to: 'dialogflow', out: 'agent'},
  {to: 'dialogflow-cx', out: 'cx.zip'},
  {to: 'dialogflow-cx', out: 'cx'},
  {to: 'luis', out: 'app.json'},
  {to: 'lu', out: 'bot.lu'},
  {to: 'clu', out: 'project.json'},
  {to: 'rasa', out: 'nlu.yml'},
];

/** A process id that is certainly not running: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

function exportIn(dir: string, to: string, out: string, extra: string[] = []) {
  return runIn(dir, ['export', 'data.jsonl', '--to', to, '--out', out, ...extra]);
}

const cases: HostileCase[] = [
  ...OUTPUTS.map(({to, out}): HostileCase => ({
    name: `export --to ${to} --out ${out} over a foreign ${out.includes('.') ? 'file' : 'folder'} of that name, without --force`,
    setup: (dir) => {
      if (out.includes('.')) writeFileSync(join(dir, out), USER_FILE);
      else {
        mkdirSync(join(dir, out));
        writeFileSync(join(dir, out, 'agent.json'), '{"mine": true}\n');
      }
      return ['export', writeDataset(dir), '--to', to, '--out', out];
    },
    exit: 2,
    code: 'OUTPUT_EXISTS',
    json: true,
    names: out,
    message: /not written by synthnlu/,
  })),
  {
    name: 'a LUIS app synthnlu wrote, then edited by hand, is not replaced without --force (fingerprint)',
    setup: (dir) => {
      writeDataset(dir);
      expect(exportIn(dir, 'luis', 'app.json').status).toBe(0);
      const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as {desc: string};
      app.desc = 'my own edit';
      writeFileSync(join(dir, 'app.json'), JSON.stringify(app));
      return ['export', 'data.jsonl', '--to', 'luis', '--out', 'app.json'];
    },
    exit: 2,
    names: 'app.json',
    message: /not written by synthnlu \(or was changed since\)/,
  },
  {
    name: 'export --to dialogflow-cx --out <the input’s own folder> --force (would delete the input and notes.txt)',
    setup: (dir) => {
      mkdirSync(join(dir, 'work'));
      writeDataset(join(dir, 'work'));
      writeFileSync(join(dir, 'work', 'notes.txt'), USER_FILE);
      return ['export', 'work/data.jsonl', '--to', 'dialogflow-cx', '--out', 'work', '--force'];
    },
    exit: 2,
    code: 'OUTPUT_CONTAINS_INPUT',
    json: true,
    names: 'work/data.jsonl',
    message:
      /contains the input "work\/data.jsonl"; replacing it would delete the input, so it is refused even with --force/,
  },
  {
    name: 'export --to dialogflow --out . --force in the folder holding the input',
    setup: (dir) => ['export', writeDataset(dir), '--to', 'dialogflow', '--out', '.', '--force'],
    exit: 2,
    code: 'OUTPUT_CONTAINS_INPUT',
    json: true,
    names: 'data.jsonl',
    message: /contains the input "data.jsonl"/,
  },
  {
    name: 'convert an agent folder into a folder inside it, with --force',
    setup: (dir) => {
      writeDataset(dir);
      expect(exportIn(dir, 'dialogflow', 'agent').status).toBe(0);
      return ['convert', 'agent', '--to', 'rasa', '--out', 'agent/rasa/nlu.yml', '--force'];
    },
    exit: 2,
    code: 'OUTPUT_INSIDE_INPUT',
    json: true,
    names: 'agent',
    message: /is inside the input folder "agent"; writing there would change the input/,
  },
  {
    name: 'export --to dialogflow --force onto a folder holding a file that is not part of an agent',
    setup: (dir) => {
      mkdirSync(join(dir, 'out', 'intents'), {recursive: true});
      writeFileSync(join(dir, 'out', 'agent.json'), '{}');
      writeFileSync(join(dir, 'out', 'intents', 'notes.txt'), USER_FILE);
      return ['export', writeDataset(dir), '--to', 'dialogflow', '--out', 'out', '--force'];
    },
    exit: 2,
    code: 'OUTPUT_FOLDER_NOT_AGENT',
    json: true,
    names: 'intents/notes.txt',
    message:
      /holds "intents\/notes.txt", which is not part of an agent export; --force replaces an agent folder, never other files/,
  },
  {
    name: 'export --to rasa --domain --out domain.yml (the training data and the domain would share the name)',
    setup: (dir) => ['export', writeDataset(dir), '--to', 'rasa', '--domain', '--out', 'domain.yml'],
    exit: 2,
    code: 'OUTPUT_NAME_CLASH',
    json: true,
    names: 'domain.yml',
    message: /two outputs would be written to the same file "domain.yml"/,
  },
];

describe('re-runs, --force and outputs that would lose a file', () => {
  for (const c of cases) it(c.name, () => void runHostileCase(c));

  it('exports to every format twice without --force: the second run replaces the first, byte for byte', () => {
    const dir = tempDir('synthnlu-outputs-');
    writeDataset(dir);
    const first = new Map<string, Map<string, Buffer>>();
    for (const {to, out} of OUTPUTS) {
      const run = exportIn(dir, to, out);
      expect(run.status, run.stderr).toBe(0);
    }
    for (const {out} of OUTPUTS) first.set(out, snapshot(dir));
    for (const {to, out} of OUTPUTS) {
      const run = exportIn(dir, to, out);
      expect(run.status, `${to} ${out}: ${run.stderr}`).toBe(0);
    }
    const after = snapshot(dir);
    for (const [path, bytes] of first.get('agent.zip')!) {
      expect(after.get(path)?.equals(bytes), `${path} differs on the second run`).toBe(true);
    }
    expect(temporaryFiles(dir)).toEqual([]);
    // The formats that allow a comment carry it; zip archives carry it as their comment.
    expect(readFileSync(join(dir, 'nlu.yml'), 'utf8')).toMatch(/^# Written by synthnlu/);
    expect(readFileSync(join(dir, 'bot.lu'), 'utf8')).toMatch(/^> Written by synthnlu/);
    expect(readFileSync(join(dir, 'agent.zip')).subarray(-80).toString('utf8')).toContain(
      'Written by synthnlu',
    );
    // The rest by a fingerprint in one marker file beside them (nothing inside the agent folders).
    const marker = JSON.parse(readFileSync(join(dir, '.synthnlu-outputs.json'), 'utf8')) as {
      outputs: Record<string, string>;
    };
    expect(Object.keys(marker.outputs)).toEqual(
      expect.arrayContaining(['app.json', 'project.json', 'agent', 'cx']),
    );
    expect(readdirSync(join(dir, 'agent'))).not.toContain('.synthnlu-outputs.json');
  });

  it('--domain writes both files, and both are replaced on the next run', () => {
    const dir = tempDir('synthnlu-outputs-');
    writeDataset(dir);
    for (let i = 0; i < 2; i++) {
      const run = exportIn(dir, 'rasa', 'nlu.yml', ['--domain']);
      expect(run.status, run.stderr).toBe(0);
    }
    expect(readFileSync(join(dir, 'domain.yml'), 'utf8')).toMatch(
      /^# Written by synthnlu[^\n]*\nversion: "3.1"/,
    );
    expect(readFileSync(join(dir, 'nlu.yml'), 'utf8')).toMatch(
      /^# Written by synthnlu[^\n]*\nversion: "3.1"\n\nnlu:/,
    );
  });

  it('--force replaces a foreign agent folder (agent.json and JSON files only) and a foreign file', () => {
    const dir = tempDir('synthnlu-outputs-');
    writeDataset(dir);
    mkdirSync(join(dir, 'agent', 'intents'), {recursive: true});
    writeFileSync(join(dir, 'agent', 'agent.json'), '{"from": "the console"}');
    writeFileSync(join(dir, 'agent', 'intents', 'old_intent.json'), '{}');
    writeFileSync(join(dir, 'app.json'), USER_FILE);
    expect(exportIn(dir, 'dialogflow', 'agent', ['--force']).status).toBe(0);
    expect(existsSync(join(dir, 'agent', 'intents', 'old_intent.json'))).toBe(false);
    expect(existsSync(join(dir, 'agent', 'intents', 'greet.json'))).toBe(true);
    expect(exportIn(dir, 'luis', 'app.json', ['--force']).status).toBe(0);
    expect(readFileSync(join(dir, 'app.json'), 'utf8')).toContain('luis_schema_version');
  });
});

describe('what a killed run leaves behind is cleaned by the next run writing there', () => {
  it('stale temporary files, staging folders and their .old of a dead process are removed and mentioned', () => {
    const dir = tempDir('synthnlu-outputs-');
    writeDataset(dir);
    const pid = deadPid();
    const staleFile = `.app.json.${pid}.0badf00d.tmp`;
    const staleStaging = `.agent.${pid}.deadbeef.tmp`;
    writeFileSync(join(dir, staleFile), '{"half": ');
    mkdirSync(join(dir, staleStaging, 'intents'), {recursive: true});
    writeFileSync(join(dir, staleStaging, 'intents', 'greet.json'), '{}');
    mkdirSync(join(dir, `${staleStaging}.old`));
    // A temporary of a process that is still running (this test) is left alone.
    const live = `.app.json.${process.pid}.0000cafe.tmp`;
    writeFileSync(join(dir, live), 'in progress');

    const file = exportIn(dir, 'luis', 'app.json');
    expect(file.status, file.stderr).toBe(0);
    expect(file.stderr).toContain(
      `removed "${staleFile}", a stale temporary file left by an interrupted run (process ${pid})`,
    );
    expect(existsSync(join(dir, staleFile))).toBe(false);
    expect(existsSync(join(dir, live))).toBe(true);

    expect(exportIn(dir, 'dialogflow', 'agent').status).toBe(0);
    const folder = exportIn(dir, 'dialogflow', 'agent');
    expect(folder.status, folder.stderr).toBe(0);
    expect(existsSync(join(dir, staleStaging))).toBe(false);
    expect(existsSync(join(dir, `${staleStaging}.old`))).toBe(false);
    expect(temporaryFiles(dir)).toEqual([live]);
  });

  it('an output killed in the middle of its swap (only the .old left) is put back, then replaced', () => {
    const dir = tempDir('synthnlu-outputs-');
    writeDataset(dir);
    expect(exportIn(dir, 'dialogflow', 'agent').status).toBe(0);
    const pid = deadPid();
    const old = `.agent.${pid}.abcdef01.tmp.old`;
    // The state between the two renames of the swap: the old output moved aside, the new one not in place.
    spawnSync('mv', [join(dir, 'agent'), join(dir, old)]);
    const run = exportIn(dir, 'dialogflow', 'agent');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`put back "agent" from "${old}"`);
    expect(statSync(join(dir, 'agent')).isDirectory()).toBe(true);
    expect(existsSync(join(dir, old))).toBe(false);
  });

  it('kill -9 of the built CLI in the middle of generate: the old output intact, the leftover removed next run', async () => {
    const dir = tempDir('synthnlu-outputs-');
    const spec = writeSpec(
      dir,
      'spec.yaml',
      readFileSync(join(ROOT, 'examples', 'customer-support.yaml'), 'utf8'),
    );
    expect(runIn(dir, ['generate', spec, '--out', 'out.jsonl', '--per-intent', '5']).status).toBe(0);
    const before = readFileSync(join(dir, 'out.jsonl'));
    const child = spawn(
      process.execPath,
      [BIN, 'generate', spec, '--out', 'out.jsonl', '--per-intent', '40000', '--max-utterances', '9000000'],
      {cwd: dir, stdio: 'ignore', env: {...process.env, NODE_ENV: 'production'}},
    );
    const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
    let leftovers: string[] = [];
    for (let i = 0; i < 2400 && leftovers.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      leftovers = temporaryFiles(dir);
    }
    expect(leftovers).toHaveLength(1);
    child.kill('SIGKILL');
    await exited;
    // kill -9 gives no chance to clean up: the temporary file stays, the old output is untouched.
    expect(temporaryFiles(dir)).toEqual(leftovers);
    expect(readFileSync(join(dir, 'out.jsonl')).equals(before)).toBe(true);

    const next = runIn(dir, ['generate', spec, '--out', 'out.jsonl', '--per-intent', '5']);
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).toContain(
      `removed "${leftovers[0]}", a stale temporary file left by an interrupted run (process ${child.pid})`,
    );
    expect(temporaryFiles(dir)).toEqual([]);
    // Balanced generation writes only once every intent is generated: under load, past 60 s.
  }, 180_000);
});

export const OUTPUT_CASES = cases.length + 6;
