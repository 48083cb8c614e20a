/**
 * Linear time on any input (issue 32, item 3): date-like messages that made Recognizers-Text run for minutes,
 * a long stdin whose reader goes away, and servers that trickle their answer a byte at a time.
 */
import {spawn} from 'node:child_process';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {join} from 'node:path';
import fc from 'fast-check';
import {afterEach, describe, expect, it, onTestFinished} from 'vitest';
import {MAX_CHUNK_CHARS, MAX_CHUNK_NUMBERS, recognizerChunks} from '../../src/recognizer/chunks.js';
import {LocalRecognizer} from '../../src/recognizer/local-recognizer.js';
import {COMMON_SYSTEM_TYPES, SystemEntityExtractor} from '../../src/recognizer/system-entities.js';
import {trainIntentClassifier} from '../../src/classifier/index.js';
import {BIN, tempDir} from '../helpers/cli.js';
import {writeDataset} from './fixtures.js';
import {HANG_MS, assertHostileOutcome, runIn, runInAsync, snapshot} from './harness.js';

const WHEN = [{name: 'when', kind: 'prebuilt', prebuilt: 'datetime'}];

/** The date-like messages of the probe (each ran past 60 s), plus variants with varying digits. */
export const DATE_BOMBS: [string, string][] = [
  ['"1 " x 2500', '1 '.repeat(2500)],
  ['"1/1/" x 1249', '1/1/'.repeat(1249)],
  ['"12th of may, " x 384', '12th of may, '.repeat(384)],
  ['digits with dots', '1.2.'.repeat(1249)],
  ['"1:" x 2500', '1:'.repeat(2500)],
  ['varying numbers and spaces', Array.from({length: 1600}, (_, i) => String((i * 7919) % 31)).join(' ')],
  [
    'varying dates with slashes',
    Array.from({length: 600}, (_, i) => `${(i % 12) + 1}/${(i % 28) + 1}/`).join(''),
  ],
  ['"$1 " x 1250 (amounts)', '$1 '.repeat(1250)],
];

function snapshotUnchanged(dir: string, before: Map<string, Buffer>): void {
  const after = snapshot(dir);
  for (const [path, bytes] of before) expect(after.get(path)?.equals(bytes), `${path} changed`).toBe(true);
}

describe('recognizerChunks', () => {
  it('covers the text exactly, in order, within the bounds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('1', '12', '/', ':', '.', ' ', '. ', '\n', 'may', 'on', '3pm', '!', 'x'), {
          maxLength: 400,
        }),
        (parts) => {
          const text = parts.join('');
          const chunks = recognizerChunks(text);
          expect(chunks.map((c) => c.text).join('')).toBe(text);
          let offset = 0;
          for (const chunk of chunks) {
            expect(chunk.start).toBe(offset);
            expect(text.slice(chunk.start, chunk.start + chunk.text.length)).toBe(chunk.text);
            expect(chunk.text.length).toBeLessThanOrEqual(MAX_CHUNK_CHARS);
            expect(chunk.text.match(/\d+/g)?.length ?? 0).toBeLessThanOrEqual(MAX_CHUNK_NUMBERS);
            offset += chunk.text.length;
          }
        },
      ),
      {numRuns: 300},
    );
  });

  it('keeps a real sentence whole and cuts a long one at spaces', () => {
    const sentence = 'from the 12th of May 2024 at 3:30pm to the 15th of June 2024 at 5:45pm';
    expect(recognizerChunks(sentence)).toEqual([{start: 0, text: sentence}]);
    const long = `${'please '.repeat(30)}on 12/05/2024`;
    const chunks = recognizerChunks(long);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.at(-1)!.text).toContain('12/05/2024');
  });
});

