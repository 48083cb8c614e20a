import {Args} from '@oclif/core';
import {SynthnluCommand} from '../cli/base-command.js';
import {generateFlags} from '../cli/generate-flags.js';
import {ExitCode} from '../errors.js';
import {generateToFile, type GenerateResult} from '../generate/to-file.js';
import {generateSummaryLines, generateWarningLines} from '../report/generate.js';

export type {GenerateResult} from '../generate/to-file.js';

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
  static override flags = generateFlags;

  async run(): Promise<GenerateResult> {
    const {args, flags} = await this.parse(Generate);
    const human = !this.jsonEnabled();
    const registry = await this.registry();
    const result = await generateToFile(
      args.spec,
      flags,
      {
        onSpecWarnings: (warnings) => this.printDiagnostics(warnings),
        progress: this.progress(),
        ...(human ? {onRetry: (message: string) => process.stderr.write(`warning: ${message}\n`)} : {}),
      },
      {
        specReaders: registry,
        maxUtteranceLength: Math.min(
          ...registry.connectors().map((c) => c.limits.maxUtteranceLength ?? Infinity),
        ),
      },
    );
    for (const line of generateSummaryLines(result)) this.log(line);
    if (human) for (const line of generateWarningLines(result)) process.stderr.write(`${line}\n`);
    if (result.produced === 0 && !result.dryRun)
      this.failWith(
        result,
        ExitCode.failedCheck,
        `${args.spec}: nothing could be generated (see the reasons above)`,
      );
    return result;
  }
}
