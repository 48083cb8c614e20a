/** "Did you mean --per-intent?" for a mistyped flag, which oclif reports without a suggestion. */
import {ExitCode, SynthnluError} from '../errors.js';
import {closestMatch} from '../schema/suggest.js';

interface CommandShape {
  id?: string;
  flags?: Record<string, {char?: string}>;
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
