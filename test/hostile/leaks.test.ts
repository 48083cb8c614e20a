/**
 * Secrets that slipped past redaction (issue 32, item 7) and oversize answers (item 8): a key a server echoes
 * where a message is cut, in hex or double URL-encoded, a 5-character key, a key echoed into a push backup or
 * into the LLM cache; a 200 MB answer from the LLM endpoint is over the size limit, not "cannot be reached".
 */
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {tempDir} from '../helpers/cli.js';
import {writeDataset, writeSpec} from './fixtures.js';
import {assertHostileOutcome, runInAsync, snapshot} from './harness.js';

type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => void;

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

async function serve(handler: Handler): Promise<string> {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => handler(request, response, body));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * No piece of the key of 8 characters or more (or the whole of a shorter one) appears anywhere, nor the key in
 * hex (either case), as \u escapes or URL-encoded twice (forms the harness's leakedForms does not list).
 */
function expectNoPiece(text: string, key: string): void {
  const size = Math.min(8, key.length);
  for (let i = 0; i + size <= key.length; i++) expect(text).not.toContain(key.slice(i, i + size));
  const hex = Buffer.from(key).toString('hex');
  const unicode = key
    .split('')
    .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .join('');
  for (const form of [hex, unicode, encodeURIComponent(encodeURIComponent(key))])
    expect(text.toLowerCase()).not.toContain(form.toLowerCase());
}

const LONG_KEY = 'sk-live-9f8e7d6c5b4a3210fedcba9876543210';

/** How the server echoes the key in its error body. */
const ECHOES: [string, string, (key: string) => string][] = [
  ['cut at 300 characters (key starts at 270)', LONG_KEY, (key) => `${'x'.repeat(270)} key=${key} rest`],
  ['cut at 300 characters (key starts at 285)', LONG_KEY, (key) => `${'y'.repeat(285)}${key}`],
  ['cut at 300 characters (key starts at 292)', LONG_KEY, (key) => `${'z'.repeat(292)}${key} and more`],
  ['hex-encoded', LONG_KEY, (key) => `bad key ${Buffer.from(key).toString('hex')}`],
  ['hex-encoded in capitals', LONG_KEY, (key) => `bad key ${Buffer.from(key).toString('hex').toUpperCase()}`],
  [
    'double URL-encoded',
    'k/e+y=with&odd?chars-12345',
    (key) => `bad ${encodeURIComponent(encodeURIComponent(key))}`,
  ],
  ['a 5-character key, raw', 'k3Y5q', (key) => `invalid token ${key}`],
  ['a 5-character key, base64', 'k3Y5q', (key) => `invalid token ${Buffer.from(key).toString('base64')}`],
  [
    'JSON \\u-escaped',
    LONG_KEY,
    (key) =>
      `bad ${key
        .split('')
        .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .join('')}`,
  ],
  [
    'cut by the server itself (first 20 characters, then "...")',
    LONG_KEY,
    (key) => `token ${key.slice(0, 20)}...`,
  ],
];

describe('push --to rasa: a key echoed in an error body', () => {
  for (const [name, key, echo] of ECHOES)
    for (const json of [false, true])
      it(`${name}${json ? ' --json' : ''}`, async () => {
        const endpoint = await serve((_request, response) => {
          response.statusCode = 400;
          response.setHeader('content-type', 'text/plain');
          response.end(echo(key));
        });
        const dir = tempDir('synthnlu-hostile-');
        const data = writeDataset(dir);
        const before = snapshot(dir);
        const run = await runInAsync(
          dir,
          [
            'push',
            data,
            '--to',
            'rasa',
            '--endpoint',
            endpoint,
            '--yes',
            '--retry-base-ms',
            '1',
            '--backup-dir',
            'backups',
            ...(json ? ['--json'] : []),
          ],
          {RASA_TOKEN: key},
        );
        assertHostileOutcome(run, {exit: 1, message: /Rasa/, secrets: [key]});
        expectNoPiece(`${run.stdout}${run.stderr}`, key);
        expect(snapshot(dir)).toEqual(before);
      });
});

describe('pull --from clu: a key echoed in an error body', () => {
  for (const [name, key, echo] of ECHOES.filter(([, k]) => k === LONG_KEY))
    it(name, async () => {
      const endpoint = await serve((_request, response) => {
        response.statusCode = 401;
        response.setHeader('content-type', 'text/plain');
        response.end(echo(key));
      });
      const dir = tempDir('synthnlu-hostile-');
      const run = await runInAsync(
        dir,
        [
          'pull',
          '--from',
          'clu',
          '--endpoint',
          endpoint,
          '--project',
          'p',
          '--key-env',
          'K',
          '--out',
          'x.json',
        ],
        {K: key},
      );
      assertHostileOutcome(run, {exit: 1, message: /CLU/, names: 'K', secrets: [key]});
      expectNoPiece(`${run.stdout}${run.stderr}`, key);
      expect(snapshot(dir).size).toBe(0);
    });
});

function llmArgs(dir: string): string[] {
  return [
    'generate',
    writeSpec(dir),
    '--out',
    'o.jsonl',
    '--provider',
    'openai',
    '--model',
    'tiny',
    '--cache-dir',
    'cache',
    '--retry-base-ms',
    '1',
  ];
}

describe('generate --provider openai: a key echoed by the endpoint', () => {
  for (const [name, key, echo] of ECHOES.filter(([, k]) => k === LONG_KEY))
    it(name, async () => {
      const endpoint = await serve((_request, response) => {
        response.statusCode = 400;
        response.setHeader('content-type', 'text/plain');
        response.end(echo(key));
      });
      const dir = tempDir('synthnlu-hostile-');
      const run = await runInAsync(dir, llmArgs(dir), {
        OPENAI_BASE_URL: `${endpoint}/v1`,
        OPENAI_API_KEY: key,
      });
      assertHostileOutcome(run, {exit: 1, message: /failed with 400/, names: endpoint, secrets: [key]});
      expectNoPiece(`${run.stdout}${run.stderr}`, key);
    });

  it('an answer that echoes the request headers is never written into the cache or the dataset', async () => {
    const key = LONG_KEY;
    const endpoint = await serve((request, response) => {
      const echoed = `${request.headers.authorization ?? ''} ${Buffer.from(String(request.headers.authorization)).toString('base64')}`;
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({
          choices: [
            {message: {content: JSON.stringify({utterances: [`hello ${echoed}`, `hi there ${echoed}`]})}},
          ],
          usage: {prompt_tokens: 1, completion_tokens: 1},
        }),
      );
    });
    const dir = tempDir('synthnlu-hostile-');
    const run = await runInAsync(dir, llmArgs(dir), {OPENAI_BASE_URL: `${endpoint}/v1`, OPENAI_API_KEY: key});
    expect(run.status, run.stderr).toBe(0);
    const written = [...snapshot(dir).entries()].filter(([path]) => /^cache\/|o\.jsonl$/.test(path));
    expect(written.some(([path]) => path.startsWith('cache/'))).toBe(true);
    for (const [, bytes] of written) expectNoPiece(bytes.toString('utf8'), key);
  });

  it('a 200 MB answer is over the size limit, not "cannot be reached"', async () => {
    const endpoint = await serve((_request, response) => {
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-length': String(200 * 1024 * 1024),
      });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const more = () => {
        while (sent < 200 && !response.destroyed) {
          sent++;
          if (!response.write(chunk)) return void response.once('drain', more);
        }
        response.end();
      };
      more();
    });
    const dir = tempDir('synthnlu-hostile-');
    const run = await runInAsync(dir, [...llmArgs(dir), '--json'], {
      OPENAI_BASE_URL: `${endpoint}/v1`,
      OPENAI_API_KEY: LONG_KEY,
    });
    assertHostileOutcome(run, {
      exit: 1,
      code: 'LLM_RESPONSE_TOO_LARGE',
      message: /over the \d+-byte limit/,
      names: endpoint,
      secrets: [LONG_KEY],
    });
  });
});

