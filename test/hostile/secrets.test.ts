/**
 * Secrets never printed (issue 17, problem 3): Chatito imports cannot reach or quote files outside the spec's
 * folder, and a key a server echoes back (raw, URL-encoded, JSON-escaped, base64) is redacted everywhere.
 */
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {mkdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import {afterEach, describe, expect, it} from 'vitest';
import {scrubBackupFile} from '../../src/remote/backup-file.js';
import {Secrets} from '../../src/remote/secrets.js';
import {tempDir} from '../helpers/cli.js';
import {writeDataset} from './fixtures.js';
import {
  assertHostileOutcome,
  leakedForms,
  runHostileCase,
  runInAsync,
  snapshot,
  type HostileCase,
} from './harness.js';

const KEY = 'sk-live-9f8e7d6c5b4a3210';
const CHATITO = '%[greet]\n    hello there\n    hi friend\n';

function chatitoSpec(dir: string, importLine: string): string[] {
  mkdirSync(join(dir, 'bot'));
  writeFileSync(join(dir, 'bot', 'main.chatito'), `import ${importLine}\n\n${CHATITO}`);
  return ['validate', 'bot/main.chatito'];
}

const cases: HostileCase[] = [
  {
    name: 'Chatito import of a .env file (its first line is a key)',
    setup: (dir) => {
      const args = chatitoSpec(dir, './.env');
      writeFileSync(join(dir, 'bot', '.env'), `API_KEY=${KEY}\n`);
      return args;
    },
    exit: 2,
    names: 'bot/main.chatito:1',
    message: /imports must name .chatito files/,
    secrets: [KEY],
  },
  {
    name: 'Chatito import of /etc/passwd',
    setup: (dir) => chatitoSpec(dir, '/etc/passwd'),
    exit: 2,
    names: 'bot/main.chatito:1',
    message: /imports must name .chatito files/,
    secrets: ['root:x:0:0'],
  },
  {
    name: 'Chatito import of a .chatito file outside the spec folder (../)',
    setup: (dir) => {
      writeFileSync(join(dir, 'outside.chatito'), `${KEY}\n`);
      return chatitoSpec(dir, '../outside.chatito');
    },
    exit: 2,
    names: 'bot/main.chatito:1',
    message: /is outside the spec's folder/,
    secrets: [KEY],
  },
  {
    name: 'Chatito import through a symbolic link pointing outside the folder',
    setup: (dir) => {
      writeFileSync(join(dir, 'secret.chatito'), `${KEY}\n`);
      const args = chatitoSpec(dir, './linked.chatito');
      symlinkSync(join(dir, 'secret.chatito'), join(dir, 'bot', 'linked.chatito'));
      return args;
    },
    exit: 2,
    names: 'bot/main.chatito:1',
    message: /is outside the spec's folder/,
    secrets: [KEY],
  },
  {
    name: 'a Chatito import inside the folder whose content is not Chatito is not quoted',
    setup: (dir) => {
      const args = chatitoSpec(dir, './keys.chatito');
      writeFileSync(join(dir, 'bot', 'keys.chatito'), `${KEY}\n`);
      return args;
    },
    exit: 2,
    names: 'keys.chatito:1',
    message: /cannot read this line/,
    secrets: [KEY],
  },
];

describe('secrets in hostile specs', () => {
  for (const c of cases) it(c.name, () => void runHostileCase(c));
});

describe('a server that echoes the token back', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('push --to rasa: the token (with " \\ / + = inside) appears in no encoding in stderr or --json', async () => {
    const token = 'tok"en\\with/sp+ce=end';
    server = createServer((request, response) => {
      // Echo the path (URL-encoded token), the token JSON-escaped and base64, as a careless server might.
      response.statusCode = 400;
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({
          error: {
            message: `bad request ${request.url} token=${token} b64=${Buffer.from(token).toString('base64')}`,
          },
        }),
      );
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const dir = tempDir('synthnlu-hostile-');
    const dataset = writeDataset(dir);
    const before = snapshot(dir);
    for (const json of [false, true]) {
      const run = await runInAsync(
        dir,
        [
          'push',
          dataset,
          '--to',
          'rasa',
          '--endpoint',
          `http://127.0.0.1:${port}`,
          '--yes',
          '--retry-base-ms',
          '1',
          '--backup-dir',
          join(dir, 'backups'),
          ...(json ? ['--json'] : []),
        ],
        {RASA_TOKEN: token},
      );
      assertHostileOutcome(run, {exit: 1, message: /Rasa/, secrets: [token]});
      expect(`${run.stdout}${run.stderr}`).toContain('[REDACTED]');
    }
    for (const [path, bytes] of before) expect(snapshot(dir).get(path)!.equals(bytes)).toBe(true);
  });
});

describe('Secrets.redact', () => {
  it('removes every encoding of any secret from any surrounding text', () => {
    let runs = 0;
    fc.assert(
      fc.property(
        fc.string({minLength: 6, maxLength: 40, unit: 'binary'}).filter((s) => s.trim().length >= 6),
        fc.string({maxLength: 20}),
        fc.string({maxLength: 20}),
        (secret, before, after) => {
          runs += 1;
          const secrets = new Secrets();
          secrets.add(secret);
          for (const form of leakedForms(secret)) {
            const redacted = secrets.redact(`${before}${form}${after}`);
            expect(redacted).toContain('[REDACTED]');
            expect(redacted.toLowerCase()).not.toContain(form.toLowerCase());
          }
          // --json output of a redacted value: the JSON-escaped form is gone too.
          const json = JSON.stringify(secrets.redactDeep({message: `x ${secret} y`, [secret]: 1}));
          expect(json).not.toContain(JSON.stringify(secret).slice(1, -1));
        },
      ),
      {numRuns: 200},
    );
    expect(runs).toBe(200);
  });
});

describe('fragments of a key in the middle of a message', () => {
  it('redacts any run of 8 or more characters of a key, wherever it sits in the text', () => {
    let runs = 0;
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_\-+/=]{16,64}$/),
        fc.nat(),
        fc.nat(),
        fc.string({maxLength: 30}),
        fc.string({maxLength: 30}),
        (secret, a, b, before, after) => {
          runs += 1;
          const start = a % (secret.length - 8);
          const end = start + 8 + (b % (secret.length - start - 7));
          const fragment = secret.slice(start, end);
          const secrets = new Secrets();
          secrets.add(secret);
          const redacted = secrets.redact(`${before} key '${fragment}…' rejected ${after}`);
          expect(redacted).not.toContain(fragment);
          expect(redacted).toContain('[REDACTED]');
        },
      ),
      {numRuns: 200},
    );
    expect(runs).toBe(200);
    const secrets = new Secrets();
    secrets.add(KEY);
    // A masked echo with text after it (neither the start nor the end of the message), and one from the middle.
    expect(secrets.redact('key sk-live-9f8e**** rejected for project p')).toBe(
      'key [REDACTED]**** rejected for project p',
    );
    expect(secrets.redact('got ...7d6c5b4a3... in header x-key')).toBe(
      'got ...[REDACTED]... in header x-key',
    );
    // Ordinary text around it is left alone, and 7 characters are not a fragment.
    expect(secrets.redact('sk-live is a prefix; 9f8e7d6 too')).toBe('sk-live is a prefix; 9f8e7d6 too');
  });
});

