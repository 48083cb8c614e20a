/** "Did you mean --per-intent?" for a mistyped flag, which oclif reports without a suggestion. */
import {ExitCode, SynthnluError} from '../errors.js';
import {closestMatch} from '../schema/suggest.js';

interface CommandShape {
  id?: string;
  flags?: Record<
    string,
    {char?: string; options?: readonly string[]; description?: string; summary?: string}
  >;
  examples?: readonly unknown[];
}

/** oclif's FlagInvalidOptionError: "Expected --to=rassa to be one of: dialogflow, …". */
function invalidOption(error: Error): {flag: string; value: string; options: string[]} | undefined {
  const match = /Expected --([\w-]+)=([^\n]*?) to be one of: ([^\n]*)/.exec(error.message);
  return match ? {flag: match[1]!, value: match[2]!, options: match[3]!.split(/,\s*/)} : undefined;
}

/** oclif's missing-required-flag error: "The following error occurred:\n  Missing required flag out". */
function missingFlags(error: Error): string[] {
  return [...error.message.matchAll(/Missing required flag:?\s+-*([\w-]+)/g)].map((m) => m[1]!);
}

/** The command's first example that uses the flag, rendered as the user would type it. */
function exampleWith(command: CommandShape, flag: string, bin: string): string | undefined {
  const id = (command.id ?? '').replaceAll(':', ' ');
  return command.examples
    ?.map((e) => (typeof e === 'string' ? e : ((e as {command?: string}).command ?? '')))
    .map((e) => e.replaceAll('<%= config.bin %>', bin).replaceAll('<%= command.id %>', id))
    .find((e) => new RegExp(`--${flag}\\b`).test(e));
}

/** oclif's NonExistentFlagsError, recognised by shape: it is not exported from @oclif/core. */
function unknownFlags(error: unknown): string[] | undefined {
  const flags = (error as {flags?: unknown}).flags;
  return error instanceof Error && /^Nonexistent flags?:/.test(error.message) && Array.isArray(flags)
    ? flags.filter((f): f is string => typeof f === 'string')
    : undefined;
}

/** Turns an unknown-flag parse error into a usage error naming the closest real flag; other errors pass. */
export function withFlagSuggestion(error: Error, command: CommandShape, bin: string): Error {
  const invalid = invalidOption(error);
  if (invalid) {
    const guess = closestMatch(invalid.value, invalid.options);
    return new SynthnluError(
      'INVALID_FLAG_VALUE',
      `--${invalid.flag} ${JSON.stringify(invalid.value)} is not one of: ${invalid.options.join(', ')}`,
      {
        exitCode: ExitCode.badInput,
        suggestion: guess
          ? `Did you mean --${invalid.flag} ${guess}?`
          : `Pass one of: ${invalid.options.join(', ')}.`,
      },
    );
  }
  const missing = missingFlags(error);
  if (missing.length > 0) {
    const [flag] = missing as [string];
    const about = command.flags?.[flag]?.summary ?? command.flags?.[flag]?.description;
    const example = exampleWith(command, flag, bin);
    return new SynthnluError(
      'MISSING_FLAG',
      `${missing.map((f) => `--${f}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} required${about ? ` (--${flag}: ${about.replace(/\.$/, '')})` : ''}`,
      {
        exitCode: ExitCode.badInput,
        suggestion: example
          ? `For example: ${example}`
          : `Run "${bin} help${command.id ? ` ${command.id.replaceAll(':', ' ')}` : ''}" for the flags.`,
      },
    );
  }
  const unknown = unknownFlags(error);
  if (!unknown?.length) return error;
  const names = Object.keys(command.flags ?? {});
  const found = unknown.flatMap((typed) => {
    const guess = closestMatch(typed.replace(/^-+/, '').split('=')[0]!, names);
    return guess ? [`--${guess}`] : [];
  });
  const help = `Run "${bin} help${command.id ? ` ${command.id.replaceAll(':', ' ')}` : ''}" for the flags.`;
  return new SynthnluError(
    'UNKNOWN_FLAG',
    `unknown flag${unknown.length === 1 ? '' : 's'}: ${unknown.join(', ')}`,
    {
      exitCode: ExitCode.badInput,
      suggestion: found.length ? `Did you mean ${found.join(', ')}? ${help}` : help,
    },
  );
}
