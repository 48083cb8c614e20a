/**
 * Generation speed and memory. (1) utterances/second on one core expanding templates, with and without the
 * language pack's variation families, from the bundled customer-support example; (2) a million utterances
 * streamed to a .jsonl file, whose peak RSS (added by the harness) must stay flat in the output size.
 * Compare: Chatito 2.3.5 needs 17.5 s and 608 MB for 110,000 utterances (shared/README.md).
 */
import {mkdtempSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {generateUtterancesSync} from '../src/generate/pipeline.js';
import {writeGeneratedJsonl} from '../src/generate/write-jsonl.js';
import {languagePackFor} from '../src/generate/language.js';
import {loadSpec} from '../src/load/inspect.js';
import type {Spec} from '../src/spec/spec.js';

async function throughput(
  spec: Spec,
  perIntent: number,
  filter = true,
): Promise<{utterances: number; perSecond: number}> {
  const pack = await languagePackFor(spec);
  // One untimed pass first: the JIT needs a few thousand draws before the timed numbers mean anything.
  const warmup = generateUtterancesSync(spec, {seed: 0, pack, filter, perIntent: Math.min(perIntent, 500)});
  while (!warmup.next().done);
  const started = performance.now();
  let count = 0;
  const iterator = generateUtterancesSync(spec, {seed: 1, pack, filter, perIntent});
  while (!iterator.next().done) count += 1;
  const seconds = (performance.now() - started) / 1000;
  return {utterances: count, perSecond: Math.round(count / seconds)};
}

/** A grammar with room for millions of distinct utterances (aliases, optional parts, generated entities). */
const bigSpec: Spec = {
  language: 'en',
  defaults: {variations: {}},
  aliases: {
    want: ['I want to', 'I need to', "I'd like to", 'can I', 'please', 'help me'],
    order: ['order', 'purchase', 'package', 'parcel', 'delivery'],
    when: ['today', 'now', 'asap', 'this week', 'before {day}'],
  },
  entities: [
    {name: 'order_id', type: 'regex', pattern: '[A-Z]{2}[0-9]{6}'},
    {name: 'day', type: 'system', system: 'date'},
    {name: 'email', type: 'system', system: 'email'},
    {name: 'amount', type: 'system', system: 'money'},
  ],
  intents: [
    'cancel',
    'track',
    'refund',
    'change',
    'return',
    'pay',
    'ship',
    'invoice',
    'reorder',
    'complain',
  ].map((verb) => ({
    name: `${verb}_order`,
    examples: [
      `<want> ${verb} my [last] <order> {order_id} [<when>]`,
      `(how|where) do I ${verb} (my|the) <order> [{order_id}]`,
      `${verb} <order> {order_id} [and email {email}] [for {amount}]`,
    ],
  })) as unknown as Spec['intents'],
};

export default async function generateBench(): Promise<Record<string, number | string>> {
  const {spec} = await loadSpec(join(process.cwd(), 'examples/customer-support.yaml'));
  const families = (await languagePackFor(spec)).families.length;
  const plain = await throughput({...spec, defaults: {...spec.defaults, variations: {}}}, 2_000);
  // The bundled example scaled to about 100,000 utterances (12 intents), with and without the label filter.
  const varied = await throughput(spec, 8_334);
  const unfiltered = await throughput(spec, 8_334, false);
  const dir = mkdtempSync(join(tmpdir(), 'synthnlu-bench-'));
  const out = join(dir, 'million.jsonl');
  const started = performance.now();
  // RSS after the first 100,000 and at the end: flat memory means the two are close.
  let rssAt100k = 0;
  let rssMax = 0;
  const report = await writeGeneratedJsonl(bigSpec, out, {
    seed: 1,
    perIntent: 100_000,
    onProgress: (written) => {
      const rss = process.memoryUsage().rss;
      if (!rssAt100k && written >= 100_000) rssAt100k = rss;
      rssMax = Math.max(rssMax, rss);
    },
  });
  const streamSeconds = (performance.now() - started) / 1000;
  const bytes = statSync(out).size;
  rmSync(dir, {recursive: true, force: true});
  return {
    languagePackFamilies: families,
    templateOnlyUtterances: plain.utterances,
    templateOnlyPerSecond: plain.perSecond,
    withVariationUtterances: varied.utterances,
    withVariationPerSecond: varied.perSecond,
    withVariationNoFilterUtterances: unfiltered.utterances,
    withVariationNoFilterPerSecond: unfiltered.perSecond,
    streamedUtterances: report.produced,
    streamedSeconds: Math.round(streamSeconds * 10) / 10,
    streamedPerSecond: Math.round(report.produced / streamSeconds),
    streamedMegabytes: Math.round(bytes / 1e6),
    rssMbAfter100k: Math.round(rssAt100k / 1e6),
    rssMbMaxTo1M: Math.round(rssMax / 1e6),
  };
}