describe('the work on any message is linear, counted in steps (not timed)', () => {
  it('every model sees each character at most once, in pieces within the bounds, for the date bombs and any text', async () => {
    const extractor = await SystemEntityExtractor.create([], COMMON_SYSTEM_TYPES);
    const models = (extractor as unknown as {families: [string, {parse(text: string): unknown[]}][]})
      .families;
    expect(models.length).toBeGreaterThanOrEqual(5);
    /** Per model: the calls and the characters it was given. */
    const originals = models.map(([, model]) => model.parse);
    onTestFinished(() => models.forEach(([, model], i) => (model.parse = originals[i]!)));
    const seen = models.map(([family, model]) => {
      const counts = {family, calls: 0, chars: 0, longest: 0, mostNumbers: 0};
      model.parse = (text: string) => {
        counts.calls += 1;
        counts.chars += text.length;
        counts.longest = Math.max(counts.longest, text.length);
        counts.mostNumbers = Math.max(counts.mostNumbers, text.match(/\d+/g)?.length ?? 0);
        // The count is what is checked: the model's answer does not matter here (and would take minutes).
        return [];
      };
      return counts;
    });
    const texts = [
      ...DATE_BOMBS.map(([, text]) => text),
      ...fc.sample(
        fc.string({maxLength: 3000, unit: fc.constantFrom('1', '/', ' ', ':', '.', 'may', '\n', 'x')}),
        {
          numRuns: 50,
          seed: 7,
        },
      ),
    ];
    for (const text of texts) {
      for (const counts of seen) Object.assign(counts, {calls: 0, chars: 0});
      // Distinct texts: nothing is answered from the memo.
      extractor.match(`${text} #${texts.indexOf(text)}`);
      for (const counts of seen) {
        expect(counts.chars, counts.family).toBeLessThanOrEqual(text.length + 10);
        expect(counts.longest, counts.family).toBeLessThanOrEqual(MAX_CHUNK_CHARS);
        expect(counts.mostNumbers, counts.family).toBeLessThanOrEqual(MAX_CHUNK_NUMBERS);
      }
    }
  });
});

describe('system entities in a long message still resolve where they are', () => {
  it('a date after 4,000 characters is found at its offset', async () => {
    const classifier = trainIntentClassifier(
      [
        {text: 'book a table', intent: 'book'},
        {text: 'cancel it', intent: 'cancel'},
      ],
      {seed: 1},
    );
    const recognizer = await LocalRecognizer.create(
      {
        format: 'synthnlu-dataset/1',
        language: 'en',
        intents: [{name: 'book'}, {name: 'cancel'}],
        entities: [{name: 'when', kind: 'prebuilt', prebuilt: 'datetime'}],
        utterances: [],
      } as never,
      classifier,
    );
    const text = `${'I would like to book a table please. '.repeat(110)}We arrive on the 12th of May at 7pm.`;
    const result = recognizer.recognize(text);
    const at = text.indexOf('12th of May');
    expect(result.systemEntitiesSearchedChars).toBeUndefined();
    expect(result.entities.$instance.when?.some((i) => i.startIndex === at - 4 || i.startIndex === at)).toBe(
      true,
    );
  });

  it('a hostile message runs out of its budget instead of holding the next one up', async () => {
    const classifier = trainIntentClassifier(
      [
        {text: 'hello', intent: 'greet'},
        {text: 'bye', intent: 'bye'},
      ],
      {
        seed: 1,
      },
    );
    const recognizer = await LocalRecognizer.create(
      {format: 'synthnlu-dataset/1', language: 'en', intents: [], entities: [], utterances: []} as never,
      classifier,
      {defaultSystemTypes: COMMON_SYSTEM_TYPES, budgetMs: 200},
    );
    const hostile = recognizer.recognize(DATE_BOMBS[5]![1]);
    expect(hostile.systemEntitiesSearchedChars).toBeLessThan(hostile.text.length);
    const next = recognizer.recognize('see you on the 3rd of June');
    expect(next.systemEntitiesSearchedChars).toBeUndefined();
    expect(next.entities.$instance.datetime?.[0]?.text).toMatch(/^the 3rd of june$/i);
  });
});

