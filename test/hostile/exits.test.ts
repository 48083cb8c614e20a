/**
 * Truthful exit codes, no ReDoS and bounded work (issue 17, problems 2, 7 and 9): raw Node and library errors
 * become clear exit-2 errors, user regexes cannot freeze predict, counts, messages and responses are bounded.
 */
import {writeFileSync} from 'node:fs';
import {createServer, type RequestListener, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {join} from 'node:path';
import fc from 'fast-check';
import {afterEach, describe, expect, it} from 'vitest';
import {compileUserRegex, findAllMatches, userRegexProblem} from '../../src/model/user-regex.js';
import {HttpClient} from '../../src/remote/http.js';
import {Secrets} from '../../src/remote/secrets.js';
import {SynthnluError} from '../../src/errors.js';
import {tempDir} from '../helpers/cli.js';
import {writeDataset, writeSpec} from './fixtures.js';
import {assertHostileOutcome, runHostileCase, runIn, runInAsync, type HostileCase} from './harness.js';

const regexSpec = (pattern: string) => `language: en
intents:
  - name: a
    examples: ["my code is {c}", "code {c} please"]
entities:
  - name: c
    type: regex
    pattern: ${JSON.stringify(pattern)}
`;

const cases: HostileCase[] = [
  {
    name: '--split 1.5 is a usage error (exit 2, not 1)',
    setup: (dir) => ['generate', writeSpec(dir), '--out', 'out.jsonl', '--split', '1.5'],
    exit: 2,
    message: /--split must be a number from 0 to 1, got "1.5"/,
  },
  {
    name: 'an unknown flag',
    setup: (dir) => ['validate', writeSpec(dir), '--frobnicate'],
    exit: 2,
    message: /unknown flag: --frobnicate/,
  },
  {
    name: '5000 nested parentheses in a template (RangeError)',
    setup: (dir) => [
      'validate',
      writeSpec(
        dir,
        'deep.yaml',
        `language: en\nintents:\n  - name: a\n    examples: ["${'('.repeat(5000)}x${')'.repeat(5000)}"]\n`,
      ),
    ],
    exit: 2,
    names: 'deep.yaml',
    message: /nested too deeply/,
  },
  {
    name: 'a Rasa YAML alias bomb (ReferenceError: Excessive alias count)',
    setup: (dir) => {
      let yaml = 'version: "3.1"\nx0: &a0 [lol,lol,lol,lol,lol,lol,lol,lol,lol,lol]\n';
      for (let i = 1; i <= 8; i++)
        yaml += `x${i}: &a${i} [${Array.from({length: 10}, () => `*a${i - 1}`).join(',')}]\n`;
      writeFileSync(join(dir, 'bomb.yml'), `${yaml}nlu:\n  - intent: greet\n    examples: |\n      - hi\n`);
      return ['import', 'bomb.yml', '--from', 'rasa', '--out', 'out.json'];
    },
    exit: 2,
    names: 'bomb.yml',
    message: /alias/i,
  },
  {
    name: '--per-intent 10000000 (hours of work) is refused up front',
    setup: (dir) => ['generate', writeSpec(dir), '--out', 'out.jsonl', '--per-intent', '10000000'],
    exit: 2,
    code: 'GENERATE_TOO_MANY',
    json: true,
    names: 'spec.yaml',
    message: /ask for 20000000 utterances, over the 1000000 limit/,
  },
  {
    name: 'a regex entity with a backreference (no linear-time match)',
    setup: (dir) => ['validate', writeSpec(dir, 'spec.yaml', regexSpec('(a)\\1'))],
    exit: 1,
    names: 'spec.yaml:8',
    message: /entities\[0\]\.pattern.*cannot be matched in linear time/,
  },
  {
    name: 'a regex entity matching the empty string (would write empty spans)',
    setup: (dir) => ['generate', writeSpec(dir, 'spec.yaml', regexSpec('[0-9]*')), '--out', 'out.jsonl'],
    exit: 1,
    names: 'spec.yaml:8',
    message: /matches the empty string/,
  },
  {
    name: 'predict with a message over --max-chars',
    setup: (dir) => ['predict', writeDataset(dir), 'x'.repeat(101), '--max-chars', '100'],
    exit: 2,
    message: /the text is 101 characters, over the 100 limit/,
  },
  {
    name: 'import whose dataset has errors exits 1 and writes nothing',
    setup: (dir) => {
      const app = {
        luis_schema_version: '7.0.0',
        versionId: '0.1',
        name: 'h',
        culture: 'en-us',
        intents: [{name: 'greet'}],
        entities: [],
        utterances: [
          {text: 'hello there', intent: 'greet', entities: []},
          {text: 'boo', intent: 'ghost', entities: []},
        ],
      };
      writeFileSync(join(dir, 'app.json'), JSON.stringify(app));
      return ['import', 'app.json', '--out', 'out.json'];
    },
    exit: 1,
    names: 'app.json (utterances[1].intent)',
    message: /belongs to intent "ghost", which is not in intents/,
  },
  {
    name: 'a --min-f1 gate over a dataset with no real utterance to test on fails instead of passing',
    setup: (dir) => {
      const utterances = Array.from({length: 20}, (_, i) => [
        {text: `cancel order number ${i}`, intent: 'cancel', source: 'generated', origin: 'cancel order'},
        {text: `track parcel number ${i}`, intent: 'track', source: 'generated', origin: 'track parcel'},
      ]).flat();
      const dataset = {
        format: 'synthnlu-dataset/1',
        language: 'en',
        intents: [{name: 'cancel'}, {name: 'track'}],
        entities: [],
        utterances,
      };
      writeFileSync(join(dir, 'generated.json'), JSON.stringify(dataset));
      return ['coverage', 'generated.json', '--min-f1', '0.5'];
    },
    exit: 1,
    message: /no model estimate to check --min-f1 against/,
  },
];

describe('truthful exit codes and bounded work', () => {
  for (const c of cases) it(c.name, () => void runHostileCase(c));

  it('predict with the catastrophic pattern (a+)+$ on 5000 a\'s and "!" finishes and answers', () => {
    const dir = tempDir('synthnlu-hostile-');
    const data = writeDataset(dir, 'data.jsonl', [{name: 'code', kind: 'regex', patterns: ['(a+)+$']}]);
    const run = runIn(dir, [
      'predict',
      data,
      `${'a'.repeat(4990)}!`,
      '--json',
      '--cache-dir',
      join(dir, 'cache'),
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as {text: string}).text).toHaveLength(4991);
  });

  it('bot: a port in use is a clear exit-2 error', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = (blocker.address() as AddressInfo).port;
      const dir = tempDir('synthnlu-hostile-');
      const data = writeDataset(dir);
      const run = await runInAsync(dir, [
        'bot',
        data,
        '--port',
        String(port),
        '--cache-dir',
        join(dir, 'cache'),
      ]);
      assertHostileOutcome(run, {exit: 2, message: new RegExp(`port .*${port} is already in use`)});
    } finally {
      blocker.close();
    }
  });
});

