/**
 * The hostile-input harness: runs the built CLI on a bad input in a fresh folder and checks what every such
 * case must satisfy: the documented exit code, one clear message naming the file (and line or path), no stack
 * trace, no secret in stdout or stderr in any encoding, every file that existed before byte-identical after,
 * and no temporary file left behind.
 */
import {spawn, spawnSync} from 'node:child_process';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {expect} from 'vitest';
import {BIN, tempDir, type CliRun} from '../helpers/cli.js';

/** A CLI run that takes longer than this is a hang (generous: 2 cores shared by many processes). */
export const HANG_MS = 60_000;

export function snapshot(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile()) files.set(relative(root, full), readFileSync(full));
    }
  };
  visit(root);
  return files;
}

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {...process.env, NODE_ENV: 'production', NO_COLOR: '1', FORCE_COLOR: '0', DEBUG: '', ...extra};
}

export function runIn(dir: string, args: string[], extraEnv: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    env: env(extraEnv),
    encoding: 'utf8',
    input: '',
    timeout: HANG_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw new Error(`synthnlu ${args.join(' ')} did not finish: ${result.error.message}`);
  return {status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr};
}

/** The same, without blocking this process (for cases that need a server in the test process). */
export function runInAsync(
  dir: string,
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: env(extraEnv),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), HANG_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({status: code ?? -1, stdout, stderr});
    });
  });
}

export interface HostileExpectation {
  exit: number;
  /** Stable error code: with --json in the arguments, checked as error.code in the JSON on stdout. */
  code?: string;
  /** The one clear message, matched against stderr (human mode). */
  message: RegExp;
  /** Text that must name the file (and line or path) in the message. */
  names?: string;
  /** Secrets that must not appear in stdout or stderr in any encoding. */
  secrets?: readonly string[];
}

/**
 * The forms a leaked secret takes, listed here independently of src/remote/secrets.ts (so breaking the
 * redaction there cannot also weaken this check): raw, URL- and form-encoded, JSON-escaped, base64.
 */
export function leakedForms(secret: string): string[] {
  const url = encodeURIComponent(secret);
  const base64 = Buffer.from(secret).toString('base64');
  return [
    secret,
    url,
    url.replace(/%20/g, '+'),
    JSON.stringify(secret).slice(1, -1),
    JSON.stringify(url).slice(1, -1),
    base64,
    base64.replace(/=+$/, ''),
    Buffer.from(secret).toString('base64url'),
  ];
}

export function assertHostileOutcome(run: CliRun, expected: HostileExpectation): void {
  const both = `${run.stdout}\n${run.stderr}`;
  expect(run.status, both).toBe(expected.exit);
  // Human mode: the message is on stderr; --json: it is the JSON error on stdout, with the stable code.
  const json = run.stdout.trim().startsWith('{')
    ? (JSON.parse(run.stdout) as {error?: {code?: string; exitCode?: number; message?: string}})
    : undefined;
  const message = json?.error?.message ?? run.stderr;
  expect(message, both).toMatch(expected.message);
  if (expected.names) expect(message).toContain(expected.names);
  if (json && expected.code) {
    expect(json.error?.code).toBe(expected.code);
    expect(json.error?.exitCode).toBe(expected.exit);
  }
  // No stack trace: no "    at fn (file:line:col)" frames and no raw Node error class names.
  expect(both).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(both).not.toMatch(/\b(RangeError|ReferenceError|TypeError|SyntaxError|AuthenticationError)\b/);
  for (const secret of expected.secrets ?? [])
    for (const form of leakedForms(secret)) expect(both.toLowerCase()).not.toContain(form.toLowerCase());
}

/** Files that a write in progress leaves (".name.pid.random.tmp"); none may survive a command. */
export function temporaryFiles(root: string): string[] {
  return [...snapshot(root).keys()].filter((path) => /(^|\/)\.[^/]+\.\d+\.[0-9a-f]{8}\.tmp/.test(path));
}

export interface HostileCase extends HostileExpectation {
  name: string;
  /** Creates the inputs in `dir` and returns the CLI arguments. */
  setup: (dir: string) => string[];
  env?: Record<string, string>;
  /** Run with --json (then the stable code is checked too). */
  json?: boolean;
  /** New files the case is allowed to leave (a refusal writes nothing). */
  creates?: readonly string[];
}

/** Runs one case end to end, including the byte-identical and no-temporary-file checks. */
export function runHostileCase(c: HostileCase): CliRun {
  const dir = tempDir('synthnlu-hostile-');
  const args = c.setup(dir);
  const before = snapshot(dir);
  const run = runIn(dir, c.json ? [...args, '--json'] : args, c.env);
  assertHostileOutcome(run, c);
  const after = snapshot(dir);
  for (const [path, bytes] of before) {
    expect(after.has(path), `${path} was removed`).toBe(true);
    expect(after.get(path)!.equals(bytes), `${path} changed`).toBe(true);
  }
  expect([...after.keys()].filter((path) => !before.has(path))).toEqual(c.creates ?? []);
  expect(temporaryFiles(dir)).toEqual([]);
  return run;
}

export function sizeOf(path: string): number {
  return statSync(path).size;
}
