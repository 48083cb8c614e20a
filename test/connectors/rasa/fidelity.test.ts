/** What we write is what Rasa reads (issue 12): no escapes, synonym conflicts, JSON output, legacy inputs, domain. */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {parse} from 'yaml';
import {describe, expect, it} from 'vitest';
import {parseAnnotatedExample} from '../../../connectors/rasa/annotation.js';
import {rasaNluFormat} from '../../../connectors/rasa/format.js';
import {createConnectorContext} from '../../../src/convert/context.js';
import {exportToPath} from '../../../src/convert/export.js';
import {importFromPath} from '../../../src/convert/import.js';
import {SynthnluError} from '../../../src/errors.js';
import {emptyDataset, type Dataset} from '../../../src/model/dataset.js';
import {SHARED, tempDir} from '../../helpers/cli.js';
import {memorySource} from '../../helpers/memory-source.js';
import {project} from '../../../src/conformance/projection.js';

const FIXTURES = join(SHARED, 'fixtures', 'rasa');

async function readAs(name: string, text: string) {
  const context = createConnectorContext();
  const {dataset} = await rasaNluFormat.importDataset(memorySource({[name]: text}, {kind: 'file'}), context);
  return {dataset, warnings: context.warnings};
}

describe('Rasa markup has no escapes', () => {
  it('reads a backslash as Rasa does: an ordinary character, not an escape', () => {
    // Rasa's ENTITY_REGEX finds the annotation "[b](c)" and keeps the backslash in the text.
    expect(parseAnnotatedExample('a \\[b](c)')).toEqual({
      text: 'a \\b',
      entities: [{entity: 'c', start: 3, end: 4}],
    });
  });

  it('never writes "\\[", and rewrites brackets Rasa would read as markup, naming the utterance', async () => {
    const dataset: Dataset = {
      ...emptyDataset('en'),
      utterances: [
        {text: 'show [docs](x) for paris', intent: 'a', entities: [{entity: 'city', start: 19, end: 24}]},
        {text: 'list [1] item', intent: 'a'},
        {text: 'a]b c', intent: 'a', entities: [{entity: 'e', start: 0, end: 3}]},
      ],
    };
    const context = createConnectorContext();
    const {files} = await rasaNluFormat.exportDataset(dataset, context, {});
    const yaml = String(files[0]!.content);
    expect(yaml).not.toContain('\\[');
    expect(yaml).not.toContain('\\]');
    // "[1]" alone is no annotation for Rasa: written as it is.
    expect(yaml).toContain('- list [1] item');
    const warning = context.warnings.find((w) => w.code === 'RASA_BRACKETS_REWRITTEN');
    expect(warning?.message).toContain('"show [docs](x) for paris"');
    expect(warning?.message).toContain('"a]b c"');
    expect(warning?.message).not.toContain('list [1] item');
    const {dataset: back} = await readAs('nlu.yml', yaml);
    expect(back.utterances.map((u) => u.text)).toEqual([
      'show (docs)(x) for paris',
      'list [1] item',
      'a)b c',
    ]);
    for (const u of back.utterances) expect(u.text).not.toMatch(/\]\(/);
    expect(back.utterances[0]!.entities).toEqual([{entity: 'city', start: 19, end: 24}]);
  });
});

describe('Rasa synonyms', () => {
  it('warns when one synonym maps to two values, naming both', async () => {
    const dataset: Dataset = {
      ...emptyDataset('en'),
      entities: [
        {name: 'city', kind: 'list', values: [{value: 'New York', synonyms: ['NY', 'big apple']}]},
        {name: 'state', kind: 'list', values: [{value: 'New York State', synonyms: ['ny']}]},
      ],
      utterances: [{text: 'fly to NY', intent: 'a', entities: [{entity: 'city', start: 7, end: 9}]}],
    };
    const context = createConnectorContext();
    await rasaNluFormat.exportDataset(dataset, context, {});
    const conflicts = context.warnings.filter((w) => w.code === 'RASA_SYNONYM_CONFLICT');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.message).toContain('"ny" is a synonym of both "New York" and "New York State"');
  });
});

