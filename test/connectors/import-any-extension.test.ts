/** `import --from FORMAT FILE` reads FILE as FORMAT whatever its extension (issue 12). */
import {copyFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {importFromPath} from '../../src/convert/import.js';
import {SHARED, tempDir} from '../helpers/cli.js';

const FIXTURES = join(SHARED, 'fixtures');

describe('import --from reads any extension', () => {
  const cases: Array<[string, string]> = [
    ['luis', 'luis/Calendar.json'],
    ['lu', 'lu/ToDo.lu'],
    ['clu', 'clu/EmailProject.json'],
    ['rasa', 'rasa/moodbot-nlu.yml'],
    ['rasa', 'rasa/demo-rasa-small.json'],
    ['rasa', 'rasa/botium-sample-nlu.md'],
    ['dialogflow', 'dialogflow/icecream.zip'],
  ];
  for (const [from, fixture] of cases) {
    it(`${fixture} renamed to .txt and .data, read with --from ${from}`, async () => {
      const reference = await importFromPath(join(FIXTURES, fixture), {from});
      for (const extension of ['.txt', '.data']) {
        const renamed = join(tempDir('synthnlu-any-ext-'), `export${extension}`);
        copyFileSync(join(FIXTURES, fixture), renamed);
        const imported = await importFromPath(renamed, {from});
        expect(imported.format).toBe(from);
        expect(imported.dataset.utterances).toEqual(reference.dataset.utterances);
      }
    });
  }
});
