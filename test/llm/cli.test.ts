import {spawn} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {BIN, ROOT, tempDir, type CliRun} from '../helpers/cli.js';
import {promptFacts, startFakeOpenAiServer, type FakeOpenAiServer} from '../support/openai-server/index.js';

const KEY = 'sk-cli-test-9f8e7d6c5b4a3210';

/** bin/run.js as a child process, asynchronously: the fake server lives in this process and must keep serving. */
function runCliAsync(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env},
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({status: status ?? -1, stdout, stderr}));
  });
}

const SPEC = `intents:
  - name: greet
    examples: [hello there, hi, good morning]
  - name: bye
    examples: [goodbye, see you later, bye for now]
`;

let server: FakeOpenAiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('synthnlu generate --provider openai (built CLI)', () => {
  it('writes model paraphrases and reports tokens under --json; never prints the key', async () => {
    server = await startFakeOpenAiServer((request) => {
      const {intent, count} = promptFacts(request.body);
      const texts =
        intent === 'greet'
          ? ['hey hello', 'hello friend', 'hi hello there', 'well hello']
          : ['bye bye', 'goodbye friend', 'see you, bye', 'later, goodbye'];
      return {content: JSON.stringify({utterances: texts.slice(0, count)})};
    });
    const dir = tempDir();
    writeFileSync(join(dir, 'spec.yaml'), SPEC);
    const out = join(dir, 'out.jsonl');
    const args = [
      'generate',
      join(dir, 'spec.yaml'),
      '--out',
      out,
      '--per-intent',
      '10',
      '--seed',
      '1',
      '--provider',
      'openai',
      '--model',
      'tiny',
      '--cache-dir',
      join(dir, 'cache'),
      '--retry-base-ms',
      '1',
    ];
    const env = {OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: KEY};
    const run = await runCliAsync([...args, '--json'], env);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as {
      provider: {model: string; tokens: {total: number}; requests: {sent: number}; intents: {kept: number}[]};
      produced: number;
    };
    expect(result.provider.model).toBe('tiny');
    expect(result.provider.requests.sent).toBe(server.requests.length);
    expect(result.provider.tokens.total).toBe(150 * server.requests.length);
    const written = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => JSON.parse(l) as {text: string; source: string});
    expect(result.produced).toBe(written.length);
    const kept = result.provider.intents.reduce((n, i) => n + i.kept, 0);
    expect(kept).toBeGreaterThan(0);
    const modelTexts = [
      'hey hello',
      'hello friend',
      'hi hello there',
      'well hello',
      'bye bye',
      'goodbye friend',
      'see you, bye',
      'later, goodbye',
    ];
    expect(written.filter((u) => modelTexts.includes(u.text))).toHaveLength(kept);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(run.stdout + run.stderr).not.toContain(KEY);

    const human = await runCliAsync(args, env);
    expect(human.status, human.stderr).toBe(0);
    expect(human.stdout).toMatch(
      /model tiny at http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions: \d+ prompts, \d+ from the cache, 0 requests sent/,
    );
    expect(human.stdout).toMatch(/greet\s+\d+\s+\d+\s+\d+/);
  });

  it('exits 1 naming the endpoint when the key is refused, with no key in the output', async () => {
    server = await startFakeOpenAiServer(() => ({status: 401, body: {error: {message: `bad key ${KEY}`}}}));
    const dir = tempDir();
    writeFileSync(join(dir, 'spec.yaml'), SPEC);
    const run = await runCliAsync(
      [
        'generate',
        join(dir, 'spec.yaml'),
        '--out',
        join(dir, 'o.jsonl'),
        '--provider',
        'openai',
        '--model',
        'm',
        '--cache-dir',
        join(dir, 'c'),
      ],
      {OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: KEY},
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${server.baseUrl}/chat/completions refused the API key (401)`);
    expect(run.stderr).toContain('OPENAI_API_KEY');
    for (const form of [KEY, Buffer.from(KEY).toString('base64'), encodeURIComponent(KEY)])
      expect(run.stdout + run.stderr).not.toContain(form);
  });

  it('--dry-run prints the prompts and the estimate, and --dry-run without a provider is a usage error', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'spec.yaml'), SPEC);
    const base = ['generate', join(dir, 'spec.yaml'), '--out', join(dir, 'o.jsonl'), '--dry-run'];
    const run = await runCliAsync(
      [...base, '--provider', 'openai', '--model', 'm', '--cache-dir', join(dir, 'c')],
      {
        OPENAI_API_KEY: '',
        OPENAI_BASE_URL: '',
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('--- prompt 1/');
    expect(run.stdout).toContain('Intent: greet');
    expect(run.stdout).toMatch(
      /--- \d+ requests to m at https:\/\/api\.openai\.com\/v1\/chat\/completions \(0 already cached\), about \d+ prompt \+ \d+ completion tokens/,
    );
    const plain = await runCliAsync(base, {});
    expect(plain.status).toBe(2);
    expect(plain.stderr).toContain('need a language-model provider');
  });
});
