/**
 * Every word the Spanish and Portuguese packs generate is a word of the language (Hunspell's es_ES and pt_BR
 * dictionaries), except the spec's own words, the chat forms and abbreviations the packs write on purpose (only
 * in an utterance tagged Q or E) and one slip per utterance the noise family made (tagged Z).
 */
import {describe, expect, it} from 'vitest';
import {generateDataset} from '../../src/generate/index.js';
import {SPANISH_CHAT_WORDS} from '../../src/lang/es/index.js';
import {PORTUGUESE_CHAT_WORDS} from '../../src/lang/pt/index.js';
import {loadSpec} from '../../src/library-load.js';
import {atLeast} from '../helpers/at-least.js';
import {hunspellHas, textWords, unknownWords} from './helpers/hunspell.js';

const LANGUAGES = [
  {
    dictionary: 'es_ES',
    chat: SPANISH_CHAT_WORDS,
    specs: [
      'test/fixtures/lang/es-tienda.yaml',
      'test/fixtures/lang/es-hotel.yaml',
      'examples/lang/veterinaria.es.yaml',
    ],
  },
  {
    dictionary: 'pt_BR',
    chat: PORTUGUESE_CHAT_WORDS,
    specs: [
      'test/fixtures/lang/pt-BR-loja.yaml',
      'test/fixtures/lang/pt-BR-hotel.yaml',
      'examples/lang/academia.pt-BR.yaml',
    ],
  },
];

const available = LANGUAGES.every((l) => hunspellHas(l.dictionary));
if (!available && process.env.CI === 'true')
  throw new Error(
    'hunspell with the es_ES and pt_BR dictionaries is missing but CI=true (apt-get install hunspell hunspell-es hunspell-pt-br)',
  );
if (!available)
  console.warn(
    'skipping the Hunspell check of generated text: apt-get install -y hunspell hunspell-es hunspell-pt-br',
  );

describe.skipIf(!available)('generated Spanish and Portuguese words are in Hunspell', () => {
  for (const {dictionary, chat, specs} of LANGUAGES)
    it(`${dictionary}: no unknown word but the spec's, the chat forms and the noise family's slips`, async () => {
      const failures: string[] = [];
      let checked = 0;
      for (const file of specs) {
        const {spec} = await loadSpec(file);
        const {dataset} = await generateDataset(spec, {seed: 'hunspell', file, perIntent: 40});
        const seeds = dataset.utterances.filter((u) => u.source === 'seed');
        const specWords = new Set(seeds.flatMap((u) => textWords(u.text).map((w) => w.toLowerCase())));
        const generated = atLeast(
          50,
          dataset.utterances.filter((u) => u.source !== 'seed'),
          file,
        );
        const unknown = unknownWords(
          dictionary,
          generated.flatMap((u) => textWords(u.text)),
        );
        const chatWords = new Set(chat.map((w) => w.toLowerCase()));
        for (const u of generated) {
          const tags = u.tags ?? [];
          const wrong = textWords(u.text).filter(
            (w) =>
              unknown.has(w) &&
              !specWords.has(w.toLowerCase()) &&
              !((tags.includes('Q') || tags.includes('E')) && chatWords.has(w.toLowerCase())),
          );
          checked++;
          const slips = tags.includes('Z') ? 1 : 0;
          if (wrong.length > slips)
            failures.push(`${u.intent} [${tags.join('')}] ${u.text}: ${wrong.join(', ')}`);
        }
      }
      expect(checked).toBeGreaterThan(200);
      expect(failures).toEqual([]);
    });
});
