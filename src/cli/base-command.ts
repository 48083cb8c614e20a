import {Command, Errors, type Interfaces} from '@oclif/core';
import {ExitCode, SynthnluError, type Diagnostic, type ExitCodeValue} from '../errors.js';
import {withFlagSuggestion} from './flag-suggestion.js';
import {printDiagnostics} from './report.js';

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

  /** Human output goes to stdout only when --json is off; diagnostics and progress always go to stderr. */
  protected printDiagnostics(diagnostics: Diagnostic[], options: {limit?: number} = {}): void {
    if (this.jsonEnabled()) return;
    printDiagnostics(diagnostics, (line) => process.stderr.write(`${line}\n`), options);
  }

  /** Ends the command with a result and a failure exit code. */
  protected failWith(result: T, exitCode: ExitCodeValue, message: string): never {
    throw new CommandResultError(result, exitCode, message);
  }

  protected override async catch(caught: Interfaces.CommandError | Error): Promise<unknown> {
    const error = withFlagSuggestion(caught, this.ctor, this.config.bin);
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
    // oclif's own parse errors (unknown flag, missing argument) are usage errors: exit 2.
    const oclifExit = (error as {oclif?: {exit?: number}}).oclif?.exit;
    const exitCode = (oclifExit ?? ExitCode.failedCheck) as number;
    if (this.jsonEnabled()) {
      this.logJson({error: {code: 'USAGE', exitCode, message: error.message}});
      return this.exit(exitCode);
    }
    throw error;
  }

  abstract override run(): Promise<T>;
}
