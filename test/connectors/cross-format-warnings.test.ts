/** Losses the canonical projection cannot see are still warned at the export that loses them (issue 12). */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {exportToPath} from '../../src/convert/export.js';
import {importFromPath} from '../../src/convert/import.js';
import {emptyDataset, type Dataset} from '../../src/model/dataset.js';
import {SHARED, tempDir} from '../helpers/cli.js';

const FIXTURES = join(SHARED, 'fixtures');

async function warningsOf(dataset: Dataset, to: string): Promise<string[]> {
  const out = join(tempDir(`synthnlu-warn-${to}-`), to === 'dialogflow' ? 'agent.zip' : 'out.data');
  const summary = await exportToPath(dataset, to, out);
  return summary.warnings.map((w) => `${w.code}: ${w.message}`);
}

describe('cross-format losses are warned', () => {
  it('Dialogflow responses, contexts and events (bike shop agent -> LUIS, CLU, Rasa)', async () => {
    const {dataset} = await importFromPath(join(FIXTURES, 'dialogflow', 'fulfillment-bike-shop-nodejs'));
    for (const to of ['luis', 'clu', 'rasa']) {
      const warnings = (await warningsOf(dataset, to)).join('\n');
      expect(warnings, to).toContain(`${to} cannot carry intent responses`);
      expect(warnings, to).toMatch(
        /EXPORT_DROPS_PLATFORM_DATA: .*only dialogflow reads \(.*intent\.contexts, intent\.events/,
      );
    }
    // Dialogflow itself carries them: no such warning.
    expect((await warningsOf(dataset, 'dialogflow')).join('\n')).not.toContain('EXPORT_DROPS_PLATFORM_DATA');
  });

  it('@sys.date and @sys.time merged into one date-time type (bike shop agent -> LUIS, CLU)', async () => {
    const {dataset} = await importFromPath(join(FIXTURES, 'dialogflow', 'fulfillment-bike-shop-nodejs'));
    for (const to of ['luis', 'clu']) {
      const merged = (await warningsOf(dataset, to)).find((w) => w.startsWith('EXPORT_PREBUILT_MERGED'));
      expect(merged, to).toContain('"date" (date ->');
      expect(merged, to).toContain('"time" (time ->');
    }
  });

  it('stand-alone Rasa synonyms (botium nlu.yml -> CLU, LUIS, Dialogflow)', async () => {
    const {dataset} = await importFromPath(join(FIXTURES, 'rasa', 'botium-sample-nlu.yml'));
    for (const to of ['clu', 'luis', 'dialogflow'])
      expect((await warningsOf(dataset, to)).join('\n'), to).toMatch(/only rasa reads \(synonyms\)/);
  });

  it('Rasa entity groups', async () => {
    const dataset: Dataset = {
      ...emptyDataset('en'),
      utterances: [
        {
          text: 'a large pepperoni and a small mushroom',
          intent: 'order',
          entities: [
            {entity: 'size', start: 2, end: 7, group: '1'},
            {entity: 'size', start: 24, end: 29, group: '2'},
          ],
        },
      ],
    };
    for (const to of ['luis', 'lu', 'clu', 'dialogflow'])
      expect((await warningsOf(dataset, to)).join('\n'), to).toContain('cannot carry entity groups');
    expect((await warningsOf(dataset, 'rasa')).join('\n')).not.toContain('entity groups');
  });
});