describe('Rasa output syntax follows --out', () => {
  it('--out x.json writes Rasa JSON that reads back as the same data (formbot)', async () => {
    const {dataset} = await importFromPath(join(FIXTURES, 'formbot-nlu.yml'));
    const out = join(tempDir('synthnlu-rasa-json-'), 'nlu.json');
    await exportToPath(dataset, 'rasa', out);
    const json = JSON.parse(readFileSync(out, 'utf8')) as {rasa_nlu_data: {common_examples: unknown[]}};
    expect(json.rasa_nlu_data.common_examples.length).toBe(dataset.utterances.length);
    const back = await importFromPath(out);
    expect(back.format).toBe('rasa');
    const supports = {
      variationTags: false,
      roles: true,
      split: false,
      nestedEntities: false,
      regexEntities: true,
      patterns: false,
      phraseLists: true,
    };
    expect(project(back.dataset, supports)).toEqual(project(dataset, supports));
  });

  it('--out x.md is refused with a suggestion (Rasa 3 reads no Markdown)', async () => {
    const dir = tempDir('synthnlu-rasa-md-');
    const error = await exportToPath(emptyDataset('en'), 'rasa', join(dir, 'nlu.md')).catch(
      (e: unknown) => e,
    );
    expect((error as SynthnluError).code).toBe('RASA_MARKDOWN_OUTPUT');
    expect((error as SynthnluError).suggestion).toContain('.json');
  });

  it('--domain writes domain.yml beside nlu.yml with entity roles', async () => {
    const dataset: Dataset = {
      ...emptyDataset('en'),
      utterances: [
        {
          text: 'from paris to rome',
          intent: 'fly',
          entities: [
            {entity: 'city', start: 5, end: 10, role: 'origin'},
            {entity: 'city', start: 14, end: 18, role: 'destination'},
          ],
        },
      ],
    };
    const dir = tempDir('synthnlu-rasa-domain-');
    const summary = await exportToPath(dataset, 'rasa', join(dir, 'nlu.yml'), {domain: true});
    expect(summary.files).toEqual([join(dir, 'nlu.yml'), join(dir, 'domain.yml')]);
    expect(parse(readFileSync(join(dir, 'domain.yml'), 'utf8'))).toMatchObject({
      intents: ['fly'],
      entities: [{city: {roles: ['origin', 'destination']}}],
    });
  });
});

describe('legacy Rasa inputs', () => {
  it('JSON lookup tables with file_path: warned about and skipped, not a failure', async () => {
    const text = JSON.stringify({
      rasa_nlu_data: {
        common_examples: [{text: 'hi', intent: 'greet', entities: []}],
        lookup_tables: [{name: 'plates', file_path: 'data/lookups/plates.txt'}],
      },
    });
    const {dataset, warnings} = await readAs('nlu.json', text);
    expect(dataset.utterances.map((u) => u.text)).toEqual(['hi']);
    expect(warnings.find((w) => w.code === 'RASA_LOOKUP_FILE')?.message).toContain(
      '"plates" (data/lookups/plates.txt)',
    );
  });

  it('Markdown "# intent:x" is not a section for Rasa: its examples join the section before, with a warning', async () => {
    const text = '## intent:greet\n- hi\n# intent:bye\n- bye now\n## intent:thanks\n- thanks\n';
    const {dataset, warnings} = await readAs('nlu.md', text);
    expect(dataset.utterances.map((u) => [u.intent, u.text])).toEqual([
      ['greet', 'hi'],
      ['greet', 'bye now'],
      ['thanks', 'thanks'],
    ]);
    const warning = warnings.find((w) => w.code === 'RASA_MARKDOWN_SINGLE_HASH');
    expect(warning?.line).toBe(3);
    expect(warning?.suggestion).toContain('## intent:');
  });
});
