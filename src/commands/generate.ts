import {Args, Flags} from '@oclif/core';
import {SynthnluCommand} from '../cli/base-command.js';
import {forceFlag, outFlag, seedFlag} from '../cli/flags.js';
import {ExitCode, SynthnluError} from '../errors.js';
import {datasetHeaderFor} from '../generate/dataset-header.js';
import {DEFAULT_NONE_COUNT} from '../generate/settings.js';
import {languagePackFor} from '../generate/language.js';
import {generateUtterancesSync, type GenerationReport, type IntentReport} from '../generate/pipeline.js';
import {writeGeneratedJsonl} from '../generate/write-jsonl.js';
import {checkOutputPath} from '../io/output-path.js';
import {providerFlagSettings, providerFlags, type ProviderFlagValues} from '../llm/flags.js';
import {generateWithProvider, type ProviderGenerateResult} from '../llm/run.js';
import {providerKind, type ProviderKind} from '../llm/settings.js';
import {dryRunLines, providerSummaryLines} from '../llm/summary.js';
import type {ProviderDryRun, ProviderReport} from '../llm/index.js';
import {loadSpec} from '../load/inspect.js';
import type {Utterance} from '../model/dataset.js';
import {writeDataset} from '../model/write-dataset.js';
import {registry} from '../registry.js';
import type {Spec} from '../spec/spec.js';

export interface GenerateResult extends GenerationReport {
  spec: string;
  out: string;
  /** With a provider: what the model was asked, what it cost, what was kept and why the rest was dropped. */
  provider?: ProviderReport;
  /** With --dry-run: the prompts and the estimate; nothing was sent or written. */
  dryRun?: ProviderDryRun;
}

function formatTags(tags: IntentReport['tags']): string {
  const entries = Object.entries(tags);
  return entries.length ? entries.map(([tag, n]) => `${tag}:${n}`).join(' ') : '-';
}

/** A one-line progress bar on stderr, redrawn at most every 100 ms. */
function progressBar(total: number): {tick(done: number): void; done(): void} {
  let last = 0;
  const draw = (done: number) => {
    const width = 30;
    const filled = Math.round((Math.min(done, total) / Math.max(total, 1)) * width);
    process.stderr.write(
      `\rgenerating [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`,
    );
  };
  return {
    tick(done) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      draw(done);
    },
    done() {
      process.stderr.write('\r\u001B[2K');
    },
  };
}

/** The auto mix (each family's measured effect, the mix chosen) and the label filter's drops, for people. */
export function qualityLines(report: GenerationReport): string[] {
  const lines: string[] = [];
  const auto = report.autoMix;
  if (auto?.unmeasured) lines.push(`variations: auto: ${auto.unmeasured}`);
  else if (auto) {
    lines.push(
      `variations: auto, measured on ${auto.heldOut} held-out seeds (${auto.folds} folds, ${auto.trialIntents} intents; seeds alone ${auto.baselineAccuracy}%):`,
    );
    for (const f of auto.families)
      lines.push(
        `  ${f.family.padEnd(14)} ${f.effect >= 0 ? '+' : ''}${f.effect.toFixed(2)} ± ${f.error.toFixed(2)} points  ${f.kept ? 'kept' : 'dropped'}`,
      );
    const chosen = Object.entries(auto.mix);
    lines.push(
      chosen.length
        ? `  mix chosen: ${chosen.map(([name, share]) => `${name} ${share}`).join(', ')} (together ${auto.mixEffect >= 0 ? '+' : ''}${auto.mixEffect} points)`
        : '  mix chosen: none (no family helped on the held-out seeds: seeds and templates only)',
    );
  }
  const dropped = report.intents.filter((i) => i.dropped);
  if (report.filter || dropped.length) {
    const total = (key: 'otherIntent' | 'lowConfidence' | 'familyShare') =>
      dropped.reduce((n, i) => n + i.dropped![key], 0);
    lines.push(
      `dropped: ${total('otherIntent')} read as another intent, ${total('lowConfidence')} low confidence (label filter ${report.filter ? 'on' : 'off'}), ${total('familyShare')} over a family's share`,
    );
    for (const i of dropped) {
      const d = i.dropped!;
      lines.push(
        `  ${i.intent}: other intent ${d.otherIntent}, low confidence ${d.lowConfidence}, over share ${d.familyShare}; by family ${formatTags(d.byFamily)}`,
      );
    }
  }
  return lines;
}

