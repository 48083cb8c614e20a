/**
 * Smaller messages of issue 29 item 8: did-you-mean for `help genrate`, `--to rassa` and `--from`, a missing
 * required flag named with an example (not oclif's raw text), the unknown-command hook suggesting only close
 * commands, and descriptions that name every platform (Dialogflow CX at the top, pull's --from) and `version`.
 */
import {describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';

describe('messages a user meets in the second hour', () => {
  it('help genrate: did you mean "synthnlu help generate", exit 2', () => {
    const run = runCli(['help', 'genrate']);
    expect(run.status).toBe(2);
    expect(run.stderr.replace(/\s*›\s*/g, ' ')).toContain(
      '"genrate" is not a synthnlu command. Did you mean "synthnlu help generate"?',
    );
  });

  it('--to rassa and --from rassa: did you mean rasa, exit 2, a stable code', () => {
    const to = runCli(['export', 'x.jsonl', '--to', 'rassa', '--out', 'x.yml']);
    expect(to.status).toBe(2);
    expect(to.stderr).toContain(
      'Error: --to "rassa" is not one of: dialogflow, dialogflow-cx, luis, lu, clu, rasa',
    );
    expect(to.stderr).toContain('fix: Did you mean --to rasa?');
    const from = runCli([
      'convert',
      'x.json',
      '--from',
      'dialogflw',
      '--to',
      'rasa',
      '--out',
      'x.yml',
      '--json',
    ]);
    expect(from.status).toBe(2);
    expect(JSON.parse(from.stdout)).toMatchObject({
      error: {code: 'INVALID_FLAG_VALUE', suggestion: 'Did you mean --from dialogflow?'},
    });
  });

  it('a missing required flag is named, with what it is and an example from the command', () => {
    const run = runCli(['export', 'x.jsonl', '--to', 'rasa']);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toContain('The following error occurred');
    expect(run.stderr).toContain('Error: --out is required (--out: Output file, folder, or .zip');
    expect(run.stderr).toMatch(/fix: For example: synthnlu export \S+ --to \S+ --out \S+/);
  });

  it('an unknown command far from every command lists the commands instead of guessing ("foo" is not "bot")', () => {
    const far = runCli(['foo']);
    expect(far.status).toBe(2);
    const text = far.stderr.replace(/\s*›\s*/g, ' ');
    expect(text).toContain('"foo" is not a synthnlu command.');
    expect(text).not.toContain('Did you mean');
    expect(text).toContain('Commands: autocomplete, bot, convert');
    const close = runCli(['valdate', 'x.yaml']);
    expect(close.stderr.replace(/\s*›\s*/g, ' ')).toContain('Did you mean "synthnlu validate x.yaml"?');
  });

  it('the top-level description names Dialogflow CX; version has a description; pull lists every --from', () => {
    const top = runCli(['--help']);
    expect(top.stdout.split('\n')[0]).toContain('Dialogflow ES, Dialogflow CX');
    expect(top.stdout).toMatch(/version\s+Print the version of synthnlu/);
    const version = runCli(['version', '--json']);
    expect(JSON.parse(version.stdout)).toMatchObject({cliVersion: expect.stringMatching(/^synthnlu\/\d/)});
    const pull = runCli(['pull', '--help']);
    const from = /--from=<option>[^\n]*\n[^<]*<options: ([^>]+)>/.exec(pull.stdout)?.[1]?.split('|') ?? [];
    expect(from.length).toBeGreaterThan(3);
    for (const id of from)
      expect(pull.stdout.split('FLAGS')[0]! + pull.stdout.split('DESCRIPTION')[1]).toContain(id);
  });
});
