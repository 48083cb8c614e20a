/**
 * The acceptance check for this connector: the customer-support example, exported to each Bot Framework
 * format through the core, writes files that validate (the core checks the schemas before writing) and a .lu
 * that Microsoft's bf-lu reads to the same utterances and labels as the LUIS JSON.
 */
import bflu from '@microsoft/bf-lu';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {LuisApp} from '../../../connectors/botframework/luis/types.js';
import {exportToPath} from '../../../src/convert/export.js';
import {loadAnyAsDataset} from '../../../src/convert/load-any.js';
import {validateAgainstSchema} from '../../../src/schema/validate.js';
import {ROOT, tempDir} from '../../helpers/cli.js';

const builder = (bflu as unknown as {V2: {LuisBuilder: {fromLUAsync(t: string): Promise<object>}}}).V2
  .LuisBuilder;

function labelled(app: LuisApp): string[] {
  return app.utterances.map((u) => `${u.intent}|${u.text}|${JSON.stringify(u.entities)}`).sort();
}

describe('acceptance: export examples/customer-support.yaml to luis, lu and clu', () => {
  it('writes valid files, and bf-lu reads the .lu as the same app as the LUIS JSON', async () => {
    const {dataset} = await loadAnyAsDataset(join(ROOT, 'examples/customer-support.yaml'));
    const dir = tempDir('synthnlu-bf-accept-');
    await exportToPath(dataset, 'luis', join(dir, 'app.json'));
    await exportToPath(dataset, 'lu', join(dir, 'app.lu'));
    await exportToPath(dataset, 'clu', join(dir, 'project.json'));
    const luis = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as LuisApp;
    expect(validateAgainstSchema('luis-app.schema.json', luis)).toEqual([]);
    expect(
      validateAgainstSchema(
        'clu-project.schema.json',
        JSON.parse(readFileSync(join(dir, 'project.json'), 'utf8')),
      ),
    ).toEqual([]);
    // LUIS cannot mark test utterances: the test split is left out of its files (clu carries it).
    const train = dataset.utterances.filter((u) => u.split !== 'test');
    expect(train.length).toBeLessThan(dataset.utterances.length);
    expect(luis.utterances).toHaveLength(train.length);
    const fromLu = JSON.parse(
      JSON.stringify(await builder.fromLUAsync(readFileSync(join(dir, 'app.lu'), 'utf8'))),
    ) as LuisApp;
    expect(labelled(fromLu)).toEqual(labelled(luis));
    expect(fromLu.utterances.some((u) => (u.entities?.length ?? 0) > 0)).toBe(true);
  }, 60_000);
});
