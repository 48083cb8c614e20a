/** One export behaviour per format for the test split, said once, with a flag for the other behaviour. */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {exportToPath} from '../../src/convert/export.js';
import {sampleDataset} from '../connectors/sample-dataset.js';
import {tempDir} from '../helpers/cli.js';

const TEST_TEXTS = ['book 2 seats to the big apple', 'has my order shipped?', 'good morning'];
/** Test utterances without entities, written verbatim in .lu. */
const PLAIN_TEST_TEXTS = ['has my order shipped?', 'good morning'];

describe('export and the test split', () => {
  it('a format that cannot mark test utterances leaves them out and says so once', async () => {
    const out = join(tempDir(), 'bot.lu');
    const summary = await exportToPath(sampleDataset(), 'lu', out);
    const lu = readFileSync(out, 'utf8');
    for (const text of PLAIN_TEST_TEXTS) expect(lu).not.toContain(text);
    expect(lu).toContain('hello there');
    expect(summary.utterances).toBe(sampleDataset().utterances.length - TEST_TEXTS.length);
    const aboutSplit = summary.warnings.filter((w) => /test utterances|split/.test(w.message));
    expect(aboutSplit).toEqual([
      expect.objectContaining({
        code: 'EXPORT_TEST_SPLIT_LEFT_OUT',
        message:
          'lu cannot mark test utterances: the 3 test utterances are left out of the exported files, so they stay unseen for evaluation',
      }),
    ]);
  });

  it('--test-as-train exports them as training data instead', async () => {
    const out = join(tempDir(), 'bot.lu');
    const summary = await exportToPath(sampleDataset(), 'lu', out, {testAsTrain: true});
    const lu = readFileSync(out, 'utf8');
    for (const text of PLAIN_TEST_TEXTS) expect(lu).toContain(text);
    expect(summary.utterances).toBe(sampleDataset().utterances.length);
    expect(summary.warnings.map((w) => w.code)).toContain('EXPORT_TEST_AS_TRAIN');
    expect(summary.warnings.map((w) => w.code)).not.toContain('EXPORT_TEST_SPLIT_LEFT_OUT');
  });

  it('CLU carries the test set, marked as such, without a warning', async () => {
    const out = join(tempDir(), 'clu.json');
    const summary = await exportToPath(sampleDataset(), 'clu', out);
    const project = JSON.parse(readFileSync(out, 'utf8')) as {
      assets: {utterances: {text: string; dataset?: string}[]};
    };
    const tests = project.assets.utterances.filter((u) => u.dataset === 'Test').map((u) => u.text);
    expect(tests.sort()).toEqual([...TEST_TEXTS].sort());
    expect(summary.warnings.filter((w) => /test utterances|split/.test(w.message))).toEqual([]);
  });
});
