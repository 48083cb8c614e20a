import {Command, Errors, Flags, type Interfaces} from '@oclif/core';
import {ExitCode, SynthnluError, type Diagnostic, type ExitCodeValue} from '../errors.js';
import {DEFAULT_INPUT_LIMITS, formatBytes, parseByteSize, setMaxInputBytes} from '../io/input-limits.js';
import {withFlagSuggestion} from './flag-suggestion.js';
import {printDiagnostics} from './report.js';
import {stderrProgress, type Progress} from './progress.js';
import {toSynthnluError} from '../io/system-errors.js';

// oclif's parser output shapes (not exported from its package entry points).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type FlagOutput = {[name: string]: any};
type ArgOutput = FlagOutput;

/**
 * A command that ended with a result and a non-zero exit code (a failed check): the result is still printed
 * (as JSON with --json), then the process exits with the code.
 */
export class CommandResultError<T> extends Error {
  constructor(
    readonly result: T,
    readonly exitCode: ExitCodeValue,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Base of every synthnlu command: --json on all of them, and one place that turns errors into the documented
 * exit codes (0 ok, 1 failed check, 2 bad input or usage) with messages that name the file and say the fix.
 */
export abstract class SynthnluCommand<T> extends Command {
  static override enableJsonFlag = true;
  static override baseFlags = {
    'max-bytes': Flags.custom<number>({
      description: `Largest input read, e.g. 20MB (defaults: specs ${formatBytes(DEFAULT_INPUT_LIMITS.spec)}, platform files and archives ${formatBytes(DEFAULT_INPUT_LIMITS.platformFile)}, datasets ${formatBytes(DEFAULT_INPUT_LIMITS.dataset)}).`,
      helpGroup: 'GLOBAL',
      parse: async (input) => {
        const bytes = parseByteSize(input);
        if (bytes === undefined)
          throw new Error(`--max-bytes must be a size such as 5000, 64KB or 20MB, got "${input}"`);
        return bytes;
      },
    })(),
  };

  protected override async parse<F extends FlagOutput, B extends FlagOutput, A extends ArgOutput>(
    options?: Interfaces.Input<F, B, A>,
    argv?: string[],
  ): Promise<Interfaces.ParserOutput<F, B, A>> {
    const parsed = await super.parse(options, argv);
    setMaxInputBytes((parsed.flags as {'max-bytes'?: number})['max-bytes']);
    const [first] = Object.values(parsed.args as Record<string, unknown>);
    if (typeof first === 'string') this.#input = first;
    return parsed;
  }

  /** Human output goes to stdout only when --json is off; diagnostics and progress always go to stderr. */
  protected printDiagnostics(diagnostics: Diagnostic[], options: {limit?: number} = {}): void {
    if (this.jsonEnabled()) return;
    printDiagnostics(diagnostics, (line) => process.stderr.write(`${line}\n`), options);
  }

  /** Progress on stderr, for a person at a terminal only (silent with --json or a piped stderr). */
  protected progress(): Progress {
    return stderrProgress({json: this.jsonEnabled()});
  }

  /** Ends the command with a result and a failure exit code. */
  protected failWith(result: T, exitCode: ExitCodeValue, message: string): never {
    throw new CommandResultError(result, exitCode, message);
  }

  protected override async catch(caught: Interfaces.CommandError | Error): Promise<unknown> {
    const error =
      toSynthnluError(caught, this.firstArgument()) ?? withFlagSuggestion(caught, this.ctor, this.config.bin);
    if (error instanceof CommandResultError) {
      if (this.jsonEnabled()) this.logJson(error.result);
      else process.stderr.write(`${error.message}\n`);
      return this.exit(error.exitCode);
    }
    if (error instanceof SynthnluError) {
      if (this.jsonEnabled()) this.logJson({error: error.toJSON()});
      else {
        process.stderr.write(`Error: ${error.message}\n`);
        if (error.diagnostics.length > 1)
          printDiagnostics(error.diagnostics, (line) => process.stderr.write(`${line}\n`), {limit: 20});
        else if (error.suggestion) process.stderr.write(`  fix: ${error.suggestion}\n`);
      }
      return this.exit(error.exitCode);
    }
    if (error instanceof Errors.ExitError) throw error;
    const badValue = badFlagValue(error, this.ctor.flags ?? {});
    if (badValue) return this.catch(badValue);
    // oclif's own parse errors (unknown flag, missing argument, a flag value its parser refused) are usage
    // errors: exit 2. Anything else is a synthnlu bug: say so in one line, without a stack trace.
    const usage = isUsageError(error);
    const exitCode = usage ? ExitCode.badInput : ExitCode.failedCheck;
    const message = usage
      ? error.message.replace(/^Parsing --[\w-]+ \n\t([\s\S]*?)\nSee more help with --help$/, '$1')
      : `internal error: ${error.message}`;
    if (this.jsonEnabled()) this.logJson({error: {code: usage ? 'USAGE' : 'INTERNAL', exitCode, message}});
    else {
      process.stderr.write(`Error: ${message}\n`);
      if (usage) process.stderr.write(`  fix: see ${this.config.bin} ${this.id ?? ''} --help\n`);
      else process.stderr.write('  This is a synthnlu bug; please report it with the command you ran.\n');
    }
    if (process.env.DEBUG) process.stderr.write(`${error.stack ?? ''}\n`);
    return this.exit(exitCode);
  }

  /** The command's first positional argument (its input file, for every command that has one). */
  #input: string | undefined;
  private firstArgument(): string | undefined {
    return this.#input;
  }

  abstract override run(): Promise<T>;
}

/** oclif's parser errors carry an exit code or come from its parser error classes. */
function isUsageError(error: Error): boolean {
  if ((error as {oclif?: {exit?: number}}).oclif?.exit !== undefined) return true;
  // A flag's own parse function threw: oclif rewraps the message but keeps the plain Error.
  if (/^Parsing --[\w-]+ \n/.test(error.message)) return true;
  const parseErrors = [
    'CLIParseError',
    'FailedFlagValidationError',
    'RequiredArgsError',
    'UnexpectedArgsError',
    'NonExistentFlagsError',
    'FlagInvalidOptionError',
    'ArgInvalidOptionError',
  ];
  return error instanceof Errors.CLIError && parseErrors.includes(error.constructor.name);
}

interface FlagBounds {
  type?: string;
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

/**
 * oclif reports a flag value its parser refused as "Parsing --seed \n\tExpected an integer but received: abc",
 * and the line people see dropped the flag's name. This names the flag, its allowed range and the value given.
 */
function badFlagValue(error: Error, flags: Record<string, FlagBounds>): SynthnluError | undefined {
  const parsed = /^Parsing --([\w-]+) \n\t([\s\S]*?)(?:\nSee more help with --help)?$/.exec(error.message);
  if (!parsed) return undefined;
  const [, name, detail] = parsed as unknown as [string, string, string];
  const flag = flags[name] ?? {};
  const integer = /^Expected an integer\b.*but received: ([\s\S]*)$/.exec(detail);
  const plain = detail.replace(/^Error: /, '');
  const message = integer
    ? `--${name} must be ${allowedRange(flag)}, got "${integer[1]}"`
    : plain.startsWith(`--${name}`)
      ? plain
      : `--${name}: ${plain}`;
  return new SynthnluError('BAD_FLAG_VALUE', message, {
    exitCode: ExitCode.badInput,
    suggestion: `Give --${name} ${integer ? allowedRange(flag) : 'a valid value'}; see the command's --help.`,
  });
}
