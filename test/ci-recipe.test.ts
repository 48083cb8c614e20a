/**
 * The CI recipes in examples/ci/ (issue 29): every synthnlu command they run works as written through the
 * built CLI on a starter project, the coverage gate writes the JUnit report the CI reads, and the README
 * points at them.
 */
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parse} from 'yaml';
import {ROOT, runCli, tempDir} from './helpers/cli.js';

function commandsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, 'examples/ci', file), 'utf8');
  const doc = parse(text) as Record<string, unknown>;
  const lines: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.startsWith('synthnlu ')) lines.push(value);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(doc);
  return lines;
}

describe('CI recipes', () => {
  for (const file of ['github-actions.yml', 'gitlab-ci.yml']) {
    it(`${file}: validate, generate and the coverage gate with JUnit run as written`, () => {
      const commands = commandsOf(file);
      expect(commands.map((c) => c.split(' ')[1])).toEqual(['validate', 'generate', 'coverage']);
      expect(commands[2]).toContain('--junit out/coverage.xml');
      // The evaluate step is there, commented out: it needs a live scratch agent and its key.
      expect(readFileSync(join(ROOT, 'examples/ci', file), 'utf8')).toMatch(
        /# +(- name: Evaluate|- synthnlu evaluate)/,
      );
      const dir = tempDir('synthnlu-ci-');
      expect(runCli(['init'], {cwd: dir}).status).toBe(0);
      for (const command of commands) {
        const run = runCli(command.split(' ').slice(1), {cwd: dir});
        expect(run.status, `${command}\n${run.stderr}`).toBe(0);
      }
      const junit = readFileSync(join(dir, 'out/coverage.xml'), 'utf8');
      expect(junit).toMatch(/<testsuites name="synthnlu coverage"/);
      expect(existsSync(join(dir, 'out/coverage.html'))).toBe(true);
    });
  }

  it('the README points at both recipes', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('`examples/ci/github-actions.yml`');
    expect(readme).toContain('`examples/ci/gitlab-ci.yml`');
  });
});
