/**
 * A flag value the command cannot use, as a typed error naming the flag and its allowed values. oclif calls a
 * flag's `parse` and, when it throws, rewrites the error's message into "Parsing --name \n\t...": the flag's name
 * and the problem are kept here in fields of their own, so nothing has to read them back out of that text.
 */
import {Flags} from '@oclif/core';
import {ExitCode, SynthnluError} from '../errors.js';

export class FlagValueError extends Error {
  constructor(
    readonly flag: string,
    /** What is wrong, in one line that names the flag. */
    readonly problem: string,
    readonly allowed: string,
  ) {
    super(problem);
    this.name = 'FlagValueError';
  }

  toSynthnluError(): SynthnluError {
    return new SynthnluError('BAD_FLAG_VALUE', this.problem, {
      exitCode: ExitCode.badInput,
      suggestion: `Give --${this.flag} ${this.allowed}; see the command's --help.`,
    });
  }
}

interface FlagBounds {
  min?: number;
  max?: number;
}

/** The allowed values of a numeric flag, in words: "an integer from 0 to 65535", "an integer of at least 1". */
export function allowedRange(flag: FlagBounds): string {
  const {min, max} = flag;
  if (min !== undefined && max !== undefined) return `an integer from ${min} to ${max}`;
  if (min !== undefined) return `an integer of at least ${min}`;
  if (max !== undefined) return `an integer of at most ${max}`;
  return 'an integer';
}

// Every Flags.integer() shares its parse function: that is how an integer flag is recognised.
const INTEGER_PARSE = Flags.integer().parse;

type ParseFunction = (input: string, context: unknown, flag: unknown) => Promise<unknown>;
interface FlagDefinition extends FlagBounds {
  type?: string;
  parse?: ParseFunction;
}

function parseInteger(name: string, flag: FlagBounds, input: string): number {
  const value = /^-?\d+$/.test(input.trim()) ? Number(input.trim()) : Number.NaN;
  const inRange =
    Number.isSafeInteger(value) &&
    (flag.min === undefined || value >= flag.min) &&
    (flag.max === undefined || value <= flag.max);
  if (!inRange)
    throw new FlagValueError(
      name,
      `--${name} must be ${allowedRange(flag)}, got "${input}"`,
      allowedRange(flag),
    );
  return value;
}

/**
 * The flags with every value parser made to throw a FlagValueError: integers are checked here (with the range
 * in the message), other parsers' errors are wrapped with the flag's name.
 */
export function withTypedFlagErrors<F extends Record<string, unknown>>(flags: F | undefined): F | undefined {
  if (!flags) return flags;
  const wrapped: Record<string, unknown> = {};
  for (const [name, definition] of Object.entries(flags)) {
    const flag = definition as FlagDefinition;
    const original = flag.parse;
    if (flag.type !== 'option' || !original) {
      wrapped[name] = definition;
      continue;
    }
    const parse: ParseFunction =
      original === INTEGER_PARSE
        ? async (input) => parseInteger(name, flag, input)
        : async (input, context, self) => {
            try {
              return await original(input, context, self);
            } catch (error) {
              if (error instanceof FlagValueError || error instanceof SynthnluError) throw error;
              const text = (error as Error).message.replace(/^Error: /, '');
              const problem = text.startsWith(`--${name}`) ? text : `--${name}: ${text}`;
              throw new FlagValueError(name, problem, 'a valid value');
            }
          };
    wrapped[name] = {...flag, parse};
  }
  return wrapped as F;
}
