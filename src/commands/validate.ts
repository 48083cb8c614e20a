import {countOf} from '../report/count.js';
import {Args} from '@oclif/core';
import {SynthnluCommand} from '../cli/base-command.js';
import {summarizeCounts} from '../cli/report.js';
import {ExitCode, countBySeverity, type Diagnostic} from '../errors.js';
import {stat} from 'node:fs/promises';
import {fromFormatFlag} from '../cli/flags.js';
import {detectFormat, importFromPath} from '../convert/import.js';
import {openImportSource} from '../convert/source.js';
import type {ConnectorRegistry} from '../connector-registry.js';
import {inspectFile} from '../load/inspect.js';
import {checkDataset} from '../model/check-dataset.js';
import {registry as builtins} from '../registry.js';
import {summarizeInput, type InputSummary} from '../load/summary.js';

export interface ValidateResult {
  file: string;
  /** platform: a platform file other commands read (checked as its format, then as the dataset it imports to). */
  kind: 'spec' | 'dataset' | 'platform';
  /** The platform format, for kind platform. */
  format?: string;
  valid: boolean;
  counts: {error: number; warning: number; info: number};
  summary?: InputSummary;
  diagnostics: Diagnostic[];
}

export default class Validate extends SynthnluCommand<ValidateResult> {
  static override summary = 'Check a spec or a dataset against its schema and the model’s rules.';
  static override description = `Detects whether FILE is a spec (synthnlu.yaml, .chatito), a dataset (.json, .jsonl) or a platform file, folder or zip that import, convert and coverage read (Dialogflow ES/CX, LUIS, .lu, CLU, Rasa: checked as its format, then as the dataset it becomes), reports every problem with its file, line and path, and suggests a fix.

Exit codes: 0 valid (warnings allowed), 1 the file breaks a rule (duplicate names, spans outside their text, undefined entities), 2 the file cannot be read or does not match its schema (syntax errors, unknown keys, wrong types).`;
  static override examples = [
    '<%= config.bin %> <%= command.id %> examples/customer-support.yaml',
    '<%= config.bin %> <%= command.id %> out/data.jsonl --json',
    '<%= config.bin %> <%= command.id %> agent.zip',
  ];
  static override args = {
    file: Args.string({
      description:
        'Spec (.yaml, .json, .chatito), dataset (.json, .jsonl), or any platform file, folder or zip other commands read.',
      required: true,
    }),
  };
  static override flags = {
    from: fromFormatFlag(builtins.formatIds()),
  };

  async run(): Promise<ValidateResult> {
    const {args, flags} = await this.parse(Validate);
    const registry = await this.registry();
    const platform = await platformFormatOf(args.file, flags.from, registry);
    if (platform) return this.validatePlatformFile(args.file, platform, registry);
    const inspection = await inspectFile(args.file, registry);
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

  /** A platform file: read as its format (schema and format checks), then checked as the dataset it becomes. */
  private async validatePlatformFile(
    file: string,
    format: string,
    registry: ConnectorRegistry,
  ): Promise<ValidateResult> {
    const imported = await importFromPath(file, {from: format, registry});
    const diagnostics = [...imported.warnings, ...checkDataset(imported.dataset)];
    const counts = countBySeverity(diagnostics);
    const summary = summarizeInput('dataset', imported.dataset);
    const result: ValidateResult = {
      file,
      kind: 'platform',
      format: imported.format,
      valid: counts.error === 0,
      counts,
      summary,
      diagnostics,
    };
    this.printDiagnostics(diagnostics);
    if (counts.error > 0)
      this.failWith(result, ExitCode.failedCheck, `${file}: ${summarizeCounts(diagnostics)}`);
    this.log(
      `${file}: valid ${imported.format} file (${countOf(summary.intents, 'intent')}, ${countOf(summary.entities, 'entity', 'entities')}, ${countOf(summary.utterances, 'utterance')}); ${summarizeCounts(diagnostics)}`,
    );
    return result;
  }
}

/**
 * The platform format of FILE when it is not a synthnlu spec or dataset: --from, or a folder or zip (agent
 * exports), or whatever a connector recognises in a file that reads as neither.
 */
async function platformFormatOf(
  file: string,
  from: string | undefined,
  registry: ConnectorRegistry,
): Promise<string | undefined> {
  if (from) return from;
  const info = await stat(file).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isDirectory() && !/\.zip$/i.test(file)) {
    if (/\.jsonl$/i.test(file) || registry.specReaderFor(file)) return undefined;
    const claimed = await registry.formatClaiming(file).catch(() => undefined);
    if (!claimed) return undefined;
    // No spec or dataset is written in these: a .lu file or Rasa's Markdown is the platform's own.
    if (/\.(lu|md|markdown)$/i.test(file)) return claimed;
    // A spec or dataset stays one: only files that are neither go to the connectors.
    const inspection = await inspectFile(file, registry);
    return inspection.diagnostics.some((d) => d.code === 'INPUT_UNKNOWN_KIND') ? claimed : undefined;
  }
  return (await detectFormat(await openImportSource(file), registry)).format.id;
}
