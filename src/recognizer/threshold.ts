import {ExitCode, SynthnluError} from '../errors.js';

/** --threshold of predict and bot: a confidence from 0 to 1 (undefined: the recognizer's default). */
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
