/**
 * push / pull with Amazon Lex V2: the real AWS SDK client against test/support/lex-server (SigV4-signed REST
 * on 127.0.0.1). Asserts on what the server stored: no writes for unchanged data, one for one changed intent,
 * the CreateExport backup before any write, BuildBotLocale on --train with Lex's reasons on failure, and pull
 * giving back the pushed data.
 */
import {runCommand} from '@oclif/test';
import {existsSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {project} from '../../src/conformance/projection.js';
import {importFromPath} from '../../src/convert/import.js';
import {loadDataset} from '../../src/load/inspect.js';
import {ROOT, SHARED, tempDir} from '../helpers/cli.js';
import {lexLimits} from '../../connectors/lex/limits.js';
import {lexRemote} from '../../connectors/lex/remote.js';
import {Secrets} from '../../src/remote/secrets.js';
import {startLexServer, type LocalLexServer} from '../support/lex-server/server.js';
import {smallDataset, writeSmallDataset} from './fixtures.js';

const SECRET = 'lex-secret-key-0123456789-VERYSECRET';
const saved: Record<string, string | undefined> = {};
let server: LocalLexServer;
let dir: string;

beforeAll(() => {
  for (const k of [
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_PROFILE',
    'AWS_REGION',
    'AWS_CONFIG_FILE',
    'AWS_SHARED_CREDENTIALS_FILE',
  ])
    saved[k] = process.env[k];
});
afterAll(() => {
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) Reflect.deleteProperty(process.env, k);
    else process.env[k] = v;
});
beforeEach(async () => {
  process.env.AWS_ACCESS_KEY_ID = 'AKIDLOCALTEST';
  process.env.AWS_SECRET_ACCESS_KEY = SECRET;
  process.env.AWS_REGION = 'us-east-1';
  server = await startLexServer({botName: 'SupportBot'});
  dir = tempDir('synthnlu-lex-');
});
afterEach(async () => server.close());

function lex(args: string[]) {
  return runCommand([...args, '--endpoint', server.endpoint, '--retry-base-ms', '1'], {root: ROOT});
}

function push(file: string, ...extra: string[]) {
  return lex([
    'push',
    file,
    '--to',
    'lex',
    '--bot',
    'SupportBot',
    '--yes',
    '--backup-dir',
    join(dir, 'backups'),
    ...extra,
  ]);
}

