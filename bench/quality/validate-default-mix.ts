/**
 * Validates the mix `variations: auto` falls back to when the user's seeds are too few to measure anything
 * (auto-mix.ts: the pack's recommended mix without word swaps): CLINC150, K = 3 real seeds per intent (what a small spec has), each
 * candidate mix at the CLI's default count, reference classifier, accuracy on `val` over seeds alone, 3 draws.
 * Run: npx tsx bench/quality/validate-default-mix.ts   (QUALITY_SETS=bitext for Bitext's held-out part;
 * QUALITY_SEEDS, QUALITY_DRAWS, QUALITY_COUNT to vary it)
 */
import {DEFAULT_COUNT} from '../../src/generate/index.js';
import {accuracy, augment, mean, round} from './protocol.js';
import {drawSeeds, loadBitext, loadClinc150} from './real-data.js';

const SEEDS = Number(process.env.QUALITY_SEEDS ?? 3);
const DRAWS = Number(process.env.QUALITY_DRAWS ?? 3);
const COUNT = Number(process.env.QUALITY_COUNT ?? DEFAULT_COUNT);
/** The English pack's recommended shares without word-swapping families (what auto uses unmeasured), and others. */
const UNMEASURED_MIX_CANDIDATES: Record<string, Record<string, number>> = {
  recommended: {
    basic: 0.05,
    interrogative: 0.4,
    coordinated: 0.4,
    negation: 0.2,
    polite: 0.05,
    colloquial: 0.3,
    keyword: 0.03,
    abbreviation: 0.03,
    noise: 0.05,
  },
  bitextGainers: {basic: 0.2, colloquial: 0.2, polite: 0.2, coordinated: 0.2, interrogative: 0.2},
  clincLeastHarm: {negation: 0.34, abbreviation: 0.33, colloquial: 0.33},
  frames: {interrogative: 0.5, coordinated: 0.5},
};
const set = process.env.QUALITY_SETS === 'bitext' ? loadBitext() : loadClinc150();
const results: Record<string, number[]> = {};
for (let draw = 0; draw < DRAWS; draw++) {
  const seeds = drawSeeds(set.pool, SEEDS, draw);
  const base = accuracy(
    [...seeds].flatMap(([intent, texts]) => texts.map((text) => ({text, intent}))),
    set.val,
  );
  for (const [name, mix] of Object.entries(UNMEASURED_MIX_CANDIDATES)) {
    const {examples} = await augment(seeds, {name, count: COUNT, variations: {...mix}}, draw);
    const delta = accuracy(examples, set.val) - base;
    (results[name] ??= []).push(round(delta));
    console.error(
      `draw ${draw} ${name}: ${round(delta)} (${examples.length} utterances, seeds alone ${round(base)}%)`,
    );
  }
}
console.log(
  JSON.stringify(
    Object.fromEntries(Object.entries(results).map(([k, v]) => [k, {mean: round(mean(v)), draws: v}])),
  ),
);
