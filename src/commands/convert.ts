import {Args} from '@oclif/core';
import {SynthnluCommand} from '../cli/base-command.js';
import {
  exportChoiceFlags,
  forceFlag,
  fromFormatFlag,
  outFlag,
  splitFlag,
  toFormatFlag,
} from '../cli/flags.js';
import {exportSummaryLines, exportToPath, type ExportSummary} from '../convert/export.js';
import {importFromPath} from '../convert/import.js';
import {ExitCode, failOnErrors} from '../errors.js';
import {registry as builtins} from '../registry.js';

export interface ConvertResult extends ExportSummary {
  from: string;
}

export default class Convert extends SynthnluCommand<ConvertResult> {
  static override summary =
    'Convert platform files from one format to another (import + export in one step).';
  static override description = `Formats: ${builtins.formatIds().join(', ')}. Everything the target cannot carry is named in a warning.`;
  static override examples = [
    '<%= config.bin %> <%= command.id %> agent.zip --to rasa --out nlu.yml',
    '<%= config.bin %> <%= command.id %> app.json --from luis --to clu --out project.json',
  ];
  static override args = {path: Args.string({description: 'Platform file, folder or zip.', required: true})};
  static override flags = {
    to: toFormatFlag(builtins.formatIds()),
    out: outFlag('Output file, folder, or .zip.'),
    from: fromFormatFlag(builtins.formatIds()),
    split: splitFlag,
    ...exportChoiceFlags(builtins),
    force: forceFlag,
  };

  async run(): Promise<ConvertResult> {
    const {args, flags} = await this.parse(Convert);
    const registry = await this.registry();
    const imported = await importFromPath(args.path, {registry, ...(flags.from ? {from: flags.from} : {})});
    failOnErrors(imported.warnings, {exitCode: ExitCode.failedCheck});
    const summary = await exportToPath(imported.dataset, flags.to, flags.out, {
      registry,
      force: flags.force,
      inputs: [args.path],
      ...(flags.split ? {split: flags.split as 'train' | 'test'} : {}),
      ...(flags['test-as-train'] ? {testAsTrain: true} : {}),
      ...(flags.domain ? {domain: true} : {}),
    });
    const warnings = [...imported.warnings, ...summary.warnings];
    this.printDiagnostics(warnings.filter((w) => w.severity !== 'info'));
    for (const line of exportSummaryLines(summary, `Converted ${imported.format} -> ${summary.format}`))
      this.log(line);
    return {...summary, warnings, from: imported.format};
  }
}
