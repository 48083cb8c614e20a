/**
 * A sample for a blind review of generated text: N random generated utterances from a spec, with their intents
 * and nothing else (no tags, no family names, no source), so a reviewer judges only "natural English with the
 * intended intent?". Seeds are left out: they are the user's own words.
 *
 * Run: npx tsx bench/blind-sample.ts SPEC [SEED] [N] [--tsv]     (defaults: seed 1, N 100)
 * --tsv writes `intent<TAB>utterance` lines, the spec's seeds first under `# seeds` (the reviewer sees what the
 * user wrote), then the sample under `# sample`: the format of the per-language reviews (issue 30).
 */
import {generateDataset} from '../src/generate/index.js';
import {createRng} from '../src/generate/rng.js';
import {loadSpec} from '../src/library-load.js';

const args = process.argv.slice(2);
const tsv = args.includes('--tsv');
const [specPath, seedArg = '1', countArg = '100'] = args.filter((a) => a !== '--tsv');
if (!specPath) {
  process.stderr.write('usage: npx tsx bench/blind-sample.ts SPEC [SEED] [N]\n');
  process.exit(2);
}
const {spec} = await loadSpec(specPath);
const {dataset} = await generateDataset(spec, {seed: seedArg, file: specPath});
const generated = dataset.utterances.filter((u) => u.source !== 'seed');
const sample = createRng(`blind-sample:${seedArg}`)
  .shuffle([...generated])
  .slice(0, Number(countArg));
if (tsv) {
  const seeds = dataset.utterances.filter((u) => u.source === 'seed');
  process.stdout.write(['# seeds', ...seeds.map((u) => `${u.intent}\t${u.text}`), '# sample', ''].join('\n'));
  process.stdout.write(sample.map((u) => `${u.intent}\t${u.text}\n`).join(''));
  process.stderr.write(`${sample.length} of ${generated.length} generated utterances (seed ${seedArg})\n`);
  process.exit(0);
}
const width = Math.max(...sample.map((u) => u.intent.length));
sample.forEach((u, i) =>
  process.stdout.write(`${String(i + 1).padStart(3)}  ${u.intent.padEnd(width)}  ${u.text}\n`),
);
process.stderr.write(`${sample.length} of ${generated.length} generated utterances (seed ${seedArg})\n`);
