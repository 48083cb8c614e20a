import {datasetCountLine} from '../convert/export.js';
import {intentNames} from '../model/dataset.js';
import {Args} from '@oclif/core';
import {SynthnluCommand} from '../cli/base-command.js';
import {forceFlag, fromFormatFlag, outFlag} from '../cli/flags.js';
import {importFromPath} from '../convert/import.js';
import {ExitCode, failOnErrors, type Diagnostic} from '../errors.js';
import {checkOutputPath} from '../io/output-path.js';
import {writeDataset} from '../model/write-dataset.js';
import {registry as builtins} from '../registry.js';

export interface ImportCommandResult {
  format: string;
  out: string;
  intents: number;
  entities: number;
  utterances: number;
  warnings: Diagnostic[];
}

export default class Import extends SynthnluCommand<ImportCommandResult> {
  static override summary = 'Read platform files into a synthnlu dataset.';
  static override description = `PATH is a file, a folder or a zip (Dialogflow agent export). The format is detected when --from is omitted. Formats: ${builtins.formatIds().join(', ')}. The output is a canonical dataset: .json, or .jsonl (one utterance per line).`;
  static override examples = [
    '<%= config.bin %> <%= command.id %> agent.zip --out data.json',
    '<%= config.bin %> <%= command.id %> app.json --from luis --out data.jsonl',
    '<%= config.bin %> <%= command.id %> data/nlu.yml --out data.json --json',
  ];
  static override args = {path: Args.string({description: 'Platform file, folder or zip.', required: true})};
  static override flags = {
    from: fromFormatFlag(builtins.formatIds()),
    out: outFlag('Dataset to write (.json or .jsonl).'),
    force: forceFlag,
  };

  async run(): Promise<ImportCommandResult> {
    const {args, flags} = await this.parse(Import);
    await checkOutputPath(flags.out, {inputs: [args.path], force: flags.force});
    const registry = await this.registry();
    const imported = await importFromPath(args.path, {registry, ...(flags.from ? {from: flags.from} : {})});
    // An imported dataset with errors is not written: the exit code says the check failed.
    failOnErrors(imported.warnings, {exitCode: ExitCode.failedCheck});
    await writeDataset(flags.out, imported.dataset);
    const {dataset} = imported;
    this.printDiagnostics(imported.warnings.filter((w) => w.severity !== 'info'));
    this.log(`Imported ${imported.format}: ${datasetCountLine(dataset)} -> ${flags.out}`);
    return {
      format: imported.format,
      out: flags.out,
      intents: intentNames(dataset).length,
      entities: dataset.entities.length,
      utterances: dataset.utterances.length,
      warnings: imported.warnings,
    };
  }
}
