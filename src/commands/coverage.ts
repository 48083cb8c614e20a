import {resolve} from 'node:path';
import {Args} from '@oclif/core';
import {SynthnluCommand} from '../cli/base-command.js';
import {coverageFlags} from '../cli/coverage-flags.js';
import {coverageOfFile} from '../coverage/check-file.js';
import type {CoverageReport} from '../coverage/index.js';
import {ExitCode} from '../errors.js';
import {renderTerminalSummary} from '../report/terminal.js';
import {gateFailureMessage} from '../report/verdict.js';

export default class Coverage extends SynthnluCommand<CoverageReport> {
  static override summary =
    'Check training data before deploy: coverage, conflicts, and a local classifier estimate.';
  static override description = `Runs on any dataset synthnlu can load or import (a canonical .json/.jsonl dataset, a spec, or a platform file), with no cloud account:
- structure: empty and small intents, class imbalance, and with --platform the platform's length and name limits and minimum examples;
- entities: entities never annotated, list values and synonyms no utterance uses, inconsistent annotation, spans that do not match their text, a synonym mapped to two values;
- conflicts: the same utterance in two intents, near-duplicates across intents, confusable intent pairs;
- model: a local TF-IDF + linear SVM classifier estimated by stratified k-fold cross-validation (or split=train vs split=test, or --test-set), with per-intent precision/recall/F1, the confusion matrix and the most confused pairs. Generated utterances only train: the figure is measured on the real ones (seeds, imported, --test-set), each held out with everything generated from it. Large datasets are estimated on a stratified sample per intent (--max-per-intent), reported with its size and error.

Errors fail the run by default (--fail-on error, like \`rasa data validate\`); --fail-on warning is stricter, --fail-on none only reports. The verdict line says which gates decided and what was checked.

Exit codes: 0 all gates pass, 1 a gate failed (--fail-on, --min-f1, --min-examples, --baseline with --max-f1-drop), 2 bad input.`;
  static override examples = [
    '<%= config.bin %> <%= command.id %> data.jsonl',
    '<%= config.bin %> <%= command.id %> agent.zip --platform dialogflow --min-f1 0.8',
    '<%= config.bin %> <%= command.id %> data.jsonl --fail-on none --html coverage.html',
    '<%= config.bin %> <%= command.id %> data.jsonl --json > coverage.json',
    '<%= config.bin %> <%= command.id %> data.jsonl --baseline coverage.json --max-f1-drop 0.05 --junit coverage.xml --html coverage.html',
    '<%= config.bin %> <%= command.id %> synthnlu.yaml --test-set real-users.lu',
  ];
  static override args = {
    file: Args.string({
      description: 'Dataset (.json, .jsonl), spec (.yaml), or platform file, folder or zip.',
      required: true,
    }),
  };
  static override flags = coverageFlags;

  async run(): Promise<CoverageReport> {
    const {args, flags} = await this.parse(Coverage);
    const {report, written} = await coverageOfFile(
      args.file,
      flags,
      {
        onLoadWarnings: (warnings) => this.printDiagnostics(warnings, {limit: 10}),
        progress: this.progress(),
      },
      await this.registry(),
    );
    for (const line of renderTerminalSummary(report)) this.log(line);
    // Where the reports went, on stderr so `--json > report.json` stays clean.
    for (const {kind, file} of written)
      process.stderr.write(`coverage: wrote the ${kind} report to ${resolve(file)}\n`);
    if (!report.passed) this.failWith(report, ExitCode.failedCheck, gateFailureMessage(report));
    return report;
  }
}
