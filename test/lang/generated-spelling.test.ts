/**
 * Every word the Spanish, Portuguese, German and French packs generate is a word of the language (Debian's
 * Hunspell dictionaries, a reader independent of our code), except the spec's own words, the chat forms and
 * abbreviations a pack writes on purpose (in Spanish and Portuguese only in an utterance tagged Q or E) and one
 * slip per utterance the noise family made (tagged Z).
 */
import {describe, expect, it} from 'vitest';
import {generateDataset} from '../../src/generate/index.js';
import {ABBREVIATIONS as DE_ABBREVIATIONS, CHAT_FORMS as DE_CHAT} from '../../src/lang/de/families.js';
import {SPANISH_CHAT_WORDS} from '../../src/lang/es/index.js';
import {ABBREVIATIONS as FR_ABBREVIATIONS, CHAT_FORMS as FR_CHAT} from '../../src/lang/fr/families.js';
import {PORTUGUESE_CHAT_WORDS} from '../../src/lang/pt/index.js';
import {loadSpec} from '../../src/library-load.js';
import {atLeast} from '../helpers/at-least.js';
import {requireHunspellOnCi, textWords, unknownWords} from './helpers/hunspell.js';

interface SpellingCase {
  dictionary: string;
  specs: string[];
  /** Words the pack writes on purpose that the dictionary lacks. */
  deliberate: readonly string[];
  /** The tags an utterance needs for the deliberate words to pass; none given: any utterance. */
  deliberateOnlyIn?: readonly string[];
  /** Generated utterances per intent (the pack's default when absent). */
  perIntent?: number;
}

const CASES: SpellingCase[] = [
  {
    dictionary: 'es_ES',
    specs: [
      'test/fixtures/lang/es-tienda.yaml',
      'test/fixtures/lang/es-hotel.yaml',
      'examples/lang/veterinaria.es.yaml',
    ],
    deliberate: SPANISH_CHAT_WORDS,
    deliberateOnlyIn: ['Q', 'E'],
    perIntent: 40,
  },
  {
    dictionary: 'pt_BR',
    specs: [
      'test/fixtures/lang/pt-BR-loja.yaml',
      'test/fixtures/lang/pt-BR-hotel.yaml',
      'examples/lang/academia.pt-BR.yaml',
    ],
    deliberate: PORTUGUESE_CHAT_WORDS,
    deliberateOnlyIn: ['Q', 'E'],
    perIntent: 40,
  },
  {
    dictionary: 'de_DE',
    specs: ['test/fixtures/lang/onlineshop.de.yaml'],
    deliberate: [...Object.values(DE_CHAT).flat(), ...DE_ABBREVIATIONS.flat(), 'ne', 'VG', 'LG', 'MfG'],
  },
  {
    dictionary: 'fr',
    specs: ['test/fixtures/lang/boutique.fr.yaml'],
    deliberate: [...Object.values(FR_CHAT).flat(), ...FR_ABBREVIATIONS.flat(), 'svp', 'stp'],
  },
];

for (const c of CASES)
  describe.skipIf(!requireHunspellOnCi(c.dictionary))(`generated words in hunspell ${c.dictionary}`, () => {
    it("has no unknown word but the spec's, the pack's chat forms and the noise family's one slip", async () => {
      const deliberate = new Set(c.deliberate.flatMap(textWords).map((w) => w.toLowerCase()));
      const failures: string[] = [];
      let checked = 0;
      let slips = 0;
      for (const file of c.specs) {
        const {spec} = await loadSpec(file);
        const {dataset} = await generateDataset(spec, {
          seed: 'spelling',
          file,
          ...(c.perIntent ? {perIntent: c.perIntent} : {}),
        });
        const seeds = dataset.utterances.filter((u) => u.source === 'seed');
        const specWords = new Set(seeds.flatMap((u) => textWords(u.text).map((w) => w.toLowerCase())));
        const generated = atLeast(
          50,
          dataset.utterances.filter((u) => u.source !== 'seed'),
          file,
        );
        const unknown = unknownWords(
          c.dictionary,
          generated.flatMap((u) => textWords(u.text)),
        );
        for (const u of generated) {
          const tags: readonly string[] = u.tags ?? [];
          const deliberateHere = !c.deliberateOnlyIn || c.deliberateOnlyIn.some((t) => tags.includes(t));
          const wrong = textWords(u.text).filter(
            (w) =>
              unknown.has(w) &&
              !specWords.has(w.toLowerCase()) &&
              !(deliberateHere && deliberate.has(w.toLowerCase())),
          );
          checked++;
          const noisy = tags.includes('Z');
          if (noisy && wrong.length === 1) slips++;
          else if (wrong.length > 0)
            failures.push(`${u.intent} [${tags.join('')}] ${u.text}: ${wrong.join(', ')}`);
        }
      }
      expect(checked).toBeGreaterThan(150);
      expect(failures).toEqual([]);
      // The check sees the noise family's slips: the speller is really running on the generated text.
      expect(slips).toBeGreaterThan(5);
    });
  });