describe('push --to lex', () => {
  it('creates the intents and slot types, backs up first, writes nothing the second time, one write for one changed intent; pull gives the data back', async () => {
    const file = await writeSmallDataset(dir);
    const first = await push(file, '--json');
    expect(first.error).toBeUndefined();
    const locale = server.locale('en_US');
    const track = [...locale.intents.values()].find((i) => i.intentName === 'track_order')!;
    expect(track.sampleUtterances!.map((s) => s.utterance)).toEqual([
      'where is my {carrier} parcel',
      'where is my ups parcel',
      'track my {carrier} package',
      'track my dhl package',
    ]);
    expect([...track.slots.values()].map((s) => s.slotName)).toEqual(['carrier']);
    expect([...locale.slotTypes.values()][0]).toMatchObject({
      slotTypeName: 'carrier',
      slotTypeValues: [
        {sampleValue: {value: 'ups'}, synonyms: [{value: 'united parcel'}]},
        {sampleValue: {value: 'dhl'}},
      ],
      valueSelectionSetting: {resolutionStrategy: 'TopResolution'},
    });
    // The test split stays out of the platform.
    const greet = [...locale.intents.values()].find((i) => i.intentName === 'greet')!;
    expect(greet.sampleUtterances!.map((s) => s.utterance)).toEqual(['hello there', 'hi']);
    // CreateExport (the backup) came before the first write.
    const exportAt = server.requests.findIndex((r) => r.method === 'PUT' && r.path === '/exports');
    const firstWrite = server.requests.indexOf(server.writes()[0]!);
    expect(exportAt).toBeGreaterThanOrEqual(0);
    expect(exportAt).toBeLessThan(firstWrite);
    const backups = readdirSync(join(dir, 'backups'));
    expect(backups.some((b) => b.endsWith('.zip'))).toBe(true);
    // The backup is a Lex export synthnlu imports (the bot before the push: only the fallback intent).
    const before = await importFromPath(
      join(
        dir,
        'backups',
        backups.find((b) => b.endsWith('.zip'))!,
      ),
    );
    expect(before.format).toBe('lex');
    // Every request was signed, and the secret itself never went over the wire.
    for (const r of server.requests.filter((q) => !q.path.startsWith('/exports-download/')))
      expect(r.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDLOCALTEST\//);
    expect(JSON.stringify(server.requests)).not.toContain(SECRET);
    expect(first.stdout).not.toContain(SECRET);

    const writesAfterFirst = server.writes().length;
    const second = await push(file);
    expect(second.error).toBeUndefined();
    expect(server.writes().length).toBe(writesAfterFirst);

    const changed = smallDataset();
    changed.utterances.push({text: 'howdy', intent: 'greet'});
    const changedFile = await writeSmallDataset(join(dir), changed);
    const third = await push(changedFile);
    expect(third.error).toBeUndefined();
    const newWrites = server.writes().slice(writesAfterFirst);
    expect(newWrites.map((w) => `${w.method} ${w.path.replace(/^.*\/botlocales\/en_US/, '')}`)).toEqual([
      `PUT /intents/${greet.intentId}`,
    ]);

    const out = join(dir, 'pulled.json');
    const pulled = await lex(['pull', '--from', 'lex', '--bot', 'SupportBot', '--out', out]);
    expect(pulled.error).toBeUndefined();
    const {dataset} = await loadDataset(out);
    const supports = lexLimits.supports;
    const pushed = {...changed, utterances: changed.utterances.filter((u) => u.split !== 'test')};
    expect(project(dataset, supports)).toEqual(project(pushed, supports));
  });

  it('a real Lex export (cloud-assistant: built-ins, regex and expanding slot types) pushes, then plans nothing, and pulls back the same', async () => {
    const source = join(SHARED, 'fixtures', 'lex-v2', 'cloud-assistant');
    const first = await push(source);
    expect(first.error).toBeUndefined();
    const locale = server.locale('en_US');
    const create = [...locale.intents.values()].find((i) => i.intentName === 'ec2-create')!;
    expect(create.sampleUtterances!.map((u) => u.utterance)).toContain('launch {count} {ami} instances');
    const count = [...create.slots.values()].find((slot) => slot.slotName === 'count')!;
    expect(count.slotTypeId).toBe('AMAZON.Number');
    const objName = [...locale.slotTypes.values()].find((t) => t.slotTypeName === 'objName')!;
    expect(objName).toMatchObject({
      parentSlotTypeSignature: 'AMAZON.AlphaNumeric',
      valueSelectionSetting: {resolutionStrategy: 'OriginalValue', regexFilter: {pattern: '[0-9][a-z]'}},
    });
    const writes = server.writes().length;
    const second = await push(source);
    expect(second.error).toBeUndefined();
    expect(server.writes().length).toBe(writes);
    const out = join(dir, 'pulled.json');
    expect((await lex(['pull', '--from', 'lex', '--bot', 'SupportBot', '--out', out])).error).toBeUndefined();
    const {dataset: pulled} = await loadDataset(out);
    const {dataset: original} = await importFromPath(source);
    const supports = lexLimits.supports;
    expect(project(pulled, supports)).toEqual(project(original, supports));
  });

  it('--train builds the locale and waits; a failed build says why, in Lex words', async () => {
    const file = await writeSmallDataset(dir);
    const ok = await push(file, '--train');
    expect(ok.error).toBeUndefined();
    expect(server.locale('en_US').builds).toBe(1);
    expect(server.locale('en_US').status).toBe('Built');
    server.failNextBuild(['Failed to build the intent greet: too few sample utterances.']);
    const failed = await push(file, '--train');
    expect(failed.error?.oclif?.exit).toBe(1);
    expect(failed.stderr).toMatch(
      /could not build the en_US locale: Failed to build the intent greet: too few sample utterances\./,
    );
    expect(server.locale('en_US').builds).toBe(2);
  });

  it('retries throttling (429 ThrottlingException) and still writes once per change', async () => {
    const file = await writeSmallDataset(dir);
    server.throttleNext(2);
    const result = await push(file);
    expect(result.error).toBeUndefined();
    expect(server.requests.filter((r) => r.status === 429)).toHaveLength(2);
    expect([...server.locale('en_US').intents.values()].map((i) => i.intentName).sort()).toEqual([
      'FallbackIntent',
      'greet',
      'track_order',
    ]);
  });

  it('--prune deletes intents the dataset lacks, after the backup; the fallback intent stays', async () => {
    const file = await writeSmallDataset(dir);
    await push(file);
    const fewer = smallDataset();
    fewer.utterances = fewer.utterances.filter((u) => u.intent === 'greet');
    fewer.intents = [{name: 'greet'}];
    fewer.entities = [];
    const pruned = await push(await writeSmallDataset(dir, fewer), '--prune');
    expect(pruned.error).toBeUndefined();
    expect([...server.locale('en_US').intents.values()].map((i) => i.intentName).sort()).toEqual([
      'FallbackIntent',
      'greet',
    ]);
    const exports = server.requests.filter((r) => r.method === 'PUT' && r.path === '/exports');
    const deleteAt = server.requests.findIndex((r) => r.method === 'DELETE');
    expect(server.requests.lastIndexOf(exports.at(-1)!)).toBeLessThan(deleteAt);
  });

  it('without AWS credentials: exit 2 naming AWS_PROFILE, aws configure and --profile; --dry-run shows the desired state', async () => {
    Reflect.deleteProperty(process.env, 'AWS_ACCESS_KEY_ID');
    Reflect.deleteProperty(process.env, 'AWS_SECRET_ACCESS_KEY');
    process.env.AWS_CONFIG_FILE = join(dir, 'no-config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'no-credentials');
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    const file = await writeSmallDataset(dir);
    const refused = await push(file);
    expect(refused.error?.oclif?.exit).toBe(2);
    expect(refused.stderr).toMatch(/no AWS credentials/);
    expect(refused.stderr).toMatch(/AWS_PROFILE/);
    expect(refused.stderr).toMatch(/aws configure/);
    expect(refused.stderr).toMatch(/--profile/);
    const dry = await lex(['push', file, '--to', 'lex', '--bot', 'SupportBot', '--dry-run']);
    expect(dry.error).toBeUndefined();
    expect(dry.stdout).toMatch(/create intent track_order/);
    expect(server.requests).toEqual([]);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });
});

describe('recognize() on the Lex session (RecognizeText)', () => {
  it('asks the test alias, a new session per utterance, and gives the dataset intent names back', async () => {
    const renamed = smallDataset();
    for (const u of renamed.utterances) if (u.intent === 'track_order') u.intent = 'track order';
    renamed.intents = [{name: 'track order'}, {name: 'greet'}];
    const file = await writeSmallDataset(dir, renamed);
    const pushed = await push(file, '--train');
    expect(pushed.error).toBeUndefined();
    const session = await lexRemote.connect({
      flags: {bot: 'SupportBot', endpoint: server.endpoint, region: 'us-east-1'},
      env: process.env,
      secrets: new Secrets(),
    });
    try {
      const track = await session.recognize!('where is my ups parcel');
      expect(track.intent).toBe('track order');
      expect(track.confidence).toBeGreaterThan(0);
      expect(track.confidence).toBeLessThanOrEqual(1);
      expect((await session.recognize!('hello there')).intent).toBe('greet');
    } finally {
      await session.close();
    }
    const calls = server.requests.filter((r) => r.path.endsWith('/text'));
    expect(calls).toHaveLength(2);
    for (const call of calls) {
      expect(call.path).toMatch(
        /^\/bots\/BOTID12345\/botAliases\/TSTALIASID\/botLocales\/en_US\/sessions\/[^/]+\/text$/,
      );
      expect(call.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 /);
    }
    expect(new Set(calls.map((c) => c.path)).size).toBe(2);
  });
});
