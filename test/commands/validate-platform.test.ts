/**
 * `validate` reads the platform files every other command reads (issue 29 item 8): a Dialogflow zip or
 * folder, a CX folder, LUIS, .lu, CLU and Rasa files are checked as their format and as the dataset they
 * become; a spec or dataset stays one; a file that is none of them is still refused (exit 2).
 */
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCli, tempDir} from '../helpers/cli.js';
import {writeDataset} from '../hostile/fixtures.js';

const OUTPUTS = [
  ['dialogflow', 'agent.zip'],
  ['dialogflow', 'agent'],
  ['dialogflow-cx', 'cx'],
  ['luis', 'app.json'],
  ['lu', 'bot.lu'],
  ['clu', 'project.json'],
  ['rasa', 'nlu.yml'],
] as const;

describe('validate on platform files', () => {
  const dir = tempDir('synthnlu-validate-platform-');
  writeDataset(dir);
  for (const [to, out] of OUTPUTS) {
    it(`accepts a ${to} ${out.includes('.') ? 'file' : 'folder'} (${out}) and checks it as a dataset`, () => {
      expect(runCli(['export', 'data.jsonl', '--to', to, '--out', out], {cwd: dir}).status).toBe(0);
      const run = runCli(['validate', out], {cwd: dir});
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(
        new RegExp(`^${out}: valid ${to} file \\(\\d+ intents, 0 entities, 8 utterances\\)`),
      );
      const json = JSON.parse(runCli(['validate', out, '--json'], {cwd: dir}).stdout) as {
        kind: string;
        format: string;
      };
      expect(json).toMatchObject({kind: 'platform', format: to});
    });
  }

  it('a dataset stays a dataset, and a JSON that is nothing known is still refused with exit 2', () => {
    expect(runCli(['validate', 'data.jsonl'], {cwd: dir}).stdout).toContain('valid dataset');
    writeFileSync(join(dir, 'junk.json'), '{"a": 1}');
    const junk = runCli(['validate', 'junk.json'], {cwd: dir});
    expect(junk.status).toBe(2);
    expect(junk.stderr).toContain('INPUT_UNKNOWN_KIND');
  });
});
