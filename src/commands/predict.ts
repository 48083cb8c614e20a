import {Args} from '@oclif/core';
import {SynthnluCommand} from '../cli/base-command.js';
import {recognizerFlags, recognizerOptions} from '../cli/recognizer-flags.js';
import {describeRecognition} from '../bot/reply.js';
import {readStdinLines} from '../io/stdin-lines.js';
import {loadPredictor, recogniseEach} from '../recognizer/predict.js';
import type {SynthnluRecognizerResult} from '../recognizer/types.js';

export type PredictResult = SynthnluRecognizerResult | {results: SynthnluRecognizerResult[]};

export default class Predict extends SynthnluCommand<PredictResult> {
  static override summary =
    'Recognise the intent and entities of a sentence with a model trained on a dataset.';
  static override description = `Trains the local intent classifier on DATASET (any file synthnlu reads: a dataset, a spec, or a platform export), caches it by the dataset's content, and prints the top intents with scores and the list, regex and system entities found in TEXT. Without TEXT, each line of standard input is recognised.

With --json, a single TEXT prints a Bot Framework RecognizerResult (text, intents with every score, entities with $instance positions, end exclusive); lines from standard input print {"results": [...]}.`;
  static override examples = [
    '<%= config.bin %> <%= command.id %> out/data.json "I want to cancel order 123456"',
    '<%= config.bin %> <%= command.id %> out/data.json "where is my parcel" --json',
    'cat questions.txt | <%= config.bin %> <%= command.id %> out/data.json',
  ];
  static override args = {
    dataset: Args.string({
      description: 'Dataset, spec or platform file to train on.',
      required: true,
      ignoreStdin: true,
    }),
    // Standard input is read here, line by line, not by oclif (which would take it all as one argument).
    text: Args.string({
      description: 'Sentence to recognise (omit to read lines from standard input).',
      ignoreStdin: true,
    }),
  };
  static override flags = recognizerFlags('the result is flagged as the fallback');

  async run(): Promise<PredictResult> {
    const {args, flags} = await this.parse(Predict);
    const options = recognizerOptions(flags);
    const fromStdin = args.text === undefined;
    const texts = fromStdin ? await readStdinLines() : [args.text!];
    const {recognizer, warnings} = await loadPredictor(
      args.dataset,
      {texts, fromStdin},
      {...options, maxChars: flags['max-chars']},
    );
    this.printDiagnostics(warnings.filter((w) => w.severity !== 'info'));
    // Without --json each result is printed as soon as it is known (a long stdin streams, and stops when
    // standard output closes); with --json they are collected into one document.
    const json = this.jsonEnabled();
    const results: SynthnluRecognizerResult[] = [];
    await recogniseEach(recognizer, texts, (result) => {
      if (json) results.push(result);
      else {
        const lines = describeRecognition(result);
        process.stdout.write(
          texts.length > 1 ? `> ${result.text}\n${lines.join('\n')}\n\n` : `${lines.join('\n')}\n`,
        );
      }
    });
    return fromStdin || !json ? {results} : results[0]!;
  }
}
