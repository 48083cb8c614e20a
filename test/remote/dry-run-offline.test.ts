/**
 * `push --dry-run` without credentials (issue 29 item 5): Dialogflow, CX and CLU print the full desired state
 * they would write (every intent and entity type; --json every phrase and value), say that the diff against
 * the live agent needs read access and how to give it, and exit 0. Rasa's dry run is unchanged.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {noCredentialsEnv, runCli, tempDir} from '../helpers/cli.js';
import {writeDataset} from '../hostile/fixtures.js';

const PLATFORMS = [
  {
    to: 'dialogflow',
    access: /no Google credentials to reach Dialogflow\. .*gcloud auth application-default login/,
  },
  {to: 'dialogflow-cx', access: /no Google credentials to reach Dialogflow CX\. .*--key-file/},
  {to: 'clu', access: /Azure CLU needs: key, endpoint, project\. .*AZURE_CONVERSATIONS_KEY/},
];

describe('push --dry-run without credentials', () => {
  const dir = tempDir('synthnlu-offline-');
  writeDataset(dir, 'data.jsonl', [
    {name: 'size', kind: 'list', values: [{value: 'small', synonyms: ['tiny']}]},
  ]);
  const texts = readFileSync(join(dir, 'data.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => JSON.parse(line) as {text: string; intent: string});

  for (const {to, access} of PLATFORMS) {
    it(`${to}: prints the full desired state and says the diff needs read access (exit 0)`, () => {
      const env = noCredentialsEnv();
      const run = runCli(['push', 'data.jsonl', '--to', to, '--dry-run'], {cwd: dir, env});
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('  + create intent greet (4 phrases)');
      expect(run.stdout).toContain('  + create intent bye (4 phrases)');
      expect(run.stdout).toContain('  + create entity type size (1 value)');
      expect(run.stdout).toContain('the full desired state push would write');
      expect(run.stdout).toContain('The diff against the live agent');
      expect(run.stdout).toContain('needs read access');
      expect(run.stdout).toMatch(access);
      expect(run.stderr).not.toMatch(/^Error/m);

      const json = runCli(['push', 'data.jsonl', '--to', to, '--dry-run', '--json'], {cwd: dir, env});
      expect(json.status, json.stderr).toBe(0);
      const result = JSON.parse(json.stdout) as {
        plan: {remoteState: string};
        access: {code: string};
        desired: {intents: Array<{name: string; phrases: string[]}>; entityTypes: Array<{name: string}>};
      };
      expect(result.plan.remoteState).toBe('no-access');
      expect(result.access.code).toMatch(/_(NO_CREDENTIALS|MISSING_SETTINGS)$/);
      // Every phrase of the dataset, under its intent.
      for (const intent of ['greet', 'bye'])
        expect(result.desired.intents.find((i) => i.name === intent)?.phrases).toEqual(
          texts.filter((t) => t.intent === intent).map((t) => t.text),
        );
      expect(result.desired.entityTypes.map((e) => e.name)).toEqual(['size']);
    });
  }

  it('without --dry-run, missing credentials are still an error (exit 2): nothing is sent blind', () => {
    const run = runCli(['push', 'data.jsonl', '--to', 'clu', '--yes'], {cwd: dir, env: noCredentialsEnv()});
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Azure CLU needs: key, endpoint, project');
  });
});