export default class Generate extends SynthnluCommand<GenerateResult> {
  static override summary = 'Generate varied, annotated training utterances from a spec.';
  static override description = `Expands the templates of SPEC (synthnlu YAML/JSON or a Chatito .chatito file), applies the variation families of its language (polite, colloquial, typos, synonyms...) and writes a dataset: one utterance per line for .jsonl (streamed, memory stays flat), or a canonical dataset for .json.

Seeds are always kept; duplicates (ignoring case, spacing and punctuation) are dropped; no utterance lands in both train and test. The same spec and --seed give byte-identical output. When a spec cannot yield the count asked for, it writes what it can and reports the shortfall per intent.`;
  static override examples = [
    '<%= config.bin %> <%= command.id %> examples/customer-support.yaml --out out/data.jsonl --per-intent 100 --seed 1',
    '<%= config.bin %> <%= command.id %> examples/date-booking.chatito --out out/booking.json',
    '<%= config.bin %> <%= command.id %> synthnlu.yaml --out out/data.jsonl --split 0.9 --json',
    'OPENAI_API_KEY=... <%= config.bin %> <%= command.id %> synthnlu.yaml --out out/data.jsonl --provider openai --model gpt-4o-mini',
    '<%= config.bin %> <%= command.id %> synthnlu.yaml --out out/data.jsonl --provider openai --base-url http://127.0.0.1:11434/v1 --model llama3.1 --dry-run',
  ];
  static override args = {
    spec: Args.string({description: 'Spec: .yaml, .json or .chatito.', required: true}),
  };
  static override flags = {
    out: outFlag('Output dataset: .jsonl (streamed) or .json.'),
    'per-intent': Flags.integer({
      description: 'Utterances per intent (seeds included); overrides the spec.',
      min: 1,
    }),
    seed: seedFlag,
    split: Flags.custom<number>({
      description: 'Share of utterances in the train split (0..1); overrides the spec.',
      parse: async (input) => {
        const value = Number(input);
        if (!Number.isFinite(value) || value < 0 || value > 1)
          throw new Error(`--split must be a number from 0 to 1, got "${input}"`);
        return value;
      },
    })(),
    none: Flags.integer({
      description:
        'Add an out-of-scope intent ("None", the fallback) with this many neutral and out-of-domain utterances; overrides the spec\'s none: key.',
      min: 1,
    }),
    filter: Flags.boolean({
      description:
        'Drop generated utterances that a classifier trained on the seeds assigns to another intent or with low confidence (--no-filter keeps them).',
      default: true,
      allowNo: true,
    }),
    'max-utterances': Flags.integer({
      description:
        'Refuse to generate more than this many utterances in total (a typo in a count can ask for hours of work).',
      default: 1_000_000,
      min: 1,
    }),
    force: forceFlag,
    ...providerFlags,
  };

  async run(): Promise<GenerateResult> {
    const {args, flags} = await this.parse(Generate);
    const out = flags.out;
    if (!/\.(jsonl|ndjson|json)$/i.test(out))
      throw new SynthnluError('GENERATE_OUTPUT_FORMAT', `cannot tell the output format of "${out}"`, {
        location: {file: out},
        suggestion:
          'Name the output .jsonl (one utterance per line, streamed) or .json (one dataset document).',
      });
    await checkOutputPath(out, {inputs: [args.spec], force: flags.force});
    const {spec, warnings} = await loadSpec(args.spec);
    this.printDiagnostics(warnings);
    const options = {
      file: args.spec,
      ...(flags.seed === undefined ? {} : {seed: flags.seed}),
      ...(flags['per-intent'] === undefined ? {} : {perIntent: flags['per-intent']}),
      ...(flags.split === undefined ? {} : {split: flags.split}),
      ...(flags.none === undefined ? {} : {none: {count: flags.none}}),
      ...(flags.filter ? {} : {filter: false}),
    };
    const kind = providerKind(spec.provider, providerFlagSettings(flags));
    if (!kind && (flags.offline || flags['dry-run']))
      throw new SynthnluError(
        'GENERATE_NO_PROVIDER',
        '--offline and --dry-run need a language-model provider',
        {
          suggestion: 'Add --provider openai (or azure), or a provider: block to the spec.',
        },
      );
    const expected =
      spec.intents.reduce((n, i) => n + (flags['per-intent'] ?? i.count ?? spec.defaults?.count ?? 50), 0) +
      (flags.none ?? (spec.none ? (spec.none.count ?? DEFAULT_NONE_COUNT) : 0));
    if (expected > flags['max-utterances'])
      throw new SynthnluError(
        'GENERATE_TOO_MANY',
        `the counts ask for ${expected} utterances, over the ${flags['max-utterances']} limit`,
        {
          location: {file: args.spec},
          suggestion:
            'Lower --per-intent or the counts in the spec, or raise the limit with --max-utterances.',
        },
      );
    if (kind) return this.runWithProvider(spec, kind, args.spec, flags);
    const bar =
      process.stderr.isTTY && !this.jsonEnabled() && expected >= 5_000 ? progressBar(expected) : undefined;
    let report: GenerationReport;
    if (/\.json$/i.test(out)) {
      const iterator = generateUtterancesSync(spec, {...options, pack: await languagePackFor(spec)});
      const utterances: Utterance[] = [];
      let step = iterator.next();
      while (!step.done) {
        utterances.push(step.value);
        bar?.tick(utterances.length);
        step = iterator.next();
      }
      report = step.value;
      bar?.done();
      // Nothing generated: keep whatever was at `out` (the failure is reported below).
      if (report.produced > 0) await writeDataset(out, {...datasetHeaderFor(spec, options), utterances});
    } else {
      try {
        report = await writeGeneratedJsonl(spec, out, {
          ...options,
          ...(bar ? {onProgress: (n: number) => bar.tick(n)} : {}),
        });
      } finally {
        bar?.done();
      }
    }
    const result: GenerateResult = {spec: args.spec, out, ...report};
    this.printSummary(result);
    if (report.produced === 0)
      this.failWith(
        result,
        ExitCode.failedCheck,
        `${args.spec}: nothing could be generated (see the reasons above)`,
      );
    return result;
  }