describe('backups written as zip archives', () => {
  it('scrub every text entry of the credentials the run holds, leave binary entries and a clean zip as they were', async () => {
    const dir = tempDir('synthnlu-hostile-');
    const zip = new JSZip();
    const binary = Uint8Array.from([0, 1, 2, 255, 254, 0, 7]);
    zip.file('agent.json', JSON.stringify({language: 'en', webhook: {headers: {key: KEY}}}));
    zip.file('intents/greet.json', `{"name":"greet","note":"${Buffer.from(KEY).toString('base64')}"}`);
    zip.file('intents/plain.json', '{"name":"plain"}');
    zip.file('blob.bin', binary);
    const file = join(dir, 'dialogflow-p-backup.zip');
    writeFileSync(file, await zip.generateAsync({type: 'uint8array'}));
    const secrets = new Secrets();
    secrets.add(KEY);
    await scrubBackupFile(file, secrets);
    const bytes = readFileSync(file);
    for (const form of leakedForms(KEY)) expect(bytes.includes(form)).toBe(false);
    const scrubbed = await JSZip.loadAsync(bytes);
    expect(Object.keys(scrubbed.files).sort()).toEqual([
      'agent.json',
      'blob.bin',
      'intents/',
      'intents/greet.json',
      'intents/plain.json',
    ]);
    for (const name of ['agent.json', 'intents/greet.json']) {
      const text = await scrubbed.file(name)!.async('string');
      expect(text).toContain('[REDACTED]');
      for (const form of leakedForms(KEY)) expect(text).not.toContain(form);
    }
    expect(await scrubbed.file('intents/plain.json')!.async('string')).toBe('{"name":"plain"}');
    expect(Buffer.from(await scrubbed.file('blob.bin')!.async('uint8array')).equals(binary)).toBe(true);
    // A backup with nothing to scrub is not rewritten.
    const clean = join(dir, 'clean.zip');
    const cleanZip = new JSZip();
    cleanZip.file('agent.json', '{"language":"en"}');
    const cleanBytes = await cleanZip.generateAsync({type: 'uint8array'});
    writeFileSync(clean, cleanBytes);
    await scrubBackupFile(clean, secrets);
    expect(readFileSync(clean).equals(cleanBytes)).toBe(true);
  });
});

export const SECRET_CASES = cases.length + 2 + 3 + 1;