describe('push backups are scrubbed of the credentials the run holds', () => {
  it('Rasa /status that echoes the token', async () => {
    const key = LONG_KEY;
    const endpoint = await serve((request, response) => {
      const path = (request.url ?? '').split('?')[0];
      if (path === '/status') {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({model_file: `models/${key}.tar.gz`, fingerprint: {token: key}}));
      } else if (path === '/model/train') {
        response.setHeader('filename', 'new-model.tar.gz');
        response.end('model bytes');
      } else {
        response.statusCode = 204;
        response.end();
      }
    });
    const dir = tempDir('synthnlu-hostile-');
    const data = writeDataset(dir);
    const run = await runInAsync(
      dir,
      [
        'push',
        data,
        '--to',
        'rasa',
        '--endpoint',
        endpoint,
        '--yes',
        '--retry-base-ms',
        '1',
        '--backup-dir',
        'backups',
      ],
      {RASA_TOKEN: key},
    );
    assertHostileOutcome(run, {exit: 0, message: /Backup|^$/, secrets: [key]});
    const backups = [...snapshot(dir).keys()].filter((path) => path.startsWith('backups/'));
    expect(backups).toHaveLength(1);
    const text = readFileSync(join(dir, backups[0]!), 'utf8');
    expect(text).toContain('[REDACTED]');
    expectNoPiece(text, key);
  });
});

export const LEAK_CASES = ECHOES.length * 2 + 8 + 8 + 2 + 1;
