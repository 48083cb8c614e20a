import {Command, Errors, Flags, type Interfaces} from '@oclif/core';
import type {ConnectorRegistry} from '../connector-registry.js';
import {ExitCode, SynthnluError, type Diagnostic, type ExitCodeValue} from '../errors.js';
import {
  DEFAULT_INPUT_LIMITS,
  formatBytes,
  inInputLimitScope,
  parseByteSize,
  setMaxInputBytes,
} from '../io/input-limits.js';
import {withFlagSuggestion} from './flag-suggestion.js';
import {FlagValueError, withTypedFlagErrors} from './flag-values.js';
import {printDiagnostics} from './report.js';
import {stderrProgress, type Progress} from './progress.js';
import {toSynthnluError} from '../io/system-errors.js';
import {commandRegistry, synthnluPlugins} from '../plugins/command-registry.js';

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

  /** The run in a scope of its own: --max-bytes holds for this run only, not for the process. */
  protected override _run<R>(): Promise<R> {
    return inInputLimitScope(() => super._run<R>());
  }

  protected override async parse<F extends FlagOutput, B extends FlagOutput, A extends ArgOutput>(
    options?: Interfaces.Input<F, B, A>,
    argv?: string[],
  ): Promise<Interfaces.ParserOutput<F, B, A>> {
    const input = options ?? (this.ctor as unknown as Interfaces.Input<F, B, A>);
    // Spread alone would drop what a command class inherits (enableJsonFlag, strict): oclif reads those itself.
    const parsed = await super.parse(
      {
        ...input,
        args: input.args,
        strict: input.strict,
        enableJsonFlag: input.enableJsonFlag,
        flags: withTypedFlagErrors(await this.withRunChoices(input.flags)) ?? ({} as Interfaces.FlagInput<F>),
        baseFlags: withTypedFlagErrors(input.baseFlags) ?? ({} as Interfaces.FlagInput<B>),
      },
      argv,
    );
    setMaxInputBytes((parsed.flags as {'max-bytes'?: number})['max-bytes']);
    const [first] = Object.values(parsed.args as Record<string, unknown>);
    if (typeof first === 'string') this.#input = first;
    return parsed;
  }

  #registry: Promise<ConnectorRegistry> | undefined;
  /**
   * This run's registry: the built-in connectors and spec readers, then those of installed plugins. Built once
   * per run, on first use (a command that needs no connector does not load them), and passed to the core.
   */
  protected registry(): Promise<ConnectorRegistry> {
    return (this.#registry ??= commandRegistry(this.config).then((built) => built.registry));
  }

  /**
   * The flags a command class drew from the registry when it loaded saw the built-ins only. With plugins
   * installed, before oclif parses: a flag whose choices are a registry list (--to, --from) gets this run's
   * list, and push, pull and evaluate get the platform flags the plugins' remotes declare.
   */
  private async withRunChoices<F extends Record<string, unknown>>(
    flags: F | undefined,
  ): Promise<F | undefined> {
    if (!flags || synthnluPlugins(this.config).length === 0) return flags;
    const [{registry: builtins}, {registryChoices, withRegistryChoices}, {remoteCommandFlags}] =
      await Promise.all([
        import('../registry.js'),
        import('../plugins/connector-plugins.js'),
        import('../remote/flags.js'),
      ]);
    const registry = await this.registry();
    const remoteCommand = (['push', 'pull', 'evaluate'] as const).find((id) => id === this.id);
    const added = remoteCommand ? remoteCommandFlags(registry, remoteCommand) : {};
    return withRegistryChoices({...added, ...flags}, registryChoices(builtins, registry));
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
    if (error instanceof FlagValueError) return this.catch(error.toSynthnluError());
    // oclif's own parse errors (unknown flag, missing argument, a flag value its parser refused) are usage
    // errors: exit 2. Anything else is a synthnlu bug: say so in one line, without a stack trace.
    const usage = isUsageError(error);
    const exitCode = usage ? ExitCode.badInput : ExitCode.failedCheck;
    const message = usage ? error.message : `internal error: ${error.message}`;
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

/**
 * oclif's parser errors: every one is a CLIParseError (not exported by @oclif/core), a CLIError that carries the
 * parser's input and output in `parse`; some also carry an exit code.
 */
function isUsageError(error: Error): boolean {
  if ((error as {oclif?: {exit?: number}}).oclif?.exit !== undefined) return true;
  return error instanceof Errors.CLIError && 'parse' in error;
}
