/** `predict` without the command: check the texts, load or train the recognizer, recognise each text. */
import {ExitCode, SynthnluError, type Diagnostic} from '../errors.js';
import {loadLocalRecognizer, type CreateRecognizerOptions} from './index.js';
import type {SynthnluRecognizerResult} from './types.js';

export interface PredictTexts {
  texts: string[];
  /** The texts are lines of standard input (errors then name the line). */
  fromStdin: boolean;
}

export async function predictTexts(
  dataset: string,
  {texts, fromStdin}: PredictTexts,
  options: CreateRecognizerOptions & {maxChars: number},
): Promise<{results: SynthnluRecognizerResult[]; warnings: Diagnostic[]}> {
  // Before the (possibly slow) training.
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
  const {recognizer, warnings} = await loadLocalRecognizer(dataset, options);
  return {results: texts.map((text) => recognizer.recognize(text)), warnings};
}
