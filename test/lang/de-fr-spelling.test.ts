/**
 * Every word the German and French packs generate is a dictionary word (Debian's Hunspell de_DE and fr), except
 * the one slip of an utterance the noise family tagged Z, the spec's own words and the chat forms and
 * abbreviations a pack writes on purpose (vllt, nich, svp, jsp...), which it lists.
 */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {generateDataset} from '../../src/generate/index.js';
import {ABBREVIATIONS as DE_ABBREVIATIONS, CHAT_FORMS as DE_CHAT} from '../../src/lang/de/families.js';
import {ABBREVIATIONS as FR_ABBREVIATIONS, CHAT_FORMS as FR_CHAT} from '../../src/lang/fr/families.js';
import {loadSpec} from '../../src/library-load.js';
import {ROOT} from '../helpers/cli.js';
import {misspelled, requireHunspellOnCi, wordsOf} from './helpers/hunspell.js';

const CASES = [
  {
    language: 'de',
    dictionary: 'de_DE',
    spec: 'test/fixtures/lang/onlineshop.de.yaml',
    deliberate: [...Object.values(DE_CHAT).flat(), ...DE_ABBREVIATIONS.flat(), 'ne', 'VG', 'LG', 'MfG'],
  },
  {
    language: 'fr',
    dictionary: 'fr',
    spec: 'test/fixtures/lang/boutique.fr.yaml',
    deliberate: [...Object.values(FR_CHAT).flat(), ...FR_ABBREVIATIONS.flat(), 'svp', 'stp'],
  },
];

for (const c of CASES) {
  describe.skipIf(!requireHunspellOnCi(c.dictionary))(
    `${c.language} pack spelling (hunspell ${c.dictionary})`,
    () => {
      it('generates no word the dictionary rejects beyond a Z slip, the spec words and the pack chat forms', async () => {
        const file = join(ROOT, c.spec);
        const {spec} = await loadSpec(file);
        const {dataset} = await generateDataset(spec, {seed: 'spelling', file});
        const generated = dataset.utterances.filter((u) => u.source !== 'seed');
        expect(generated.length).toBeGreaterThan(150);
        const allowed = new Set(
          [...dataset.utterances.filter((u) => u.source === 'seed'), ...c.deliberate.map((text) => ({text}))]
            .flatMap((u) => wordsOf(u.text))
            .flatMap((w) => [w, w.toLowerCase()]),
        );
        const rejected = misspelled(
          c.dictionary,
          generated.flatMap((u) => wordsOf(u.text)),
        );
        const offenders: string[] = [];
        let slips = 0;
        for (const u of generated) {
          const wrong = wordsOf(u.text).filter(
            (w) => rejected.has(w) && !allowed.has(w) && !allowed.has(w.toLowerCase()),
          );
          const noisy = (u.tags ?? []).includes('Z');
          if (noisy && wrong.length === 1) slips++;
          else if (wrong.length > 0)
            offenders.push(`${u.text}  [${(u.tags ?? []).join('')}]: ${wrong.join(', ')}`);
        }
        expect(offenders).toEqual([]);
        // The check sees the noise family's slips: the speller is really running on the generated text.
        expect(slips).toBeGreaterThan(5);
      });
    },
  );
}
