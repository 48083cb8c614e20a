/**
 * A blind-review sample in the reviewer's file format: the spec's seeds under `# seeds`, then N random generated
 * utterances, one per line `intended_intent<TAB>utterance` (no tags, no families). For the language packs'
 * reviews (issue 30): npx tsx bench/blind-sample-tsv.ts examples/lang/fahrschule.de.yaml > de-sample.txt
 *
 * Run: npx tsx bench/blind-sample-tsv.ts SPEC [SEED] [N]     (defaults: seed 1, N 100)
 */
import {generateDataset} from '../src/generate/index.js';
import {createRng} from '../src/generate/rng.js';
import {loadSpec} from '../src/library-load.js';

const [specPath, seedArg = '1', countArg = '100'] = process.argv.slice(2);
if (!specPath) {
  process.stderr.write('usage: npx tsx bench/blind-sample-tsv.ts SPEC [SEED] [N]\n');
  process.exit(2);
}
const {spec} = await loadSpec(specPath);
const {dataset} = await generateDataset(spec, {seed: seedArg, file: specPath});
const seeds = dataset.utterances.filter((u) => u.source === 'seed');
const generated = dataset.utterances.filter((u) => u.source !== 'seed');
const sample = createRng(`blind-sample:${seedArg}`)
  .shuffle([...generated])
  .slice(0, Number(countArg));
const lines = [
  '# seeds',
  ...seeds.map((u) => `${u.intent}\t${u.text}`),
  '# sample',
  ...sample.map((u) => `${u.intent}\t${u.text}`),
];
process.stdout.write(`${lines.join('\n')}\n`);
process.stderr.write(`${sample.length} of ${generated.length} generated utterances (seed ${seedArg})\n`);
