/**
 * One count everywhere, taken from what is written (issue 29 item 6): export, convert and import summaries
 * agree with the files, intents a platform needs are named when added, intents without examples are not
 * written as empty Rasa blocks (and are named), and every count reads "1 warning", "2 warnings".
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import JSZip from 'jszip';
import {describe, expect, it} from 'vitest';
import {parse} from 'yaml';
import {countOf} from '../../src/report/count.js';
import {runCli, SHARED, tempDir} from '../helpers/cli.js';
import {writeDataset} from '../hostile/fixtures.js';

const DIVEBOOKER = join(SHARED, 'fixtures', 'dialogflow-cx', 'divebooker.zip');

function rasaIntents(file: string): Array<{intent: string; examples: string}> {
  const doc = parse(readFileSync(file, 'utf8')) as {nlu: Array<{intent?: string; examples: string}>};
  return doc.nlu.filter((item): item is {intent: string; examples: string} => item.intent !== undefined);
}

function summaryCount(stdout: string): number {
  return Number(/: (\d+) intents?, /.exec(stdout)?.[1]);
}

describe('counts taken from what is written', () => {
  it('a Dialogflow agent with default intents (no phrases) converts to Rasa without empty blocks, naming them', async () => {
    const dir = tempDir('synthnlu-counts-');
    writeDataset(dir);
    const exported = runCli(['export', 'data.jsonl', '--to', 'dialogflow', '--out', 'agent.zip'], {cwd: dir});
    expect(exported.status, exported.stderr).toBe(0);
    // Dialogflow's defaults are added, counted and named in one line.
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'agent.zip')));
    const intentFiles = Object.keys(zip.files).filter(
      (f) => /^intents\/[^/]+\.json$/.test(f) && !f.includes('_usersays_'),
    );
    expect(summaryCount(exported.stdout)).toBe(intentFiles.length);
    expect(exported.stdout).toContain(
      'added 2 intents dialogflow needs, without training phrases: "Default Welcome Intent", "Default Fallback Intent"',
    );

    const converted = runCli(['convert', 'agent.zip', '--to', 'rasa', '--out', 'nlu.yml'], {cwd: dir});
    expect(converted.status, converted.stderr).toBe(0);
    const blocks = rasaIntents(join(dir, 'nlu.yml'));
    expect(blocks.map((b) => b.intent).sort()).toEqual(['bye', 'greet']);
    expect(blocks.every((b) => b.examples.trim().length > 0)).toBe(true);
    expect(summaryCount(converted.stdout)).toBe(blocks.length);
    expect(converted.stdout).toContain(
      'left out 2 intents without examples: "Default Fallback Intent", "Default Welcome Intent"',
    );
  });

  it('import and convert of the same CX agent tell one story (divebooker: 3 declared, 1 without utterances)', () => {
    const dir = tempDir('synthnlu-counts-');
    const imported = runCli(['import', DIVEBOOKER, '--out', 'dive.json'], {cwd: dir});
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('3 intents (1 without utterances: "Default Negative Intent")');
    const converted = runCli(['convert', DIVEBOOKER, '--to', 'rasa', '--out', 'dive.yml'], {cwd: dir});
    expect(converted.status, converted.stderr).toBe(0);
    expect(summaryCount(converted.stdout)).toBe(rasaIntents(join(dir, 'dive.yml')).length);
    expect(summaryCount(converted.stdout)).toBe(2);
    expect(converted.stdout).toContain('left out 1 intent without examples: "Default Negative Intent"');
  });

  it('LUIS, .lu and CLU count the intents in the file, and name None when they add it', () => {
    const dir = tempDir('synthnlu-counts-');
    writeDataset(dir);
    const luis = runCli(['export', 'data.jsonl', '--to', 'luis', '--out', 'app.json'], {cwd: dir});
    expect(luis.status, luis.stderr).toBe(0);
    const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as {intents: unknown[]};
    expect(summaryCount(luis.stdout)).toBe(app.intents.length);
    expect(luis.stdout).toContain('added 1 intent luis needs, without training phrases: "None"');
    const lu = runCli(['export', 'data.jsonl', '--to', 'lu', '--out', 'bot.lu'], {cwd: dir});
    expect(lu.status, lu.stderr).toBe(0);
    const luIntents = readFileSync(join(dir, 'bot.lu'), 'utf8').match(/^# /gm)?.length ?? 0;
    expect(summaryCount(lu.stdout)).toBe(luIntents);
    const clu = runCli(['export', 'data.jsonl', '--to', 'clu', '--out', 'project.json'], {cwd: dir});
    expect(clu.status, clu.stderr).toBe(0);
    const project = JSON.parse(readFileSync(join(dir, 'project.json'), 'utf8')) as {
      assets: {intents: unknown[]};
    };
    expect(summaryCount(clu.stdout)).toBe(project.assets.intents.length);
  });

  it('singular and plural read right: "1 intent", "1 warning", "on 1 real utterance"', () => {
    expect(countOf(1, 'warning')).toBe('1 warning');
    expect(countOf(2, 'warning')).toBe('2 warnings');
    expect(countOf(1, 'entity', 'entities')).toBe('1 entity');
    expect(countOf(1000, 'utterance')).toBe('1,000 utterances');
    const dir = tempDir('synthnlu-counts-');
    writeDataset(dir);
    const validated = runCli(['validate', 'data.jsonl'], {cwd: dir});
    expect(validated.stdout).toContain(
      '(2 intents, 0 entities, 8 utterances); 0 errors, 0 warnings, 0 notes',
    );
    // The starter spec generates a dataset whose coverage has exactly one warning (few real utterances).
    expect(runCli(['init'], {cwd: dir}).status).toBe(0);
    expect(
      runCli(['generate', 'synthnlu.yaml', '--out', 'gen.jsonl', '--seed', '1'], {cwd: dir}).status,
    ).toBe(0);
    const coverage = runCli(['coverage', 'gen.jsonl'], {cwd: dir});
    const text = `${coverage.stdout}\n${coverage.stderr}`;
    expect(text).not.toMatch(/\b1 (warnings|values|intents|utterances|real utterances|errors|notes)\b/);
    expect(text).toMatch(/findings: \d+ errors?, 1 warning, \d+ notes?/);
    expect(text).toContain('not gated: 1 warning (--fail-on warning)');
  });
});
