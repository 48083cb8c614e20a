/** `predict` without the command: check the texts, load or train the recognizer, recognise each text. */
import {ExitCode, SynthnluError, type Diagnostic} from '../errors.js';
import {loadLocalRecognizer, type CreateRecognizerOptions} from './index.js';
import type {LocalRecognizer} from './local-recognizer.js';
import type {SynthnluRecognizerResult} from './types.js';

export interface PredictTexts {
  texts: string[];
  /** The texts are lines of standard input (errors then name the line). */
  fromStdin: boolean;
}

/** Checks every text (before the possibly slow training), then loads or trains the recognizer. */
export async function loadPredictor(
  dataset: string,
  {texts, fromStdin}: PredictTexts,
  options: CreateRecognizerOptions & {maxChars: number},
): Promise<{recognizer: LocalRecognizer; warnings: Diagnostic[]}> {
  if (texts.length === 0)
    throw new SynthnluError('PREDICT_NO_TEXT', 'No text to recognise.', {
      exitCode: ExitCode.badInput,
      suggestion: 'Give the sentence as the second argument, or pipe lines on standard input.',
    });
  texts.forEach((text, index) => {
    if (text.length > options.maxChars)
      throw new SynthnluError(
        'PREDICT_TEXT_TOO_LONG',
        `${fromStdin ? `line ${index + 1} of standard input` : 'the text'} is ${text.length} characters, over the ${options.maxChars} limit`,
        {suggestion: 'Send shorter messages, or raise the limit with --max-chars.'},
      );
  });
  return loadLocalRecognizer(dataset, options);
}

/**
 * Recognises the texts one after another, handing each result to `each`. Every few texts it lets the event loop
 * run, so a closed standard output (EPIPE: `| head -1`) is noticed and the process stops instead of working on.
 */
export async function recogniseEach(
  recognizer: LocalRecognizer,
  texts: readonly string[],
  each: (result: SynthnluRecognizerResult) => void,
): Promise<void> {
  for (let i = 0; i < texts.length; i++) {
    each(recognizer.recognize(texts[i]!));
    if (i % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
  }
}
