/** The help a new user reaches for: help, help <command>, version, autocomplete, and did-you-mean on typos. */
import {describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';

describe('help, version, autocomplete and did-you-mean (child process)', () => {
  it('synthnlu help lists the commands; help generate shows its flags', () => {
    const help = runCli(['help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^COMMANDS$/m);
    for (const id of ['generate', 'coverage', 'push', 'validate', 'autocomplete', 'version'])
      expect(help.stdout).toMatch(new RegExp(`^  ${id}\\b`, 'm'));
    const generate = runCli(['help', 'generate']);
    expect(generate.status).toBe(0);
    expect(generate.stdout).toContain('--per-intent=<value>');
  });

  it('version and autocomplete exist', () => {
    const version = runCli(['version']);
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^synthnlu\/\d+\.\d+\.\d+ /);
    const autocomplete = runCli(['autocomplete', 'bash'], {
      env: {XDG_CACHE_HOME: '/tmp/synthnlu-test-cache'},
    });
    expect(autocomplete.status).toBe(0);
    expect(autocomplete.stdout).toContain('synthnlu autocomplete script bash');
  });

  it('a mistyped command followed by a path gets the corrected command line, exit 2', () => {
    const run = runCli(['valdate', 'spec.yaml']);
    expect(run.status).toBe(2);
    expect(run.stderr.replace(/\s*›\s*/g, ' ')).toContain(
      '"valdate" is not a synthnlu command. Did you mean "synthnlu validate spec.yaml"?',
    );
  });

  it('a command close to none gets the list of commands, not a far-fetched guess, exit 2', () => {
    const run = runCli(['foo']);
    expect(run.status).toBe(2);
    const stderr = run.stderr.replace(/\s*›\s*/g, ' ');
    expect(stderr).toContain(
      '"foo" is not a synthnlu command. Commands: autocomplete, bot, convert, coverage,',
    );
    expect(stderr).toContain('Run "synthnlu --help" for what each does.');
    expect(stderr).not.toContain('Did you mean');
  });

  it('a mistyped flag names the flag it was probably meant to be, exit 2, also under --json', () => {
    const run = runCli(['generate', 'examples/customer-support.yaml', '--per-intnet', '3']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Error: unknown flag: --per-intnet');
    expect(run.stderr).toContain(
      'fix: Did you mean --per-intent? Run "synthnlu help generate" for the flags.',
    );
    const json = runCli(['generate', 'examples/customer-support.yaml', '--per-intnet', '3', '--json']);
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({error: {code: 'UNKNOWN_FLAG', exitCode: 2}});
  });
});
