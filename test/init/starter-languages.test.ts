import {describe, expect, it} from 'vitest';
import {generateDataset} from '../../src/generate/index.js';
import {STARTER_LANGUAGES, starterSpec} from '../../src/init/starter-spec.js';
import {inspectSpecText} from '../../src/library-load.js';
import type {SpecDocument} from '../../src/spec/spec.js';

/** The words of a spec's examples, without slots, alias references and one-letter words. */
function exampleWords(spec: SpecDocument): Set<string> {
  const texts = spec.intents.flatMap((i) => i.examples as string[]);
  return new Set(
    texts
      .join(' ')
      .replace(/\{[^}]*\}|<[^>]*>/g, ' ')
      .toLowerCase()
      .split(/[^\p{L}']+/u)
      .filter((w) => w.length > 1),
  );
}

describe('init --language', async () => {
  const english = (await inspectSpecText(starterSpec('en'), 'synthnlu.yaml')).value!;

  it('offers en, es, de, fr and pt-BR', () => {
    expect([...STARTER_LANGUAGES]).toEqual(['en', 'es', 'de', 'fr', 'pt-BR']);
  });

  it.each(['es', 'de', 'fr', 'pt-BR'])(
    'writes a valid starter spec in %s, in that language, that generates',
    async (language) => {
      const text = starterSpec(language);
      const inspection = await inspectSpecText(text, 'synthnlu.yaml');
      expect(inspection.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      const spec = inspection.value!;
      expect(spec.language).toBe(language);
      // Its examples share no word with the English starter's: written in the language, not half-translated.
      const shared = [...exampleWords(spec)].filter((w) => exampleWords(english).has(w));
      expect(shared).toEqual([]);
      // The comments are in the language too (the first line is not the English one).
      expect(text.split('\n')[0]).not.toBe(starterSpec('en').split('\n')[0]);
      const {dataset} = await generateDataset(spec, {seed: 1, perIntent: 6, filter: false});
      expect(new Set(dataset.utterances.map((u) => u.intent)).size).toBe(3);
      expect(dataset.language).toBe(language);
    },
  );
});
