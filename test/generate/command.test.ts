import {runCommand} from '@oclif/test';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {loadDataset} from '../../src/load/inspect.js';
import {ROOT, runCli, tempDir} from '../helpers/cli.js';

const EXAMPLE = join(ROOT, 'examples/customer-support.yaml');

describe('generate (in process)', () => {
  it('writes a canonical .json dataset and returns the per-intent report with --json', async () => {
    const out = join(tempDir(), 'data.json');
    const {stdout, error} = await runCommand(
      ['generate', EXAMPLE, '--out', out, '--per-intent', '20', '--seed', '3', '--json'],
      {root: ROOT},
    );
    expect(error).toBeUndefined();
    const report = JSON.parse(stdout);
    expect(report.intents).toHaveLength(12);
    expect(report.intents[0]).toMatchObject({
      intent: 'cancel_order',
      requested: 20,
      produced: 20,
      shortfall: 0,
      train: 16,
      test: 4,
    });
    const {dataset} = await loadDataset(out);
    expect(dataset.utterances).toHaveLength(report.produced);
    expect(dataset.entities.find((e) => e.name === 'delivery_date')).toEqual({
      name: 'delivery_date',
      kind: 'prebuilt',
      prebuilt: 'date',
    });
  });

  it('adds an out-of-scope intent with --none, says why auto did not measure, prints the drops, and --no-filter turns the filter off', async () => {
    const out = join(tempDir(), 'plain.json');
    const plain = join(ROOT, 'examples/bike-shop.yaml');
    const {stdout, error} = await runCommand(
      ['generate', plain, '--out', out, '--per-intent', '12', '--seed', '1', '--none', '7'],
      {root: ROOT},
    );
    expect(error).toBeUndefined();
    expect(stdout).toMatch(/^None\s+7\s+0\s/m);
    // bike-shop holds too few seeds to measure a family: auto says so instead of pretending to measure.
    expect(stdout).toMatch(
      /variations: auto: 21 held-out seeds are too few to measure a family \(40 needed\)/,
    );
    expect(stdout).toMatch(/label filter on/);
    const {dataset} = await loadDataset(out);
    expect(dataset.utterances.filter((u) => u.intent === 'None')).toHaveLength(7);
    const off = await runCommand(
      ['generate', plain, '--out', out, '--per-intent', '12', '--seed', '1', '--no-filter', '--json'],
      {root: ROOT},
    );
    expect(JSON.parse(off.stdout).filter).toBe(false);
  });

  it('--max-utterances caps the out-of-scope intent too, and the refusal says how the count adds up', async () => {
    const spec = join(ROOT, 'examples/plain-seeds.yaml');
    const out = join(tempDir(), 'capped.jsonl');
    // 2 intents x 5 = 10 fit under 30; only the 50 None utterances take the run over.
    const {error, stderr} = await runCommand(
      ['generate', spec, '--out', out, '--per-intent', '5', '--none', '50', '--max-utterances', '30'],
      {root: ROOT},
    );
    expect(error?.oclif?.exit).toBe(2);
    expect(stderr).toContain(
      "the counts ask for 60 utterances (10 for the spec's intents, 50 for the out-of-scope intent), over the 30 limit",
    );
    expect(stderr).toContain('(or --none, or none: count)');
    expect(existsSync(out)).toBe(false);
  });

  it('rejects an output name that is neither .json nor .jsonl', async () => {
    const {error, stderr} = await runCommand(['generate', EXAMPLE, '--out', join(tempDir(), 'x.csv')], {
      root: ROOT,
    });
    expect(error?.oclif?.exit).toBe(2);
    expect(stderr).toContain('Name the output .jsonl');
  });
});

describe('generate (child process)', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });

  it('writes 100 per intent, valid against the schema, and the same bytes twice', async () => {
    const args = (out: string) => ['generate', EXAMPLE, '--out', out, '--per-intent', '100', '--seed', '1'];
    const first = runCli(args(join(dir, 'a.jsonl')));
    expect(first.stderr).not.toMatch(/Error/);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('cancel_order');
    const second = runCli(args(join(dir, 'b.jsonl')));
    expect(second.status).toBe(0);
    const a = readFileSync(join(dir, 'a.jsonl'));
    expect(a.equals(readFileSync(join(dir, 'b.jsonl')))).toBe(true);
    const lines = a.toString('utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0]!).$dataset).toMatchObject({
      format: 'synthnlu-dataset/1',
      name: 'customer-support',
    });
    const {dataset} = await loadDataset(join(dir, 'a.jsonl'));
    for (const u of dataset.utterances) {
      // Provenance: everything but a seed names the seed or template it came from.
      const keys = ['text', 'intent', 'entities', 'tags', 'source', 'split'];
      expect(Object.keys(u)).toEqual(u.source === 'seed' ? keys : [...keys, 'origin']);
      for (const span of u.entities ?? []) expect(span.end).toBeLessThanOrEqual(u.text.length);
    }
    const perIntent = new Map<string, number>();
    for (const u of dataset.utterances) perIntent.set(u.intent, (perIntent.get(u.intent) ?? 0) + 1);
    expect(perIntent.size).toBe(12);
    // The English pack's families are at work: at least 8 of the 12 Bitext letters (offensive stays off).
    const tags = new Set(dataset.utterances.flatMap((u) => u.tags ?? []));
    expect(tags.size).toBeGreaterThanOrEqual(8);
    expect(tags.has('W')).toBe(false);
    for (const [intent, count] of perIntent) expect([intent, count]).toEqual([intent, 100]);
  });

  it('refuses a broken template naming the file, line and column, and writes nothing', () => {
    const spec = join(dir, 'bad.yaml');
    writeFileSync(spec, 'intents:\n  - name: a\n    examples:\n      - cancel (my|the order\n');
    const run = runCli(['generate', spec, '--out', join(dir, 'bad.jsonl')]);
    // A template that does not parse is bad input: exit 2, like any syntax error.
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${spec}:4:9 (intents[0].examples[0]): "(" is never closed (column 8)`);
    expect(existsSync(join(dir, 'bad.jsonl'))).toBe(false);
  });
});
