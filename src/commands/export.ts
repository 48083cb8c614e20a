import {Args, Flags} from '@oclif/core';
import {SynthnluCommand} from '../cli/base-command.js';
import {exportHelp} from '../cli/platform-help.js';
import {
  exportChoiceFlags,
  forceFlag,
  fromFormatFlag,
  outFlag,
  seedFlag,
  splitFlag,
  toFormatFlag,
} from '../cli/flags.js';
import {exportSummaryLines, exportToPath, type ExportSummary} from '../convert/export.js';
import {loadAnyAsDataset} from '../convert/load-any.js';
import {registry as builtins} from '../registry.js';

const help = exportHelp(builtins);

export default class Export extends SynthnluCommand<ExportSummary> {
  static override summary = help.summary;
  static override description = help.description;
  static override examples = help.examples;
  static override args = {
    dataset: Args.string({description: 'Dataset, spec or importable platform file.', required: true}),
  };
  static override flags = {
    to: toFormatFlag(builtins.formatIds()),
    out: outFlag('Output file, folder, or .zip (for agent formats).'),
    from: fromFormatFlag(builtins.formatIds()),
    seed: seedFlag,
    split: splitFlag,
    ...exportChoiceFlags(builtins),
    name: Flags.string({
      description:
        "LUIS app / CLU project name, over the dataset's own; Dialogflow agent description when the dataset has none.",
    }),
    force: forceFlag,
  };

  async run(): Promise<ExportSummary> {
    const {args, flags} = await this.parse(Export);
    const registry = await this.registry();
    const input = await loadAnyAsDataset(args.dataset, {
      registry,
      ...(flags.from ? {from: flags.from} : {}),
      ...(flags.seed === undefined ? {} : {seed: flags.seed}),
    });
    const summary = await exportToPath(input.dataset, flags.to, flags.out, {
      registry,
      force: flags.force,
      inputs: [args.dataset],
      ...(flags.split ? {split: flags.split as 'train' | 'test'} : {}),
      ...(flags['test-as-train'] ? {testAsTrain: true} : {}),
      ...(flags.domain ? {domain: true} : {}),
      ...(flags.name ? {name: flags.name} : {}),
    });
    this.printDiagnostics(summary.warnings.filter((w) => w.severity !== 'info'));
    for (const line of exportSummaryLines(summary, `Wrote ${summary.format}`)) this.log(line);
    return summary;
  }
}