describe('predict on date-like messages finishes (each ran past 60 s)', () => {
  for (const [name, text] of DATE_BOMBS)
    it(`${name}, a declared date entity and --all-system-entities`, () => {
      const dir = tempDir('synthnlu-hostile-');
      const data = writeDataset(dir, 'data.jsonl', WHEN);
      const before = snapshot(dir);
      const run = runIn(dir, [
        'predict',
        data,
        text.trim(),
        '--all-system-entities',
        '--cache-dir',
        join(dir, 'cache'),
      ]);
      assertHostileOutcome(run, {exit: 0, message: /(^$)|Training/});
      expect(run.stdout).toMatch(/^(Intent|Not confident)/);
      snapshotUnchanged(dir, before);
    });
});

describe('predict on a long standard input', () => {
  it('stops quietly when its standard output closes (| head -1)', async () => {
    const dir = tempDir('synthnlu-hostile-');
    const data = writeDataset(dir, 'data.jsonl', WHEN);
    // Distinct lines, so nothing is answered from memory: 20,000 lines took about 100 s of CPU to the end.
    const lines = Array.from(
      {length: 20_000},
      (_, i) => `meet me on day ${i % 28} at ${i % 12} pm, ref ${i}`,
    );
    const child = spawn(process.execPath, [BIN, 'predict', data, '--cache-dir', join(dir, 'cache')], {
      cwd: dir,
      env: {...process.env, NO_COLOR: '1'},
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.end(`${lines.join('\n')}\n`);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    let first = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        first += chunk.toString('utf8');
        if (first.includes('\n')) {
          child.stdout.destroy();
          resolve();
        }
      });
    });
    expect(first).toMatch(/^> meet me on day 0/);
    const timer = setTimeout(() => child.kill('SIGKILL'), HANG_MS);
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
      child.on('close', (c, s) => resolve([c, s])),
    );
    clearTimeout(timer);
    expect(signal, 'killed: predict kept working after its reader was gone').toBeNull();
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|^\s+at /m);
  });
});

describe('a server that trickles its answer a byte at a time', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
  });

  async function trickle(): Promise<string> {
    server = createServer((_request, response) => {
      response.writeHead(200, {'content-type': 'application/json', 'content-length': '100000'});
      const timer = setInterval(() => response.write(' '), 100);
      response.on('close', () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const KEY = 'trickle-key-5b4a3c2d1e0f';
  const TIMEOUTS = ['--request-timeout', '2', '--max-retry-time', '5', '--retry-base-ms', '1'];

  it('push --to rasa gives up at --request-timeout and names the endpoint', async () => {
    const endpoint = await trickle();
    const dir = tempDir('synthnlu-hostile-');
    const data = writeDataset(dir);
    const before = snapshot(dir);
    const run = await runInAsync(
      dir,
      ['push', data, '--to', 'rasa', '--endpoint', endpoint, '--yes', '--backup-dir', 'backups', ...TIMEOUTS],
      {RASA_TOKEN: KEY},
    );
    assertHostileOutcome(run, {exit: 1, message: /timed out/, names: endpoint, secrets: [KEY]});
    snapshotUnchanged(dir, before);
  });

  it('pull --from clu gives up at --request-timeout and names the endpoint', async () => {
    const endpoint = await trickle();
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
        'support',
        '--key-env',
        'TRICKLE_KEY',
        '--out',
        'pulled.json',
        ...TIMEOUTS,
      ],
      {TRICKLE_KEY: KEY},
    );
    assertHostileOutcome(run, {exit: 1, message: /timed out/, names: endpoint, secrets: [KEY]});
    expect(snapshot(dir).size).toBe(0);
  });
});

export const LIMIT_CASES = DATE_BOMBS.length + 1 + 2 + 1;