  private async runWithProvider(
    spec: Spec,
    kind: ProviderKind,
    specFile: string,
    flags: ProviderFlagValues & {
      out: string;
      seed?: number | undefined;
      'per-intent'?: number | undefined;
      split?: number | undefined;
      none?: number | undefined;
      filter: boolean;
    },
  ): Promise<GenerateResult> {
    const human = !this.jsonEnabled();
    const outcome: ProviderGenerateResult = await generateWithProvider(spec, kind, {
      file: specFile,
      out: flags.out,
      flags,
      ...(flags.seed === undefined ? {} : {seed: flags.seed}),
      ...(flags['per-intent'] === undefined ? {} : {perIntent: flags['per-intent']}),
      ...(flags.split === undefined ? {} : {split: flags.split}),
      ...(flags.none === undefined ? {} : {none: {count: flags.none}}),
      filter: flags.filter,
      maxLength: Math.min(...registry.connectors().map((c) => c.limits.maxUtteranceLength ?? Infinity)),
      ...(human ? {onRetry: (message: string) => process.stderr.write(`warning: ${message}\n`)} : {}),
      ...(human && process.stderr.isTTY
        ? {
            onProgress: (done: number, total: number) =>
              process.stderr.write(`\rasking the model ${done}/${total}`),
          }
        : {}),
    });
    if ('dryRun' in outcome) {
      for (const line of dryRunLines(outcome.dryRun)) this.log(line);
      return {spec: specFile, out: flags.out, ...outcome.report, dryRun: outcome.dryRun};
    }
    if (human && process.stderr.isTTY) process.stderr.write('\r\u001B[2K');
    const result: GenerateResult = {
      spec: specFile,
      out: flags.out,
      ...outcome.report,
      provider: outcome.provider,
    };
    this.printSummary(result);
    for (const line of providerSummaryLines(outcome.provider)) this.log(line);
    if (result.produced === 0)
      this.failWith(
        result,
        ExitCode.failedCheck,
        `${specFile}: nothing could be generated (see the reasons above)`,
      );
    return result;
  }

  private printSummary(result: GenerateResult): void {
    const width = Math.max(6, ...result.intents.map((i) => i.intent.length));
    this.log(`${'intent'.padEnd(width)}  count  short  train  test  tags`);
    for (const i of result.intents) {
      this.log(
        `${i.intent.padEnd(width)}  ${String(i.produced).padStart(5)}  ${String(i.shortfall).padStart(5)}  ${String(i.train).padStart(5)}  ${String(i.test).padStart(4)}  ${formatTags(i.tags)}`,
      );
    }
    this.log(`wrote ${result.produced} utterances to ${result.out} (seed ${result.seed})`);
    for (const line of qualityLines(result)) this.log(line);
    if (this.jsonEnabled()) return;
    const unknown = [...new Set(result.intents.flatMap((i) => i.unknownFamilies ?? []))];
    if (unknown.length)
      process.stderr.write(
        `warning: the ${result.language} language pack has no variation family for ${unknown.join(', ')}\n`,
      );
    for (const i of result.intents) {
      if (i.shortfall > 0)
        process.stderr.write(
          `warning: ${i.intent}: ${i.shortfall} short of ${i.requested} (${i.reason ?? 'no new utterances'})\n`,
        );
      if (i.rejectedVariants)
        process.stderr.write(
          `warning: ${i.intent}: ${i.rejectedVariants} variants dropped (a family broke an entity span)\n`,
        );
    }
  }
}
