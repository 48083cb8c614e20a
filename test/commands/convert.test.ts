import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import bflu from '@microsoft/bf-lu';
import {describe, expect, it} from 'vitest';
import {importFromPath} from '../../src/convert/import.js';
import {registry} from '../../src/registry.js';
import {ROOT, SHARED, runCli, tempDir} from '../helpers/cli.js';
import {project} from '../../src/conformance/projection.js';

const EXAMPLE = join(ROOT, 'examples/customer-support.yaml');

describe('export from the bundled spec to every format (child process)', () => {
  const dir = tempDir('synthnlu-export-');
  for (const format of registry.formatIds()) {
    it(`--to ${format} writes files that import back and validate`, async () => {
      const {format: f} = registry.format(format);
      const out = join(
        dir,
        f.layout === 'archive' ? `${format}.zip` : `${format}${f.extensions[0] ?? '.out'}`,
      );
      const run = runCli(['export', EXAMPLE, '--to', format, '--out', out, '--seed', '3', '--json']);
      expect(run.status, run.stderr).toBe(0);
      const summary = JSON.parse(run.stdout);
      // The count is what the files hold: the spec's 12, and the intents the platform needs, named.
      const added = {
        dialogflow: ['Default Welcome Intent', 'Default Fallback Intent'],
        luis: ['None'],
        lu: ['None'],
      };
      const needs = added[format as keyof typeof added] ?? [];
      expect(summary).toMatchObject({format, intents: 12 + needs.length, addedIntents: needs});
      expect(summary.utterances).toBeGreaterThan(12 * 50);
      // Import validates every file against the format's schema and the result against dataset.schema.json.
      const back = await importFromPath(out, {from: format});
      expect(back.dataset.intents.map((i) => i.name).sort()).toContain('cancel_order');
      expect(new Set(back.dataset.utterances.map((u) => u.intent)).size).toBe(12);
      if (format === 'lu') {
        const parsed = await bflu.V2.LuisBuilder.fromLUAsync(readFileSync(out, 'utf8'));
        // LUIS apps always carry the None intent, which the .lu export adds.
        expect(parsed.intents.map((i) => i.name).filter((n) => n !== 'None')).toHaveLength(12);
        expect(parsed.utterances.length).toBe(back.dataset.utterances.length);
      }
    });
  }
});

describe('convert a Dialogflow agent to Rasa and back', () => {
  it('keeps every intent, training phrase and entity annotation', async () => {
    const dir = tempDir('synthnlu-convert-');
    const agent = join(SHARED, 'fixtures/dialogflow/icecream.zip');
    const nlu = join(dir, 'nlu.yml');
    const back = join(dir, 'agent.zip');
    const first = runCli(['convert', agent, '--to', 'rasa', '--out', nlu]);
    expect(first.status, first.stderr).toBe(0);
    const second = runCli(['convert', nlu, '--to', 'dialogflow', '--out', back]);
    expect(second.status, second.stderr).toBe(0);
    const original = await importFromPath(agent);
    const roundTripped = await importFromPath(back);
    expect(project(roundTripped.dataset)).toEqual(project(original.dataset));
    expect(original.dataset.utterances.some((u) => (u.entities?.length ?? 0) > 0)).toBe(true);
  });
});
