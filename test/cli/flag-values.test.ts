import {Flags} from '@oclif/core';
import {describe, expect, it} from 'vitest';
import {FlagValueError, withTypedFlagErrors} from '../../src/cli/flag-values.js';

type Parse = (input: string, context: unknown, flag: unknown) => Promise<unknown>;
const parserOf = (flags: Record<string, unknown> | undefined, name: string): Parse =>
  (flags?.[name] as {parse: Parse}).parse;

describe('flag values as typed errors (no reading of oclif message text)', () => {
  const quiet = Flags.boolean();
  const flags = withTypedFlagErrors({
    port: Flags.integer({min: 0, max: 65535}),
    seed: Flags.integer(),
    size: Flags.custom<number>({
      parse: async (input) => {
        if (!/^\d+MB$/.test(input)) throw new Error(`a size such as 20MB, got "${input}"`);
        return Number.parseInt(input, 10);
      },
    })(),
    quiet,
  });

  it('checks an integer flag itself and names the flag, its range and the value', async () => {
    await expect(parserOf(flags, 'port')('99999', undefined, undefined)).rejects.toMatchObject({
      flag: 'port',
      problem: '--port must be an integer from 0 to 65535, got "99999"',
      allowed: 'an integer from 0 to 65535',
    });
    await expect(parserOf(flags, 'seed')('abc', undefined, undefined)).rejects.toBeInstanceOf(FlagValueError);
    expect(await parserOf(flags, 'port')('8080', undefined, undefined)).toBe(8080);
    expect(await parserOf(flags, 'seed')('-3', undefined, undefined)).toBe(-3);
  });

  it("wraps another parser's error with the flag's name, and keeps its problem when oclif rewrites the message", async () => {
    const error = (await parserOf(flags, 'size')('big', undefined, undefined).catch(
      (e: unknown) => e,
    )) as FlagValueError;
    expect(error).toBeInstanceOf(FlagValueError);
    error.message = `Parsing --size \n\t${error.message}\nSee more help with --help`;
    const reported = error.toSynthnluError();
    expect(reported.code).toBe('BAD_FLAG_VALUE');
    expect(reported.exitCode).toBe(2);
    expect(reported.message).toBe('--size: a size such as 20MB, got "big"');
  });

  it('leaves boolean flags as they are', () => {
    expect(flags?.quiet).toBe(quiet);
  });
});