describe('user regexes run in linear time', () => {
  it('every pattern built from a, (, ), +, *, ?, | and $ is either refused by name or matched quickly', () => {
    let matched = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', '(', ')', '+', '*', '?', '|', '$', 'a+', '(a+)+'), {maxLength: 12}),
        (parts) => {
          runs += 1;
          const pattern = parts.join('');
          const problem = userRegexProblem(pattern);
          if (problem !== undefined) {
            expect(problem).toMatch(/invalid regular expression|empty string|linear time/);
            return;
          }
          matched += 1;
          // A backtracking engine takes exponential time on these inputs; RE2 is linear (a hang fails the test).
          findAllMatches(compileUserRegex(pattern), `${'a'.repeat(3000)}!`);
        },
      ),
      {numRuns: 300},
    );
    expect(runs).toBe(300);
    expect(matched).toBeGreaterThan(5);
  });
});

describe('misbehaving servers', () => {
  let server: Server | undefined;
  afterEach(() => server?.closeAllConnections());
  afterEach(() => server?.close());

  async function listen(handler: RequestListener): Promise<string> {
    server = createServer(handler);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  function client(baseURL: string, retry: Record<string, number>): HttpClient {
    return new HttpClient({
      baseURL,
      headers: {},
      platform: 'Test',
      authHint: 'the key',
      secrets: new Secrets(),
      retry: {baseDelayMs: 1, ...retry},
    });
  }

  it('a response over the size limit is refused, not buffered', async () => {
    const url = await listen((_request, response) => response.end('x'.repeat(200_000)));
    const error = await client(url, {maxResponseBytes: 10_000})
      .request({url: '/'})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SynthnluError);
    expect((error as SynthnluError).code).toBe('REMOTE_RESPONSE_TOO_LARGE');
  });

  it('a server that never answers is given up on within the total retry time', async () => {
    const url = await listen(() => undefined);
    const error = await client(url, {totalTimeoutMs: 300, requestTimeoutMs: 60_000})
      .request({url: '/'})
      .catch((e: unknown) => e);
    expect((error as SynthnluError).code).toBe('REMOTE_TIMEOUT');
    expect((error as SynthnluError).message).toMatch(/timed out/);
  });
});

export const EXIT_CASES = cases.length + 6;
