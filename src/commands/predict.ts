import {Args, Flags} from '@oclif/core';
import {SynthnluCommand} from '../cli/base-command.js';
import {ExitCode, SynthnluError} from '../errors.js';
import {describeRecognition} from '../bot/reply.js';
import {allSystemEntitiesFlag, maxCharsFlag} from '../cli/flags.js';
import {loadLocalRecognizer} from '../recognizer/index.js';
import {COMMON_SYSTEM_TYPES} from '../recognizer/system-entities.js';
import {DEFAULT_CONFIDENCE_THRESHOLD} from '../recognizer/local-recognizer.js';
import type {SynthnluRecognizerResult} from '../recognizer/types.js';

export type PredictResult = SynthnluRecognizerResult | {results: SynthnluRecognizerResult[]};

async function readStdinLines(): Promise<string[]> {
  if (process.stdin.isTTY) return [];
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

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
  static override flags = {
    from: Flags.string({
      description: 'Platform format of DATASET when detection is not enough (e.g. luis, lu, rasa).',
    }),
    threshold: Flags.string({
      description: `Confidence below which the result is flagged as the fallback (0-1, default ${DEFAULT_CONFIDENCE_THRESHOLD}).`,
    }),
    'all-system-entities': allSystemEntitiesFlag,
    'max-chars': maxCharsFlag,
    'cache-dir': Flags.string({
      description: 'Model cache folder (default $XDG_CACHE_HOME/synthnlu or ~/.cache/synthnlu).',
    }),
  };

  async run(): Promise<PredictResult> {
    const {args, flags} = await this.parse(Predict);
    const threshold = parseThreshold(flags.threshold);
    const texts = args.text === undefined ? await readStdinLines() : [args.text];
    if (texts.length === 0)
      throw new SynthnluError('PREDICT_NO_TEXT', 'No text to recognise.', {
        exitCode: ExitCode.badInput,
        suggestion: 'Give the sentence as the second argument, or pipe lines on standard input.',
      });
    texts.forEach((text, index) => {
      if (text.length > flags['max-chars'])
        throw new SynthnluError(
          'PREDICT_TEXT_TOO_LONG',
          `${args.text === undefined ? `line ${index + 1} of standard input` : 'the text'} is ${text.length} characters, over the ${flags['max-chars']} limit`,
          {suggestion: 'Send shorter messages, or raise the limit with --max-chars.'},
        );
    });
    const {recognizer, warnings} = await loadLocalRecognizer(args.dataset, {
      ...(flags.from ? {from: flags.from} : {}),
      ...(flags['cache-dir'] ? {cacheDir: flags['cache-dir']} : {}),
      ...(threshold === undefined ? {} : {threshold}),
      ...(flags['all-system-entities'] ? {defaultSystemTypes: COMMON_SYSTEM_TYPES} : {}),
      onTraining: (count) =>
        process.stderr.write(`Training the intent classifier on ${count} utterances (cached afterwards)…\n`),
    });
    this.printDiagnostics(warnings.filter((w) => w.severity !== 'info'));
    const results = texts.map((text) => recognizer.recognize(text));
    for (const result of results) {
      if (texts.length > 1) this.log(`> ${result.text}`);
      for (const line of describeRecognition(result)) this.log(line);
      if (texts.length > 1) this.log('');
    }
    return args.text === undefined ? {results} : results[0]!;
  }
}

export function parseThreshold(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || number > 1)
    throw new SynthnluError('BAD_THRESHOLD', `--threshold must be a number from 0 to 1 (got "${value}").`, {
      exitCode: ExitCode.badInput,
      suggestion: 'For example --threshold 0.6.',
    });
  return number;
}
