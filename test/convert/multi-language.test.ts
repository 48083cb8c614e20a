import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {exportToPath, languageOutputName} from '../../src/convert/export.js';
import {importFromPath} from '../../src/convert/import.js';
import {generateDataset} from '../../src/generate/index.js';
import {loadSpec} from '../../src/library-load.js';
import type {Dataset} from '../../src/model/dataset.js';
import {registry} from '../../src/registry.js';

const ROOT = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'synthnlu-multi-language-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();
/** Per language (primary subtag), the sorted texts. */
function textsByLanguage(dataset: Dataset): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const u of dataset.utterances) (out[primary(u.language ?? dataset.language)] ??= []).push(u.text);
  for (const list of Object.values(out)) list.sort();
  return out;
}

// CLU and Lex write one multi-language project / bot: test/convert/multi-language-native.test.ts.
describe('a two-language dataset (en + es)', async () => {
  const {spec} = await loadSpec(join(ROOT, 'examples/multilingual.yaml'));
  const {dataset} = await generateDataset(spec, {seed: 1, perIntent: 8});

  it.each([
    ['dialogflow', 'agent.zip'],
    ['dialogflow-cx', 'cx-agent.zip'],
    ['rasa', 'nlu.yml'],
  ])('exports to %s and reads back with every utterance in its language', async (format, name) => {
    const out = join(dir, name);
    const summary = await exportToPath(dataset, format, out, {testAsTrain: true});
    expect(summary.utterances).toBe(dataset.utterances.length);
    if (registry.format(format).format.multiLanguage) {
      // A multi-language agent: one output holds every language.
      expect(summary.files.map((f) => basename(f))).toEqual([name]);
      expect(summary.warnings.map((w) => w.code)).not.toContain('EXPORT_ONE_FILE_PER_LANGUAGE');
    } else {
      expect(summary.files.map((f) => basename(f))).toEqual([name, basename(languageOutputName(out, 'es'))]);
      expect(summary.warnings.find((w) => w.code === 'EXPORT_ONE_FILE_PER_LANGUAGE')?.message).toContain(
        `es -> ${basename(languageOutputName(out, 'es'))}`,
      );
    }
    const back = (await importFromPath(out)).dataset;
    expect(back.languages?.map(primary)).toEqual(['en', 'es']);
    expect(textsByLanguage(back)).toEqual(textsByLanguage(dataset));
    // The Spanish forms of list values come back as the Spanish forms.
    const checking = back.entities
      .find((e) => e.name === 'account')
      ?.values?.find((v) => v.value === 'checking');
    expect(checking?.synonymsByLanguage?.es).toEqual(['cuenta corriente', 'cuenta nómina']);
  });

  it('names the other languages beside the output', () => {
    expect(languageOutputName('out/nlu.yml', 'es')).toBe('out/nlu.es.yml');
    expect(languageOutputName('out/agent', 'pt-BR')).toBe('out/agent.pt-BR');
  });
});
