import {countOf} from '../report/count.js';
import {Args} from '@oclif/core';
import {SynthnluCommand} from '../cli/base-command.js';
import {summarizeCounts} from '../cli/report.js';
import {ExitCode, countBySeverity, type Diagnostic} from '../errors.js';
import {inspectFile} from '../load/inspect.js';
import {summarizeInput, type InputSummary} from '../load/summary.js';

export interface ValidateResult {
  file: string;
  kind: 'spec' | 'dataset';
  valid: boolean;
  counts: {error: number; warning: number; info: number};
  summary?: InputSummary;
  diagnostics: Diagnostic[];
}

export default class Validate extends SynthnluCommand<ValidateResult> {
  static override summary = 'Check a spec or a dataset against its schema and the model’s rules.';
  static override description = `Detects whether FILE is a spec (synthnlu.yaml, .chatito) or a dataset (.json, .jsonl), reports every problem with its file, line and path, and suggests a fix.

Exit codes: 0 valid (warnings allowed), 1 the file breaks a rule (duplicate names, spans outside their text, undefined entities), 2 the file cannot be read or does not match its schema (syntax errors, unknown keys, wrong types).`;
  static override examples = [
    '<%= config.bin %> <%= command.id %> examples/customer-support.yaml',
    '<%= config.bin %> <%= command.id %> out/data.jsonl --json',
  ];
  static override args = {
    file: Args.string({
      description: 'Spec (.yaml, .json, .chatito) or dataset (.json, .jsonl).',
      required: true,
    }),
  };

  async run(): Promise<ValidateResult> {
    const {args} = await this.parse(Validate);
    const inspection = await inspectFile(args.file);
    const counts = countBySeverity(inspection.diagnostics);
    const result: ValidateResult = {
      file: args.file,
      kind: inspection.kind,
      valid: counts.error === 0,
      counts,
      ...(inspection.value ? {summary: summarizeInput(inspection.kind, inspection.value)} : {}),
      diagnostics: inspection.diagnostics,
    };
    this.printDiagnostics(inspection.diagnostics);
    if (!inspection.wellFormed)
      this.failWith(
        result,
        ExitCode.badInput,
        `${args.file}: not a valid ${inspection.kind} (${summarizeCounts(inspection.diagnostics)})`,
      );
    if (counts.error > 0)
      this.failWith(result, ExitCode.failedCheck, `${args.file}: ${summarizeCounts(inspection.diagnostics)}`);
    const s = result.summary;
    this.log(
      `${args.file}: valid ${inspection.kind}${s ? ` (${countOf(s.intents, 'intent')}, ${countOf(s.entities, 'entity', 'entities')}, ${countOf(s.utterances, inspection.kind === 'spec' ? 'example' : 'utterance')})` : ''}; ${summarizeCounts(inspection.diagnostics)}`,
    );
    return result;
  }
}
