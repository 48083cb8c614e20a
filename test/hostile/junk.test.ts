/**
 * Silently accepted junk, bot requests that are not activities, and mutated archives (issue 17, problems 9
 * and 10): each is refused by name instead of being accepted, crashing with a 500 or throwing raw errors.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {ActivityHandler, TestAdapter} from 'botbuilder';
import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {createRecognitionBot} from '../../src/bot/recognition-bot.js';
import {startBotServer, type RunningBotServer} from '../../src/bot/server.js';
import {openImportSource} from '../../src/convert/source.js';
import {SynthnluError} from '../../src/errors.js';
import {SynthnluRecognizer} from '../../src/recognizer/bot-recognizer.js';
import {loadLocalRecognizer} from '../../src/recognizer/index.js';
import {tempDir} from '../helpers/cli.js';
import {supportDataset} from '../recognizer/support-dataset.js';
import {craftZip} from './craft-zip.js';
import {runHostileCase, type HostileCase} from './harness.js';

const cluFixture = join(import.meta.dirname, '../../../shared/fixtures/clu/EmailProject.json');

const cases: HostileCase[] = [
  {
    name: 'a Chatito sentence with an unclosed alias reference (hello ~[a)',
    setup: (dir) => {
      writeFileSync(join(dir, 'bot.chatito'), '%[greet]\n    hello ~[a\n');
      return ['validate', 'bot.chatito'];
    },
    exit: 2,
    names: 'bot.chatito:2',
    message: /unclosed reference "~\[a"/,
  },
  {
    name: 'a NUL byte in an intent name',
    setup: (dir) => {
      writeFileSync(
        join(dir, 'spec.yaml'),
        'language: en\nintents:\n  - name: "gr\\0eet"\n    examples: [hello there]\n',
      );
      return ['validate', 'spec.yaml'];
    },
    exit: 1,
    names: 'spec.yaml:3',
    message: /contains a control character \(U\+0000\)/,
  },
  {
    name: 'a LUIS app claiming schema version 99.0.0',
    setup: (dir) => {
      const app = {
        luis_schema_version: '99.0.0',
        versionId: '0.1',
        name: 'h',
        culture: 'en-us',
        intents: [{name: 'greet'}],
        entities: [],
        utterances: [{text: 'hello there', intent: 'greet', entities: []}],
      };
      writeFileSync(join(dir, 'app.json'), JSON.stringify(app));
      return ['import', 'app.json', '--from', 'luis', '--out', 'out.json'];
    },
    exit: 2,
    names: 'app.json (luis_schema_version)',
    message: /Major versions 1 to 7 exist/,
  },
  {
    name: 'a CLU project claiming projectFileVersion 1999-01-01',
    setup: (dir) => {
      const project = JSON.parse(readFileSync(cluFixture, 'utf8')) as Record<string, unknown>;
      project['projectFileVersion'] = '1999-01-01';
      writeFileSync(join(dir, 'project.json'), JSON.stringify(project));
      return ['import', 'project.json', '--from', 'clu', '--out', 'out.json'];
    },
    exit: 2,
    names: 'project.json (projectFileVersion)',
    message: /a date from 2022 on/,
  },
  {
    name: 'a .lu file importing a file that is not there',
    setup: (dir) => {
      writeFileSync(join(dir, 'bot.lu'), '[more](missing.lu)\n# greet\n- hello\n');
      return ['import', 'bot.lu', '--out', 'out.json'];
    },
    exit: 2,
    names: 'bot.lu:1',
    message: /imports "missing.lu", which synthnlu does not follow/,
  },
  {
    name: 'Rasa markup that is never closed ([red car](thing) is read as text, with a warning naming the line',
    setup: (dir) => {
      writeFileSync(
        join(dir, 'nlu.yml'),
        'version: "3.1"\nnlu:\n- intent: buy\n  examples: |\n    - hello there\n    - I want a [red car](thing\n',
      );
      return ['import', 'nlu.yml', '--out', 'out.json'];
    },
    exit: 0,
    creates: ['out.json'],
    names: 'nlu.yml:6',
    message: /"I want a \[red car\]\(thing" looks like entity markup that is not closed/,
  },
];

describe('junk that used to be accepted silently', () => {
  for (const c of cases) it(c.name, () => void runHostileCase(c));
});

describe('bot requests that are not activities', () => {
  let running: RunningBotServer;
  beforeAll(async () => {
    running = await startBotServer(new ActivityHandler(), {
      host: '127.0.0.1',
      port: 0,
      logError: () => undefined,
    });
  });
  afterAll(() => running.close());

  it('an empty activity gets 400, not 500', async () => {
    const response = await fetch(running.url, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/"type" is missing/);
  });

  it('a body that is not JSON gets 400', async () => {
    const response = await fetch(running.url, {method: 'POST', body: 'not json'});
    expect(response.status).toBe(400);
  });
});

describe('a bot with an app id, sent a token that is not valid', () => {
  it('answers 401 with one line logged and no stack printed', async () => {
    const logged: string[] = [];
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const running = await startBotServer(new ActivityHandler(), {
      host: '127.0.0.1',
      port: 0,
      appId: '00000000-0000-0000-0000-000000000001',
      appPassword: 'not-a-real-password',
      logError: (message) => logged.push(message),
    });
    try {
      const response = await fetch(running.url, {
        method: 'POST',
        headers: {'content-type': 'application/json', authorization: 'Bearer not.a.token'},
        body: JSON.stringify({
          type: 'message',
          text: 'hi',
          channelId: 'emulator',
          serviceUrl: 'http://127.0.0.1:1',
          from: {id: 'user'},
          conversation: {id: 'conversation'},
          recipient: {id: 'bot'},
        }),
      });
      expect(response.status).toBe(401);
      expect(logged).toEqual([expect.stringMatching(/^request refused: /)]);
      expect(printed).not.toHaveBeenCalled();
    } finally {
      printed.mockRestore();
      await running.close();
    }
  });
});

describe('bot messages over the length cap', () => {
  let recognizer: SynthnluRecognizer;
  beforeAll(async () => {
    const {recognizer: local} = await loadLocalRecognizer(supportDataset(), {cacheDir: tempDir()});
    recognizer = new SynthnluRecognizer(local);
  });

  it('are answered with the limit instead of being recognised', async () => {
    const adapter = new TestAdapter(async (context) =>
      createRecognitionBot(recognizer, 5, {maxChars: 50}).run(context),
    );
    await adapter.send('x'.repeat(51)).assertReply((activity) => {
      expect(activity.text).toBe(
        'That message is 51 characters; I recognise messages of up to 50 characters (bot --max-chars).',
      );
      expect(activity.value).toBeUndefined();
    });
  });
});

describe('mutated archives', () => {
  it('any byte flipped or truncation of a valid zip is read or refused with a SynthnluError naming the zip', async () => {
    const valid = craftZip([
      {name: 'agent.json', data: Buffer.from('{"language":"en","description":"hostile"}')},
      {name: 'intents/greet.json', data: Buffer.from('{"name":"greet","responses":[]}')},
      {name: 'intents/greet_usersays_en.json', data: Buffer.from('[{"data":[{"text":"hello there"}]}]')},
    ]);
    const dir = tempDir('synthnlu-hostile-');
    let runs = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({at: fc.nat(valid.length - 1), value: fc.nat(255)}), {minLength: 1, maxLength: 4}),
        fc.nat(valid.length),
        async (flips, cut) => {
          runs += 1;
          const bytes = Buffer.from(valid);
          for (const {at, value} of flips) bytes[at] = value;
          const path = join(dir, `m${runs}.zip`);
          writeFileSync(path, cut > valid.length - 8 ? bytes : bytes.subarray(0, Math.max(cut, 4)));
          try {
            const source = await openImportSource(path);
            for (const name of source.list()) await source.readBytes(name);
          } catch (error) {
            refused += 1;
            expect(error).toBeInstanceOf(SynthnluError);
            expect((error as SynthnluError).message).toContain(path);
          }
        },
      ),
      {numRuns: 300},
    );
    expect(runs).toBe(300);
    expect(refused).toBeGreaterThan(100);
  });
});

export const JUNK_CASES = cases.length + 4;
